import DikelolaCore
import Fluent
import Foundation
import Vapor

/// The proposals whose current step the person may complete: what their home page shows first.
enum Awaiting {
    struct Entry {
        let proposal: Proposal
        let step: SOPDefinition.Step
        /// The decision that sent it back to this step, while it waits there.
        var returned: ProposalStep? = nil
    }

    static func proposals(for acting: Acting) async throws -> [Entry] {
        let user = acting.person
        let bodyIDs = Set(user.person.assignments.compactMap { UUID(uuidString: $0.unit.bodyID) })
        guard !bodyIDs.isEmpty else { return [] }
        let library = acting.sopLibrary
        let proposals = try await Proposal.query(on: acting.db).filter(\.$body.$id ~~ bodyIDs).filter(\.$status == .inProgress)
            .with(\.$unit).sort(\.$currentStepDueAt).all()
        var result: [Entry] = []
        for proposal in proposals {
            guard let definition = library.definition(id: proposal.sopID), let number = proposal.currentStep,
                let step = definition.step(number: number)
            else { continue }
            let place = try await AccessQueries.place(of: proposal.unit, on: acting.db)
            if Authorization.roles(of: user.person, covering: place).contains(definition.actor(for: step).role),
                user.may(step.effect.action, on: place).isAllowed
            {
                result.append(Entry(proposal: proposal, step: step))
            }
        }
        return try await markReturned(result, on: acting.db)
    }

    /// Marks the entries that wait where a "tidak setuju" sent them.
    private static func markReturned(_ entries: [Entry], on db: any Database) async throws -> [Entry] {
        guard !entries.isEmpty else { return entries }
        let steps = try await ProposalStep.query(on: db).filter(\.$proposal.$id ~~ entries.compactMap(\.proposal.id))
            .sort(\.$completedAt).all()
        let last = Dictionary(steps.map { ($0.$proposal.id, $0) }, uniquingKeysWith: { _, later in later })
        return entries.map { entry in
            var marked = entry
            marked.returned = entry.proposal.id.flatMap { last[$0] }.flatMap {
                ProposalPeople.lastReturn([$0], proposal: entry.proposal)
            }
            return marked
        }
    }

    /// Overdue steps a PPID (Pembantu or Utama) oversees: every unit within their reach.
    static func overdue(for acting: Acting) async throws -> [Entry] {
        let user = acting.person
        let supervising = user.person.assignments.filter { [.assistantPPID, .mainPPID].contains($0.role) }
        guard !supervising.isEmpty else { return [] }
        let bodyIDs = Set(supervising.compactMap { UUID(uuidString: $0.unit.bodyID) })
        let library = acting.sopLibrary
        let late = try await Proposal.query(on: acting.db).filter(\.$body.$id ~~ bodyIDs).filter(\.$status == .inProgress)
            .filter(\.$currentStepDueAt < acting.now).with(\.$unit).sort(\.$currentStepDueAt).all()
        var result: [Entry] = []
        for proposal in late {
            guard let definition = library.definition(id: proposal.sopID),
                let step = proposal.currentStep.flatMap(definition.step(number:))
            else { continue }
            let place = try await AccessQueries.place(of: proposal.unit, on: acting.db)
            let roles = Authorization.roles(of: user.person, covering: place)
            if roles.contains(.assistantPPID) || roles.contains(.mainPPID) {
                result.append(Entry(proposal: proposal, step: step))
            }
        }
        return result
    }
}
