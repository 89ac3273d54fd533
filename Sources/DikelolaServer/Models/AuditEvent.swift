import DikelolaCore
import Fluent
import Foundation

/// A row of the tamper-evident history (see `AuditChain`). The application only ever inserts
/// these; the database refuses updates and deletes (see `CreateAuditEvent`).
final class AuditEvent: Model, @unchecked Sendable {
    static let schema = "audit_events"

    @ID(key: .id) var id: UUID?
    @Field(key: "sequence") var sequence: Int
    @Field(key: "occurred_at") var occurredAt: Date
    @OptionalField(key: "actor_id") var actorID: String?
    @OptionalField(key: "actor_role") var actorRole: String?
    @Field(key: "action") var action: String
    @Field(key: "target_type") var targetType: String
    @OptionalField(key: "target_id") var targetID: String?
    @OptionalField(key: "body_id") var bodyID: String?
    @OptionalField(key: "summary_before") var summaryBefore: String?
    @OptionalField(key: "summary_after") var summaryAfter: String?
    @OptionalField(key: "client_address") var clientAddress: String?
    @Field(key: "previous_hash") var previousHash: String
    @Field(key: "hash") var hash: String

    init() {}

    init(_ record: AuditRecord) {
        sequence = record.sequence
        occurredAt = record.occurredAt
        actorID = record.actorID
        actorRole = record.actorRole
        action = record.action
        targetType = record.targetType
        targetID = record.targetID
        bodyID = record.bodyID
        summaryBefore = record.summaryBefore
        summaryAfter = record.summaryAfter
        clientAddress = record.clientAddress
        previousHash = record.previousHash
        hash = record.hash
    }

    var record: AuditRecord {
        AuditRecord(
            sequence: sequence, occurredAt: occurredAt, actorID: actorID, actorRole: actorRole, action: action,
            targetType: targetType, targetID: targetID, bodyID: bodyID, summaryBefore: summaryBefore,
            summaryAfter: summaryAfter, clientAddress: clientAddress, previousHash: previousHash, hash: hash)
    }
}
