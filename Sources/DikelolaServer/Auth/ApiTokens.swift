import DikelolaCore
import Fluent
import Foundation
import Vapor

/// Personal API tokens: `dk_` and 43 random characters, stored as SHA-256, valid until their
/// expiry or revocation.
enum ApiTokens {
    static let prefix = "dk_"

    struct Issued {
        let token: String
        let record: ApiToken
    }

    /// Makes a token for `userID`. The plain token is in the result only: show it once.
    static func issue(userID: UUID, name: String, validFor days: Int, now: Date, on db: any Database) async throws -> Issued {
        let token = prefix + RandomToken.make(bytes: 32)
        let record = ApiToken(
            userID: userID, name: name, tokenHash: RandomToken.sha256Hex(token), prefix: String(token.prefix(10)),
            expiresAt: now.addingTimeInterval(TimeInterval(days) * 86_400))
        record.sessionEpoch = try await User.find(userID, on: db)?.sessionEpoch ?? 0
        try await record.create(on: db)
        return Issued(token: token, record: record)
    }

    static func authenticate(_ token: String, on req: Request) async throws -> CurrentUser? {
        guard token.hasPrefix(prefix),
            let record = try await ApiToken.query(on: req.db).filter(\.$tokenHash == RandomToken.sha256Hex(token))
                .with(\.$user).first(),
            record.revokedAt == nil, record.expiresAt > req.now, record.user.isActive,
            // A password change or reset ends the person's tokens as it ends their sessions.
            record.sessionEpoch == record.user.sessionEpoch
        else { return nil }
        // Written at most once a minute, through the write gate: a busy integration costs no write per call.
        if record.lastUsedAt.map({ req.now.timeIntervalSince($0) >= 60 }) ?? true {
            record.lastUsedAt = req.now
            try await req.application.writeTransaction { db in try await record.save(on: db) }
        }
        return try await CurrentUser.load(record.user, via: .apiToken(try record.requireID()), on: req.db)
    }
}
