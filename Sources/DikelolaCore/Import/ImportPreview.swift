import Foundation

/// A brought-in register before anything is written: the sheet read, its table found, every row
/// read and judged. The officer's corrections (the column mapping, a row's cells, rows left out)
/// are applied on each reading, so the preview and the import read the same rows the same way.
public struct ImportPreview: Sendable {
    public var readAs: String
    public var table: ImportTable
    public var rows: [ImportRowReading]
    /// Sheet rows the officer left out.
    public var skipped: Set<Int>

    public struct Corrections: Sendable, Equatable, Codable {
        /// Column index → field ("" leaves the column out).
        public var mapping: [Int: String] = [:]
        /// Sheet row → column → the text the officer typed instead.
        public var cells: [Int: [String: String]] = [:]
        public var skipped: Set<Int> = []

        public init(mapping: [Int: String] = [:], cells: [Int: [String: String]] = [:], skipped: Set<Int> = []) {
            self.mapping = mapping
            self.cells = cells
            self.skipped = skipped
        }
    }

    public static func make(
        _ grid: SheetGrid, corrections: Corrections = .init(), context: ImportRowReading.Context
    ) throws(ImportFileError) -> ImportPreview {
        let mapping = corrections.mapping.mapValues { ImportColumn(rawValue: $0) }
        var table = try ImportTable.read(grid, mapping: mapping)
        var context = context
        if let named = table.titleDecree {
            if context.decreeNumber == nil, let number = named.number {
                context.decreeNumber = number
                table.notes.append("Nomor SK tidak diisi: dipakai nomor di judul baris \(named.row), \(number).")
            }
            if context.decreeDate == nil, let date = named.date {
                context.decreeDate = date
                table.notes.append("Tanggal SK tidak diisi: dipakai tanggal di judul baris \(named.row), \(IndonesianFormat.date(date)).")
            }
        }
        if context.decreeDate == nil, let signed = table.signedOn {
            context.decreeDate = signed.date
            table.notes.append(
                "Tanggal SK tidak diisi: dipakai tanggal di blok tanda tangan baris \(signed.row), "
                    + "\(IndonesianFormat.date(signed.date)). Periksa, lalu isi tanggal SK bila berbeda.")
        }
        var rows: [ImportRowReading] = []
        var seen: [String: Int] = [:]
        for var row in table.rows {
            for (name, text) in corrections.cells[row.sheetRow] ?? [:] {
                guard let field = ImportColumn(rawValue: name) else { continue }
                row.values[field] = text.isEmpty ? nil : text
                row.findings.removeAll { $0.field == field }
            }
            var reading = ImportRowReading.read(row, context: context)
            let key = ImportColumn.words(reading.title) + "|" + (reading.decreeNumber ?? "")
            if !reading.title.isEmpty, let earlier = seen[key] {
                reading.findings.append(
                    ImportFinding(
                        .refused, field: .title,
                        "Sama dengan baris \(earlier) (informasi dan nomor SK yang sama); tinggalkan salah satunya."))
            } else {
                seen[key] = reading.sheetRow
            }
            rows.append(reading)
        }
        return ImportPreview(readAs: grid.readAs, table: table, rows: rows, skipped: corrections.skipped)
    }

    /// The rows that would enter the register: read without refusal and not left out.
    public var accepted: [ImportRowReading] { rows.filter { !$0.isRefused && !skipped.contains($0.sheetRow) } }
    public var refused: [ImportRowReading] { rows.filter { $0.isRefused && !skipped.contains($0.sheetRow) } }

    /// The preview as the command line and the API give it.
    public struct Report: Codable, Sendable, Equatable {
        public struct Column: Codable, Sendable, Equatable {
            public var column: String
            public var heading: String
            public var field: String?
        }

        public struct Row: Codable, Sendable, Equatable {
            public var no: String?
            public var row: Int
            public var skipped: Bool
            public var status: String
            public var readings: [String: String]
            public var findings: [Finding]
        }

        public struct Finding: Codable, Sendable, Equatable {
            public var severity: String
            public var field: String?
            public var article: String?
            public var message: String
        }

        public var readAs: String
        public var headingRows: [Int]
        public var columns: [Column]
        public var notes: [String]
        public var rows: [Row]
        public var summary: [String: Int]
    }

    public var report: Report {
        Report(
            readAs: readAs, headingRows: Array(table.headingRows),
            columns: table.columns.map { .init(column: SheetGrid.columnName($0.index), heading: $0.heading, field: $0.field?.rawValue) },
            notes: table.notes,
            rows: rows.map { row in
                let skip = skipped.contains(row.sheetRow)
                return Report.Row(
                    no: row.number, row: row.sheetRow, skipped: skip,
                    status: skip ? "skipped" : row.isRefused ? "refused" : "accepted",
                    readings: row.readingSummary,
                    findings: row.findings.map {
                        .init(severity: $0.severity.rawValue, field: $0.field?.rawValue, article: $0.article, message: $0.message)
                    })
            },
            summary: [
                "rows": rows.count, "accepted": accepted.count, "refused": refused.count, "skipped": skipped.count,
                "warnings": rows.reduce(0) { $0 + $1.findings.filter { $0.severity == .warning }.count },
            ])
    }
}

extension ImportRowReading {
    /// Every value the row would enter the register with, by column, as read.
    public var readingSummary: [String: String] {
        var out: [String: String] = [:]
        for (field, text) in readings { out[field.rawValue] = text }
        out[ImportColumn.title.rawValue] = title
        if let unit { out[ImportColumn.unit.rawValue] = unit }
        if let decreeNumber { out[ImportColumn.decreeNumber.rawValue] = decreeNumber }
        if let decreeDate { out[ImportColumn.decreeDate.rawValue] = IndonesianFormat.date(decreeDate) }
        if let ground = test.ground { out["ground"] = ground.code }
        if let end = try? test.period?.endDate { out[ImportColumn.endDate.rawValue] = IndonesianFormat.date(end) }
        if let registerNumber { out[ImportColumn.registerNumber.rawValue] = registerNumber }
        return out.filter { !$0.value.isEmpty }
    }
}
