import DikelolaCore
import Fluent
import Foundation

/// Who can do each actor's steps of a unit's SOP: the people holding the actor's role for the
/// unit. An actor no one holds stops every proposal at its step, so it is shown as a problem to the
/// administrator (on the body's and the unit's pages, and when the SOP is chosen) and to the PPID
/// Utama (on their home page).
struct SOPStaffing: Sendable {
    struct Actor: Sendable {
        /// As the SOP names it: "Atasan PPID Pembantu".
        let title: String
        let role: Role
        let holders: [User]
    }

    let unit: Unit
    let actors: [Actor]

    /// The actors no one holds the role of.
    var gaps: [Actor] { actors.filter(\.holders.isEmpty) }

    /// The SOP's actors for `unit`, each once, in the order of their first step; nil without an SOP.
    /// `holders` are the unit's body's role assignments when the caller has read them already.
    static func of(_ unit: Unit, library: SOPLibrary, holders: RoleHolders? = nil, on db: any Database) async throws
        -> SOPStaffing?
    {
        guard let definition = unit.sopID.flatMap(library.definition(id:)) else { return nil }
        let place = try await AccessQueries.place(of: unit, on: db)
        let known: RoleHolders
        if let holders { known = holders } else { known = try await RoleHolders.load(bodyID: unit.$body.id, on: db) }
        var seen: Set<String> = []
        var actors: [Actor] = []
        for step in definition.proposalSteps {
            let actor = definition.actor(for: step)
            guard seen.insert(actor.title).inserted else { continue }
            actors.append(Actor(title: actor.title, role: actor.role, holders: known.holders(of: [actor.role], covering: place)))
        }
        return SOPStaffing(unit: unit, actors: actors)
    }

    /// Every unit of `bodyIDs` whose SOP has an actor no one holds, by name; each body's role
    /// assignments read once.
    static func gaps(inBodies bodyIDs: Set<UUID>, library: SOPLibrary, on db: any Database) async throws -> [SOPStaffing] {
        guard !bodyIDs.isEmpty else { return [] }
        var holders: [UUID: RoleHolders] = [:]
        for bodyID in bodyIDs { holders[bodyID] = try await RoleHolders.load(bodyID: bodyID, on: db) }
        var found: [SOPStaffing] = []
        for unit in try await Unit.query(on: db).filter(\.$body.$id ~~ bodyIDs).filter(\.$sopID != nil).sort(\.$name).all() {
            if let staffing = try await of(unit, library: library, holders: holders[unit.$body.id], on: db), !staffing.gaps.isEmpty {
                found.append(staffing)
            }
        }
        return found
    }

    /// "Atasan PPID Pembantu (peran Atasan PPID / Pimpinan)": the gaps as one sentence's list.
    var gapList: String {
        gaps.map { $0.title == $0.role.indonesianTitle ? $0.title : "\($0.title) (peran \($0.role.indonesianTitle))" }
            .joined(separator: "; ")
    }
}
