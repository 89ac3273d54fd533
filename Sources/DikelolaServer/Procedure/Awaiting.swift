import DikelolaCore
import Fluent
import Foundation
import Vapor

/// The proposals whose current step the person may complete: what their home page shows first.
enum Awaiting {
    struct Entry {
        let proposal: Proposal
        let step: SOPDefinition.Step
    }

    static func proposals(for user: CurrentUser, req: Request) async throws -> [Entry] {
        let bodyIDs = Set(user.person.assignments.compactMap { UUID(uuidString: $0.unit.bodyID) })
        guard !bodyIDs.isEmpty else { return [] }
        let library = req.application.dikelola.sopLibrary
        let proposals = try await Proposal.query(on: req.db).filter(\.$body.$id ~~ bodyIDs).filter(\.$status == "inProgress")
            .with(\.$unit).sort(\.$currentStepDueAt).all()
        var result: [Entry] = []
        for proposal in proposals {
            guard let definition = library.definition(id: proposal.sopID), let number = proposal.currentStep,
                let step = definition.step(number: number)
            else { continue }
            let place = try await AccessQueries.place(of: proposal.unit, on: req.db)
            if Authorization.roles(of: user.person, covering: place).contains(definition.actor(for: step).role),
                user.may(step.effect.action, on: place).isAllowed
            {
                result.append(Entry(proposal: proposal, step: step))
            }
        }
        return result
    }
}
