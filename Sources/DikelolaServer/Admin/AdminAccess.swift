import DikelolaCore
import Fluent
import Vapor

/// The administrative checks shared by the admin screens. A body's administrators (role `admin`)
/// manage that body only; the deployment's administrators manage every body's organisation and
/// people — never, by that, its exempted content.
enum AdminAccess {
    static func require(_ user: CurrentUser, _ action: Action, inBody bodyID: UUID) throws {
        if user.isDeploymentAdmin, action.isAdministrative { return }
        try user.require(action, on: AccessQueries.place(ofBody: bodyID))
    }

    /// The body with `id`, when `user` may do `action` in it.
    static func body(_ id: UUID, for user: CurrentUser, _ action: Action, on db: any Database) async throws -> PublicBody {
        guard let body = try await PublicBody.find(id, on: db) else { throw Refusal.notFound }
        try require(user, action, inBody: id)
        return body
    }

    /// The bodies `user` administers, by name.
    static func administeredBodies(_ user: CurrentUser, on db: any Database) async throws -> [PublicBody] {
        let all = try await PublicBody.query(on: db).sort(\.$name).all()
        return all.filter { body in
            guard let id = body.id else { return false }
            return (try? require(user, .manageUsers, inBody: id)) != nil
        }
    }

    /// A person `user` may manage: one of a body they administer; the deployment's own
    /// administrators only by a deployment administrator.
    static func managedUser(_ id: UUID, for user: CurrentUser, on db: any Database) async throws -> User {
        guard let target = try await User.find(id, on: db) else { throw Refusal.notFound }
        if let bodyID = target.$homeBody.id {
            try require(user, .manageUsers, inBody: bodyID)
        } else if !user.isDeploymentAdmin {
            throw Refusal.forbidden(.roleMayNot(action: .manageUsers, roles: user.person.assignments.map(\.role)))
        }
        return target
    }
}
