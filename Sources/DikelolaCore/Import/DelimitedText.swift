import Foundation

/// A CSV file as offices save them: UTF-8 (with or without a byte-order mark) or Windows-1252 (what
/// Excel on an Indonesian Windows writes by default), separated by commas, semicolons (Excel where
/// the comma is the decimal separator) or tabs, quoted as RFC 4180 says, with line breaks inside
/// quoted cells.
public enum DelimitedText {
    /// Reads `data` into a sheet; `rowLimit` bounds the rows kept (the caller refuses more).
    public static func read(_ data: Data, rowLimit: Int) throws(ImportFileError) -> SheetGrid {
        guard !data.isEmpty else { throw .empty }
        if data.prefix(4096).contains(0) { throw .notASpreadsheet(what: "berisi data biner") }
        var bytes = data
        var encoding = "UTF-8"
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        let text: String
        if let utf8 = String(data: bytes, encoding: .utf8) {
            text = utf8
        } else if let latin = String(data: bytes, encoding: .windowsCP1252) {
            text = latin
            encoding = "Windows-1252"
        } else {
            throw .notASpreadsheet(what: "bukan teks yang dapat dibaca")
        }
        let separator = guessSeparator(text)
        let rows = try parse(text, separator: separator, rowLimit: rowLimit)
        guard rows.contains(where: { $0.contains { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty } }) else {
            throw .empty
        }
        let name = separator == ";" ? "titik koma" : separator == "\t" ? "tab" : "koma"
        return SheetGrid(format: .csv, cells: rows, readAs: "CSV \(encoding), dipisah \(name)")
    }

    /// The separator used most in the first lines, outside quotes.
    static func guessSeparator(_ text: String) -> Character {
        var counts: [Character: Int] = [",": 0, ";": 0, "\t": 0]
        var quoted = false
        var lines = 0
        for character in text {
            if character == "\"" { quoted.toggle() }
            if quoted { continue }
            if character == "\n" || character == "\r\n" {
                lines += 1
                if lines >= 30 { break }
            }
            if counts[character] != nil { counts[character, default: 0] += 1 }
        }
        let best = counts.max { ($0.value, $0.key == "," ? 1 : 0) < ($1.value, $1.key == "," ? 1 : 0) }
        return best.map { $0.value > 0 ? $0.key : "," } ?? ","
    }

    /// RFC 4180, forgiving: a quote inside an unquoted cell is kept as text.
    static func parse(_ text: String, separator: Character, rowLimit: Int) throws(ImportFileError) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var cell = ""
        var quoted = false
        var atCellStart = true
        var iterator = text.makeIterator()
        var pending: Character?
        func endRow() throws(ImportFileError) {
            row.append(cell)
            cell = ""
            if row.count > SheetGrid.columnLimit { throw .tooManyColumns(row.count, limit: SheetGrid.columnLimit) }
            rows.append(row)
            row = []
            atCellStart = true
            if rows.count > rowLimit { throw .tooManyRows(rows.count, limit: rowLimit) }
        }
        while let character = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    let next = iterator.next()
                    if next == "\"" {
                        cell.append("\"")
                    } else {
                        quoted = false
                        pending = next
                    }
                } else {
                    cell.append(character)
                }
                continue
            }
            switch character {
            case "\"" where atCellStart:
                quoted = true
                atCellStart = false
            case separator:
                row.append(cell)
                cell = ""
                atCellStart = true
            case "\n", "\r\n", "\r":
                try endRow()
            default:
                cell.append(character)
                atCellStart = false
            }
        }
        if !cell.isEmpty || !row.isEmpty { try endRow() }
        return rows
    }
}
