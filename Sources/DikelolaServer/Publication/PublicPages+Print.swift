import DikelolaCore
import Foundation
import Plot

extension PublicPages {
    /// The whole DIK on one page laid out for A4 landscape, as offices print and file it: a title
    /// block, every exempted entry numbered in the register's order, the header row repeated on
    /// each sheet, no row split across sheets, and "Halaman n dari m" at the foot of each sheet.
    static func printView(_ v: Version, _ l: UILanguage = .indonesian) -> String {
        let entries = v.register.exempted
        let body = v.register.body
        // The name goes into a CSS string for the page footer: keep only what cannot end it.
        let footerName = body.name.filter { !"\"\\<>\n\r".contains($0) }
        let printStyle = """
            body{font-family:"Times New Roman",Times,serif;font-size:10.5pt;color:#000;margin:0 auto;max-width:28cm;padding:1rem}
            h1{font-size:13pt;text-align:center;margin:0}p.center{text-align:center;margin:.2rem 0}
            table{border-collapse:collapse;width:100%;margin-top:.8rem;table-layout:fixed}
            th:nth-child(1){width:3%}th:nth-child(2){width:10.5%}th:nth-child(3){width:11.5%}th:nth-child(4){width:10%}
            th:nth-child(5){width:9%}th:nth-child(6),th:nth-child(7){width:14.5%}th:nth-child(8){width:8%}
            th:nth-child(9){width:7%}th:nth-child(10){width:12%}td{overflow-wrap:break-word}
            th,td{border:1px solid #000;padding:3pt 4pt;vertical-align:top;text-align:left}
            th{background:#e8e8e8}thead{display:table-header-group}tr{break-inside:avoid}
            td.n{text-align:center;white-space:nowrap}.muted{font-size:9pt;color:#333}.tools{margin-bottom:1rem}
            @page{size:A4 landscape;margin:1.2cm 1.2cm 1.5cm;
            @bottom-left{content:"DIK \(footerName) — \(l.t("versi", "version")) \(v.number)";font-size:8pt}
            @bottom-right{content:"\(l.t("Halaman", "Page")) " counter(page) " \(l.t("dari", "of")) " counter(pages);font-size:8pt}}
            @media print{.tools{display:none}body{padding:0;max-width:none}}
            """
        let at = Place(path: "cetak.html", language: l)
        let html = HTML(
            .lang(l.html),
            .head(
                .encoding(.utf8), .viewport(.accordingToDevice),
                .element(named: "title", text: l.t("DIK \(body.name) — cetak", "Register of \(body.name) — print")),
                .element(named: "style", text: printStyle)),
            .body(
                .p(
                    .class("tools"),
                    .a(.href("index.html"), .text(l.t("← Kembali ke DIK", "← Back to the register"))), .text(" · "),
                    .text(l.t("Cetak dengan Ctrl+P, kertas A4 mendatar. ", "Print with Ctrl+P on A4 landscape. ")),
                    .a(.href(at.twin), .text(l.t("English", "Bahasa Indonesia")))),
                .h1(.text(l.t("DAFTAR INFORMASI YANG DIKECUALIKAN", "REGISTER OF EXEMPTED INFORMATION"))),
                .p(.class("center"), .strong(.text(body.name.uppercased()))),
                .p(
                    .class("center muted"),
                    .text(
                        l.t("Versi \(v.number), keadaan ", "Version \(v.number), as of ")
                            + instant(v.publishedAt, zone: body.timeZone, l) + ". "
                            + l.t(
                                "Diurutkan menurut berakhirnya jangka waktu pengecualian.",
                                "In the order the exemption periods end."))),
                .if(entries.isEmpty, .p(.text(l.t("Belum ada informasi yang dikecualikan.", "Nothing is exempted yet.")))),
                .if(
                    !entries.isEmpty,
                    .table(
                        .element(
                            named: "thead",
                            nodes: [
                                .tr(
                                    .th(.text("No")), .th(.text(l.t("Nomor DIK", "Register no."))),
                                    .th(.text(l.t("Informasi", "Information"))), .th(.text("Unit")),
                                    .th(.text(l.t("Dasar hukum pengecualian", "Legal ground"))),
                                    .th(.text(l.t("Konsekuensi bila dibuka", "Consequence if opened"))),
                                    .th(.text(l.t("Konsekuensi bila ditutup", "Consequence if withheld"))),
                                    .th(.text(l.t("Jangka waktu", "Period"))), .th(.text(l.t("Berakhir", "Ends"))),
                                    .th(.text(l.t("Surat penetapan", "Decree"))))
                            ]),
                        .tbody(
                            .forEach(Array(entries.enumerated())) { index, e in
                                .tr(
                                    .td(.class("n"), .text("\(index + 1)")), .td(.class("n"), .text(e.id)),
                                    .td(
                                        .text(e.title),
                                        .if(e.partly, .br()), .if(e.partly, .em(.text(l.t("(dikecualikan sebagian)", "(partly exempted)")))),
                                        .unwrap(e.openPart) { .group(.br(), .small(.text(l.t("Terbuka: ", "Open: ") + $0))) }),
                                    .td(.text(e.unit)), .td(.text(ground(e))),
                                    .td(.text(e.ifOpened)), .td(.text(e.ifClosed)),
                                    .td(.text(e.period)), .td(.text(date(e.endDate, l))),
                                    .td(.text(e.decreeNumber), .br(), .text(date(e.decreeDate, l))))
                            })))))
        return html.render()
    }
}
