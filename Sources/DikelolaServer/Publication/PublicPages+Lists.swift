import DikelolaCore
import Foundation
import Plot

/// The register's other pages: the DIP, what opened this year, the figures, the changes, one
/// entry, and the open data page (see `PublicPages`).
extension PublicPages {
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
                                    e.openingRuling
                                        ?? (e.openedByLaw
                                            ? l.t("Demi hukum (PP 61/2010 Pasal 11 ayat 3)", "By law (GR 61/2010 Art. 11(3))")
                                            : l.t("Surat ", "Decree ") + (e.openingDecreeNumber ?? "")))),
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
                            e.openingRuling.map { " — \($0)" }
                                ?? (e.openedByLaw
                                    ? l.t(" — terbuka demi hukum", " — public by law")
                                    : l.t(" — surat ", " — decree ") + (e.openingDecreeNumber ?? ""))))
                }))
    }

    static func statistics(_ v: Version, _ l: UILanguage = .indonesian) -> String {
        page(
            v, Place(path: "statistik.html", language: l), title: l.t("Statistik", "Statistics"),
            .h1(.text(l.t("Statistik DIK", "Register statistics"))),
            .p(
                .text(
                    l.t(
                        "\(v.register.exempted.count) dikecualikan; \(v.register.opened.count) sudah dibuka.",
                        "\(v.register.exempted.count) exempted; \(v.register.opened.count) opened."))),
            BarChart.registerFigures(v.register.statistics, english: l == .english, t: l.t))
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
        let compare = SiteURL.publicCompare(v.register.body.slug).path
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
            v, Place(path: "entri/\(e.id).html", language: l), title: e.id, asPublishedIn: true,
            .h1(.text("\(e.id) — \(e.title)")),
            .p(status(e, l)),
            .dl(
                row("Unit", e.unit),
                row(l.t("Dasar hukum", "Legal ground"), ground(e)),
                row(l.t("Dikecualikan", "Exempted"), e.partly ? l.t("sebagian", "in part") : l.t("seluruhnya", "in full")),
                row(
                    l.t("Bagian yang terbuka (dapat diminta)", "Open part (may be requested)"),
                    e.openPart ?? (e.partly ? "—" : l.t("tidak ada", "none"))),
                row(l.t("Konsekuensi bila dibuka", "Consequence if opened"), e.ifOpened),
                row(l.t("Konsekuensi bila ditutup", "Consequence if withheld"), e.ifClosed),
                row(l.t("Jangka waktu", "Period"), e.period),
                row(l.t("Berakhir", "Ends"), e.endDate.map(l.date)), row(l.t("Ditinjau", "Review"), e.reviewDate.map(l.date)),
                row(
                    l.t("Surat penetapan", "Classification decree"),
                    "\(e.decreeNumber), \(date(e.decreeDate, l))"
                        + (e.registeredFromEarlier == true
                            ? l.t(" — didaftarkan dari SK terdahulu", " — registered from an earlier decree") : "")),
                row(l.t("Surat pembukaan", "Opening decree"), e.openingDecreeNumber),
                row(l.t("Dibuka berdasarkan", "Opened by"), e.openingRuling), row(l.t("Ringkasan (DIP)", "Summary (DIP)"), e.summary),
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
                .li(.a(.href("\(shared)feed.atom"), .text(l.t("Langganan perubahan DIK (Atom)", "Subscribe to register changes (Atom)")))),
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
                        "Every version ever published stays available in the folder versi/NUMBER/."))),
            .h2(.text(l.t("Memeriksa keaslian salinan", "Checking a copy"))),
            .p(
                .text(
                    l.t(
                        "Setiap versi membawa daftar SHA-256 semua berkasnya, ditandatangani dengan kunci badan publik: ",
                        "Every version carries the SHA-256 of all its files, signed with the body's key: ")),
                .a(.href("\(shared)\(PublicationManifest.listName)"), .text(PublicationManifest.listName)), .text(", "),
                .a(.href("\(shared)\(PublicationManifest.signatureName)"), .text(PublicationManifest.signatureName)), .text(", "),
                .a(.href("\(shared)\(PublicationManifest.keyName)"), .text(PublicationManifest.keyName)),
                .text(
                    l.t(
                        ". Salinan DIK di situs lain dapat diperiksa dengan perintah berikut di folder versinya (atau dengan dikelola verify-publication):",
                        ". A copy elsewhere can be checked with these commands in its version folder (or with dikelola verify-publication):"))),
            .element(
                named: "pre",
                text: "openssl dgst -sha256 -verify kunci-publik.pem -signature manifest.sig manifest.txt\n"
                    + "grep -v '^#' manifest.txt | sha256sum --strict -c -"))
    }
}
