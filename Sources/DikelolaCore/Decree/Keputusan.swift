/// The text of a decree in the standard form of Indonesian official writing (tata naskah dinas;
/// for regional governments Permendagri 1/2023): "KEPUTUSAN [jabatan] NOMOR … TENTANG …", the
/// official's title, Menimbang (a, b, c), Mengingat (1, 2, …), MEMUTUSKAN, Menetapkan and the
/// numbered clauses KESATU, KEDUA …; the caller adds the kop, the signature and the Lampiran.
/// One builder for the three decrees of the procedure: classification (PP 61/2010 Ps 3–4),
/// opening (Ps 11) and re-classification (Ps 10).
public struct Keputusan: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case classification
        case opening
        case reclassification(previous: String?)
    }

    /// The officer keeping the register, named as a person in the clauses.
    public struct Officer: Hashable, Sendable {
        public let name: String
        public let position: String
        public let nip: String?

        public init(name: String, position: String, nip: String?) {
            self.name = name
            self.position = position
            self.nip = nip
        }
    }

    public struct Clause: Hashable, Sendable {
        /// KESATU, KEDUA, …
        public let ordinal: String
        public let text: String
    }

    public let kind: Kind
    public let signerPosition: String
    public let unitName: String
    public let bodyName: String
    public let ppid: Officer?
    /// The day of the consequence-test meeting, when recorded.
    public let meetingDate: LocalDate?
    public let legalBasis: [String]

    public init(
        kind: Kind, signerPosition: String, unitName: String, bodyName: String, ppid: Officer?, meetingDate: LocalDate?,
        legalBasis: [String]
    ) {
        self.kind = kind
        self.signerPosition = signerPosition
        self.unitName = unitName
        self.bodyName = bodyName
        self.ppid = ppid
        self.meetingDate = meetingDate
        self.legalBasis = legalBasis.isEmpty ? Self.defaultLegalBasis : legalBasis
    }

    /// What every such decree rests on, as the body's list starts before it adds its own decree
    /// appointing its PPID.
    public static let defaultLegalBasis = [
        "Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik",
        "Peraturan Pemerintah Nomor 61 Tahun 2010 tentang Pelaksanaan Undang-Undang Nomor 14 Tahun 2008 tentang "
            + "Keterbukaan Informasi Publik",
        "Peraturan Komisi Informasi Nomor 1 Tahun 2017 tentang Pengklasifikasian Informasi Publik",
    ]

    /// "KEPUTUSAN KEPALA DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL".
    public var title: String { "KEPUTUSAN " + signerPosition.uppercased() }

    /// "PENETAPAN INFORMASI YANG DIKECUALIKAN DI LINGKUNGAN DINAS …".
    public var subject: String {
        let what =
            switch kind {
            case .classification: "PENETAPAN INFORMASI YANG DIKECUALIKAN"
            case .opening: "PEMBUKAAN INFORMASI YANG DIKECUALIKAN"
            case .reclassification: "KLASIFIKASI ULANG INFORMASI YANG DIKECUALIKAN"
            }
        return what + " DI LINGKUNGAN " + unitName.uppercased()
    }

    /// The subject as a sentence ("Penetapan Informasi yang Dikecualikan di Lingkungan Dinas …").
    var subjectInSentence: String {
        let what =
            switch kind {
            case .classification: "Penetapan Informasi yang Dikecualikan"
            case .opening: "Pembukaan Informasi yang Dikecualikan"
            case .reclassification: "Klasifikasi Ulang Informasi yang Dikecualikan"
            }
        return "\(what) di Lingkungan \(unitName)"
    }

    /// The officer's title as it stands above Menimbang: "KEPALA DINAS …,".
    public var heading: String { signerPosition.uppercased() + "," }

    /// Menimbang: why, lettered a, b, c.
    public var considerations: [String] {
        let test = meetingDate.map { " pada tanggal \(IndonesianFormat.date($0))" } ?? ""
        let need =
            "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu menetapkan Keputusan "
            + "\(signerPosition) tentang \(subjectInSentence);"
        switch kind {
        case .classification:
            return [
                "bahwa berdasarkan Pasal 17 Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik, setiap "
                    + "Badan Publik wajib membuka akses bagi setiap pemohon informasi publik, kecuali informasi yang dikecualikan;",
                "bahwa Pejabat Pengelola Informasi dan Dokumentasi telah melakukan uji konsekuensi\(test) sebagaimana "
                    + "dimaksud dalam Pasal 19 Undang-Undang Nomor 14 Tahun 2008, dan hasilnya telah disetujui pimpinan "
                    + "Badan Publik sesuai Pasal 3 Peraturan Pemerintah Nomor 61 Tahun 2010;",
                need,
            ]
        case .opening:
            return [
                "bahwa jangka waktu pengecualian informasi sebagaimana tercantum dalam Lampiran Keputusan ini berakhir, "
                    + "dan berdasarkan Pasal 11 Peraturan Pemerintah Nomor 61 Tahun 2010 informasi tersebut dibuka dengan "
                    + "penetapan paling lambat 30 (tiga puluh) hari kerja sebelum jangka waktunya berakhir;",
                "bahwa informasi yang dibuka menjadi informasi publik yang dicatat dalam Daftar Informasi Publik;",
                need,
            ]
        case .reclassification:
            return [
                "bahwa berdasarkan Pasal 10 Peraturan Pemerintah Nomor 61 Tahun 2010, klasifikasi informasi yang "
                    + "dikecualikan dapat diubah berdasarkan uji konsekuensi dengan persetujuan pimpinan Badan Publik;",
                "bahwa Pejabat Pengelola Informasi dan Dokumentasi telah melakukan uji konsekuensi ulang terhadap informasi "
                    + "sebagaimana tercantum dalam Lampiran Keputusan ini, dengan hasil informasi tersebut tetap dikecualikan "
                    + "dengan jangka waktu yang baru;",
                need,
            ]
        }
    }

    /// "KEPUTUSAN KEPALA DINAS … TENTANG PENETAPAN …", after Menetapkan.
    public var enactment: String { "\(title) TENTANG \(subject)." }

    /// KESATU, KEDUA, …: what is decided.
    public var clauses: [Clause] {
        let keeper =
            ppid.map { officer in
                "\(officer.name)" + (officer.nip.flatMap { try? NIP($0) }.map { ", NIP \($0.formatted)" } ?? "")
                    + ", \(officer.position), selaku Pejabat Pengelola Informasi dan Dokumentasi"
            } ?? "Pejabat Pengelola Informasi dan Dokumentasi \(bodyName)"
        var texts: [String]
        switch kind {
        case .classification:
            texts = [
                "Menetapkan informasi yang dikecualikan di lingkungan \(unitName), beserta dasar hukum, konsekuensi dan "
                    + "alasannya, sebagaimana tercantum dalam Lampiran yang merupakan bagian tidak terpisahkan dari Keputusan ini.",
                "Informasi sebagaimana dimaksud dalam Diktum KESATU dikecualikan selama jangka waktu yang tercantum dalam "
                    + "Lampiran; bagian informasi yang dikecualikan sebagian dihitamkan dan selebihnya diberikan (Pasal 22 "
                    + "ayat (7) huruf e Undang-Undang Nomor 14 Tahun 2008), dan setelah jangka waktunya berakhir informasi "
                    + "tersebut menjadi informasi publik (Pasal 11 Peraturan Pemerintah Nomor 61 Tahun 2010).",
                "\(keeper), mencatat informasi sebagaimana dimaksud dalam Diktum KESATU dalam Daftar Informasi yang "
                    + "Dikecualikan, menyimpan dokumennya, dan mengumumkan daftar tersebut.",
            ]
        case .opening:
            texts = [
                "Membuka informasi sebagaimana tercantum dalam Lampiran yang merupakan bagian tidak terpisahkan dari "
                    + "Keputusan ini, sehingga menjadi informasi publik yang dapat diakses.",
                "\(keeper), mengeluarkan informasi sebagaimana dimaksud dalam Diktum KESATU dari Daftar Informasi yang "
                    + "Dikecualikan dan mencatatnya dalam Daftar Informasi Publik.",
            ]
        case let .reclassification(previous):
            texts = [
                "Menetapkan kembali sebagai informasi yang dikecualikan, dengan jangka waktu pengecualian yang baru, informasi "
                    + "sebagaimana tercantum dalam Lampiran yang merupakan bagian tidak terpisahkan dari Keputusan ini.",
                "Penetapan sebelumnya" + (previous.map { " (Nomor \($0))" } ?? "")
                    + " sepanjang mengenai informasi sebagaimana dimaksud dalam Diktum KESATU dinyatakan tidak berlaku.",
                "\(keeper), mencatat perubahan sebagaimana dimaksud dalam Diktum KESATU dalam Daftar Informasi yang "
                    + "Dikecualikan dan mengumumkannya.",
            ]
        }
        texts.append("Keputusan ini mulai berlaku pada tanggal ditetapkan.")
        return texts.enumerated().map { Clause(ordinal: Self.ordinal($0.offset + 1), text: $0.element) }
    }

    /// KESATU, KEDUA, … KESEPULUH: the ordinals of the clauses of a decree.
    public static func ordinal(_ n: Int) -> String {
        let words = ["SATU", "DUA", "TIGA", "EMPAT", "LIMA", "ENAM", "TUJUH", "DELAPAN", "SEMBILAN", "SEPULUH"]
        guard (1...words.count).contains(n) else { return "KE-\(n)" }
        return n == 1 ? "KESATU" : "KE" + words[n - 1]
    }

    /// "LAMPIRAN KEPUTUSAN … NOMOR … TANGGAL … TENTANG …": the heading of the attachment.
    public func attachmentHeading(number: String, date: LocalDate) -> [String] {
        ["LAMPIRAN", title, "NOMOR \(number)", "TANGGAL \(IndonesianFormat.date(date).uppercased())", "TENTANG \(subject)"]
    }
}
