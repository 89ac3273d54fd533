import DikelolaCore
import Fluent
import Foundation
import Plot
import Vapor

/// A decree signed before Dikelola and registered as it was: its record, not a text Dikelola
/// writes. The number, date and signer are the paper's; the signed scan, when stored, is the
/// decree itself, kept with its SHA-256.
enum EarlierDecreeView {
    static func render(
        _ ctx: PageContext, decree: Decree, body: PublicBody, entries: [RegisterEntryView], mayAttach: Bool, notice: String?
    ) -> Response {
        Layout.page(
            ctx, title: "SK \(decree.number)",
            .unwrap(notice) { Layout.notice($0, kind: "ok") },
            .h1(.text(ctx.t("SK \(decree.number) — didaftarkan dari SK terdahulu", "Decree \(decree.number) — registered from an earlier decree"))),
            .p(
                .text(
                    ctx.t(
                        "Surat penetapan ini ditandatangani sebelum Dikelola dipakai dan didaftarkan sebagaimana adanya. "
                            + "Dikelola tidak membuat ulang naskahnya; naskah yang sah adalah pindaian bertanda tangan.",
                        "This decree was signed before Dikelola and registered as it was; the signed scan is the decree."))),
            .dl(
                .dt(.text(ctx.t("Nomor", "Number"))), .dd(.text(decree.number)),
                .dt(.text(ctx.t("Tanggal", "Date"))), .dd(.text(ctx.date(decree.decreeDate))),
                .dt(.text(ctx.t("Penandatangan", "Signed by"))),
                .dd(
                    .text(
                        decree.signerName.isEmpty
                            ? ctx.t("tidak dicatat", "not recorded")
                            : [decree.signerName, decree.signerPosition, decree.signerNIP.map { "NIP \($0)" }].compactMap { $0 }
                                .filter { !$0.isEmpty }.joined(separator: ", "))),
                .dt(.text(ctx.t("Pindaian bertanda tangan", "Signed scan"))),
                .dd(.text(decree.signedScanSHA256.map { "SHA-256 \($0)" } ?? ctx.t("belum diunggah", "not uploaded")))),
            .if(
                mayAttach,
                .form(
                    .class("stack no-print"), .action(SiteURL.decreeScan(decree.id).path), .method(.post), .enctype(.multipartData),
                    Layout.csrfField(ctx),
                    ProposalPageView.fileField(ctx, id: "scan", error: nil),
                    .button(.type(.submit), .text(ctx.t("Unggah pindaian SK bertanda tangan", "Upload the signed scan"))))),
            .h2(.text(ctx.t("Informasi yang dikecualikan dengan SK ini", "Information exempted by this decree"))),
            .div(.class("table-wrap"), RegisterTable.render(ctx, entries))
        )
    }
}
