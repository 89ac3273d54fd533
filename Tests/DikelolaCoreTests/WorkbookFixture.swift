import Foundation
import ZIPFoundation

@testable import DikelolaCore

/// Builds XLSX files the way Excel writes them (deflated parts, shared strings, styles with a date
/// format, merged cells, formulas with their saved values), to imitate the DIKs bodies publish.
struct WorkbookFixture {
    var rows: [[String]]
    var merges: [String] = []
    /// Cell → (formula, saved value).
    var formulas: [String: (String, String)] = [:]
    /// Cell → a date, written as a serial number with a date style.
    var dates: [String: LocalDate] = [:]
    var sheetName = "DIK"

    func data() throws -> Data {
        var strings: [String] = []
        var index: [String: Int] = [:]
        func shared(_ text: String) -> Int {
            if let i = index[text] { return i }
            strings.append(text)
            index[text] = strings.count - 1
            return strings.count - 1
        }
        var sheet = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
        for (r, row) in rows.enumerated() {
            sheet += #"<row r="\#(r + 1)">"#
            for (c, text) in row.enumerated() {
                let ref = "\(SheetGrid.columnName(c))\(r + 1)"
                if let date = dates[ref] {
                    sheet += #"<c r="\#(ref)" s="1"><v>\#(date.dayNumber + 25_569)</v></c>"#
                } else if let (formula, value) = formulas[ref] {
                    sheet += #"<c r="\#(ref)" t="str"><f>\#(Spreadsheet.escape(formula))</f><v>\#(Spreadsheet.escape(value))</v></c>"#
                } else if !text.isEmpty {
                    if Int(text) != nil {
                        sheet += #"<c r="\#(ref)"><v>\#(text)</v></c>"#
                    } else {
                        sheet += #"<c r="\#(ref)" t="s"><v>\#(shared(text))</v></c>"#
                    }
                }
            }
            sheet += "</row>"
        }
        sheet += "</sheetData>"
        if !merges.isEmpty {
            sheet += #"<mergeCells count="\#(merges.count)">"# + merges.map { #"<mergeCell ref="\#($0)"/>"# }.joined() + "</mergeCells>"
        }
        sheet += "</worksheet>"
        let sst =
            #"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
            + strings.map { #"<si><t xml:space="preserve">\#(Spreadsheet.escape($0))</t></si>"# }.joined() + "</sst>"
        let workbook =
            #"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Petunjuk" sheetId="2" r:id="rId2"/><sheet name="\#(sheetName)" sheetId="1" r:id="rId1"/></sheets></workbook>"#
        let rels =
            #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>"#
        let styles =
            #"<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="[$-421]dd\ mmmm\ yyyy"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>"#
        let other =
            #"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Isi lembar DIK sesuai petunjuk</t></is></c></row></sheetData></worksheet>"#
        let archive = try Archive(accessMode: .create)
        for (path, text) in [
            ("[Content_Types].xml", String(decoding: Spreadsheet.contentTypes, as: UTF8.self)),
            ("xl/workbook.xml", workbook), ("xl/_rels/workbook.xml.rels", rels), ("xl/styles.xml", styles),
            ("xl/sharedStrings.xml", sst), ("xl/worksheets/sheet1.xml", sheet), ("xl/worksheets/sheet2.xml", other),
        ] {
            let bytes = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate,
                provider: { position, size in bytes.subdata(in: Int(position)..<Int(position) + size) })
        }
        return archive.data ?? Data()
    }
}
