import Foundation

/// A sheet as it was read from a file a body brings in (a DIK kept in Excel, or a CSV): its cells
/// row by row, the cells merged across rows or columns, the cells holding formulas and the cells the
/// sheet stores as dates. Rows and columns count from 0; `Address.label` names a cell as Excel does.
public struct SheetGrid: Sendable, Equatable {
    public struct Address: Hashable, Sendable, Comparable {
        public var row: Int
        public var column: Int

        public init(row: Int, column: Int) {
            self.row = row
            self.column = column
        }

        /// `B7`.
        public var label: String { "\(SheetGrid.columnName(column))\(row + 1)" }

        public static func < (a: Address, b: Address) -> Bool { (a.row, a.column) < (b.row, b.column) }
    }

    /// A merged range, as Excel's `A1:C2`.
    public struct Merge: Sendable, Equatable {
        public var rows: ClosedRange<Int>
        public var columns: ClosedRange<Int>

        public init(rows: ClosedRange<Int>, columns: ClosedRange<Int>) {
            self.rows = rows
            self.columns = columns
        }

        public var label: String {
            Address(row: rows.lowerBound, column: columns.lowerBound).label + ":"
                + Address(row: rows.upperBound, column: columns.upperBound).label
        }

        public func contains(_ address: Address) -> Bool { rows.contains(address.row) && columns.contains(address.column) }
    }

    public enum Format: String, Sendable, Equatable {
        case csv, xlsx, json
    }

    public var format: Format
    public var cells: [[String]]
    public var merges: [Merge]
    public var formulas: Set<Address>
    public var dates: [Address: LocalDate]
    /// How the file was read ("UTF-8, dipisah titik koma", "lembar \"DIK\" (1 dari 3)").
    public var readAs: String

    public init(
        format: Format, cells: [[String]], merges: [Merge] = [], formulas: Set<Address> = [],
        dates: [Address: LocalDate] = [:], readAs: String
    ) {
        self.format = format
        self.cells = cells
        self.merges = merges
        self.formulas = formulas
        self.dates = dates
        self.readAs = readAs
    }

    /// The most columns a register is read with: a DIK has about ten.
    public static let columnLimit = 200

    public var rowCount: Int { cells.count }
    public var columnCount: Int { cells.map(\.count).max() ?? 0 }

    /// The text of a cell, trimmed; "" outside the sheet.
    public subscript(row: Int, column: Int) -> String {
        guard cells.indices.contains(row), cells[row].indices.contains(column) else { return "" }
        return cells[row][column].trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The text a merged range shows at `address`: its top-left cell's, as Excel shows it.
    public func shown(row: Int, column: Int) -> String {
        if let merge = merges.first(where: { $0.contains(Address(row: row, column: column)) }) {
            return self[merge.rows.lowerBound, merge.columns.lowerBound]
        }
        return self[row, column]
    }

    public func merge(at address: Address) -> Merge? { merges.first { $0.contains(address) } }

    public func isBlank(row: Int) -> Bool {
        guard cells.indices.contains(row) else { return true }
        return cells[row].allSatisfy { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    }

    /// `0` → `A`, `26` → `AA`.
    public static func columnName(_ index: Int) -> String {
        var n = index + 1
        var name = ""
        while n > 0 {
            let remainder = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            n = (n - 1) / 26
        }
        return name
    }

    /// `B7` → row 6, column 1; nil for anything else or past Excel's last cell (XFD1048576).
    public static func address(_ reference: String) -> Address? {
        var column = 0
        var letters = 0
        var digits = ""
        for scalar in reference.unicodeScalars {
            switch scalar.value {
            case 65...90 where digits.isEmpty:
                column = column * 26 + Int(scalar.value - 64)
                letters += 1
            case 97...122 where digits.isEmpty:
                column = column * 26 + Int(scalar.value - 96)
                letters += 1
            case 48...57:
                digits.unicodeScalars.append(scalar)
            case 36:  // `$A$1`
                continue
            default:
                return nil
            }
            if letters > 3 || digits.count > 7 { return nil }
        }
        guard letters > 0, let row = Int(digits), (1...1_048_576).contains(row), (1...16_384).contains(column) else {
            return nil
        }
        return Address(row: row - 1, column: column - 1)
    }
}

/// Why a file cannot be read as a register at all (a row's problems are findings, not these).
public enum ImportFileError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case notASpreadsheet(what: String)
    /// Excel 97–2003 (`.xls`): a spreadsheet, in a format not read here.
    case legacyExcel
    case damaged(String)
    case tooManyRows(Int, limit: Int)
    case tooManyColumns(Int, limit: Int)
    case tooLarge(part: String, limit: Int)
    case headerNotFound
    case noDataRows

    public var description: String {
        switch self {
        case .empty:
            "Berkas kosong: tidak ada isi yang dapat dibaca."
        case let .notASpreadsheet(what):
            "Berkas ini \(what), bukan lembar kerja. Unggah DIK sebagai XLSX (Excel) atau CSV; tabel di PDF atau Word "
                + "disalin dulu ke Excel."
        case .legacyExcel:
            "Berkas ini berformat Excel 97–2003 (.xls), yang tidak dibaca di sini. Buka di Excel atau LibreOffice dan "
                + "simpan sebagai .xlsx (Buku Kerja Excel), lalu unggah lagi."
        case let .damaged(detail):
            "Berkas XLSX rusak atau tidak lengkap (\(detail)). Buka di Excel dan simpan ulang sebagai .xlsx."
        case let .tooManyRows(_, limit):
            "Lembar kerja berisi lebih dari \(IndonesianFormat.number(limit)) baris, batas satu impor. Pecah berkasnya "
                + "per unit atau per tahun."
        case let .tooManyColumns(count, limit):
            "Lembar kerja berisi \(count) kolom; DIK dibaca paling banyak \(limit) kolom."
        case let .tooLarge(part, limit):
            "Bagian \(part) berkas terlalu besar setelah dibuka (lebih dari \(limit / 1_048_576) MB); "
                + "berkas seperti ini tidak dibaca."
        case .headerNotFound:
            "Baris judul kolom tidak ditemukan: lembar kerja harus memuat kolom \"Informasi\" (atau \"Jenis informasi\") "
                + "dan sedikitnya satu dari \"Dasar hukum\", \"Jangka waktu\" atau \"Konsekuensi\" di 30 baris pertama."
        case .noDataRows:
            "Judul kolom ditemukan, tetapi di bawahnya tidak ada baris informasi."
        }
    }
}
