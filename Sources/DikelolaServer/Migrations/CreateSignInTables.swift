import Fluent
import SQLKit

/// Users learn a session epoch (raised on a password change, ending every other session) and
/// their last sign-in.
/// Who last set an account's password, so that administrator cannot also give it a role.
struct UpdateUserAddCredentialsSetBy: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(User.schema).field("credentials_set_by", .uuid).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(User.schema).deleteField("credentials_set_by").update()
    }
}

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

struct CreateApiToken: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ApiToken.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("token_hash", .string, .required)
            .field("prefix", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("revoked_at", .datetime)
            .field("last_used_at", .datetime)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ApiToken.schema).delete()
    }
}

struct CreateLoginAttempt: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(LoginAttempt.schema)
            .id()
            .field("email", .string, .required)
            .field("client_address", .string, .required)
            .field("succeeded", .bool, .required)
            .field("occurred_at", .datetime, .required)
            .create()
        // Throttling asks "failures of this e-mail (or address) since…" on every sign-in.
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "login_attempts_email_time").on(LoginAttempt.schema).column("email").column("occurred_at")
                .run()
            try await sql.create(index: "login_attempts_address_time").on(LoginAttempt.schema).column("client_address")
                .column("occurred_at").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(LoginAttempt.schema).delete()
    }
}
