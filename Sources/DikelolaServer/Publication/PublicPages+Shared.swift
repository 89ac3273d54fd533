import DikelolaCore
import Foundation
import Plot

/// What both languages share: the embed, the feed, and the home page of every body (see `PublicPages`).
extension PublicPages {
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
                    .nav(.a(.href(l == .english ? SiteURL.publicSearch.with(query: ["lang": "en"]) : SiteURL.publicSearch.path), .text(l.t("Cari", "Search"))))),
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
