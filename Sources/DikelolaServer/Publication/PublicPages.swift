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
        @media (max-width:40rem){table{display:block;overflow-x:auto}dl{grid-template-columns:1fr}}
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
    static func page(_ v: Version, _ at: Place, title: String, _ content: Node<HTML.BodyContext>...) -> String {
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
                            l.t("Versi \(v.number), diterbitkan ", "Version \(v.number), published ")
                                + "\(instant(v.publishedAt, zone: v.register.body.timeZone, l)) — \(v.reason). "
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
                    .td(.text(e.title), .if(e.partly, .small(.text(l.t(" (dikecualikan sebagian)", " (partly exempted)"))))),
                    .td(.text(e.unit)),
                    .td(.text(ground(e))),
                    .td(.text(e.ifOpened)),
                    .td(.text(e.period)), .td(.text(date(e.endDate, l))),
                    .td(.text(e.decreeNumber), .br(), .small(.text(date(e.decreeDate, l)))),
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
                    .href("/publik/cari?badan=\(v.register.body.slug)" + (l == .english ? "&lang=en" : "")),
                    .text(l.t("Cari dalam DIK ini", "Search this register"))),
                .text(" · "),
                .a(.href("cetak.html"), .text(l.t("Cetak seluruh DIK (A4)", "Print the whole register (A4)")))),
            .if(all.isEmpty, .p(.text(l.t("Belum ada informasi yang dikecualikan.", "Nothing is exempted yet.")))),
            navigation,
            .if(!entries.isEmpty, registerTable(entries, l)),
            navigation)
    }

    static func dip(_ v: Version, _ l: UILanguage = .indonesian) -> String {
        let entries = v.register.opened.sorted { ($0.openedOn ?? $0.decreeDate, $0.id) > ($1.openedOn ?? $1.decreeDate, $1.id) }
        return page(
            v, Place(path: "dip.html", language: l), title: l.t("Informasi yang dibuka dari pengecualian", "Information opened from exemption"),
            .h1(.text(l.t("Informasi yang dibuka dari pengecualian (DIP)", "Information opened from exemption (DIP)"))),
            .if(entries.isEmpty, .p(.text(l.t("Belum ada.", "None yet.")))),
            .if(
                !entries.isEmpty,
                .table(
                    .tr(
                        .th(.text("No.")), .th(.text(l.t("Ringkasan isi informasi", "Summary of the information"))),
                        .th(.text("Unit")), .th(.text(l.t("Penanggung jawab", "Person responsible"))),
                        .th(.text(l.t("Terbuka sejak", "Public since"))), .th(.text(l.t("Dasar pembukaan", "Opened by"))),
                        .th(.text(l.t("Retensi", "Retention")))),
                    .forEach(entries) { e in
                        .tr(
                            .td(.a(.href("entri/\(e.id).html"), .text(e.id))), .td(.text(e.summary ?? e.title)),
                            .td(.text(e.unit)),
                            .td(.text(e.responsible ?? "—")), .td(.text(date(e.openedOn, l))),
                            .td(
                                .text(
                                    e.openedByLaw
                                        ? l.t("Demi hukum (PP 61/2010 Pasal 11 ayat 3)", "By law (GR 61/2010 Art. 11(3))")
                                        : l.t("Surat ", "Decree ") + (e.openingDecreeNumber ?? ""))),
                            .td(.text(e.retention ?? "—")))
                    })))
    }

    static func openedThisYear(_ v: Version, year: Int, _ l: UILanguage = .indonesian) -> String {
        let entries = v.register.opened(in: year)
        return page(
            v, Place(path: "dibuka-tahun-ini.html", language: l), title: l.t("Dibuka tahun \(year)", "Opened in \(year)"),
            .h1(.text(l.t("Dibuka tahun \(year)", "Opened in \(year)"))),
            .if(
                entries.isEmpty,
                .p(.text(l.t("Belum ada informasi yang dibuka tahun ini.", "No information has been opened this year.")))),
            .ul(
                .forEach(entries) { e in
                    .li(
                        .text("\(date(e.openedOn, l)): "), .a(.href("entri/\(e.id).html"), .text("\(e.id) \(e.title)")),
                        .text(
                            e.openedByLaw
                                ? l.t(" — terbuka demi hukum", " — public by law")
                                : l.t(" — surat ", " — decree ") + (e.openingDecreeNumber ?? "")))
                }))
    }

    static func statistics(_ v: Version, _ l: UILanguage = .indonesian) -> String {
        let stats = v.register.statistics
        func table(_ title: String, _ rows: [(key: String, count: Int)]) -> Node<HTML.BodyContext> {
            .group(
                .h2(.text(title)),
                .table(
                    .tr(.th(.text(title)), .th(.text(l.t("Jumlah", "Count")))),
                    .forEach(rows) {
                        .tr(.td(.text($0.key == "tanpa tanggal" ? l.t($0.key, "no date") : $0.key)), .td(.text(String($0.count))))
                    }))
        }
        return page(
            v, Place(path: "statistik.html", language: l), title: l.t("Statistik", "Statistics"),
            .h1(.text(l.t("Statistik DIK", "Register statistics"))),
            .p(
                .text(
                    l.t(
                        "\(v.register.exempted.count) dikecualikan; \(v.register.opened.count) sudah dibuka.",
                        "\(v.register.exempted.count) exempted; \(v.register.opened.count) opened."))),
            table(l.t("Menurut dasar hukum", "By legal ground"), stats.byGround), table(l.t("Menurut unit", "By unit"), stats.byUnit),
            table(l.t("Menurut tahun berakhir", "By year the period ends"), stats.byEndYear))
    }

    /// The changes of one register against an earlier one, as lists of links.
    static func changeLists(_ changes: PublicRegister.Changes, _ l: UILanguage, link: (PublicRegister.Entry) -> String)
        -> Node<HTML.BodyContext>
    {
        func list(_ title: String, _ entries: [PublicRegister.Entry]) -> Node<HTML.BodyContext> {
            .if(
                !entries.isEmpty,
                .group(
                    .h2(.text("\(title) (\(entries.count))")),
                    .ul(.forEach(entries) { .li(.a(.href(link($0)), .text("\($0.id) \($0.title)"))) })))
        }
        return .group(
            list(l.t("Ditambahkan", "Added"), changes.added), list(l.t("Dibuka", "Opened"), changes.opened),
            list(l.t("Diubah", "Changed"), changes.changed.map(\.after)),
            list(l.t("Dikeluarkan dari daftar", "Removed from the register"), changes.removed))
    }

    static func changes(_ v: Version, _ l: UILanguage = .indonesian) -> String {
        let changes = v.register.changes(since: v.previous)
        let compare = "/publik/\(v.register.body.slug)/banding"
        return page(
            v, Place(path: "perubahan.html", language: l), title: l.t("Perubahan versi \(v.number)", "Changes in version \(v.number)"),
            .h1(.text(l.t("Perubahan pada versi \(v.number)", "Changes in version \(v.number)"))),
            .p(
                .text(
                    v.number == 1
                        ? l.t("Versi pertama.", "The first version.")
                        : l.t("Dibandingkan dengan versi \(v.number - 1): ", "Compared with version \(v.number - 1): ")
                            + "\(v.reason).")),
            correctionNote(v, l),
            changeLists(changes, l) { "entri/\($0.id).html" },
            .if(changes.isEmpty, .p(.text(l.t("Tidak ada perubahan isi.", "No change in content.")))),
            .h2(.text(l.t("Bandingkan dua versi", "Compare two versions"))),
            .form(
                .method(.get), .action(compare),
                .if(l == .english, .input(.type(.hidden), .name("lang"), .value("en"))),
                .label(.for("dari"), .text(l.t("Dari versi ", "From version "))),
                .input(
                    .type(.number), .id("dari"), .name("dari"), .value(String(max(1, v.number - 1))),
                    .attribute(named: "min", value: "1")),
                .label(.for("ke"), .text(l.t(" ke versi ", " to version "))),
                .input(.type(.number), .id("ke"), .name("ke"), .value(String(v.number)), .attribute(named: "min", value: "1")),
                .text(" "), .button(.type(.submit), .text(l.t("Bandingkan", "Compare")))),
            .p(
                .class("muted"),
                .text(
                    l.t(
                        "Versi lain: ganti nomor pada alamat …/versi/NOMOR/index.html.",
                        "Other versions: change the number in the address …/versi/NUMBER/en/index.html."))))
    }

    static func entry(_ v: Version, _ e: PublicRegister.Entry, _ l: UILanguage = .indonesian) -> String {
        func row(_ label: String, _ value: String?) -> Node<HTML.DescriptionListContext> {
            .unwrap(value.flatMap { $0.isEmpty ? nil : $0 }) { .group(.dt(.text(label)), .dd(.text($0))) }
        }
        return page(
            v, Place(path: "entri/\(e.id).html", language: l), title: e.id,
            .h1(.text("\(e.id) — \(e.title)")),
            .p(status(e, l)),
            .dl(
                row("Unit", e.unit),
                row(l.t("Dasar hukum", "Legal ground"), ground(e)),
                row(l.t("Dikecualikan", "Exempted"), e.partly ? l.t("sebagian", "in part") : l.t("seluruhnya", "in full")),
                row(l.t("Konsekuensi bila dibuka", "Consequence if opened"), e.ifOpened),
                row(l.t("Konsekuensi bila ditutup", "Consequence if withheld"), e.ifClosed),
                row(l.t("Jangka waktu", "Period"), e.period),
                row(l.t("Berakhir", "Ends"), e.endDate.map(l.date)), row(l.t("Ditinjau", "Review"), e.reviewDate.map(l.date)),
                row(l.t("Surat penetapan", "Classification decree"), "\(e.decreeNumber), \(date(e.decreeDate, l))"),
                row(l.t("Surat pembukaan", "Opening decree"), e.openingDecreeNumber), row(l.t("Ringkasan (DIP)", "Summary (DIP)"), e.summary),
                row(l.t("Penanggung jawab", "Person responsible"), e.responsible), row(l.t("Retensi", "Retention"), e.retention)),
            .p(.a(.href("../index.html"), .text(l.t("← Kembali ke DIK", "← Back to the register")))))
    }

    static func data(_ v: Version, _ l: UILanguage = .indonesian) -> String {
        let slug = v.register.body.slug
        let at = Place(path: "data.html", language: l)
        let shared = at.toVersionRoot
        let snippet =
            #"<iframe src="https://ALAMAT-DIKELOLA/publik/\#(slug)/terkini/embed.html" title="DIK \#(v.register.body.name)" style="width:100%;height:40rem;border:0" loading="lazy"></iframe>"#
        return page(
            v, at, title: l.t("Data terbuka", "Open data"),
            .h1(.text(l.t("Data terbuka", "Open data"))),
            .p(
                .text(
                    l.t(
                        "Tepat kolom-kolom DIK yang diumumkan, versi \(v.number). Judul kolom dalam Bahasa Indonesia.",
                        "Exactly the published columns of the register, version \(v.number). Column headings are in Indonesian."))),
            .ul(
                .li(
                    .a(.href("\(shared)dik.xlsx"), .attribute(named: "download", value: "DIK-\(slug).xlsx"), .text(l.t("DIK dalam Excel (XLSX)", "Register as Excel (XLSX)"))),
                    .text(l.t(" (tanggal sebagai tanggal, baris judul terkunci dengan penyaring)", " (dates as dates, frozen header with filters)"))),
                .li(
                    .a(.href("\(shared)dik.csv"), .text(l.t("DIK dalam CSV", "Register as CSV"))),
                    .text(l.t(" (UTF-8 dengan BOM, terbuka di Excel)", " (UTF-8 with BOM, opens in Excel)"))),
                .li(.a(.href("\(shared)dik.json"), .text(l.t("DIK dalam JSON", "Register as JSON")))),
                .li(.a(.href("cetak.html"), .text(l.t("Tampilan cetak A4", "A4 print view")))),
                .li(.a(.href("\(shared)feed.atom"), .text(l.t("Umpan Atom perubahan DIK", "Atom feed of register changes")))),
                .li(.a(.href("\(shared)embed.html"), .text(l.t("Tampilan untuk disematkan", "View for embedding"))))),
            .h2(.text(l.t("Sematkan DIK di situs PPID", "Embed the register in the PPID's website"))),
            .p(
                .text(
                    l.t(
                        "Salin kode ini ke halaman situs PPID (ganti ALAMAT-DIKELOLA dengan alamat server Dikelola); isinya selalu versi terkini:",
                        "Copy this code into a page of the PPID's website (replace ALAMAT-DIKELOLA with the Dikelola server's address); it always shows the current version:"
                    ))),
            .element(named: "pre", text: snippet),
            .p(
                .class("muted"),
                .text(
                    l.t(
                        "Semua versi yang pernah terbit tetap tersedia di folder versi/NOMOR/.",
                        "Every version ever published stays available in the folder versi/NUMBER/."))))
    }

    /// The compact table for an iframe on the PPID's own website (in Bahasa Indonesia, as the site is).
    static func embed(_ v: Version) -> String {
        HTML(
            .lang(.indonesian),
            .head(
                .encoding(.utf8), .viewport(.accordingToDevice), .element(named: "title", text: "DIK \(v.register.body.name)"),
                .element(named: "style", text: style),
                .element(named: "base", nodes: [.attribute(named: "target", value: "_blank")])),
            .body(
                .main(
                    .p(.strong(.text("Daftar Informasi yang Dikecualikan — \(v.register.body.name)"))),
                    registerTable(v.register.exempted, .indonesian),
                    .p(
                        .class("muted"),
                        .text("Versi \(v.number), \(instant(v.publishedAt, zone: v.register.body.timeZone, .indonesian)).")))))
        .render()
    }

    /// The Atom feed: one item per published version with what it changed.
    static func feed(_ versions: [Version], base: String) -> String {
        func escape(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
        let formatter = ISO8601DateFormatter()
        guard let latest = versions.last else { return "" }
        var xml = #"<?xml version="1.0" encoding="utf-8"?>"# + "\n"
        xml += #"<feed xmlns="http://www.w3.org/2005/Atom">"# + "\n"
        xml += "<title>\(escape("Perubahan DIK — \(latest.register.body.name)"))</title>\n"
        xml += "<id>urn:dikelola:\(escape(latest.register.body.slug)):dik</id>\n"
        xml += "<updated>\(formatter.string(from: latest.publishedAt))</updated>\n"
        xml += #"<link rel="alternate" href="\#(escape(base))versi/\#(latest.number)/index.html"/>"# + "\n"
        for v in versions.suffix(20).reversed() {
            let changes = v.register.changes(since: v.previous)
            let lines =
                changes.added.map { "Ditambahkan: \($0.id) \($0.title)" } + changes.opened.map { "Dibuka: \($0.id) \($0.title)" }
                + changes.changed.map { "Diubah: \($0.after.id) \($0.after.title)" }
                + changes.removed.map { "Dikeluarkan: \($0.id) \($0.title)" }
            xml += "<entry>\n<title>\(escape("Versi \(v.number): \(v.reason)"))</title>\n"
            xml += "<id>urn:dikelola:\(escape(v.register.body.slug)):versi:\(v.number)</id>\n"
            xml += "<updated>\(formatter.string(from: v.publishedAt))</updated>\n"
            xml += #"<link rel="alternate" href="\#(escape(base))versi/\#(v.number)/perubahan.html"/>"# + "\n"
            xml +=
                "<summary>\(escape(lines.isEmpty ? "Tidak ada perubahan isi." : lines.joined(separator: "; ")))</summary>\n</entry>\n"
        }
        return xml + "</feed>\n"
    }

    /// The name of the public home page in a language, in the publication folder's root.
    static func homeName(_ l: UILanguage) -> String { l == .english ? "index-en.html" : "index.html" }

    /// The list of every body's register: the public home page.
    static func home(_ bodies: [(name: String, slug: String, version: Int, exempted: Int)], _ l: UILanguage = .indonesian)
        -> String
    {
        HTML(
            .lang(l.html),
            .head(
                .encoding(.utf8), .viewport(.accordingToDevice),
                .element(named: "title", text: l.t("Daftar Informasi yang Dikecualikan", "Registers of Exempted Information")),
                .element(named: "style", text: style)),
            .body(
                .header(
                    .a(
                        .class("lang"), .href(homeName(l == .english ? .indonesian : .english)),
                        .text(l.t("English", "Bahasa Indonesia"))),
                    .nav(.a(.href(l == .english ? "/publik/cari?lang=en" : "/publik/cari"), .text(l.t("Cari", "Search"))))),
                .main(
                    .h1(.text(l.t("Daftar Informasi yang Dikecualikan", "Registers of Exempted Information"))),
                    .p(
                        .text(
                            l.t(
                                "Badan publik yang menerbitkan DIK-nya melalui Dikelola:",
                                "Public bodies publishing their register through Dikelola:"))),
                    .ul(
                        .forEach(bodies) { body in
                            .li(
                                .a(.href("\(body.slug)/terkini/\(folder(l))index.html"), .text(body.name)),
                                .text(
                                    l.t(
                                        " — \(body.exempted) informasi dikecualikan, versi \(body.version)",
                                        " — \(body.exempted) items exempted, version \(body.version)")))
                        })),
                .footer(
                    .p(
                        .text(
                            l.t(
                                "UU 14/2008 tentang Keterbukaan Informasi Publik; PP 61/2010.",
                                "Law 14/2008 on Public Information Disclosure; Government Regulation 61/2010.")))))
        )
        .render()
    }
}
