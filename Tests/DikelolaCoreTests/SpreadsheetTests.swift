import Foundation
import Testing

@testable import DikelolaCore

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The XLSX export: a valid ZIP container (read back by an independent reader written here from
/// the format), well-formed XML parts, and the register's cells with dates as real dates.
@Suite struct SpreadsheetTests {
    let body = PublicRegister.Body(slug: "kabupaten-contoh", name: "Pemerintah Kabupaten Contoh & Co", timeZone: "WIB")

    @Test func crc32MatchesTheStandardCheckValue() {
        #expect(CRC32.checksum(Data("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum(Data()) == 0)
    }

    @Test func columnNamesRunLikeASpreadsheets() {
        #expect([0, 21, 25, 26, 27, 51, 52, 701, 702].map(Spreadsheet.column) == ["A", "V", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"])
        // Excel's serial for 31 December 2030, computed independently: (2030-12-31 − 1899-12-30) days.
        #expect(Spreadsheet.serial(LocalDate(iso: "2030-12-31")!) == 47_848)
    }

    @Test func aZipArchiveRefusesDuplicateAndEmptyNames() throws {
        var zip = ZipArchive(modified: LocalDate(iso: "2026-11-24")!)
        try zip.add("a.xml", Data("x".utf8))
        #expect(throws: ZipArchive.Failure.self) { try zip.add("a.xml", Data()) }
        #expect(throws: ZipArchive.Failure.self) { try zip.add("", Data()) }
        #expect(throws: ZipArchive.Failure.self) { try zip.add("/absolute", Data()) }
        let members = try ZipReader.members(of: zip.finished())
        #expect(members.map(\.name) == ["a.xml"] && members[0].bytes == Data("x".utf8))
    }

    @Test func theWorkbookHoldsTheRegisterWithRealDates() throws {
        // given: an entry with text XML must escape, a control character XML forbids, and an opened one
        var hostile = PublicRegisterTests.entry("DIK-2026-0001", end: "2030-12-31")
        hostile.title = "=HYPERLINK(\"http://x\") <b>tebal</b> & \u{0007}lonceng"
        let opened = PublicRegisterTests.entry("DIK-2026-0002", end: "2026-11-20", status: .opened)
        let register = PublicRegister(body: body, entries: [hostile, opened])

        // when
        let data = try register.xlsx(version: 4, publishedAt: Date(timeIntervalSince1970: 1_795_000_000))

        // then: the container
        let members = try ZipReader.members(of: data)
        #expect(
            Set(members.map(\.name)) == [
                "[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                "xl/styles.xml", "xl/worksheets/sheet1.xml",
            ])
        for member in members {
            let parser = XMLParser(data: member.bytes)
            #expect(parser.parse(), "\(member.name) is not well-formed: \(String(describing: parser.parserError))")
        }
        let sheet = String(decoding: try #require(members.first { $0.name == "xl/worksheets/sheet1.xml" }).bytes, as: UTF8.self)
        // the header, every column, frozen and filtered
        #expect(sheet.contains(#"<c r="A1" s="1" t="inlineStr"><is><t xml:space="preserve">No. DIK</t>"#))
        #expect(sheet.contains(#"<c r="T1" s="1" t="inlineStr"><is><t xml:space="preserve">Retensi (DIP)</t>"#))
        #expect(sheet.contains(#"state="frozen""#) && sheet.contains(#"<autoFilter ref="A1:U3"/>"#))
        // text escaped, never a formula, the bell left out
        #expect(sheet.contains("=HYPERLINK(&quot;http://x&quot;) &lt;b&gt;tebal&lt;/b&gt; &amp; lonceng"))
        #expect(!sheet.contains("<f>") && !sheet.contains("\u{0007}"))
        // rows in the register's order (by the end of the period): the opened entry first
        #expect(sheet.contains(#"<c r="A2" s="3" t="inlineStr"><is><t xml:space="preserve">DIK-2026-0002</t>"#))
        // dates as serials in the date style: the end 31 December 2030, the decree 2 November 2026
        #expect(sheet.contains(#"<c r="J3" s="2"><v>47848</v></c>"#) && sheet.contains(#"<c r="M3" s="2"><v>46328</v></c>"#))
        // the opened entry: its status and the day it opened (20 November 2026 = 46346)
        #expect(sheet.contains(">Terbuka<") && sheet.contains(#"<c r="O2" s="2"><v>46346</v></c>"#))
        // A4 landscape, page numbers in the footer, a literal & doubled there
        #expect(sheet.contains(#"paperSize="9" orientation="landscape""#) && sheet.contains("Contoh &amp;&amp; Co"))
        let styles = String(decoding: try #require(members.first { $0.name == "xl/styles.xml" }).bytes, as: UTF8.self)
        #expect(styles.contains(#"formatCode="[$-421]d mmmm yyyy""#))
    }

    @Test func aTextLongerThanACellHoldsIsCutVisibly() throws {
        var long = PublicRegisterTests.entry("DIK-2026-0001", end: "2030-12-31")
        long.ifClosed = String(repeating: "a", count: 40_000)
        let data = try PublicRegister(body: body, entries: [long]).xlsx(version: 1, publishedAt: Date())
        let sheet = try ZipReader.members(of: data).first { $0.name == "xl/worksheets/sheet1.xml" }!
        let text = String(decoding: sheet.bytes, as: UTF8.self)
        // the cell holds 32,766 letters and the ellipsis: 32,767 characters, Excel's most
        let cut = try #require(text.range(of: "…</t>"))
        let letters = text[..<cut.lowerBound].reversed().prefix { $0 == "a" }.count
        #expect(letters == 32_766)
    }
}

/// A reader of stored ZIP archives, from the format (end record → central directory → local
/// headers), checking each member's CRC: independent of the writer it tests.
enum ZipReader {
    struct Member {
        let name: String
        let bytes: Data
    }

    struct Broken: Error, CustomStringConvertible {
        let description: String
    }

    static func members(of data: Data) throws -> [Member] {
        let bytes = [UInt8](data)
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        guard bytes.count >= 22, u32(bytes.count - 22) == 0x0605_4b50 else { throw Broken(description: "no end record") }
        let end = bytes.count - 22
        let count = u16(end + 10)
        var at = u32(end + 16)
        guard at + u32(end + 12) == end else { throw Broken(description: "directory size and offset disagree") }
        var result: [Member] = []
        for _ in 0..<count {
            guard u32(at) == 0x0201_4b50 else { throw Broken(description: "bad directory entry at \(at)") }
            let (method, crc, size, nameLength) = (u16(at + 10), u32(at + 16), u32(at + 24), u16(at + 28))
            let extra = u16(at + 30) + u16(at + 32)
            let name = String(decoding: bytes[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
            let local = u32(at + 42)
            guard u32(local) == 0x0403_4b50, method == 0, u32(local + 14) == crc, u32(local + 22) == size else {
                throw Broken(description: "local header of \(name) disagrees with the directory")
            }
            let start = local + 30 + u16(local + 26) + u16(local + 28)
            let content = Data(bytes[start..<(start + size)])
            guard Int(CRC32.checksum(content)) == crc else { throw Broken(description: "CRC of \(name)") }
            result.append(Member(name: name, bytes: content))
            at += 46 + nameLength + extra
        }
        return result
    }
}
