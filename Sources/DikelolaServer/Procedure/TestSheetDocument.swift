import DikelolaCore
import Foundation
import Plot
import Vapor

/// The consequence test sheet (lembar pengujian konsekuensi) as a printable A4 document: the
/// meeting in words, a row per item, a signature line per participant.
enum TestSheetDocument {
    static func render(_ ctx: PageContext, _ p: ProposalView, proposal: Proposal, body: PublicBody, unit: Unit) -> Response {
        let date = proposal.meetingDate
        let participants = (proposal.meetingParticipants ?? "").split(whereSeparator: \.isNewline).map(String.init)
        return Layout.page(
            ctx, title: ctx.t("Lembar pengujian konsekuensi", "Consequence test sheet"),
            DocumentParts.toolbar(ctx, pdf: SiteURL.proposalTestSheetPDF(proposal.id).path),
            .div(
                .class("document"),
                DocumentParts.letterhead(body),
                .h1(.class("title"), .text("LEMBAR PENGUJIAN KONSEKUENSI INFORMASI YANG DIKECUALIKAN")),
                .p(.class("number"), .text(unit.name)),
                .if(
                    date == nil,
                    Layout.notice(
                        ctx.t(
                            "Tanggal, tempat dan peserta rapat uji belum dicatat.",
                            "The meeting's date, place and participants are not recorded yet."), kind: "error")),
                .unwrap(date) { date in
                    .p(
                        .text(
                            "Pada hari ini, \(IndonesianFormat.formalDateInWords(date)), bertempat di \(proposal.meetingPlace ?? "…"), "
                                + "telah dilaksanakan pengujian konsekuensi atas informasi berikut berdasarkan Pasal 17 dan Pasal 19 "
                                + "Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik."))
                },
                .table(
                    .class("register"),
                    .thead(
                        .tr(
                            .th(.text("No")), .th(.text("Informasi")), .th(.text("Dasar hukum pengecualian")),
                            .th(.text("Konsekuensi bila dibuka")),
                            .th(.text("Konsekuensi bila ditutup")), .th(.text("Jangka waktu")))),
                    .tbody(
                        .forEach(Array(p.items.enumerated())) { index, item in
                            .tr(
                                .td(.text(String(index + 1))),
                                .td(.text(item.title), .br(), .small(.text(Labels.verdict(item.test?.verdict ?? "", ctx)))),
                                .td(
                                    .text([item.test?.ground, item.test?.otherStatute].compactMap { $0 }.joined(separator: " jo. "))),
                                .td(.text(item.test?.consequenceIfOpened ?? "")), .td(.text(item.test?.consequenceIfClosed ?? "")),
                                .td(.text(item.test?.periodDescription ?? "—")))
                        })
                ),
                acknowledgements(ctx, p.warnings, zone: body.zone),
                // Dated with the body's seat, as letters are ("Contoh, 24 November 2026"), not the meeting room.
                .p(
                    .class("dated"),
                    .text(date.map { "\(body.seat.isEmpty ? (proposal.meetingPlace ?? "") : body.seat), \(IndonesianFormat.date($0))" } ?? "")),
                .h2(.class("participants"), .text("Peserta rapat pengujian")),
                .table(
                    .class("signatures"),
                    .thead(.tr(.th(.text("No")), .th(.text("Nama dan jabatan")), .th(.text("Tanda tangan")))),
                    .tbody(
                        .forEach(Array(participants.enumerated())) { index, person in
                            .tr(
                                .td(.text(String(index + 1))), .td(.text(person)),
                                .td(.class("sign-line"), .text("\(index + 1). ……………………………")))
                        })
                )
            )
        )
    }

    /// The warnings of the tests and, once the decree is approved, the head's acknowledgement of
    /// each: who, and when.
    static func acknowledgements(
        _ ctx: PageContext, _ warnings: [ProposalView.Warning], zone: TimeZoneRegion
    ) -> Node<HTML.BodyContext> {
        guard !warnings.isEmpty else { return .empty }
        return .section(
            .class("acknowledgements"),
            .h2(.text("Peringatan dan pernyataan pimpinan")),
            .table(
                .class("register"),
                .tr(.th(.text("Informasi")), .th(.text("Peringatan")), .th(.text("Dinyatakan telah dibaca"))),
                .forEach(warnings) { warning in
                    .tr(
                        .td(.text(warning.item)), .td(.text(warning.text)),
                        .td(
                            .text(
                                warning.acknowledgedBy.map { name in
                                    "\(name), " + (warning.acknowledgedAt.map { Dates.show($0, ctx, zone: zone) } ?? "")
                                } ?? "belum")))
                }))
    }
}
