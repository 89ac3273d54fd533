import Fluent
import Foundation

/// A personal API token for integrations, used as `Authorization: Bearer …`. Only its SHA-256 is
/// stored; the token itself is shown once, when it is made.
final class ApiToken: Model, @unchecked Sendable {
    static let schema = "api_tokens"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    /// What the owner calls it ("Integrasi website PPID").
    @Field(key: "name") var name: String
    @Field(key: "token_hash") var tokenHash: String
    /// The first characters, to recognise a token in a list without revealing it.
    @Field(key: "prefix") var prefix: String
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "revoked_at") var revokedAt: Date?
    @OptionalField(key: "last_used_at") var lastUsedAt: Date?
    /// The owner's session epoch when the token was made: a password change or reset raises the
    /// epoch, and the token stops working with the sessions.
    @Field(key: "session_epoch") var sessionEpoch: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(userID: UUID, name: String, tokenHash: String, prefix: String, expiresAt: Date) {
        self.$user.id = userID
        self.name = name
        self.tokenHash = tokenHash
        self.prefix = prefix
        self.expiresAt = expiresAt
        self.sessionEpoch = 0
    }
}

final class LoginAttempt: Model, @unchecked Sendable {
    static let schema = "login_attempts"

    @ID(key: .id) var id: UUID?
    /// As typed, lower-cased; may name no account.
    @Field(key: "email") var email: String
    @Field(key: "client_address") var clientAddress: String
    @Field(key: "succeeded") var succeeded: Bool
    @Field(key: "occurred_at") var occurredAt: Date

    init() {}

    init(email: String, clientAddress: String, succeeded: Bool, occurredAt: Date) {
        self.email = email
        self.clientAddress = clientAddress
        self.succeeded = succeeded
        self.occurredAt = occurredAt
    }
}
