import DikelolaCore
import Fluent
import Foundation

/// Reads what `Authorization.decide` needs from the database: a person's role assignments with
/// their units' bodies, and the path of units above a target.
enum AccessQueries {
    static func person(_ user: User, on database: any Database) async throws -> Authorization.Person {
        let assignments = try await RoleAssignment.query(on: database)
            .filter(\.$user.$id == user.requireID())
            .with(\.$unit)
            .all()
        return Authorization.Person(
            isActive: user.isActive,
            assignments: assignments.compactMap { assignment in
                guard let role = Role(rawValue: assignment.role), let unitID = assignment.unit.id else { return nil }
                return Authorization.Assignment(
                    role: role, unit: .init(id: unitID.uuidString, bodyID: assignment.unit.$body.id.uuidString))
            })
    }

    /// The units from the top of the tree down to `unit`. A unit tree is a few levels deep; a
    /// cycle (which the editing screens refuse) stops the walk instead of looping.
    static func place(of unit: Unit, on database: any Database) async throws -> Authorization.Place {
        var path = [try unit.requireID()]
        var parentID = unit.$parent.id
        while let id = parentID, !path.contains(id) {
            path.insert(id, at: 0)
            parentID = try await Unit.find(id, on: database)?.$parent.id
        }
        return Authorization.Place(bodyID: unit.$body.id.uuidString, unitPath: path.map(\.uuidString))
    }

    static func place(ofBody bodyID: UUID) -> Authorization.Place {
        Authorization.Place(bodyID: bodyID.uuidString, unitPath: [])
    }
}

extension AccessQueries {
    /// The unit with `id` and its place, when `user` may do `action` there: 404 for no such unit,
    /// 403 with the core's reason otherwise.
    static func unit(_ id: UUID, for user: CurrentUser, may action: Action, on db: any Database) async throws
        -> (unit: Unit, place: Authorization.Place)
    {
        guard let unit = try await Unit.find(id, on: db) else { throw Refusal.notFound }
        let place = try await place(of: unit, on: db)
        try user.require(action, on: place)
        return (unit, place)
    }
}

extension AccessQueries {
    /// The active people holding one of `roles` whose reach covers `place` (a role held at the
    /// unit, above it, or body-wide), each once, by name: who acts at a step, who is told of it.
    static func holders(of roles: Set<Role>, covering place: Authorization.Place, on db: any Database) async throws -> [User] {
        guard let bodyID = UUID(uuidString: place.bodyID) else { return [] }
        return try await RoleHolders.load(bodyID: bodyID, roles: roles, on: db).holders(of: roles, covering: place)
    }
}

/// The role assignments of one body with their people, read once, for asking who holds which
/// roles where as many times as a page needs (every actor of every unit's SOP).
struct RoleHolders: Sendable {
    let bodyID: String
    let assignments: [RoleAssignment]

    /// The body's assignments of `roles` (of every role when nil).
    static func load(bodyID: UUID, roles: Set<Role>? = nil, on db: any Database) async throws -> RoleHolders {
        let unitIDs = try await Unit.query(on: db).filter(\.$body.$id == bodyID).field(\.$id).all().compactMap(\.id)
        var query = RoleAssignment.query(on: db).filter(\.$unit.$id ~~ unitIDs)
        if let roles { query = query.filter(\.$role ~~ roles.map(\.rawValue)) }
        return RoleHolders(bodyID: bodyID.uuidString, assignments: try await query.with(\.$user).all())
    }

    /// The active people holding one of `roles` whose reach covers `place`, each once, by name.
    func holders(of roles: Set<Role>, covering place: Authorization.Place) -> [User] {
        var found: [UUID: User] = [:]
        for assignment in assignments where assignment.user.isActive {
            guard let role = Role(rawValue: assignment.role), roles.contains(role), let userID = assignment.user.id,
                found[userID] == nil
            else { continue }
            let person = Authorization.Person(
                isActive: true, assignments: [.init(role: role, unit: .init(id: assignment.$unit.id.uuidString, bodyID: bodyID))])
            if !Authorization.roles(of: person, covering: place).isEmpty { found[userID] = assignment.user }
        }
        return found.values.sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending }
    }
}
