import DikelolaCore
import Foundation
import Plot

/// The public register's pages, rendered from one published version only (`PublicRegister`), so they
/// can hold nothing else. Every page is a complete static file: relative links, its own small
/// stylesheet inline, no script, readable without the application.
enum PublicPages {
    struct Version {
        let number: Int
        let publishedAt: Date
        let reason: String
        let register: PublicRegister
        let previous: PublicRegister?
    }

    static let style = """
        body{font-family:system-ui,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;margin:0;color:#1b1f23;line-height:1.5}
        header,main,footer{max-width:72rem;margin:0 auto;padding:.75rem 1.25rem}header{border-bottom:1px solid #d0d7de}
        header a{margin-right:1rem}a{color:#0b5394}h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:1.5rem}
        table{border-collapse:collapse;width:100%;font-size:.92rem}th,td{text-align:left;vertical-align:top;padding:.35rem .5rem;border-bottom:1px solid #d0d7de}
        .muted,footer{color:#57606a;font-size:.9rem}.status{white-space:nowrap}.opened{color:#1a7f37}.soon{color:#9a6700}
        dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:600}dd{margin:0}
        @media (max-width:40rem){table{display:block;overflow-x:auto}dl{grid-template-columns:1fr}}
        @media print{header nav,footer{display:none}@page{size:A4 landscape;margin:1.5cm}}
        """

    static func date(_ date: LocalDate?) -> String { date.map(IndonesianFormat.date) ?? "—" }

    static func instant(_ date: Date, zone: String) -> String {
        let region = TimeZoneRegion(rawValue: zone) ?? .wib
        let day = region.localDate(of: date)
        let seconds = Int(date.timeIntervalSince(region.startOfDay(day)))
        return
            "\(IndonesianFormat.date(day)) \(String(format: "%02d.%02d", seconds / 3600, seconds % 3600 / 60)) \(region.rawValue)"
    }

    static func status(_ entry: PublicRegister.Entry) -> Node<HTML.BodyContext> {
        switch entry.status {
        case .opened:
            .span(
                .class("status opened"),
                .text("Terbuka sejak \(date(entry.openedOn))" + (entry.openedByLaw ? " (demi hukum)" : "")))
        case .endingSoon: .span(.class("status soon"), .text("Akan berakhir"))
        case .reviewDue: .span(.class("status soon"), .text("Ditinjau"))
        case .exempted: .span(.class("status"), .text("Dikecualikan"))
        }
    }

    /// A page of the version's folder; `depth` is how many folders below the version folder it sits.
    static func page(_ v: Version, title: String, depth: Int = 0, _ content: Node<HTML.BodyContext>...) -> String {
        let up = String(repeating: "../", count: depth)
        let html = HTML(
            .lang(.indonesian),
            .head(
                .encoding(.utf8), .viewport(.accordingToDevice),
                .element(named: "title", text: "\(title) — \(v.register.body.name)"),
                .element(named: "style", text: style),
                .link(
                    .rel(.alternate), .type("application/atom+xml"), .href("\(up)feed.atom"),
                    .attribute(named: "title", value: "Perubahan DIK"))),
            .body(
                .header(
                    .p(.strong(.text(v.register.body.name)), .text(" — PPID")),
                    .nav(
                        .a(.href("\(up)index.html"), .text("DIK")), .a(.href("\(up)dip.html"), .text("Dibuka dari pengecualian")),
                        .a(.href("\(up)dibuka-tahun-ini.html"), .text("Dibuka tahun ini")),
                        .a(.href("\(up)statistik.html"), .text("Statistik")),
                        .a(.href("\(up)perubahan.html"), .text("Perubahan")),
                        .a(.href("\(up)data.html"), .text("Data terbuka")))),
                .main(.group(content)),
                .footer(
                    .p(
                        .text(
                            "Versi \(v.number), diterbitkan \(instant(v.publishedAt, zone: v.register.body.timeZone)) — \(v.reason). "
                                + "Daftar Informasi yang Dikecualikan menurut UU 14/2008 dan PP 61/2010; dibuat oleh Dikelola.")))
            ))
        return html.render()
    }

    static func registerTable(_ entries: [PublicRegister.Entry], depth: Int = 0) -> Node<HTML.BodyContext> {
        let up = String(repeating: "../", count: depth)
        return .table(
            .tr(
                .th(.text("No.")), .th(.text("Informasi")), .th(.text("Unit")), .th(.text("Dasar hukum")),
                .th(.text("Konsekuensi / alasan")), .th(.text("Jangka waktu")), .th(.text("Berakhir")),
                .th(.text("Surat penetapan")), .th(.text("Keadaan"))),
            .forEach(entries) { e in
                .tr(
                    .td(.a(.href("\(up)entri/\(e.id).html"), .text(e.id))),
                    .td(.text(e.title), .if(e.partly, .small(.text(" (dikecualikan sebagian)")))),
                    .td(.text(e.unit)),
                    .td(.text([e.ground, e.otherStatute].compactMap { $0 }.joined(separator: " jo. "))),
                    .td(.text(e.ifOpened), .br(), .small(.text(e.reason))),
                    .td(.text(e.period)), .td(.text(e.endDate.map(IndonesianFormat.date) ?? "—")),
                    .td(.text(e.decreeNumber), .br(), .small(.text(date(e.decreeDate)))),
                    .td(status(e)))
            })
    }

    /// Rows per page of the DIK: a page stays light on a slow connection.
    static let pageSize = 100

    static func pageName(_ number: Int) -> String { number == 1 ? "index.html" : "halaman-\(number).html" }

    /// Page `number` (from 1) of the DIK.
    static func index(_ v: Version, page number: Int = 1) -> String {
        let all = v.register.exempted
        let pages = max(1, (all.count + pageSize - 1) / pageSize)
        let entries = Array(all.dropFirst((number - 1) * pageSize).prefix(pageSize))
        let navigation: Node<HTML.BodyContext> = .if(
            pages > 1,
            .p(
                .text("Halaman: "),
                .forEach(1...pages) { n in
                    n == number ? .strong(.text("\(n) ")) : .group(.a(.href(pageName(n)), .text("\(n)")), .text(" "))
                }))
        return page(
            v,
            title: number == 1 ? "Daftar Informasi yang Dikecualikan" : "Daftar Informasi yang Dikecualikan, halaman \(number)",
            .h1(.text("Daftar Informasi yang Dikecualikan (DIK)")),
            .p(
                .class("muted"),
                .text(
                    "\(all.count) informasi dikecualikan, diurutkan menurut berakhirnya jangka waktu. "
                        + "Informasi yang jangka waktunya berakhir terbuka untuk umum (PP 61/2010 Pasal 11). "),
                .a(.href("/publik/cari?badan=\(v.register.body.slug)"), .text("Cari dalam DIK ini"))),
            .if(all.isEmpty, .p(.text("Belum ada informasi yang dikecualikan."))),
            navigation,
            .if(!entries.isEmpty, registerTable(entries)),
            navigation)
    }

    static func pageCount(_ v: Version) -> Int { max(1, (v.register.exempted.count + pageSize - 1) / pageSize) }

    static func dip(_ v: Version) -> String {
        let entries = v.register.opened.sorted { ($0.openedOn ?? $0.decreeDate, $0.id) > ($1.openedOn ?? $1.decreeDate, $1.id) }
        return page(
            v, title: "Informasi yang dibuka dari pengecualian",
            .h1(.text("Informasi yang dibuka dari pengecualian (DIP)")),
            .if(entries.isEmpty, .p(.text("Belum ada."))),
            .if(
                !entries.isEmpty,
                .table(
                    .tr(
                        .th(.text("No.")), .th(.text("Ringkasan isi informasi")), .th(.text("Unit")),
                        .th(.text("Penanggung jawab")),
                        .th(.text("Terbuka sejak")), .th(.text("Dasar pembukaan")), .th(.text("Retensi"))),
                    .forEach(entries) { e in
                        .tr(
                            .td(.a(.href("entri/\(e.id).html"), .text(e.id))), .td(.text(e.summary ?? e.title)),
                            .td(.text(e.unit)),
                            .td(.text(e.responsible ?? "—")), .td(.text(date(e.openedOn))),
                            .td(
                                .text(
                                    e.openedByLaw
                                        ? "Demi hukum (PP 61/2010 Pasal 11 ayat 3)" : "Surat \(e.openingDecreeNumber ?? "")")),
                            .td(.text(e.retention ?? "—")))
                    })))
    }

    static func openedThisYear(_ v: Version, year: Int) -> String {
        let entries = v.register.opened(in: year)
        return page(
            v, title: "Dibuka tahun \(year)",
            .h1(.text("Dibuka tahun \(year)")),
            .if(entries.isEmpty, .p(.text("Belum ada informasi yang dibuka tahun ini."))),
            .ul(
                .forEach(entries) { e in
                    .li(
                        .text("\(date(e.openedOn)): "), .a(.href("entri/\(e.id).html"), .text("\(e.id) \(e.title)")),
                        .text(e.openedByLaw ? " — terbuka demi hukum" : " — surat \(e.openingDecreeNumber ?? "")"))
                }))
    }

    static func statistics(_ v: Version) -> String {
        let stats = v.register.statistics
        func table(_ title: String, _ rows: [(key: String, count: Int)]) -> Node<HTML.BodyContext> {
            .group(
                .h2(.text(title)),
                .table(
                    .tr(.th(.text(title)), .th(.text("Jumlah"))),
                    .forEach(rows) { .tr(.td(.text($0.key)), .td(.text(String($0.count)))) }))
        }
        return page(
            v, title: "Statistik",
            .h1(.text("Statistik DIK")),
            .p(.text("\(v.register.exempted.count) dikecualikan; \(v.register.opened.count) sudah dibuka.")),
            table("Menurut dasar hukum", stats.byGround), table("Menurut unit", stats.byUnit),
            table("Menurut tahun berakhir", stats.byEndYear))
    }

    static func changes(_ v: Version) -> String {
        let changes = v.register.changes(since: v.previous)
        func list(_ title: String, _ entries: [PublicRegister.Entry]) -> Node<HTML.BodyContext> {
            .if(
                !entries.isEmpty,
                .group(
                    .h2(.text("\(title) (\(entries.count))")),
                    .ul(.forEach(entries) { .li(.a(.href("entri/\($0.id).html"), .text("\($0.id) \($0.title)"))) })))
        }
        return page(
            v, title: "Perubahan versi \(v.number)",
            .h1(.text("Perubahan pada versi \(v.number)")),
            .p(.text(v.number == 1 ? "Versi pertama." : "Dibandingkan dengan versi \(v.number - 1): \(v.reason).")),
            list("Ditambahkan", changes.added), list("Dibuka", changes.opened),
            list("Diubah", changes.changed.map(\.after)), list("Dikeluarkan dari daftar", changes.removed),
            .if(changes.isEmpty, .p(.text("Tidak ada perubahan isi."))),
            .h2(.text("Bandingkan dua versi")),
            .form(
                .method(.get), .action("/publik/\(v.register.body.slug)/banding"),
                .label(.for("dari"), .text("Dari versi ")),
                .input(
                    .type(.number), .id("dari"), .name("dari"), .value(String(max(1, v.number - 1))),
                    .attribute(named: "min", value: "1")),
                .label(.for("ke"), .text(" ke versi ")),
                .input(.type(.number), .id("ke"), .name("ke"), .value(String(v.number)), .attribute(named: "min", value: "1")),
                .text(" "), .button(.type(.submit), .text("Bandingkan"))),
            .p(.class("muted"), .text("Versi lain: ganti nomor pada alamat …/versi/NOMOR/index.html.")))
    }

    static func entry(_ v: Version, _ e: PublicRegister.Entry) -> String {
        func row(_ label: String, _ value: String?) -> Node<HTML.DescriptionListContext> {
            .unwrap(value.flatMap { $0.isEmpty ? nil : $0 }) { .group(.dt(.text(label)), .dd(.text($0))) }
        }
        return page(
            v, title: e.id, depth: 1,
            .h1(.text("\(e.id) — \(e.title)")),
            .p(status(e)),
            .dl(
                row("Uraian", e.description), row("Unit", e.unit),
                row("Dasar hukum", [e.ground, e.otherStatute].compactMap { $0 }.joined(separator: " jo. ")),
                row("Dikecualikan", e.partly ? "sebagian" : "seluruhnya"), row("Konsekuensi bila dibuka", e.ifOpened),
                row("Konsekuensi bila ditutup", e.ifClosed), row("Alasan", e.reason), row("Jangka waktu", e.period),
                row("Berakhir", e.endDate.map(IndonesianFormat.date)), row("Ditinjau", e.reviewDate.map(IndonesianFormat.date)),
                row("Surat penetapan", "\(e.decreeNumber), \(date(e.decreeDate))"),
                row("Surat pembukaan", e.openingDecreeNumber), row("Ringkasan (DIP)", e.summary),
                row("Penanggung jawab", e.responsible), row("Retensi", e.retention)),
            .p(.a(.href("../index.html"), .text("← Kembali ke DIK"))))
    }

    static func data(_ v: Version) -> String {
        let slug = v.register.body.slug
        let snippet =
            #"<iframe src="https://ALAMAT-DIKELOLA/publik/\#(slug)/terkini/embed.html" title="DIK \#(v.register.body.name)" style="width:100%;height:40rem;border:0" loading="lazy"></iframe>"#
        return page(
            v, title: "Data terbuka",
            .h1(.text("Data terbuka")),
            .ul(
                .li(.a(.href("dik.csv"), .text("DIK dalam CSV")), .text(" (UTF-8 dengan BOM, terbuka di Excel)")),
                .li(.a(.href("dik.json"), .text("DIK dalam JSON"))),
                .li(.a(.href("feed.atom"), .text("Umpan Atom perubahan DIK"))),
                .li(.a(.href("embed.html"), .text("Tampilan untuk disematkan")))),
            .h2(.text("Sematkan DIK di situs PPID")),
            .p(
                .text(
                    "Salin kode ini ke halaman situs PPID (ganti ALAMAT-DIKELOLA dengan alamat server Dikelola); isinya selalu versi terkini:"
                )),
            .element(named: "pre", text: snippet),
            .p(.class("muted"), .text("Semua versi yang pernah terbit tetap tersedia di folder versi/NOMOR/.")))
    }

    /// The compact table for an iframe on the PPID's own website.
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
                    registerTable(v.register.exempted),
                    .p(.class("muted"), .text("Versi \(v.number), \(instant(v.publishedAt, zone: v.register.body.timeZone))."))))
        )
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

    /// The list of every body's register: the public home page.
    static func home(_ bodies: [(name: String, slug: String, version: Int, exempted: Int)]) -> String {
        HTML(
            .lang(.indonesian),
            .head(
                .encoding(.utf8), .viewport(.accordingToDevice),
                .element(named: "title", text: "Daftar Informasi yang Dikecualikan"),
                .element(named: "style", text: style)),
            .body(
                .main(
                    .h1(.text("Daftar Informasi yang Dikecualikan")),
                    .p(.text("Badan publik yang menerbitkan DIK-nya melalui Dikelola:")),
                    .ul(
                        .forEach(bodies) { body in
                            .li(
                                .a(.href("\(body.slug)/terkini/index.html"), .text(body.name)),
                                .text(" — \(body.exempted) informasi dikecualikan, versi \(body.version)"))
                        })),
                .footer(.p(.text("UU 14/2008 tentang Keterbukaan Informasi Publik; PP 61/2010."))))
        )
        .render()
    }
}
