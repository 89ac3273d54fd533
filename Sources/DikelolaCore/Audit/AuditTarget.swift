import Foundation

/// What an audit event is about: one vocabulary, so one kind of record is never written under two
/// names (the history once had both `body` and `publicBody`).
public enum AuditTarget: String, Codable, Sendable, CaseIterable {
    /// An e-mail address that tried to sign in, whether or not an account has it.
    case account
    case apiToken
    case decree
    case document
    case item
    case periodAction
    case proposal
    case publicBody
    case registerEntry
    /// A refused request, by method and path.
    case request
    case unit
    case user
}

extension AuditChain.Draft {
    /// A new event, its target named from the vocabulary.
    public init(
        occurredAt: Date, actorID: String?, actorRole: String?, action: String, targetType: AuditTarget,
        targetID: String?, bodyID: String?, summaryBefore: String? = nil, summaryAfter: String? = nil,
        clientAddress: String? = nil
    ) {
        self.init(
            occurredAt: occurredAt, actorID: actorID, actorRole: actorRole, action: action, targetType: targetType.rawValue,
            targetID: targetID, bodyID: bodyID, summaryBefore: summaryBefore, summaryAfter: summaryAfter,
            clientAddress: clientAddress)
    }
}
