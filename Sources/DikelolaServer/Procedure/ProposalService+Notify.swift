import DikelolaCore
import Fluent
import Foundation

extension ProposalService {
    /// Tells the people who hold the next step's role for the unit that it waits for them, or,
    /// when it was sent back, who returned it and why: returned work is noticed at once, not found
    /// at the bottom of a history.
    static func tellNextActors(
        _ ctx: ProposalContext, after step: SOPDefinition.Step, outcome: ProposalWorkflow.Outcome, acting: Acting,
        on db: any Database
    ) async throws {
        let number: Int
        let returned: Bool
        switch outcome.next {
        case let .step(next): (number, returned) = (next, false)
        case let .returned(to: next): (number, returned) = (next, true)
        case .finished: return
        }
        guard let next = ctx.definition.step(number: number) else { return }
        let proposalID = try ctx.proposal.requireID()
        let label = ctx.definition.label(of: number)
        let who = acting.person.name
        // The note itself stays on the proposal's page, which checks who may read it each time: a
        // notification outlives the role of the person it was sent to.
        let text =
            returned
            ? "Usulan \"\(ctx.proposal.title)\" dikembalikan ke langkah \(label) oleh \(who) (langkah \(step.label)), "
                + "dengan catatan. Bukalah untuk membacanya."
            : "Usulan \"\(ctx.proposal.title)\" menunggu Anda: langkah \(label), \(next.activity)"
        try await Notifier.tell(
            .init(
                kind: returned ? .stepReturned : .stepAwaiting, text: String(text.prefix(1000)),
                link: SiteURL.proposal(proposalID).path + (returned ? "#dikembalikan" : ""),
                dedupeKey: "proposal:\(proposalID.uuidString):v\(ctx.proposal.version)"),
            roles: [ctx.definition.actor(for: next).role], place: ctx.place, bodyID: try ctx.body.requireID(), on: db)
    }
}
