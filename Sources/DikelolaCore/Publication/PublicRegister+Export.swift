import Foundation

extension PublicRegister {
    /// The columns of the open-data exports, in order (Bahasa Indonesia, as the DIK is published).
    public static let csvColumns = [
        "No. DIK", "Informasi", "Uraian", "Unit", "Dasar hukum", "Peraturan lain", "Dikecualikan sebagian",
        "Konsekuensi bila dibuka", "Konsekuensi bila ditutup", "Alasan", "Jangka waktu", "Berakhir", "Ditinjau",
        "Nomor surat penetapan", "Tanggal surat penetapan", "Keadaan", "Terbuka sejak", "Terbuka demi hukum",
        "Nomor surat pembukaan", "Ringkasan (DIP)", "Penanggung jawab (DIP)", "Retensi (DIP)",
    ]

    public static func statusLabel(_ status: Entry.Status) -> String {
        switch status {
        case .exempted: "Dikecualikan"
        case .endingSoon: "Akan berakhir"
        case .reviewDue: "Perlu ditinjau"
        case .opened: "Terbuka"
        }
    }

    func row(_ e: Entry) -> [String] {
        [
            e.id, e.title, e.description, e.unit, e.ground, e.otherStatute ?? "", e.partly ? "ya" : "tidak", e.ifOpened,
            e.ifClosed, e.reason, e.period, e.endDate?.iso ?? "", e.reviewDate?.iso ?? "", e.decreeNumber, e.decreeDate.iso,
            Self.statusLabel(e.status), e.openedOn?.iso ?? "", e.openedOn == nil ? "" : (e.openedByLaw ? "ya" : "tidak"),
            e.openingDecreeNumber ?? "", e.summary ?? "", e.responsible ?? "", e.retention ?? "",
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
        let lines = [Self.csvColumns] + entries.map(row)
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
