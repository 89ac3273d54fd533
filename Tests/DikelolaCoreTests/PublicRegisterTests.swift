import Foundation
import Testing

@testable import DikelolaCore

@Suite struct PublicRegisterTests {
    static func entry(_ id: String, end: String?, status: PublicRegister.Entry.Status = .exempted, unit: String = "Dinkes")
        -> PublicRegister.Entry
    {
        PublicRegister.Entry(
            id: id, title: "Informasi \(id)", unit: unit, ground: "Pasal 17 huruf h angka 2",
            groundCode: "h2", otherStatute: nil, partly: false, ifOpened: "Rahasia pasien terbuka.",
            ifClosed: "Layanan tetap berjalan.", period: "sampai dengan …",
            endDate: end.flatMap(LocalDate.init(iso:)), reviewDate: nil, decreeNumber: "000.5.10/1/PPID/XI/2026",
            decreeDate: LocalDate(iso: "2026-11-02")!, status: status,
            openedOn: status == .opened ? LocalDate(iso: "2026-11-20") : nil, openedByLaw: status == .opened)
    }

    let body = PublicRegister.Body(slug: "kabupaten-contoh", name: "Pemerintah Kabupaten Contoh", timeZone: "WIB")

    @Test func sortedByTheEndOfTheExemptionThenByNumber() {
        let register = PublicRegister(
            body: body,
            entries: [
                Self.entry("DIK-2026-0003", end: nil), Self.entry("DIK-2026-0002", end: "2030-12-31"),
                Self.entry("DIK-2026-0001", end: "2030-12-31"), Self.entry("DIK-2026-0004", end: "2027-01-01"),
            ])
        #expect(register.entries.map(\.id) == ["DIK-2026-0004", "DIK-2026-0001", "DIK-2026-0002", "DIK-2026-0003"])
    }

    @Test func comparesTwoVersions() {
        let first = PublicRegister(
            body: body, entries: [Self.entry("DIK-2026-0001", end: "2026-11-20"), Self.entry("DIK-2026-0002", end: "2030-12-31")])
        var changed = Self.entry("DIK-2026-0002", end: "2030-12-31")
        changed.decreeNumber = "000.5.10/2/PPID/XI/2026"  // a corrected number
        let second = PublicRegister(
            body: body,
            entries: [
                Self.entry("DIK-2026-0001", end: "2026-11-20", status: .opened), changed, Self.entry("DIK-2026-0003", end: nil),
            ])
        let changes = second.changes(since: first)
        #expect(changes.added.map(\.id) == ["DIK-2026-0003"])
        #expect(changes.opened.map(\.id) == ["DIK-2026-0001"])
        #expect(changes.changed.map(\.after.decreeNumber) == ["000.5.10/2/PPID/XI/2026"])
        #expect(changes.removed.isEmpty)
        #expect(second.changes(since: second).isEmpty)
        #expect(first.changes(since: nil).added.count == 2)
        #expect(second.opened(in: 2026).map(\.id) == ["DIK-2026-0001"] && second.opened(in: 2025).isEmpty)
    }

    @Test func csvOpensInExcelAndCannotRunFormulas() {
        var hostile = Self.entry("DIK-2026-0001", end: "2030-12-31")
        hostile.title = "=HYPERLINK(\"http://x\",\"klik\")"
        hostile.ifClosed = "Baris satu\nbaris dua, dengan koma; dan \"kutip\""
        let csv = PublicRegister(body: body, entries: [hostile]).csv()
        #expect(csv.hasPrefix("\u{FEFF}No. DIK,Informasi,"))
        #expect(csv.contains(#","'=HYPERLINK(""http://x"",""klik"")","#))
        #expect(csv.contains("\"Baris satu\nbaris dua, dengan koma; dan \"\"kutip\"\"\""))
        #expect(csv.hasSuffix("\r\n") && csv.components(separatedBy: "\r\n").count == 3)
    }

    @Test func statisticsCountOnlyWhatIsStillExempted() {
        let register = PublicRegister(
            body: body,
            entries: [
                Self.entry("DIK-2026-0001", end: "2030-12-31"), Self.entry("DIK-2026-0002", end: "2030-06-30", unit: "Dukcapil"),
                Self.entry("DIK-2026-0003", end: "2026-11-20", status: .opened),
            ])
        let stats = register.statistics
        #expect(stats.byGround.map(\.count) == [2] && stats.byGround[0].key == "Pasal 17 huruf h")
        #expect(stats.byUnit.map(\.key) == ["Dinkes", "Dukcapil"] && stats.byEndYear.map(\.key) == ["2030"])
    }

    @Test func jsonRoundTripsWithISODates() throws {
        let register = PublicRegister(body: body, entries: [Self.entry("DIK-2026-0001", end: "2030-12-31")])
        let data = try register.json(version: 3, publishedAt: Date(timeIntervalSince1970: 1_795_000_000))
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#""endDate" : "2030-12-31""#) && text.contains(#""version" : 3"#))
        let decoded = try JSONDecoder().decode(PublicRegister.self, from: try JSONEncoder().encode(register))
        #expect(decoded == register)
    }
}
