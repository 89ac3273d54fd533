import Foundation
import SWXMLHash
import ZIPFoundation

/// An Excel workbook (`.xlsx`, Office Open XML) read with ZIPFoundation and SWXMLHash: the sheet
/// named like the register ("DIK"), else the first; its shared and inline strings, numbers, dates
/// (by the cell's number format), merged cells and formulas (read by the value Excel saved with
/// them). Every part is bounded after decompression, so a small file that unpacks to gigabytes is
/// refused, not read.
public enum WorkbookReader {
    /// The most bytes one part of the workbook may unpack to.
    public static let partLimit = 64 * 1_048_576

    public static func read(_ data: Data, rowLimit: Int) throws(ImportFileError) -> SheetGrid {
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw .damaged("bukan arsip ZIP yang utuh")
        }
        do {
            return try Workbook(archive: archive).sheet(rowLimit: rowLimit)
        } catch let error as ImportFileError {
            throw error
        } catch {
            throw .damaged("\(error)")
        }
    }
}

private struct Workbook {
    let archive: Archive

    func part(_ path: String) throws -> Data? {
        guard let entry = archive[path] else { return nil }
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                guard data.count + chunk.count <= WorkbookReader.partLimit else {
                    throw ImportFileError.tooLarge(part: path, limit: WorkbookReader.partLimit)
                }
                data.append(chunk)
            }
        } catch let error as ImportFileError {
            throw error
        } catch {
            throw ImportFileError.damaged("bagian \(path) tidak dapat dibuka")
        }
        return data
    }

    func xml(_ path: String) throws -> XMLIndexer? {
        guard let data = try part(path) else { return nil }
        let parsed = XMLHash.config { $0.detectParsingErrors = true }.parse(data)
        if case .parsingError = parsed { throw ImportFileError.damaged("XML \(path) tidak sah") }
        return parsed
    }

    func sheet(rowLimit: Int) throws -> SheetGrid {
        guard let workbook = try xml("xl/workbook.xml") else {
            if archive["word/document.xml"] != nil { throw ImportFileError.notASpreadsheet(what: "dokumen Word") }
            if archive["ppt/presentation.xml"] != nil { throw ImportFileError.notASpreadsheet(what: "presentasi PowerPoint") }
            if archive["content.xml"] != nil {
                throw ImportFileError.notASpreadsheet(what: "berkas OpenDocument (simpan sebagai .xlsx dulu)")
            }
            throw ImportFileError.notASpreadsheet(what: "arsip ZIP")
        }
        let sheets = workbook["workbook"]["sheets"]["sheet"].all.compactMap { sheet -> (name: String, rid: String)? in
            guard let element = sheet.element, let name = element.attribute(by: "name")?.text,
                let rid = element.attribute(by: "r:id")?.text ?? element.attribute(by: "id")?.text
            else { return nil }
            return (name, rid)
        }
        guard !sheets.isEmpty else { throw ImportFileError.damaged("tidak ada lembar kerja") }
        let chosenIndex =
            sheets.firstIndex { $0.name.trimmingCharacters(in: .whitespaces).lowercased() == "dik" }
            ?? sheets.firstIndex { $0.name.lowercased().contains("dik") || $0.name.lowercased().contains("dikecualikan") } ?? 0
        var targets: [String: String] = [:]
        for relation in try xml("xl/_rels/workbook.xml.rels")?["Relationships"]["Relationship"].all ?? [] {
            if let id = relation.element?.attribute(by: "Id")?.text, let target = relation.element?.attribute(by: "Target")?.text {
                targets[id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            }
        }
        let strings = try sharedStrings()
        let dateStyles = try self.dateStyles()
        // The sheet named like the register first; else the first sheet whose table can be found
        // (a workbook may open on a cover or instructions sheet).
        let order = [chosenIndex] + sheets.indices.filter { $0 != chosenIndex }.prefix(9)
        var first: SheetGrid?
        for index in order {
            let path = targets[sheets[index].rid] ?? "xl/worksheets/sheet\(index + 1).xml"
            guard let sheet = try xml(path) else { throw ImportFileError.damaged("lembar \(sheets[index].name) tidak ada") }
            var grid = try cells(of: sheet, strings: strings, dateStyles: dateStyles, rowLimit: rowLimit)
            grid.readAs =
                "XLSX, lembar \"\(sheets[index].name)\"" + (sheets.count > 1 ? " (\(index + 1) dari \(sheets.count) lembar)" : "")
            if (try? ImportTable.read(grid)) != nil { return grid }
            if first == nil { first = grid }
        }
        return first ?? SheetGrid(format: .xlsx, cells: [], readAs: "XLSX")
    }

    /// The workbook's shared strings; a rich-text string joins its runs (phonetic hints left out).
    func sharedStrings() throws -> [String] {
        guard let table = try xml("xl/sharedStrings.xml") else { return [] }
        return table["sst"]["si"].all.map { item in item.element.map(Self.text(of:)) ?? "" }
    }

    /// The text of `<t>` elements under `element`, in order, except inside `<rPh>`.
    static func text(of element: SWXMLHash.XMLElement) -> String {
        var out = ""
        for child in element.children {
            guard let child = child as? SWXMLHash.XMLElement, child.name != "rPh" else { continue }
            out += child.name == "t" ? child.text : text(of: child)
        }
        return out
    }

    /// The style indexes (`s`) whose number format shows a date.
    func dateStyles() throws -> Set<Int> {
        guard let styles = try xml("xl/styles.xml") else { return [] }
        var custom: [Int: String] = [:]
        for format in styles["styleSheet"]["numFmts"]["numFmt"].all {
            if let id = Int(format.element?.attribute(by: "numFmtId")?.text ?? ""),
                let code = format.element?.attribute(by: "formatCode")?.text
            {
                custom[id] = code
            }
        }
        var dates: Set<Int> = []
        for (index, xf) in styles["styleSheet"]["cellXfs"]["xf"].all.enumerated() {
            guard let id = Int(xf.element?.attribute(by: "numFmtId")?.text ?? "") else { continue }
            if (14...22).contains(id) || (27...36).contains(id) || (45...47).contains(id) || (50...58).contains(id)
                || custom[id].map(Self.isDateFormat) == true
            {
                dates.insert(index)
            }
        }
        return dates
    }

    /// A format code shows a date when, outside quotes and brackets, it has d, m or y.
    static func isDateFormat(_ code: String) -> Bool {
        var quoted = false
        var bracket = false
        for character in code.lowercased() {
            switch character {
            case "\"": quoted.toggle()
            case "[": bracket = true
            case "]": bracket = false
            case "d", "y", "m" where !quoted && !bracket: return true
            default: continue
            }
        }
        return false
    }

    func cells(of sheet: XMLIndexer, strings: [String], dateStyles: Set<Int>, rowLimit: Int) throws -> SheetGrid {
        var grid = SheetGrid(format: .xlsx, cells: [], readAs: "")
        var nextRow = 0
        for rowXML in sheet["worksheet"]["sheetData"]["row"].all {
            guard let rowElement = rowXML.element else { continue }
            let rowIndex = (Int(rowElement.attribute(by: "r")?.text ?? "")).map { $0 - 1 } ?? nextRow
            guard rowIndex >= 0, rowIndex < 1_048_576 else { throw ImportFileError.damaged("nomor baris tidak sah") }
            if rowIndex >= rowLimit { throw ImportFileError.tooManyRows(rowIndex + 1, limit: rowLimit) }
            nextRow = rowIndex + 1
            var nextColumn = 0
            for cellXML in rowXML["c"].all {
                guard let cell = cellXML.element else { continue }
                let address =
                    (cell.attribute(by: "r")?.text).flatMap(SheetGrid.address)
                    ?? SheetGrid.Address(row: rowIndex, column: nextColumn)
                nextColumn = address.column + 1
                guard address.column < SheetGrid.columnLimit else {
                    if value(of: cellXML, cell: cell, strings: strings).isEmpty { continue }
                    throw ImportFileError.tooManyColumns(address.column + 1, limit: SheetGrid.columnLimit)
                }
                var text = value(of: cellXML, cell: cell, strings: strings)
                if cellXML["f"].element != nil { grid.formulas.insert(address) }
                let style = Int(cell.attribute(by: "s")?.text ?? "")
                let type = cell.attribute(by: "t")?.text ?? "n"
                if type == "n", let style, dateStyles.contains(style), let serial = Double(text),
                    let date = LocalDate(dayNumber: Int(serial.rounded(.down)) - 25_569), (1900...9999).contains(date.year)
                {
                    grid.dates[address] = date
                    text = date.iso
                } else if type == "n", let number = Double(text), number.isFinite, number == number.rounded(),
                    abs(number) < 1e15
                {
                    text = String(Int(number))
                }
                while grid.cells.count <= address.row { grid.cells.append([]) }
                while grid.cells[address.row].count <= address.column { grid.cells[address.row].append("") }
                grid.cells[address.row][address.column] = text
            }
        }
        for merge in sheet["worksheet"]["mergeCells"]["mergeCell"].all {
            guard let reference = merge.element?.attribute(by: "ref")?.text else { continue }
            let ends = reference.split(separator: ":").map(String.init)
            guard ends.count == 2, let from = SheetGrid.address(ends[0]), let to = SheetGrid.address(ends[1]),
                from.row <= to.row, from.column <= to.column
            else { continue }
            grid.merges.append(.init(rows: from.row...to.row, columns: from.column...min(to.column, SheetGrid.columnLimit)))
        }
        return grid
    }

    func value(of indexer: XMLIndexer, cell: SWXMLHash.XMLElement, strings: [String]) -> String {
        let type = cell.attribute(by: "t")?.text ?? "n"
        switch type {
        case "s":
            guard let index = indexer["v"].element.flatMap({ Int($0.text) }), strings.indices.contains(index) else { return "" }
            return strings[index]
        case "inlineStr":
            return indexer["is"].element.map(Self.text(of:)) ?? ""
        case "b":
            return indexer["v"].element?.text == "1" ? "TRUE" : "FALSE"
        default:
            return indexer["v"].element?.text ?? ""
        }
    }
}
