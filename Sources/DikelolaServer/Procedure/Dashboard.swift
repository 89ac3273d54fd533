import DikelolaCore
import Fluent
import Foundation
import Vapor

/// What a person's home page shows beyond the steps awaiting them: openings and re-classifications
/// awaiting them, entries ending soon or due for review in the units they cover, the latest
/// decrees there, and for the PPID Utama the whole body at a glance.
struct Dashboard {
    struct UnitRow {
        let unit: Unit
        var inProgress = 0
        var overdue = 0
        var register = 0
        var ending = 0
    }

    struct Decision {
        let decree: Decree
        let unit: Unit
    }

    struct PendingAction {
        let action: PeriodAction
        /// "prepare" (the PPID) or "approve" (the head).
        let task: String
    }

    var pendingActions: [PendingAction] = []
    var ending: [RegisterEntry] = []
    var decisions: [Decision] = []
    /// One row per unit of the body, for a PPID Utama (nil for everyone else).
    var overview: [UnitRow]?
    /// The body's register in figures, for a PPID Utama's charts (nil for everyone else).
    var figures: PublicRegister.Statistics?

    static let listLimit = 10

    static func load(for acting: Acting) async throws -> Dashboard {
        let user = acting.person
        var board = Dashboard()
        let bodyIDs = Set(user.person.assignments.compactMap { UUID(uuidString: $0.unit.bodyID) })
        guard !bodyIDs.isEmpty else { return board }
        let library = acting.sopLibrary
        let units = try await Unit.query(on: acting.db).filter(\.$body.$id ~~ bodyIDs).sort(\.$name).all()
        var places: [UUID: Authorization.Place] = [:]
        for unit in units { places[try unit.requireID()] = try await AccessQueries.place(of: unit, on: acting.db) }
        let covered = units.filter { places[$0.storedID].map { user.may(.viewExemptedContent, on: $0).isAllowed } ?? false }
        let coveredIDs = covered.compactMap(\.id)
        let byID = Dictionary(uniqueKeysWithValues: units.map { ($0.storedID, $0) })

        // Openings and re-classifications waiting for this person.
        let actions = try await PeriodAction.query(on: acting.db).filter(\.$unit.$id ~~ coveredIDs)
            .filter(\.$stage ~~ [PeriodActionStage.preparing, .awaitingApproval])
            .sort(\.$createdAt).all()
        for action in actions {
            guard let unit = byID[action.$unit.id], let place = places[action.$unit.id] else { continue }
            let procedure = PeriodEndProcedure(definition: unit.sopID.flatMap(library.definition(id:)))
            if action.stage == .preparing,
                (try? PeriodActionService.requirePreparer(user, place: place, procedure: procedure)) != nil
            {
                board.pendingActions.append(PendingAction(action: action, task: "prepare"))
            } else if action.stage == .awaitingApproval,
                user.may(.signDecree, on: place).isAllowed,
                Authorization.roles(of: user.person, covering: place).contains(PeriodEndProcedure.approverRole)
            {
                board.pendingActions.append(PendingAction(action: action, task: "approve"))
            }
        }

        // Entries ending soon or due for review, the nearest first.
        board.ending = try await RegisterEntry.query(on: acting.db).filter(\.$unit.$id ~~ coveredIDs)
            .filter(\.$status ~~ [.endingSoon, .reviewDue]).with(\.$unit).all()
            .sorted { ($0.endDate ?? $0.reviewDate ?? .lastRepresentable) < ($1.endDate ?? $1.reviewDate ?? .lastRepresentable) }

        // The latest decrees of the covered units (classification, opening, re-classification).
        let decrees = try await Decree.query(on: acting.db).filter(\.$body.$id ~~ bodyIDs).sort(\.$createdAt, .descending)
            .range(..<(listLimit * 4)).all()
        let proposalUnits = Dictionary(
            uniqueKeysWithValues: try await Proposal.query(on: acting.db).filter(\.$id ~~ decrees.compactMap { $0.$proposal.id })
                .all().map { ($0.storedID, $0.$unit.id) })
        let actionUnits = Dictionary(
            uniqueKeysWithValues: try await PeriodAction.query(on: acting.db).filter(\.$id ~~ decrees.compactMap(\.periodActionID))
                .all().map { ($0.storedID, $0.$unit.id) })
        for decree in decrees where board.decisions.count < listLimit {
            guard
                let unitID = decree.$proposal.id.flatMap({ proposalUnits[$0] })
                    ?? decree.periodActionID.flatMap({ actionUnits[$0] }),
                coveredIDs.contains(unitID), let unit = byID[unitID]
            else { continue }
            board.decisions.append(Decision(decree: decree, unit: unit))
        }

        // The PPID Utama's view of the body: per unit, work in progress, overdue steps, register size.
        let overseen = units.filter {
            places[$0.storedID].map { Authorization.roles(of: user.person, covering: $0).contains(.mainPPID) } ?? false
        }
        if !overseen.isEmpty { try await board.oversee(overseen, byID: byID, now: acting.now, on: acting.db) }
        return board
    }

    /// The PPID Utama's rows per unit and the body's figures.
    private mutating func oversee(_ overseen: [Unit], byID: [UUID: Unit], now: Date, on db: any Database) async throws {
        var rows = Dictionary(uniqueKeysWithValues: overseen.map { ($0.storedID, UnitRow(unit: $0)) })
        for proposal in try await Proposal.query(on: db).filter(\.$unit.$id ~~ Array(rows.keys))
            .filter(\.$status == .inProgress).all()
        {
            rows[proposal.$unit.id]?.inProgress += 1
            if let due = proposal.currentStepDueAt, due < now { rows[proposal.$unit.id]?.overdue += 1 }
        }
        let entries = try await RegisterEntry.query(on: db).filter(\.$unit.$id ~~ Array(rows.keys))
            .filter(\.$status != .reclassified).field(\.$unit.$id).field(\.$status).field(\.$groundCode)
            .field(\.$endDate).field(\.$openedOn).all()
        for entry in entries where entry.status != .opened {
            rows[entry.$unit.id]?.register += 1
            if entry.status.awaitsDecision { rows[entry.$unit.id]?.ending += 1 }
        }
        overview = overseen.compactMap { rows[$0.storedID] }
        figures = .of(entries.map { ($0.groundCode, byID[$0.$unit.id]?.name ?? "", $0.endDate, $0.openedOn) }) {
            entries[$0].status != .opened
        }
    }
}
