import Foundation

/// A file brought in as a register, read by what its bytes are (not by its name): an XLSX
/// workbook, the register's own JSON export, or CSV text.
public enum SpreadsheetFile {
    /// The most rows a sheet may have, title and signature rows included.
    public static let rowLimit = 20_000

    public static func read(_ data: Data) throws(ImportFileError) -> SheetGrid {
        guard !data.isEmpty else { throw .empty }
        let head = Array(data.prefix(8))
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return try WorkbookReader.read(data, rowLimit: rowLimit) }
        if head.starts(with: [0x50, 0x4B, 0x05, 0x06]) { throw .empty }
        if head.starts(with: [0x25, 0x50, 0x44, 0x46]) { throw .notASpreadsheet(what: "PDF") }
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { throw .legacyExcel }
        if let sniffed = SniffedType.sniff(data.prefix(128)), sniffed != .officeOpenXML {
            throw .notASpreadsheet(what: "berkas \(sniffed.rawValue.uppercased())")
        }
        let firstVisible = data.drop { [0xEF, 0xBB, 0xBF, 0x20, 0x0A, 0x0D, 0x09].contains($0) }.first
        if firstVisible == UInt8(ascii: "{") { return try RegisterJSON.read(data) }
        if firstVisible == UInt8(ascii: "<") { throw .notASpreadsheet(what: "halaman HTML atau XML") }
        return try DelimitedText.read(data, rowLimit: rowLimit)
    }
}

/// The register's own JSON export (`dik.json`), read back as the columns of its CSV: a body moving
/// servers brings its register over without loss.
enum RegisterJSON {
    struct Document: Decodable {
        let entries: [PublicRegister.Entry]
    }

    static func read(_ data: Data) throws(ImportFileError) -> SheetGrid {
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: data)
        } catch {
            throw .notASpreadsheet(what: "JSON yang bukan ekspor DIK Dikelola")
        }
        if document.entries.count + 1 > SpreadsheetFile.rowLimit {
            throw .tooManyRows(document.entries.count + 1, limit: SpreadsheetFile.rowLimit)
        }
        let register = PublicRegister(body: .init(slug: "", name: "", timeZone: "WIB"), entries: [])
        let rows = [PublicRegister.csvColumns] + document.entries.map { register.cells($0).map(\.plain) }
        return SheetGrid(format: .json, cells: rows, readAs: "JSON ekspor DIK")
    }
}
