import Foundation

extension PublicRegister {
    /// The register as an Excel workbook (Office Open XML, `.xlsx`): one sheet "DIK" with the
    /// columns of the CSV, a bold frozen header with filters, dates as real dates shown in
    /// Indonesian (`21 November 2026`), wrapped text, and A4 landscape page setup. Text is written
    /// as inline strings, so no cell is ever a formula.
    ///
    /// Excel holds at most 32,767 characters in a cell; a longer text is cut there with "…" (the
    /// CSV and JSON carry it whole).
    public func xlsx(version: Int, publishedAt: Date) throws -> Data {
        let region = TimeZoneRegion(rawValue: body.timeZone) ?? .wib
        var zip = ZipArchive(modified: region.localDate(of: publishedAt))
        let columns = Self.csvColumns.count
        let lastRow = entries.count + 1
        let sheetTitle = Spreadsheet.escape("DIK \(body.name)")

        try zip.add("[Content_Types].xml", Spreadsheet.contentTypes)
        try zip.add("_rels/.rels", Spreadsheet.packageRelationships)
        try zip.add(
            "docProps/core.xml",
            Data(
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
                xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
                <dc:title>\(sheetTitle), versi \(version)</dc:title><dc:creator>Dikelola</dc:creator>\
                <dcterms:modified xsi:type="dcterms:W3CDTF">\(ISO8601DateFormatter().string(from: publishedAt))</dcterms:modified>\
                </cp:coreProperties>
                """.utf8))
        try zip.add(
            "xl/workbook.xml",
            Data(
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
                <sheets><sheet name="DIK" sheetId="1" r:id="rId1"/></sheets>\
                <definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">\
                DIK!$A$1:$\(Spreadsheet.column(columns - 1))$\(lastRow)</definedName>\
                <definedName name="_xlnm.Print_Titles" localSheetId="0">DIK!$1:$1</definedName></definedNames>\
                </workbook>
                """.utf8))
        try zip.add("xl/_rels/workbook.xml.rels", Spreadsheet.workbookRelationships)
        try zip.add("xl/styles.xml", Spreadsheet.styles)

        var sheet = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>\
            </sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>
            """
        for (index, width) in Spreadsheet.widths(columns).enumerated() {
            sheet += #"<col min="\#(index + 1)" max="\#(index + 1)" width="\#(width)" customWidth="1"/>"#
        }
        sheet += "</cols><sheetData>"
        sheet += Spreadsheet.row(1, Self.csvColumns.map(Cell.text), style: Spreadsheet.headerStyle)
        for (index, entry) in entries.enumerated() {
            sheet += Spreadsheet.row(index + 2, cells(entry), style: Spreadsheet.textStyle)
        }
        sheet += "</sheetData>"
        sheet += #"<autoFilter ref="A1:\#(Spreadsheet.column(columns - 1))\#(lastRow)"/>"#
        sheet += #"<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>"#
        sheet += #"<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>"#
        // In a header or footer `&` starts a code (`&P` the page): a literal one is written `&&`.
        let footerTitle = Spreadsheet.escape("DIK \(body.name)".replacingOccurrences(of: "&", with: "&&"))
        sheet += "<headerFooter><oddFooter>&amp;L\(footerTitle)&amp;RHalaman &amp;P dari &amp;N</oddFooter></headerFooter>"
        sheet += "</worksheet>"
        try zip.add("xl/worksheets/sheet1.xml", Data(sheet.utf8))
        return zip.finished()
    }
}

/// The fixed parts of the workbook and the writing of cells.
enum Spreadsheet {
    static let headerStyle = 1
    static let textStyle = 3
    static let dateStyle = 2
    /// Excel's longest cell text.
    static let cellLimit = 32_767

    /// `0` → `A`, `25` → `Z`, `26` → `AA`.
    static func column(_ index: Int) -> String { SheetGrid.columnName(index) }

    /// Days since 30 December 1899: Excel's date serial (1900 system).
    static func serial(_ date: LocalDate) -> Int { date.dayNumber + 25_569 }

    /// XML text: escaped, with the characters XML 1.0 forbids left out.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value >= 0x20, scalar.value != 0xFFFE, scalar.value != 0xFFFF { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    static func row(_ number: Int, _ cells: [PublicRegister.Cell], style: Int) -> String {
        var xml = #"<row r="\#(number)">"#
        for (index, cell) in cells.enumerated() {
            let reference = "\(column(index))\(number)"
            switch cell {
            case .date(let date?):
                xml += #"<c r="\#(reference)" s="\#(dateStyle)"><v>\#(serial(date))</v></c>"#
            case .date(nil):
                continue
            case .text(let text) where text.isEmpty:
                continue
            case .text(let text):
                let fitting = text.count > cellLimit ? String(text.prefix(cellLimit - 1)) + "…" : text
                xml += #"<c r="\#(reference)" s="\#(style)" t="inlineStr"><is><t xml:space="preserve">"#
                xml += escape(fitting) + "</t></is></c>"
            }
        }
        return xml + "</row>"
    }

    /// Column widths in characters: narrow for numbers, codes and dates, wide for the texts.
    static func widths(_ count: Int) -> [Int] {
        let known = [16, 40, 28, 28, 24, 12, 40, 40, 24, 18, 18, 24, 18, 16, 18, 12, 24, 40, 28, 20]
        return (0..<count).map { $0 < known.count ? known[$0] : 20 }
    }

    static let contentTypes = Data(
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
        <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
        <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
        <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
        </Types>
        """.utf8)

    static let packageRelationships = Data(
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
        </Relationships>
        """.utf8)

    static let workbookRelationships = Data(
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
        </Relationships>
        """.utf8)

    /// Styles: 0 plain, 1 bold grey header (wrapped), 2 date `21 November 2026` in Indonesian
    /// (`[$-421]` is the Indonesian locale), 3 wrapped text aligned to the top.
    static let styles = Data(
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
        <numFmts count="1"><numFmt numFmtId="164" formatCode="[$-421]d mmmm yyyy"/></numFmts>\
        <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
        <fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>\
        <fill><patternFill patternType="solid"><fgColor rgb="FFD9D9D9"/><bgColor indexed="64"/></patternFill></fill></fills>\
        <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
        <xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1">\
        <alignment vertical="top" wrapText="1"/></xf>\
        <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1">\
        <alignment vertical="top"/></xf>\
        <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>\
        </cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
        """.utf8)
}
