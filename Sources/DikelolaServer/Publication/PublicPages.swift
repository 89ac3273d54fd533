import DikelolaCore
import Foundation
import Plot

/// The public register's pages, rendered from one published version only (`PublicRegister`), so they
/// can hold nothing else. Every page is a complete static file: relative links, its own small
/// stylesheet inline, no script, readable without the application.
///
/// A version folder holds the pages in Bahasa Indonesia at its root and the same pages in English
/// under `en/`; the exports (`dik.csv`, `dik.json`, `dik.xlsx`), the feed and the embed are shared
/// by both and sit at the root. Every page links to its twin in the other language.
enum PublicPages {
    struct Version {
        let number: Int
        let publishedAt: Date
        let reason: String
        let register: PublicRegister
        let previous: PublicRegister?
        /// A correction that rewrote this version after it was published, and when.
        var correction: (at: Date, text: String)? = nil
    }

    /// The correction note of a version, where it has one.
    static func correctionNote(_ v: Version, _ l: UILanguage) -> Node<HTML.BodyContext> {
        .unwrap(v.correction) { correction in
            .p(
                .class("notice"),
                .strong(.text(l.t("Koreksi ", "Correction ") + instant(correction.at, zone: v.register.body.timeZone, l) + ": ")),
                .text(l == .english ? PublicationCorrection.english(for: correction.text) : correction.text))
        }
    }

    static let style = """
        body{font-family:system-ui,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;margin:0;color:#1b1f23;line-height:1.5}
        header,main,footer{max-width:72rem;margin:0 auto;padding:.75rem 1.25rem}header{border-bottom:1px solid #d0d7de}
        header a{margin-right:1rem}a{color:#0b5394}h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:1.5rem}
        table{border-collapse:collapse;width:100%;font-size:.92rem}th,td{text-align:left;vertical-align:top;padding:.35rem .5rem;border-bottom:1px solid #d0d7de}
        .muted,footer{color:#57606a;font-size:.9rem}.status{white-space:nowrap}.opened{color:#1a7f37}.soon{color:#9a6700}
        .lang{float:right}td:first-child{white-space:nowrap}
        dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:600}dd{margin:0}
        figure.chart{margin:0 0 1rem;border:1px solid #d0d7de;padding:.5rem .75rem;break-inside:avoid}figure.chart figcaption{font-weight:700;margin-bottom:.5rem}
        .chart-body{display:grid;grid-template-columns:3fr 2fr;gap:1rem;align-items:start}.chart-body svg{max-width:100%;height:auto}.chart-body td.number{text-align:right}
        @media (max-width:40rem){table{display:block;overflow-x:auto}dl{grid-template-columns:1fr}.chart-body{grid-template-columns:1fr}}
        @media print{header nav,footer,.lang{display:none}@page{size:A4 landscape;margin:1.5cm}}
        """

    /// Where a page of the version sits: its path below its language's folder (`index.html`,
    /// `entri/DIK-2026-0001.html`) and the language.
    struct Place {
        let path: String
        let language: UILanguage

        /// `../` up to the language's folder.
        var toLanguageRoot: String { String(repeating: "../", count: path.split(separator: "/").count - 1) }
        /// `../` up to the version's folder, where the shared files are.
        var toVersionRoot: String { toLanguageRoot + (language == .english ? "../" : "") }
        /// The same page in the other language.
        var twin: String { toVersionRoot + folder(language == .english ? .indonesian : .english) + path }
    }

    /// The folder of a language's pages inside a version: `""` or `"en/"`.
    static func folder(_ l: UILanguage) -> String { l == .english ? "en/" : "" }

    static func date(_ date: LocalDate?, _ l: UILanguage) -> String { date.map(l.date) ?? "—" }

    static func instant(_ date: Date, zone: String, _ l: UILanguage) -> String {
        let region = TimeZoneRegion(rawValue: zone) ?? .wib
        let day = region.localDate(of: date)
        let seconds = Int(date.timeIntervalSince(region.startOfDay(day)))
        return "\(l.date(day)) \(String(format: "%02d.%02d", seconds / 3600, seconds % 3600 / 60)) \(region.rawValue)"
    }

    static func statusText(_ entry: PublicRegister.Entry, _ l: UILanguage) -> String {
        switch entry.status {
        case .opened:
            l.t("Terbuka sejak ", "Public since ") + date(entry.openedOn, l)
                + (entry.openedByLaw ? l.t(" (demi hukum)", " (by law)") : "")
        case .endingSoon: l.t("Akan berakhir", "Ending soon")
        case .reviewDue: l.t("Ditinjau", "Under review")
        case .exempted: l.t("Dikecualikan", "Exempted")
        }
    }

    static func status(_ entry: PublicRegister.Entry, _ l: UILanguage) -> Node<HTML.BodyContext> {
        let kind =
            switch entry.status {
            case .opened: "status opened"
            case .endingSoon, .reviewDue: "status soon"
            case .exempted: "status"
            }
        return .span(.class(kind), .text(statusText(entry, l)))
    }

    static func ground(_ e: PublicRegister.Entry) -> String {
        [e.ground, e.otherStatute].compactMap { $0 }.joined(separator: " jo. ")
    }

    /// A page of the version's folder, with the navigation, the language switch and the footer.
    /// An entry's page says only the version it was published in (its bytes are reused by later
    /// versions while the entry stays the same, `EntryPageReuse`); every other page says its version.
    static func page(
        _ v: Version, _ at: Place, title: String, asPublishedIn: Bool = false, _ content: Node<HTML.BodyContext>...
    ) -> String {
        let l = at.language
        let here = at.toLanguageRoot
        let html = HTML(
            .lang(l.html),
            .head(
                .encoding(.utf8), .viewport(.accordingToDevice),
                .element(named: "title", text: "\(title) — \(v.register.body.name)"),
                .element(named: "style", text: style),
                .link(
                    .rel(.alternate), .type("application/atom+xml"), .href("\(at.toVersionRoot)feed.atom"),
                    .attribute(named: "title", value: l.t("Perubahan DIK", "Register changes")))),
            .body(
                .header(
                    .a(
                        .class("lang"), .href(at.twin), .attribute(named: "hreflang", value: l == .english ? "id" : "en"),
                        .text(l.t("English", "Bahasa Indonesia"))),
                    .p(.strong(.text(v.register.body.name)), .text(" — PPID")),
                    .nav(
                        .a(.href("\(here)index.html"), .text(l.t("DIK", "Register"))),
                        .a(.href("\(here)dip.html"), .text(l.t("Dibuka dari pengecualian", "Opened from exemption"))),
                        .a(.href("\(here)dibuka-tahun-ini.html"), .text(l.t("Dibuka tahun ini", "Opened this year"))),
                        .a(.href("\(here)statistik.html"), .text(l.t("Statistik", "Statistics"))),
                        .a(.href("\(here)perubahan.html"), .text(l.t("Perubahan", "Changes"))),
                        .a(.href("\(here)data.html"), .text(l.t("Data terbuka", "Open data"))))),
                .main(.group(content)),
                .footer(
                    .p(
                        .text(
                            (asPublishedIn
                                ? l.t("Entri ini sebagaimana diterbitkan dalam versi \(v.number), ", "This entry as published in version \(v.number), ")
                                    + "\(instant(v.publishedAt, zone: v.register.body.timeZone, l)). "
                                : l.t("Versi \(v.number), diterbitkan ", "Version \(v.number), published ")
                                    + "\(instant(v.publishedAt, zone: v.register.body.timeZone, l)) — \(v.reason). ")
                                + l.t(
                                    "Daftar Informasi yang Dikecualikan menurut UU 14/2008 dan PP 61/2010; dibuat oleh Dikelola.",
                                    "Register of exempted information under Law 14/2008 and Government Regulation 61/2010; made with Dikelola."
                                )),
                        .unwrap(v.correction) { correction in
                            .text(
                                l.t(" Dikoreksi ", " Corrected ") + instant(correction.at, zone: v.register.body.timeZone, l)
                                    + l.t(" (lihat Perubahan).", " (see Changes)."))
                        }))
            ))
        return html.render()
    }

    static func registerTable(_ entries: [PublicRegister.Entry], _ l: UILanguage, entryLinks: String = "")
        -> Node<HTML.BodyContext>
    {
        .table(
            .tr(
                .th(.text(l.t("No.", "No."))), .th(.text(l.t("Informasi", "Information"))), .th(.text("Unit")),
                .th(.text(l.t("Dasar hukum", "Legal ground"))), .th(.text(l.t("Konsekuensi bila dibuka", "Consequence if opened"))),
                .th(.text(l.t("Jangka waktu", "Period"))), .th(.text(l.t("Berakhir", "Ends"))),
                .th(.text(l.t("Surat penetapan", "Decree"))), .th(.text(l.t("Keadaan", "Status")))),
            .forEach(entries) { e in
                .tr(
                    .td(.a(.href("\(entryLinks)entri/\(e.id).html"), .text(e.id))),
                    .td(
                        .text(e.title),
                        .if(e.partly, .small(.text(l.t(" (dikecualikan sebagian)", " (partly exempted)")))),
                        .unwrap(e.openPart) { .small(.text(l.t(" — terbuka: ", " — open: ") + $0)) }),
                    .td(.text(e.unit)),
                    .td(.text(ground(e))),
                    .td(.text(e.ifOpened)),
                    .td(.text(e.period)), .td(.text(date(e.endDate, l))),
                    .td(
                        .text(e.decreeNumber), .br(), .small(.text(date(e.decreeDate, l))),
                        .if(
                            e.registeredFromEarlier == true,
                            .small(.text(l.t(" · didaftarkan dari SK terdahulu", " · registered from an earlier decree"))))),
                    .td(status(e, l)))
            })
    }

    /// Rows per page of the DIK: a page stays light on a slow connection.
    static let pageSize = 100

    static func pageName(_ number: Int) -> String { number == 1 ? "index.html" : "halaman-\(number).html" }

    static func pageCount(_ v: Version) -> Int { max(1, (v.register.exempted.count + pageSize - 1) / pageSize) }

    /// Page `number` (from 1) of the DIK.
    static func index(_ v: Version, page number: Int = 1, _ l: UILanguage = .indonesian) -> String {
        let all = v.register.exempted
        let pages = pageCount(v)
        let entries = Array(all.dropFirst((number - 1) * pageSize).prefix(pageSize))
        let navigation: Node<HTML.BodyContext> = .if(
            pages > 1,
            .p(
                .text(l.t("Halaman: ", "Pages: ")),
                .forEach(1...pages) { n in
                    n == number ? .strong(.text("\(n) ")) : .group(.a(.href(pageName(n)), .text("\(n)")), .text(" "))
                }))
        let title = l.t("Daftar Informasi yang Dikecualikan", "Register of Exempted Information")
        return page(
            v, Place(path: pageName(number), language: l),
            title: number == 1 ? title : title + l.t(", halaman \(number)", ", page \(number)"),
            .h1(.text(l.t("Daftar Informasi yang Dikecualikan (DIK)", "Register of Exempted Information (DIK)"))),
            .p(
                .class("muted"),
                .text(
                    l.t(
                        "\(all.count) informasi dikecualikan, diurutkan menurut berakhirnya jangka waktu. "
                            + "Informasi yang jangka waktunya berakhir terbuka untuk umum (PP 61/2010 Pasal 11). ",
                        "\(all.count) items of information exempted, in the order their periods end. "
                            + "Information whose period has ended is public (Government Regulation 61/2010, Article 11). ")),
                .a(
                    .href(SiteURL.publicSearch.with(query: ["badan": v.register.body.slug].merging(l == .english ? ["lang": "en"] : [:]) { a, _ in a })),
                    .text(l.t("Cari dalam DIK ini", "Search this register"))),
                .text(" · "),
                .a(.href("cetak.html"), .text(l.t("Cetak seluruh DIK (A4)", "Print the whole register (A4)")))),
            .if(all.isEmpty, .p(.text(l.t("Belum ada informasi yang dikecualikan.", "Nothing is exempted yet.")))),
            navigation,
            .if(!entries.isEmpty, registerTable(entries, l)),
            navigation)
    }
}
