import Foundation

extension PublicRegister {
    /// The columns of the open-data exports, in order (Bahasa Indonesia, as the DIK is published).
    public static let csvColumns = [
        "No. DIK", "Informasi", "Unit", "Dasar hukum", "Peraturan lain", "Dikecualikan sebagian",
        "Konsekuensi bila dibuka", "Konsekuensi bila ditutup", "Jangka waktu", "Berakhir", "Ditinjau",
        "Nomor surat penetapan", "Tanggal surat penetapan", "Keadaan", "Terbuka sejak", "Terbuka demi hukum",
        "Nomor surat pembukaan", "Ringkasan (DIP)", "Penanggung jawab (DIP)", "Retensi (DIP)",
        "Bagian yang terbuka",
    ]

    public static func statusLabel(_ status: Entry.Status) -> String {
        switch status {
        case .exempted: "Dikecualikan"
        case .endingSoon: "Akan berakhir"
        case .reviewDue: "Perlu ditinjau"
        case .opened: "Terbuka"
        }
    }

    /// A cell of an export row: text, or a calendar date (a real date in the spreadsheet, ISO text
    /// in the CSV).
    public enum Cell: Equatable, Sendable {
        case text(String)
        case date(LocalDate?)

        var plain: String {
            switch self {
            case .text(let text): text
            case .date(let date): date?.iso ?? ""
            }
        }
    }

    /// One entry as the export columns (`csvColumns`), shared by the CSV and the spreadsheet.
    func cells(_ e: Entry) -> [Cell] {
        [
            .text(e.id), .text(e.title), .text(e.unit), .text(e.ground), .text(e.otherStatute ?? ""),
            .text(e.partly ? "ya" : "tidak"), .text(e.ifOpened), .text(e.ifClosed), .text(e.period),
            .date(e.endDate), .date(e.reviewDate), .text(e.decreeNumber), .date(e.decreeDate), .text(Self.statusLabel(e.status)),
            .date(e.openedOn), .text(e.openedOn == nil ? "" : (e.openedByLaw ? "ya" : "tidak")),
            .text(e.openingDecreeNumber ?? e.openingRuling ?? ""), .text(e.summary ?? ""), .text(e.responsible ?? ""), .text(e.retention ?? ""),
            .text(e.openPart ?? ""),
        ]
    }

    /// RFC 4180 CSV in UTF-8 with a byte-order mark (so Excel reads the accents), CRLF lines; a
    /// cell that would start a spreadsheet formula is prefixed with an apostrophe.
    public func csv() -> String {
        func cell(_ text: String) -> String {
            var value = text
            if let first = value.first, "=+-@\t\r".contains(first) { value = "'" + value }
            if value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == ";" }) {
                value = "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            return value
        }
        let lines = [Self.csvColumns] + entries.map { cells($0).map(\.plain) }
        return "\u{FEFF}" + lines.map { $0.map(cell).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// The register as JSON (sorted keys, ISO dates): the same fields as the CSV.
    public func json(version: Int, publishedAt: Date) throws -> Data {
        struct Document: Encodable {
            let body: Body
            let version: Int
            let publishedAt: Date
            let entries: [Entry]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(Document(body: body, version: version, publishedAt: publishedAt, entries: entries))
    }
}
