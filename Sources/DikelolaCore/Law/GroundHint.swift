/// A suggestion of the letter and point of UU 14/2008 Pasal 17 that an item's words point to, from
/// a documented keyword table. It is a hint: the officer confirms the ground chosen or changes it,
/// and a ground of another letter is kept with a warning the head acknowledges.
///
/// The table lists, for each ground, the words of published DIKs and item lists that name
/// information of that kind (whole words, lower case). A word names one ground only.
public struct GroundHint: Hashable, Sendable {
    public let ground: ExemptionGround
    /// The words of the item that matched, as written in the table.
    public let phrase: String

    public static let table: [(code: String, phrases: [String])] = [
        ("a1", ["penyidikan", "penyelidikan", "berkas perkara", "berita acara pemeriksaan", "bap", "proses penyidikan"]),
        // A complainant's identity ("identitas pelapor") is personal (h) at most bodies: not listed here.
        ("a2", ["identitas saksi", "identitas korban", "identitas informan", "whistleblower", "whistleblowing",
                "saksi dan korban", "saksi pelapor"]),
        ("a3", ["intelijen kriminal", "rencana pencegahan", "penanganan kejahatan transnasional"]),
        ("a4", ["keselamatan penegak hukum", "keselamatan aparat", "keluarga penegak hukum"]),
        ("a5", ["sarana penegak hukum", "prasarana penegak hukum"]),
        ("b", ["rahasia dagang", "hak kekayaan intelektual", "kekayaan intelektual", "hak cipta", "paten", "merek dagang",
               "persaingan usaha", "harga perkiraan sendiri", "hps", "dokumen penawaran", "penawaran harga",
               "desain industri"]),
        ("c1", ["strategi pertahanan", "operasi militer", "taktik", "intelijen pertahanan"]),
        ("c3", ["kekuatan tempur", "gelar kekuatan", "alutsista", "alat utama sistem senjata"]),
        ("c4", ["instalasi militer", "pangkalan militer", "markas"]),
        ("c6", ["persandian", "kriptografi", "sandi negara", "kunci sandi", "enkripsi"]),
        ("c7", ["sistem intelijen negara", "intelijen negara"]),
        ("d", ["kekayaan alam", "cadangan mineral", "sumber daya alam strategis", "cadangan minyak"]),
        ("e", ["ketahanan ekonomi", "stabilitas ekonomi", "ketahanan ekonomi nasional"]),
        ("e1", ["mata uang", "saham", "aset vital"]),
        ("e2", ["nilai tukar", "kurs", "suku bunga"]),
        ("e3", ["perubahan pajak", "tarif pajak", "perubahan tarif", "pendapatan negara"]),
        ("e4", ["rencana pembelian tanah", "pengadaan tanah", "rencana penjualan tanah", "rencana awal pembelian"]),
        ("e5", ["penanaman modal asing", "investasi asing"]),
        ("e6", ["pengawasan perbankan", "pengawasan bank", "lembaga keuangan bank"]),
        ("e7", ["pencetakan uang"]),
        ("f", ["hubungan luar negeri", "hubungan internasional", "luar negeri"]),
        ("f1", ["posisi tawar", "strategi perundingan", "perundingan internasional"]),
        ("f2", ["korespondensi diplomatik", "surat diplomatik", "nota diplomatik"]),
        ("g", ["akta otentik", "akta autentik", "wasiat", "akta notaris", "surat wasiat"]),
        ("h1", ["riwayat keluarga", "kondisi keluarga", "anggota keluarga", "silsilah"]),
        ("h2", ["rekam medis", "riwayat penyakit", "riwayat kesehatan", "kesehatan pasien", "pengobatan",
                "diagnosis", "hasil laboratorium", "kesehatan fisik", "kesehatan psikis", "data pasien"]),
        ("h3", ["rekening", "rekening bank", "slip gaji", "penghasilan", "gaji pegawai", "keuangan pribadi", "aset pribadi",
                "kekayaan pribadi", "spt pribadi", "tabungan"]),
        ("h4", ["hasil seleksi", "seleksi pegawai", "penilaian kinerja pegawai", "penilaian pegawai", "psikotes",
                "hasil asesmen", "assessment", "asesmen", "uji kompetensi", "evaluasi kemampuan", "nilai ujian", "hasil tes",
                "skp", "sasaran kinerja pegawai", "penilaian prestasi kerja", "rekomendasi kemampuan", "talenta",
                "intelektualitas"]),
        ("h5", ["ijazah", "transkrip", "transkrip nilai", "riwayat pendidikan", "rapor", "catatan pendidikan"]),
        ("i", ["memorandum", "nota dinas", "telaahan staf", "telaah staf", "disposisi", "surat rahasia", "notulen rapat",
               "notulensi", "risalah rapat", "surat menyurat internal", "korespondensi internal", "konsep surat",
               "draf", "draft", "rancangan"]),
        ("j", ["nik", "nomor induk kependudukan", "kartu keluarga", "data kependudukan", "dokumen kependudukan",
               "biodata penduduk", "rahasia bank", "data pribadi", "rahasia jabatan", "rahasia negara", "kepesertaan",
               "data peserta"]),
    ]

    /// Grounds the words of `text` point to, best first (a point before its letter alone).
    public static func suggest(_ text: String) -> [GroundHint] {
        let words = Wording(text)
        return table.compactMap { entry in
            guard let ground = ExemptionGround(code: entry.code), let phrase = words.first(of: entry.phrases) else {
                return nil
            }
            return GroundHint(ground: ground, phrase: phrase)
        }
    }

    /// A hint that the ground chosen is of another letter than every ground the words point to;
    /// nil when they agree, or when the words point nowhere. Grounds h and j overlap for personal
    /// data (h, or the statute protecting it under j), as do h and i for letters about a person.
    public static func disagreement(with chosen: ExemptionGround, in text: String) -> GroundHint? {
        let hints = suggest(text)
        guard let first = hints.first else { return nil }
        let compatible: [ExemptionGround.Letter: Set<ExemptionGround.Letter>] = [
            .h: [.h, .j], .j: [.j, .h], .a: [.a, .j], .c: [.c, .j], .i: [.i, .j],
        ]
        let fits = hints.contains { hint in
            hint.ground.letter == chosen.letter || (compatible[hint.ground.letter] ?? []).contains(chosen.letter)
        }
        if fits { return nil }
        return first
    }
}
