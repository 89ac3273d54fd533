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
    case registerImport
    /// A refused request, by method and path.
    case request
    case unit
    case user
}
