import Foundation

/// The table inside a sheet as bodies publish it: title rows above, a heading of one or two rows
/// (a merged "Konsekuensi" over "Bila dibuka" and "Bila ditutup"), perhaps a row of column numbers
/// ("1 2 3 4 5"), numbered rows with blank rows and section headings between them, and a signature
/// block below. Finds the heading, maps its columns (the officer may correct the mapping) and keeps
/// the data rows with the sheet row each came from.
public struct ImportTable: Sendable, Equatable {
    public struct Column: Sendable, Equatable, Codable {
        public var index: Int
        /// The heading as the sheet writes it (both rows of a two-row heading).
        public var heading: String
        public var field: ImportColumn?
    }

    public struct Row: Sendable, Equatable {
        /// The row in the sheet, counted from 1 as Excel shows it.
        public var sheetRow: Int
        public var values: [ImportColumn: String]
        /// What the reading of the sheet found on this row (merged cells, formulas, a section's unit).
        public var findings: [ImportFinding]
    }

    public var columns: [Column]
    /// The heading's rows, counted from 1.
    public var headingRows: ClosedRange<Int>
    public var rows: [Row]
    /// What the reading of the layout decided, to show the officer.
    public var notes: [String]
    /// The date written in the signature block below the table ("Ditetapkan di …, 4 Maret 2025"),
    /// and its row: offered as the decree's date when none is given.
    public var signedOn: (date: LocalDate, row: Int)?
    /// The decree a title row names ("LAMPIRAN KEPUTUSAN KEPALA DINAS … NOMOR 440/123/DINKES/2023
    /// TANGGAL 10 JANUARI 2023"), offered when the import gives none.
    public var titleDecree: TitleDecree?

    public struct TitleDecree: Sendable, Equatable {
        public var number: String?
        public var date: LocalDate?
        public var row: Int
    }

    public static func == (a: ImportTable, b: ImportTable) -> Bool {
        a.columns == b.columns && a.headingRows == b.headingRows && a.rows == b.rows && a.notes == b.notes
            && a.signedOn?.date == b.signedOn?.date && a.signedOn?.row == b.signedOn?.row && a.titleDecree == b.titleDecree
    }

    public var mapping: [Int: ImportColumn] {
        Dictionary(columns.compactMap { column in column.field.map { (column.index, $0) } }, uniquingKeysWith: { a, _ in a })
    }

    /// Reads the table of `grid`; `mapping`, when given, replaces the recognised fields of the
    /// columns it names (`nil` leaves a column out).
    public static func read(_ grid: SheetGrid, mapping override: [Int: ImportColumn?] = [:]) throws(ImportFileError) -> ImportTable {
        guard grid.rowCount > 0 else { throw .empty }
        guard let heading = findHeading(grid) else { throw .headerNotFound }
        var columns = heading.columns
        for (index, field) in override {
            if let position = columns.firstIndex(where: { $0.index == index }) { columns[position].field = field }
        }
        // One column per field: a second column of a field is left out, and said so.
        var notes: [String] = []
        var seen: Set<ImportColumn> = []
        for position in columns.indices {
            guard let field = columns[position].field else { continue }
            if seen.contains(field) {
                notes.append(
                    "Kolom \(SheetGrid.columnName(columns[position].index)) (\"\(columns[position].heading)\") juga berjudul "
                        + "\(field.indonesian); yang dipakai kolom pertama.")
                columns[position].field = nil
            }
            seen.insert(field)
        }
        var table = ImportTable(
            columns: columns, headingRows: (heading.rows.lowerBound + 1)...(heading.rows.upperBound + 1), rows: [], notes: notes)
        table.titleDecree = titleDecree(grid, above: heading.rows.lowerBound)
        table.readRows(grid, from: heading.rows.upperBound + 1)
        guard !table.rows.isEmpty else { throw .noDataRows }
        return table
    }

    // MARK: The heading

    private static func findHeading(_ grid: SheetGrid) -> (rows: ClosedRange<Int>, columns: [Column])? {
        var best: (rows: ClosedRange<Int>, columns: [Column], score: Int)?
        let width = grid.columnCount
        for row in 0..<min(30, grid.rowCount) {
            let single = (0..<width).map { grid.shown(row: row, column: $0) }
            var candidates: [(ClosedRange<Int>, [String])] = [(row...row, single)]
            if row + 1 < grid.rowCount, !grid.isBlank(row: row), looksLikeSubheading(grid, row: row + 1) {
                let double = (0..<width).map { column -> String in
                    let top = single[column]
                    let below = grid.shown(row: row + 1, column: column)
                    return below == top || below.isEmpty ? top : (top.isEmpty ? below : top + " " + below)
                }
                candidates.append((row...(row + 1), double))
            }
            for (rows, labels) in candidates {
                let fields = labels.map(ImportColumn.recognise)
                let distinct = Set(fields.compactMap { $0 })
                guard distinct.contains(.title),
                    !distinct.isDisjoint(with: [.legalBasis, .period, .consequence, .ifOpened, .ifClosed])
                else { continue }
                let score = distinct.count
                if best.map({ score > $0.score }) ?? true {
                    let columns = labels.enumerated().filter { !$0.element.isEmpty }.map {
                        Column(index: $0.offset, heading: $0.element, field: fields[$0.offset])
                    }
                    best = (rows, columns, score)
                }
            }
            if let found = best, found.rows.upperBound < row - 1 { break }
        }
        return best.map { ($0.rows, $0.columns) }
    }

    /// A second heading row holds short labels, no citation and no long text.
    private static func looksLikeSubheading(_ grid: SheetGrid, row: Int) -> Bool {
        let texts = (0..<min(grid.columnCount, SheetGrid.columnLimit)).map { grid[row, $0] }.filter { !$0.isEmpty }
        guard !texts.isEmpty else { return false }
        if isColumnNumbers(texts) { return false }
        return texts.allSatisfy { $0.count <= 40 && !$0.lowercased().contains("pasal") }
            && texts.contains { ImportColumn.recognise($0) != nil || ["bila", "jika", "apabila", "nomor", "tanggal", "no", "tgl"].contains(where: $0.lowercased().hasPrefix) }
    }

    /// "1 2 3 4 5" or "(1) (2) (3)": the row of column numbers under a heading.
    static func isColumnNumbers(_ texts: [String]) -> Bool {
        let numbers = texts.compactMap { Int($0.trimmingCharacters(in: CharacterSet(charactersIn: "() .").union(.whitespaces))) }
        return texts.count >= 3 && numbers.count == texts.count && numbers == Array(numbers.sorted())
    }

    // MARK: The rows

    private static let endWords = [
        "ditetapkan", "mengetahui", "pada tanggal", "nip", "kepala", "an", "a n", "plt", "plh", "sekretaris", "pejabat pengelola",
        "ppid", "catatan", "keterangan", "sumber", "tembusan", "disahkan",
    ]
    private static let unitWords = [
        "dinas", "badan", "bagian", "bidang", "sekretariat", "kantor", "kecamatan", "kelurahan", "upt", "uptd", "puskesmas",
        "rsud", "inspektorat", "satuan", "biro", "direktorat", "unit", "seksi", "subbagian",
    ]

    /// The decree named in the title rows: a row speaking of a decree ("KEPUTUSAN", "SK",
    /// "LAMPIRAN") with "NOMOR …" and, perhaps, "TANGGAL …".
    static func titleDecree(_ grid: SheetGrid, above heading: Int) -> TitleDecree? {
        let lines = (0..<heading).map { row in
            (0..<min(grid.columnCount, SheetGrid.columnLimit)).map { grid[row, $0] }.filter { !$0.isEmpty }.joined(separator: " ")
        }
        let words = " " + ImportColumn.words(lines.joined(separator: " ")) + " "
        guard words.contains(" keputusan ") || words.contains(" lampiran ") || words.contains(" sk ") else { return nil }
        for (row, line) in lines.enumerated() {
            let text = line + (row + 1 < lines.count ? " " + lines[row + 1] : "")
            guard let match = line.firstMatch(of: /(?i)nomor\s*:?\s*([0-9A-Za-z][0-9A-Za-z.\-]*(?:\s*\/\s*[0-9A-Za-z.\-]+)+)/)
            else { continue }
            // "188.45/ 77 /HK/2023" as typed by hand; "188.45/..../HK/2023" is a template, not a number.
            let number = String(match.1).replacingOccurrences(of: " ", with: "")
            guard !number.contains("..") else { continue }
            var date: LocalDate?
            if let range = text.range(of: "tanggal", options: .caseInsensitive) {
                date = Dates.find(in: PeriodProse.normalize(String(text[range.upperBound...]))).first { !$0.assumed }?.date
            }
            return TitleDecree(number: number, date: date, row: row + 1)
        }
        return nil
    }

    /// "Contoh, 10 Januari 2023": the place and date a signature block opens with.
    static func isPlaceAndDate(_ text: String) -> Bool {
        text.count <= 80 && text.contains(",")
            && Dates.find(in: PeriodProse.normalize(text)).contains { !$0.assumed }
            && !text.lowercased().contains("pasal")
    }

    /// The first date in the signature block, within the ten rows from `row`.
    static func signatureDate(_ grid: SheetGrid, from row: Int) -> (date: LocalDate, row: Int)? {
        for r in row..<min(grid.rowCount, row + 10) {
            for column in 0..<min(grid.columnCount, SheetGrid.columnLimit) {
                if let date = grid.dates[SheetGrid.Address(row: r, column: column)] { return (date, r + 1) }
                let text = grid[r, column]
                if !text.isEmpty, let found = Dates.find(in: PeriodProse.normalize(text)).first(where: { !$0.assumed }) {
                    return (found.date, r + 1)
                }
            }
        }
        return nil
    }

    /// "Ditetapkan di …", "Kepala Dinas …", "NIP …": the signature block or notes below the table.
    static func endsTable(_ text: String) -> Bool {
        let words = ImportColumn.words(text)
        return endWords.contains { words == $0 || words.hasPrefix($0 + " ") }
    }

    /// "B. Dinas Kesehatan", "II. BIDANG PELAYANAN": a section heading naming a unit.
    static func namesUnit(_ text: String) -> Bool {
        var tokens = ImportColumn.words(text).split(separator: " ").map(String.init)
        if let first = tokens.first, first.count <= 4, first.allSatisfy({ $0.isNumber || "ivxlab".contains($0) }) || first.count == 1 {
            tokens.removeFirst()
        }
        guard let first = tokens.first else { return false }
        return unitWords.contains(first)
    }

    /// The mapped cells of a data row, a merged cell's value spread down with a warning (a title
    /// merged across rows is refused), formulas warned, date cells as dates.
    static func cells(of grid: SheetGrid, row: Int, dataFrom first: Int, fields byField: [Int: ImportColumn])
        -> ([ImportColumn: String], [ImportFinding])
    {
        var values: [ImportColumn: String] = [:]
        var findings: [ImportFinding] = []
        for (column, field) in byField {
            let address = SheetGrid.Address(row: row, column: column)
            var text = grid[row, column]
            if let merge = grid.merge(at: address), merge.rows.count > 1, merge.rows.lowerBound >= first {
                text = grid[merge.rows.lowerBound, merge.columns.lowerBound]
                if !text.isEmpty {
                    findings.append(
                        field == .title
                            ? ImportFinding(
                                .refused, field: field,
                                "Sel \(merge.label) (\(field.indonesian)) digabung melintasi beberapa baris data; tidak jelas "
                                    + "apakah ini satu informasi atau beberapa. Pisahkan selnya di Excel, atau perbaiki baris ini.")
                            : ImportFinding(
                                .warning, field: field,
                                "Sel \(merge.label) (\(field.indonesian)) digabung melintasi baris \(merge.rows.lowerBound + 1)–"
                                    + "\(merge.rows.upperBound + 1); isinya dipakai untuk setiap baris itu."))
                }
            }
            if grid.formulas.contains(address) {
                findings.append(
                    ImportFinding(
                        .warning, field: field,
                        "Sel \(address.label) berisi rumus; dibaca nilai yang tersimpan bersamanya: \"\(text.prefix(80))\"."))
            }
            if let date = grid.dates[address] { text = date.iso }
            if !text.isEmpty { values[field] = text }
        }
        return (values, findings)
    }

    private mutating func readRows(_ grid: SheetGrid, from start: Int) {
        let byField = mapping
        let width = grid.columnCount
        var sectionUnit: (name: String, row: Int)?
        var first = start
        // The row of column numbers under the heading.
        let firstTexts = (0..<width).map { grid[first, $0] }.filter { !$0.isEmpty }
        if Self.isColumnNumbers(firstTexts) {
            notes.append("Baris \(first + 1) berisi nomor kolom dan dilewati.")
            first += 1
        }
        var row = first
        while row < grid.rowCount {
            defer { row += 1 }
            if grid.isBlank(row: row) { continue }
            var (values, findings) = Self.cells(of: grid, row: row, dataFrom: first, fields: byField)
            let texts = Set((0..<width).map { grid.shown(row: row, column: $0) }.filter { !$0.isEmpty })
            let substantive = values.keys.contains { ![.number, .title, .unit].contains($0) }
            // The signature block, often in the right-hand columns: no number, no information.
            let framing = values[.number] == nil && (values[.title] == nil || !substantive)
            let placeAndDate = values[.number] == nil && values[.title] == nil && texts.count == 1
                && texts.contains(where: Self.isPlaceAndDate)
            if framing, let end = texts.first(where: { Self.endsTable($0) || (placeAndDate && Self.isPlaceAndDate($0)) }) {
                notes.append("Tabel dianggap berakhir di baris \(row + 1) (\"\(end.prefix(60))\").")
                signedOn = Self.signatureDate(grid, from: row)
                return
            }
            if !substantive {
                if let end = texts.first(where: Self.endsTable) {
                    notes.append("Tabel dianggap berakhir di baris \(row + 1) (\"\(end.prefix(60))\").")
                    return
                }
                if let only = texts.first, texts.count == 1 || (texts.count == 2 && values[.number] != nil) {
                    let heading = values[.title] ?? only
                    if Self.namesUnit(heading) {
                        sectionUnit = (heading, row + 1)
                        notes.append(
                            "Baris \(row + 1) dibaca sebagai judul bagian; unitnya \"\(heading)\" dipakai untuk baris di bawahnya.")
                    } else {
                        notes.append("Baris \(row + 1) (\"\(heading.prefix(60))\") dibaca sebagai judul bagian dan dilewati.")
                    }
                    continue
                }
                if values[.title] == nil { continue }
            }
            if let last = columns.map(\.index).max(),
                let stray = (last + 1..<width).first(where: { !grid[row, $0].isEmpty })
            {
                findings.append(
                    ImportFinding(
                        .warning,
                        "Sel \(SheetGrid.Address(row: row, column: stray).label) di luar kolom mana pun berisi \"\(grid[row, stray].prefix(60))\" "
                            + "dan tidak dibaca. Bila ini bagian sel lain (titik koma di dalam teks CSV), beri tanda kutip pada selnya."))
            }
            if values[.unit] == nil, let section = sectionUnit {
                values[.unit] = section.name
                findings.append(ImportFinding(.note, field: .unit, "Unit dibaca dari judul bagian di baris \(section.row)."))
            }
            rows.append(Row(sheetRow: row + 1, values: values, findings: findings))
        }
    }
}
