import Fluent
import SQLKit

/// Users learn a session epoch (raised on a password change, ending every other session) and
/// their last sign-in.
struct UpdateUserAddSessionEpoch: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite alters a table one column at a time.
        try await database.schema(User.schema).field("session_epoch", .int, .required, .sql(.default(0))).update()
        try await database.schema(User.schema).field("last_login_at", .datetime).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(User.schema).deleteField("last_login_at").update()
        try await database.schema(User.schema).deleteField("session_epoch").update()
    }
}
