/// A legal ground for exempting information: a letter of UU 14/2008 Pasal 17 and, where the letter
/// has numbered points, one of them ("Pasal 17 huruf h angka 2").
///
/// The labels paraphrase the statute; verify against the official text (JDIH) before quoting it
/// to users in a legal document.
public struct ExemptionGround: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let letter: Letter
    /// The numbered point (1-based), or nil when the citation names the letter only.
    public let point: Int?

    /// Creates a ground, or nil when the letter has no such point.
    public init?(_ letter: Letter, point: Int? = nil) {
        if let point, point < 1 || point > letter.points.count { return nil }
        self.letter = letter
        self.point = point
    }

    /// "Pasal 17 huruf h angka 2".
    public var citation: String {
        "Pasal 17 huruf \(letter.rawValue)" + (point.map { " angka \($0)" } ?? "")
    }

    /// "Article 17 letter h point 2".
    public var englishCitation: String {
        "Article 17 letter \(letter.rawValue)" + (point.map { " point \($0)" } ?? "")
    }

    /// Short code, as in `h2` or `i`.
    public var code: String { letter.rawValue + (point.map(String.init) ?? "") }

    /// Reads a short code (`h2`, `i`).
    public init?(code: String) {
        guard let first = code.first, let letter = Letter(rawValue: String(first).lowercased()) else { return nil }
        let rest = code.dropFirst()
        if rest.isEmpty {
            self.init(letter)
        } else if let point = Int(rest) {
            self.init(letter, point: point)
        } else {
            return nil
        }
    }

    public var label: String { point.map { letter.points[$0 - 1].indonesian } ?? letter.indonesian }
    public var englishLabel: String { point.map { letter.points[$0 - 1].english } ?? letter.english }

    public var description: String { citation }

    public static func < (lhs: ExemptionGround, rhs: ExemptionGround) -> Bool {
        (lhs.letter.order, lhs.point ?? 0) < (rhs.letter.order, rhs.point ?? 0)
    }

    /// UU 14/2008 Ps 18(2): information under g and h may be opened with the written consent of
    /// the person concerned, or where it concerns their position in a public office.
    public var opensWithPersonalConsent: Bool { letter == .g || letter == .h }

    /// Grounds whose period or basis is "as the relevant statute sets" and so want that statute
    /// named (PP 61/2010 Ps 6, 8(1), 9; UU 14/2008 Ps 17 j).
    public var citesOtherStatute: Bool { [.b, .g, .i, .j].contains(letter) }

    /// Every ground in the catalog: each letter alone, then each numbered point.
    public static var catalog: [ExemptionGround] {
        Letter.allCases.flatMap { letter in
            ([ExemptionGround(letter)] + letter.points.indices.map { ExemptionGround(letter, point: $0 + 1) }).compactMap { $0 }
        }
    }
}

extension ExemptionGround {
    public struct Label: Hashable, Sendable {
        public let indonesian: String
        public let english: String
    }

    /// The letters of UU 14/2008 Pasal 17.
    public enum Letter: String, CaseIterable, Sendable, Hashable {
        case a, b, c, d, e, f, g, h, i, j

        var order: Int { Letter.allCases.firstIndex(of: self) ?? Letter.allCases.count }

        /// UU 14/2008 Ps 20(1).
        public var neverPermanent: Bool { order <= Letter.f.order }

        public var indonesian: String { Self.labels[self]?.indonesian ?? "Pasal 17 huruf \(rawValue)" }
        public var english: String { Self.labels[self]?.english ?? "Article 17(\(rawValue))" }
        public var points: [Label] { Self.pointLabels[self] ?? [] }

        private static let labels: [Letter: Label] = [
            .a: Label(
                indonesian: "Menghambat proses penegakan hukum",
                english: "Would obstruct law enforcement"),
            .b: Label(
                indonesian:
                    "Mengganggu perlindungan hak atas kekayaan intelektual dan perlindungan dari persaingan usaha tidak sehat",
                english: "Would harm intellectual-property protection or protection from unfair business competition"),
            .c: Label(
                indonesian: "Membahayakan pertahanan dan keamanan negara",
                english: "Would endanger national defence and security"),
            .d: Label(
                indonesian: "Mengungkapkan kekayaan alam Indonesia",
                english: "Would reveal Indonesia's natural wealth"),
            .e: Label(
                indonesian: "Merugikan ketahanan ekonomi nasional",
                english: "Would harm national economic resilience"),
            .f: Label(
                indonesian: "Merugikan kepentingan hubungan luar negeri",
                english: "Would harm foreign relations"),
            .g: Label(
                indonesian: "Mengungkapkan isi akta otentik yang bersifat pribadi dan kemauan terakhir ataupun wasiat seseorang",
                english: "Would reveal the contents of private authentic deeds or a person's last will"),
            .h: Label(
                indonesian: "Mengungkap rahasia pribadi",
                english: "Would reveal personal secrets"),
            .i: Label(
                indonesian:
                    "Memorandum atau surat-surat antar atau intra Badan Publik yang menurut sifatnya dirahasiakan, kecuali atas putusan Komisi Informasi atau pengadilan",
                english:
                    "Memoranda or letters between or within public bodies that are confidential by nature, unless the Information Commission or a court decides otherwise"
            ),
            .j: Label(
                indonesian: "Informasi yang tidak boleh diungkapkan berdasarkan undang-undang",
                english: "Information that a statute forbids disclosing"),
        ]

        private static let pointLabels: [Letter: [Label]] = [
            .a: [
                Label(
                    indonesian: "Menghambat proses penyelidikan dan penyidikan suatu tindak pidana",
                    english: "Obstruct the investigation of a crime"),
                Label(
                    indonesian:
                        "Mengungkapkan identitas informan, pelapor, saksi, dan/atau korban yang mengetahui adanya tindak pidana",
                    english: "Reveal the identity of informants, reporters, witnesses or victims of a crime"),
                Label(
                    indonesian:
                        "Mengungkapkan data intelijen kriminal dan rencana pencegahan dan penanganan kejahatan transnasional",
                    english: "Reveal criminal intelligence and plans against transnational crime"),
                Label(
                    indonesian: "Membahayakan keselamatan dan kehidupan penegak hukum dan/atau keluarganya",
                    english: "Endanger the safety and lives of law-enforcement officers or their families"),
                Label(
                    indonesian: "Membahayakan keamanan peralatan, sarana, dan/atau prasarana penegak hukum",
                    english: "Endanger the security of law-enforcement equipment and facilities"),
            ],
            .c: [
                Label(
                    indonesian:
                        "Strategi, intelijen, operasi, taktik dan teknik penyelenggaraan sistem pertahanan dan keamanan negara",
                    english: "Strategy, intelligence, operations, tactics and techniques of national defence and security"),
                Label(
                    indonesian:
                        "Dokumen yang memuat strategi, intelijen, operasi, teknik dan taktik pertahanan dan keamanan negara",
                    english: "Documents containing such strategy, intelligence, operations, techniques and tactics"),
                Label(
                    indonesian:
                        "Jumlah, komposisi, disposisi, atau dislokasi kekuatan dan kemampuan pertahanan dan keamanan negara serta rencana pengembangannya",
                    english: "Size, composition, disposition or deployment of defence forces and their development plans"),
                Label(
                    indonesian: "Gambar dan data tentang situasi dan keadaan pangkalan dan/atau instalasi militer",
                    english: "Images and data on military bases and installations"),
                Label(
                    indonesian: "Data perkiraan kemampuan militer dan pertahanan negara lain",
                    english: "Assessments of the military and defence capability of other states"),
                Label(indonesian: "Sistem persandian negara", english: "The state cryptography system"),
                Label(indonesian: "Sistem intelijen negara", english: "The state intelligence system"),
            ],
            .e: [
                Label(
                    indonesian:
                        "Rencana awal pembelian dan penjualan mata uang nasional atau asing, saham dan aset vital milik negara",
                    english: "Initial plans to buy or sell national or foreign currency, shares and vital state assets"),
                Label(
                    indonesian: "Rencana awal perubahan nilai tukar, suku bunga, dan model operasi institusi keuangan",
                    english:
                        "Initial plans to change exchange rates, interest rates or the operating model of financial institutions"),
                Label(
                    indonesian:
                        "Rencana awal perubahan suku bunga bank, pinjaman pemerintah, perubahan pajak, tarif, atau pendapatan negara/daerah lainnya",
                    english:
                        "Initial plans to change bank rates, government loans, taxes, tariffs or other state or regional revenue"),
                Label(
                    indonesian: "Rencana awal penjualan atau pembelian tanah atau properti",
                    english: "Initial plans to sell or buy land or property"),
                Label(indonesian: "Rencana awal investasi asing", english: "Initial plans for foreign investment"),
                Label(
                    indonesian: "Proses dan hasil pengawasan perbankan, asuransi, atau lembaga keuangan lainnya",
                    english: "The process and results of supervising banks, insurers or other financial institutions"),
                Label(
                    indonesian: "Hal-hal yang berkaitan dengan proses pencetakan uang",
                    english: "Matters concerning the printing of money"),
            ],
            .f: [
                Label(
                    indonesian: "Posisi, daya tawar dan strategi negara dalam negosiasi internasional",
                    english: "The state's position, bargaining power and strategy in international negotiations"),
                Label(indonesian: "Korespondensi diplomatik antarnegara", english: "Diplomatic correspondence between states"),
                Label(
                    indonesian: "Sistem komunikasi dan persandian yang dipergunakan dalam menjalankan hubungan internasional",
                    english: "Communication and cryptography systems used in international relations"),
                Label(
                    indonesian: "Perlindungan dan pengamanan infrastruktur strategis Indonesia di luar negeri",
                    english: "Protection and security of Indonesia's strategic infrastructure abroad"),
            ],
            .h: [
                Label(indonesian: "Riwayat dan kondisi anggota keluarga", english: "History and condition of family members"),
                Label(
                    indonesian: "Riwayat, kondisi dan perawatan, pengobatan kesehatan fisik, dan psikis seseorang",
                    english: "A person's physical and mental health history, condition, care and treatment"),
                Label(
                    indonesian: "Kondisi keuangan, aset, pendapatan, dan rekening bank seseorang",
                    english: "A person's finances, assets, income and bank accounts"),
                Label(
                    indonesian:
                        "Hasil-hasil evaluasi sehubungan dengan kapabilitas, intelektualitas, dan rekomendasi kemampuan seseorang",
                    english: "Evaluations of a person's capability, intellect and recommendations"),
                Label(
                    indonesian: "Catatan pribadi seseorang yang berkaitan dengan kegiatan satuan pendidikan formal dan nonformal",
                    english: "A person's records from formal and non-formal education"),
            ],
        ]
    }
}
