import DikelolaCore
import Fluent
import Foundation

extension ProposalService {
    /// Tells the people who hold the next step's role for the unit that it waits for them, or,
    /// when it was sent back, who returned it and why: returned work is noticed at once, not found
    /// at the bottom of a history.
    static func tellNextActors(
        _ ctx: ProposalContext, after step: SOPDefinition.Step, outcome: ProposalWorkflow.Outcome, note: String?,
        acting: Acting, on db: any Database
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
        let text =
            returned
            ? "Usulan \"\(ctx.proposal.title)\" dikembalikan ke langkah \(label) oleh \(who) (langkah \(step.label)): "
                + (note ?? "")
            : "Usulan \"\(ctx.proposal.title)\" menunggu Anda: langkah \(label), \(next.activity)"
        try await Notifier.tell(
            .init(
                kind: returned ? .stepReturned : .stepAwaiting, text: String(text.prefix(1000)),
                link: SiteURL.proposal(proposalID).path + (returned ? "#dikembalikan" : ""),
                dedupeKey: "proposal:\(proposalID.uuidString):v\(ctx.proposal.version)"),
            roles: [ctx.definition.actor(for: next).role], place: ctx.place, bodyID: try ctx.body.requireID(), on: db)
    }
}
