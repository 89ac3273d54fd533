import DikelolaCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import DikelolaServer

/// Figures people would rather look at than read: the public statistics page and the PPID Utama's
/// overview draw their charts on the server as SVG (no script, no style attribute), each with its
/// table beside it.
@Suite struct ChartTests {
    @Test func aChartDrawsEachBarInProportionAndEscapesEveryLabel() {
        let svg = BarChart.svg([
            .init(label: "Dinas <Sosial> & \"Anak\"", count: 10), .init(label: "Dinkes\u{07}", count: 5), .init(label: "Nol", count: 0),
        ])
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\"") && svg.hasSuffix("</svg>"))
        #expect(svg.contains("Dinas &lt;Sosial&gt; &amp; &quot;Anak&quot;") && !svg.contains("<Sosial>"))
        #expect(!svg.contains("\u{07}") && !svg.contains("style="))
        let widths = svg.matches(of: /<rect x="\d+" y="\d+" width="(\d+)"/).compactMap { Int($0.1) }
        #expect(widths.count == 3 && widths[0] == 2 * widths[1] && widths[2] == 0)
        // Past the limit, the rest is summed as one bar.
        let many = BarChart.bars((1...40).map { (key: "Unit \($0)", count: 1) }, other: "lainnya")
        #expect(many.count == BarChart.maximumBars && many.last == .init(label: "lainnya", count: 40 - BarChart.maximumBars + 1))
    }

    @Test func openingsAreCountedByMonth() {
        let day = { (text: String) in LocalDate(iso: text) }
        let stats = PublicRegister.Statistics.of(
            [
                ("h2", "Dinkes", day("2030-01-01"), nil), ("a1", "Disdukcapil", nil, day("2026-10-03")),
                ("h4", "Disdukcapil", nil, day("2026-10-20")), ("h4", "Dinkes", nil, day("2026-11-02")),
            ]) { $0 == 0 }
        #expect(stats.openedByMonth.map(\.key) == ["2026-10", "2026-11"] && stats.openedByMonth.map(\.count) == [2, 1])
        #expect(stats.byGround.map(\.key) == ["Pasal 17 huruf h"] && stats.byEndYear.map(\.key) == ["2030"])
        #expect(BarChart.monthLabel("2026-10", english: false) == "Oktober 2026")
    }

    @Test func theStatisticsPageAndThePPIDUtamaOverviewDrawTheirCharts() async throws {
        try await withApp { app in
            _ = try await DemoGovernment.load(in: app)
            _ = try await DemoProcedure.load(in: app)
            let reader = Browser(app)
            let page = try await reader.get("/publik/\(DemoGovernment.slug)/terkini/statistik.html")
            #expect(page.status == .ok)
            for id in ["menurut-dasar-hukum", "menurut-unit", "menurut-tahun-berakhir", "pembukaan-per-bulan"] {
                #expect(page.body.contains("<figure class=\"chart\" id=\"\(id)\">"), "\(id)")
            }
            #expect(page.body.components(separatedBy: "<svg ").count - 1 == 4)
            #expect(page.body.contains("<thead><tr><th>Dasar hukum</th><th>Jumlah</th></tr></thead>"))

            let main = Browser(app)
            try await main.signIn(as: "mainppid.diskominfo@contohkab.go.id")
            let home = try await main.get("/")
            #expect(home.body.contains("DIK badan publik dalam angka") && home.body.contains("id=\"pembukaan-per-bulan\""))
            let operatorBrowser = Browser(app)
            try await operatorBrowser.signIn(as: "operator.dinkes@contohkab.go.id")
            #expect(!(try await operatorBrowser.get("/").body.contains("DIK badan publik dalam angka")))
        }
    }
}
