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
            DocumentParts.toolbar(ctx, pdf: SiteURL.decreePDF(d.id).path, electronic: SiteURL.decreeElectronic(d.id).path),
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
                attachment: attachment(d.entries.map(AttachmentRow.init))),
            .div(
                .class("no-print"),
                .unwrap(d.signedScanSHA256) {
                    .p(.small(.text(ctx.t("Pindaian bertanda tangan tersimpan; SHA-256 ", "Signed scan stored; SHA-256 ") + $0)))
                }
            )
        )
    }

    /// One row of the Lampiran, from a register entry or, in a draft, from an item's test.
    struct AttachmentRow {
        let title: String
        let registerNumber: String?
        /// For a partly exempted item: what is blacked out, and what stays open.
        let partly: (blackedOut: [String], open: String?)?
        let ground: String
        let ifOpened: String
        let ifClosed: String
        let reason: String
        let period: String

        init(_ entry: RegisterEntryView) {
            title = entry.title
            registerNumber = entry.registerNumber
            partly = entry.verdict == .partlyClosed ? (entry.parts, entry.openPart) : nil
            ground = entry.ground + (entry.otherStatute.map { " jo. \($0)" } ?? "")
            ifOpened = entry.consequenceIfOpened
            ifClosed = entry.consequenceIfClosed
            reason = entry.reason
            period = entry.periodDescription
        }

        init(_ item: ProposalView.Item, _ test: ProposalView.Test) {
            title = item.title
            registerNumber = nil
            partly = test.verdict == "partlyClosed" ? (test.parts, test.openPart) : nil
            ground = (test.ground ?? "") + (test.otherStatute.map { " jo. \($0)" } ?? "")
            ifOpened = test.consequenceIfOpened
            ifClosed = test.consequenceIfClosed
            reason = test.reason
            period = test.periodDescription ?? ""
        }
    }

    /// The Lampiran: every exempted item with its ground, both consequences, the reason the decree
    /// refers to, what is blacked out of a partly exempted item and what stays open, and the period.
    static func attachment(_ rows: [AttachmentRow]) -> Node<HTML.BodyContext> {
        .table(
            .class("register"),
            .tr(
                .th(.text("No")), .th(.text("Informasi")), .th(.text("Dasar hukum")), .th(.text("Konsekuensi bila dibuka")),
                .th(.text("Konsekuensi bila ditutup")), .th(.text("Alasan")), .th(.text("Jangka waktu"))),
            .forEach(Array(rows.enumerated())) { index, row in
                .tr(
                    .td(.text(String(index + 1))),
                    .td(
                        .text(row.title),
                        .unwrap(row.registerNumber) { .group(.br(), .small(.text($0))) },
                        .unwrap(row.partly) { partly in
                            .group(
                                .br(), .small(.text("Dikecualikan sebagian; dihitamkan: " + partly.blackedOut.joined(separator: ", "))),
                                .br(), .small(.text("Terbuka: " + (partly.open ?? "—"))))
                        }),
                    .td(.text(row.ground)), .td(.text(row.ifOpened)), .td(.text(row.ifClosed)), .td(.text(row.reason)),
                    .td(.text(row.period)))
            })
    }
}
