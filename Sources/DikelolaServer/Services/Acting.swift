import DikelolaCore
import Fluent
import Foundation
import Vapor

/// Who acts, when and from where, with the database and the core's services: everything a service
/// needs to know of a request, and nothing of HTTP. A handler makes one with `req.acting(user)`;
/// the demo loader, the commands and the tests make their own and call the same services.
struct Acting: Sendable {
    let person: CurrentUser
    /// The instant the action is recorded at (the demo records a proposal decided weeks ago).
    let now: Date
    /// Where the action came from, as the audit history records it.
    let clientAddress: String
    let db: any Database
    let services: CoreServices

    var calendar: WorkingDayCalendar { services.calendar }
    var sopLibrary: SOPLibrary { services.sopLibrary }
    var maxUploadBytes: Int { services.configuration.maxUploadBytes }

    /// An audit event of this action: its actor, role and address filled in.
    func auditDraft(
        _ action: AuditAction, targetType: AuditTarget, targetID: String?, bodyID: String? = nil, role: Role? = nil,
        before: String? = nil, after: String? = nil
    ) -> AuditChain.Draft {
        AuditDraft.make(
            person, at: now, from: clientAddress, action, targetType: targetType, targetID: targetID, bodyID: bodyID,
            role: role, before: before, after: after)
    }

    /// Runs `body` in one write transaction (see `WriteTransaction`).
    @discardableResult
    func write<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        try await WriteTransaction.run(on: db, services: services, body)
    }
}

extension Request {
    /// This request as an action of `person`.
    func acting(_ person: CurrentUser) -> Acting {
        Acting(person: person, now: now, clientAddress: clientAddress, db: db, services: application.dikelola)
    }
}

extension Application {
    /// `person` acting from this process (the demo loader, commands) rather than from a request.
    func acting(_ person: CurrentUser, at instant: Date? = nil) -> Acting {
        Acting(
            person: person, now: instant ?? dikelola.clock.now(), clientAddress: "local", db: db, services: dikelola)
    }
}

/// The audit event of an action, filled in one way whether the action came from a request or not.
enum AuditDraft {
    static func make(
        _ person: CurrentUser?, at now: Date, from clientAddress: String, _ action: AuditAction, targetType: AuditTarget,
        targetID: String?, bodyID: String?, role: Role?, before: String?, after: String?
    ) -> AuditChain.Draft {
        AuditChain.Draft(
            occurredAt: now, actorID: person?.id.uuidString, actorRole: actingRole(person, role, bodyID: bodyID),
            action: action, targetType: targetType, targetID: targetID, bodyID: bodyID, summaryBefore: before,
            summaryAfter: after, clientAddress: clientAddress)
    }

    /// The role recorded for an event: the one given; else, for an administrative change in a body,
    /// `admin` when the person administers that body, or `deploymentAdmin`.
    private static func actingRole(_ person: CurrentUser?, _ role: Role?, bodyID: String?) -> String? {
        if let role { return role.rawValue }
        guard let person else { return nil }
        if let bodyID,
            person.person.assignments.contains(where: { $0.role == .admin && $0.unit.bodyID.lowercased() == bodyID.lowercased() })
        {
            return Role.admin.rawValue
        }
        return person.isDeploymentAdmin ? "deploymentAdmin" : nil
    }
}
