import DikelolaCore
import Foundation
import Plot
import Vapor

/// The opening decree (PP 61/2010 Ps 11(2)) or the re-classification decree (Ps 10) as a printable
/// A4 document with the body's letterhead, its items in an attachment, and the head's signature.
enum PeriodDecreeDocument {
    static func render(_ ctx: PageContext, _ decree: Decree, _ action: PeriodActionContext) -> Response {
        let body = action.body
        let opening = action.kind == .opening
        let rows = action.items.compactMap { item in action.entry(of: item).map { (item, $0) } }
        let text = ProposalAPIController.keputusan(
            decree, kind: opening ? .opening : .reclassification(previous: nil), body: body, unitName: action.unit.name,
            meetingDate: nil)
        return Layout.page(
            ctx, title: "SK \(decree.number)",
            DocumentParts.toolbar(ctx, pdf: SiteURL.decreePDF(decree.id).path, electronic: SiteURL.decreeElectronic(decree.id).path),
            KeputusanDocument.render(
                KeputusanDocument.Parts(
                    text: KeputusanView(text, decree: decree, body: body, unitName: action.unit.name), number: decree.number,
                    date: decree.decreeDate, place: decree.place, body: body, signerPosition: decree.signerPosition,
                    signerName: decree.signerName, signerNIP: decree.signerNIP),
                attachment:
                    opening
                        ? .table(
                            .class("register"),
                            .tr(
                                .th(.text("No")), .th(.text("Informasi (No. DIK semula)")), .th(.text("Ringkasan")),
                                .th(.text("Penanggung jawab")), .th(.text("Jangka waktu penyimpanan"))),
                            .forEach(Array(rows.enumerated())) { index, row in
                                .tr(
                                    .td(.text(String(index + 1))), .td(.text("\(row.1.title) (\(row.1.registerNumber))")),
                                    .td(.text(row.0.summary ?? "")), .td(.text(row.0.responsible ?? "")),
                                    .td(.text(row.0.retention ?? "")))
                            })
                        : .table(
                            .class("register"),
                            .tr(
                                .th(.text("No")), .th(.text("Informasi (No. DIK semula)")), .th(.text("Dasar hukum")),
                                .th(.text("Konsekuensi bila dibuka")), .th(.text("Alasan")), .th(.text("Jangka waktu baru"))),
                            .forEach(Array(rows.enumerated())) { index, row in
                                let test = action.test(of: row.0)
                                return .tr(
                                    .td(.text(String(index + 1))), .td(.text("\(row.1.title) (\(row.1.registerNumber))")),
                                    .td(.text(test?.ground?.citation ?? "")), .td(.text(test?.consequenceIfOpened ?? "")),
                                    .td(.text(test?.reason ?? "")), .td(.text(test?.period?.indonesianDescription ?? "")))
                            }))
        )
    }
}
