import DikelolaCore
import Fluent
import Foundation
import Plot
import Vapor

/// The draft of the classification decree, made from the proposal as it stands: what the head
/// reads, with its Lampiran, before agreeing (PP 61/2010 Ps 3). Marked as a draft, numbered only
/// when issued, and never stored.
enum DraftDecreeDocument {
    /// A decree not saved: dated today, signed by the unit's head, its PPID named, its number to come.
    static func draft(_ ctx: ProposalContext, user: CurrentUser, now: Date, on db: any Database) async throws -> Decree {
        let decree = Decree()
        decree.number = "… (diberikan saat ditetapkan)"
        decree.decreeDate = ctx.today(now)
        decree.place = ctx.body.seat.isEmpty ? ctx.body.region : ctx.body.seat
        let bodyID = try ctx.body.requireID()
        if let signer = try? await DecreeIssuer.signer(
            unit: ctx.unit, bodyID: bodyID, actorIsHead: ctx.roles(of: user).contains(.head), actor: user, on: db)
        {
            decree.signerName = signer.name
            decree.signerPosition = signer.position
            decree.signerNIP = signer.nip
            decree.signerRank = signer.rank
        } else {
            decree.signerName = "…"
            decree.signerPosition = "Kepala \(ctx.unit.name)"
        }
        if let ppid = try await DecreeIssuer.ppid(of: ctx.unit, bodyID: bodyID, on: db) {
            decree.ppidName = ppid.name
            decree.ppidPosition = ppid.position
            decree.ppidNIP = ppid.nip
        }
        return decree
    }

    static func render(_ ctx: PageContext, _ p: ProposalView, _ decree: Decree, body: PublicBody, unitName: String) -> Response {
        let text = ProposalAPIController.keputusan(
            decree, kind: .classification, body: body, unitName: unitName, meetingDate: p.meetingDate)
        let rows = p.items.compactMap { item in
            item.test.flatMap { $0.verdict == "open" ? nil : DecreeDocument.AttachmentRow(item, $0) }
        }
        return Layout.page(
            ctx, title: ctx.t("Rancangan keputusan", "Draft decree"),
            .p(.class("no-print"), .a(.href(SiteURL.proposal(p.id).path), .text(ctx.t("← Kembali ke usulan", "← Back to the proposal")))),
            Layout.notice(
                ctx.t(
                    "RANCANGAN — dibuat dari data usulan saat ini; nomor diberikan saat pimpinan menyetujui dan keputusan ditetapkan.",
                    "DRAFT — made from the proposal as it stands; numbered when the head approves and it is issued."),
                kind: "info"),
            .p(.class("draft-mark"), .text("RANCANGAN")),
            KeputusanDocument.render(
                KeputusanDocument.Parts(
                    text: KeputusanView(text, decree: decree, body: body, unitName: unitName), number: decree.number,
                    date: decree.decreeDate, place: decree.place, body: body, signerPosition: decree.signerPosition,
                    signerName: decree.signerName, signerNIP: decree.signerNIP),
                attachment: DecreeDocument.attachment(rows)))
    }
}
