import Fluent
import SQLKit

/// Personal Bearer tokens for integrations, stored hashed.
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
