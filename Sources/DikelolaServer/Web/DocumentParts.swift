import DikelolaCore
import Plot

/// The parts every printed document shares: the body's letterhead and the head's signature block.
enum DocumentParts {
    /// Kop surat: the logo and the letterhead lines.
    static func letterhead(_ body: PublicBody) -> Node<HTML.BodyContext> {
        .div(
            .class("letterhead"),
            .if(body.$logo.id != nil, .img(.src(SiteURL.bodyLogo(body.id).path), .alt(""), .class("logo"))),
            .div(.forEach(body.letterheadLines) { .p(.text($0)) }))
    }

    /// Above a document on screen only: download it as PDF, or print it.
    static func toolbar(_ ctx: PageContext, pdf: String, electronic: String? = nil) -> Node<HTML.BodyContext> {
        .p(
            .class("no-print toolbar"),
            .a(.href(pdf), .text(ctx.t("Unduh PDF (A4)", "Download PDF (A4)"))),
            .text(ctx.t(" · atau cetak langsung dengan Ctrl+P", " · or print with Ctrl+P")),
            .unwrap(electronic) {
                .group(.text(" · "), .a(.href($0), .text(ctx.t("Tanda tangan elektronik (TTE)", "Electronic signature"))))
            })
    }

    /// "Ditetapkan di … pada tanggal …", the position, room to sign, the name and NIP.
    static func signature(place: String, date: LocalDate, position: String, name: String, nip: String?)
        -> Node<HTML.BodyContext>
    {
        .div(
            .class("signature"),
            .p(.text("Ditetapkan di \(place)")),
            .p(.text("pada tanggal \(IndonesianFormat.date(date))")),
            .p(.text(position)),
            .p(.class("sign-space"), .text(" ")),
            .p(.strong(.text(name))),
            .unwrap(nip.flatMap { try? NIP($0) }) { .p(.text("NIP \($0.formatted)")) })
    }

    /// A list's signature: the place and day, the signer's position, room to sign, the name and NIP
    /// ("Contoh, 26 November 2026 / PPID Pembantu … / … / NIP …").
    static func dated(place: String, date: LocalDate, position: String, name: String?, nip: String?) -> Node<HTML.BodyContext> {
        .div(
            .class("signature"),
            .p(.text("\(place), \(IndonesianFormat.date(date))")),
            .p(.text(position)),
            .p(.class("sign-space"), .text(" ")),
            .p(.strong(.class("signer-name"), .text(name ?? "……………………………………"))),
            .unwrap(nip.flatMap { try? NIP($0) }) { .p(.text("NIP \($0.formatted)")) })
    }
}
