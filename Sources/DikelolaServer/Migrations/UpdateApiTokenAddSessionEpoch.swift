import Fluent
import SQLKit

/// Tokens end with the owner's sessions when the password is changed or reset: each keeps the epoch
/// it was made in. Tokens made before keep working until the owner's next change.
struct UpdateApiTokenAddSessionEpoch: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ApiToken.schema).field("session_epoch", .int, .required, .sql(.default(0))).update()
        for token in try await ApiToken.query(on: database).with(\.$user).all() {
            token.sessionEpoch = token.user.sessionEpoch
            try await token.save(on: database)
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ApiToken.schema).deleteField("session_epoch").update()
    }
}
