import DikelolaCore
import Foundation
import Plot
import Vapor

/// The classification decree as a printable A4 document with the body's letterhead.
enum DecreeDocument {
    static func render(
        _ ctx: PageContext, _ d: ProposalAPIController.DecreeView, body: PublicBody, maySign: Bool = false,
        notice: String? = nil
    ) -> Response {
        return Layout.page(
            ctx, title: "SK \(d.number)",
            .unwrap(notice) { Layout.notice($0) },
            DocumentParts.toolbar(ctx, pdf: SiteURL.decreePDF(d.id).path),
            .if(
                maySign,
                .element(
                    named: "details",
                    nodes: [
                        .attribute(named: "class", value: "no-print"),
                        .element(named: "summary", text: ctx.t("Nomor dan pindaian bertanda tangan", "Number and signed scan")),
                        .form(
                            .class("stack"), .action(SiteURL.decreeNumber(d.id).path), .method(.post), Layout.csrfField(ctx),
                            Layout.field(
                                "number", published: .published, label: ctx.t("Nomor surat", "Decree number"), value: d.number, autocomplete: "off"),
                            .button(.type(.submit), .text(ctx.t("Simpan nomor", "Save number")))),
                        .form(
                            .class("stack"), .action(SiteURL.decreeScan(d.id).path), .method(.post), .enctype(.multipartData),
                            Layout.csrfField(ctx),
                            ProposalPageView.fileField(ctx, id: "scan", error: nil),
                            .button(.type(.submit), .text(ctx.t("Unggah pindaian bertanda tangan", "Upload the signed scan")))),
                    ])),
            KeputusanDocument.render(
                KeputusanDocument.Parts(
                    text: d.keputusan, number: d.number, date: d.date, place: d.place, body: body,
                    signerPosition: d.signerPosition, signerName: d.signerName, signerNIP: d.signerNIP),
                attachment: attachment(d.entries)),
            .div(
                .class("no-print"),
                .unwrap(d.signedScanSHA256) {
                    .p(.small(.text(ctx.t("Pindaian bertanda tangan tersimpan; SHA-256 ", "Signed scan stored; SHA-256 ") + $0)))
                }
            )
        )
    }

    /// The Lampiran: every exempted item with its ground, both consequences, the reason the decree
    /// refers to, what is blacked out of a partly exempted item, and the period.
    static func attachment(_ entries: [RegisterEntryView]) -> Node<HTML.BodyContext> {
        .table(
            .class("register"),
            .tr(
                .th(.text("No")), .th(.text("Informasi")), .th(.text("Dasar hukum")), .th(.text("Konsekuensi bila dibuka")),
                .th(.text("Konsekuensi bila ditutup")), .th(.text("Alasan")), .th(.text("Jangka waktu"))),
            .forEach(Array(entries.enumerated())) { index, entry in
                .tr(
                    .td(.text(String(index + 1))),
                    .td(
                        .text(entry.title), .br(), .small(.text(entry.registerNumber)),
                        .if(
                            entry.verdict == .partlyClosed,
                            .group(
                                .br(), .small(.text("Dikecualikan sebagian; dihitamkan: " + entry.parts.joined(separator: ", "))),
                                .br(), .small(.text("Terbuka: " + (entry.openPart ?? "—")))))),
                    .td(.text(entry.ground + (entry.otherStatute.map { " jo. \($0)" } ?? ""))),
                    .td(.text(entry.consequenceIfOpened)), .td(.text(entry.consequenceIfClosed)), .td(.text(entry.reason)),
                    .td(.text(entry.periodDescription)))
            })
    }
}
