import Foundation

/// One row of a brought-in register, read: the typed values the register would hold, how each cell
/// was read, and every finding a consequence test gets today (UU 14/2008 Ps 17–20, PP 61/2010
/// Ps 4–5, the Ps 18 vocabulary, a letter that likely does not fit) plus what could not be read.
public struct ImportRowReading: Sendable, Equatable {
    /// What the whole import knows that a row may not say: the earlier decree's number and date,
    /// the body's period policy and expiry rules, and today.
    public struct Context: Sendable {
        public var decreeNumber: String?
        public var decreeDate: LocalDate?
        public var policy: PeriodPolicy
        public var expiry: ExpiryRules?
        public var today: LocalDate
        /// The body's information opened through an objection or a dispute: never exempted again.
        public var openedByRuling: [OpenedByRuling]

        public init(
            decreeNumber: String?, decreeDate: LocalDate?, policy: PeriodPolicy, expiry: ExpiryRules?, today: LocalDate,
            openedByRuling: [OpenedByRuling]
        ) {
            self.openedByRuling = openedByRuling
            self.decreeNumber = decreeNumber
            self.decreeDate = decreeDate
            self.policy = policy
            self.expiry = expiry
            self.today = today
        }
    }

    public var sheetRow: Int
    /// The "No." column's value, when the sheet has one.
    public var number: String?
    public var registerNumber: String?
    public var title: String
    public var description: String
    public var unit: String?
    public var test: ConsequenceTest
    public var decreeNumber: String?
    public var decreeDate: LocalDate?
    /// `opened` for a row the register's own export lists as open; else exempted.
    public var opened: Opened?
    /// How each cell was read, by column ("Pasal 17 huruf h angka 2", "5 tahun sejak 3 Maret 2024").
    public var readings: [ImportColumn: String]
    public var findings: [ImportFinding]
    /// The cells as the sheet (or the officer's correction) wrote them, for the correction form.
    public var cells: [ImportColumn: String] = [:]

    public struct Opened: Sendable, Equatable {
        public var on: LocalDate?
        public var byLaw: Bool
        public var decreeNumber: String?
        public var summary: String?
        public var responsible: String?
        public var retention: String?
    }

    public var isRefused: Bool { findings.contains { $0.severity == .refused } }

    /// The longest value a column takes, in characters.
    static func limit(_ field: ImportColumn) -> Int {
        field.isMultiLine ? 20_000 : 500
    }

    public static func read(_ row: ImportTable.Row, context: Context) -> ImportRowReading {
        var findings = row.findings
        var values: [ImportColumn: String] = [:]
        for (field, raw) in row.values {
            let text = TextInput.normalized(raw).trimmingCharacters(in: .whitespacesAndNewlines)
            if text.count > limit(field) {
                findings.append(
                    ImportFinding(
                        .refused, field: field,
                        "Kolom \(field.indonesian) berisi \(IndonesianFormat.number(text.count)) karakter; paling banyak "
                            + "\(IndonesianFormat.number(limit(field))) karakter."))
                continue
            }
            if let problem = TextInput.problem(in: text, multiLine: field.isMultiLine || field == .title) {
                findings.append(ImportFinding(.refused, field: field, "Kolom \(field.indonesian) \(problem.indonesian)"))
                continue
            }
            values[field] = field == .title ? text.split(whereSeparator: \.isNewline).joined(separator: " ") : text
        }
        var reading = ImportRowReading(
            sheetRow: row.sheetRow, number: values[.number], registerNumber: values[.registerNumber],
            title: values[.title] ?? "", description: values[.description] ?? "", unit: values[.unit],
            test: ConsequenceTest(
                ground: nil, otherStatute: nil, consequenceIfOpened: "", consequenceIfClosed: "", verdict: .closed, period: nil,
                reason: ""),
            decreeNumber: values[.decreeNumber] ?? context.decreeNumber, decreeDate: nil, opened: nil, readings: [:],
            findings: findings)
        reading.cells = row.values
        reading.readDecree(values, context: context)
        reading.readTest(values, context: context)
        reading.readOpening(values)
        reading.judge(context: context)
        reading.findings.sort { $0.severity < $1.severity }
        return reading
    }

    private mutating func readDecree(_ values: [ImportColumn: String], context: Context) {
        if let text = values[.decreeDate] {
            let found = Dates.find(in: PeriodProse.normalize(text))
            if let date = found.first(where: { !$0.assumed })?.date {
                decreeDate = date
                readings[.decreeDate] = IndonesianFormat.date(date)
                // "188/12/2024 tanggal 3 Maret 2024" in one column.
                if values[.decreeNumber] == nil {
                    let before = text.components(separatedBy: CharacterSet(charactersIn: ",")).first ?? ""
                    let number = before.replacingOccurrences(of: "tanggal", with: "", options: .caseInsensitive)
                        .replacingOccurrences(of: "tgl", with: "", options: .caseInsensitive)
                        .trimmingCharacters(in: .whitespaces)
                    if number != text, !number.isEmpty, Dates.find(in: PeriodProse.normalize(number)).isEmpty {
                        decreeNumber = number
                        readings[.decreeNumber] = number
                    }
                }
            } else {
                findings.append(
                    ImportFinding(.refused, field: .decreeDate, "Tanggal SK \"\(text.prefix(60))\" tidak terbaca sebagai tanggal."))
            }
        } else if let date = context.decreeDate {
            decreeDate = date
        }
        if decreeDate == nil, !findings.contains(where: { $0.field == .decreeDate }) {
            findings.append(
                ImportFinding(
                    .refused, field: .decreeDate, article: "PP 61/2010 Pasal 4",
                    "Tanggal SK tidak diketahui: isi tanggal surat penetapan yang dulu mengecualikan informasi ini. "
                        + "Jangka waktu dihitung sejak tanggal itu."))
        }
        if (decreeNumber ?? "").isEmpty {
            findings.append(
                ImportFinding(
                    .refused, field: .decreeNumber, article: "PP 61/2010 Pasal 4",
                    "Nomor SK tidak diketahui: informasi hanya dikecualikan dengan surat penetapan pimpinan."))
        }
    }

    private mutating func readOpening(_ values: [ImportColumn: String]) {
        guard let status = values[.status].map(ImportColumn.words), status == "terbuka" || status == "dibuka" else { return }
        let on = values[.openedOn].flatMap { Dates.find(in: PeriodProse.normalize($0)).first?.date }
        opened = Opened(
            on: on, byLaw: values[.openedByLaw].map { ImportColumn.words($0) == "ya" } ?? false,
            decreeNumber: values[.openingDecree], summary: values[.summary], responsible: values[.responsible],
            retention: values[.retention])
        readings[.status] = "Terbuka" + (on.map { " sejak \(IndonesianFormat.date($0))" } ?? "")
        if on == nil {
            findings.append(ImportFinding(.refused, field: .openedOn, "Informasi yang sudah terbuka wajib menyebut tanggal terbukanya."))
        }
    }
}
