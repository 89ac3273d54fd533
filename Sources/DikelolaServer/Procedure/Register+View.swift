import DikelolaCore
import Foundation
import Plot
import Vapor

/// The register pages (see `RegisterController`); the table itself is `RegisterTable`.
enum RegisterView {
    /// Who signs a printed register, and under what title.
    struct Signer: Sendable {
        let position: String
        let name: String?
        let nip: String?
    }

    static func unitPage(
        _ ctx: PageContext, unit: Unit, body: PublicBody, entries: [RegisterEntryView], rules: ExpiryRules, today: LocalDate,
        notice: String? = nil, signer: Signer? = nil
    ) -> Response {
        Layout.page(
            ctx, title: "DIK \(unit.name)",
            .unwrap(notice) { Layout.notice($0, kind: "ok") },
            DocumentParts.toolbar(ctx, pdf: SiteURL.unitRegisterPDF(unit.id).path),
            .p(
                .class("no-print"),
                .a(
                    .href(SiteURL.publicCurrent(body.slug, "index.html").path),
                    .text(ctx.t("DIK yang diterbitkan untuk umum (tanpa masuk)", "The register as published to the public")))),
            .div(
                .class("document register-pages"),
                DocumentParts.letterhead(body),
                .h1(
                    .class("title"),
                    .text(
                        ctx.t(
                            "DAFTAR INFORMASI YANG DIKECUALIKAN — \(unit.name.uppercased())",
                            "Register of exempted information — \(unit.name)"))),
                .p(
                    .class("number"),
                    .small(
                        .text(
                            ctx.t(
                                "Diurutkan menurut berakhirnya jangka waktu pengecualian. Keadaan per \(ctx.date(today)).",
                                "Sorted by the end of the exemption period. As of \(ctx.date(today)).")))),
                RegisterTable.render(ctx, entries, rules: rules, today: today),
                .unwrap(signer) { signer in
                    DocumentParts.dated(
                        place: body.seat.isEmpty ? body.region : body.seat, date: today, position: signer.position,
                        name: signer.name, nip: signer.nip)
                })
        )
    }

    static func bodyPage(
        _ ctx: PageContext, body: PublicBody, entries: [RegisterEntryView], unitNames: [UUID: String], rules: ExpiryRules,
        today: LocalDate
    ) -> Response {
        Layout.page(
            ctx, title: "DIK \(body.name)",
            .h1(
                .text(
                    ctx.t("Daftar Informasi yang Dikecualikan — \(body.name)", "Register of exempted information — \(body.name)"))),
            .p(
                .small(
                    .text(
                        ctx.t(
                            "Dikelompokkan dan diurutkan menurut berakhirnya jangka waktu pengecualian.",
                            "Grouped and sorted by the end of the exemption period.")))),
            RegisterTable.render(ctx, entries, unitNames: unitNames, rules: rules, today: today)
        )
    }
}
