import Fluent
import SQLKit

/// Failed and successful sign-ins, for throttling.
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
