import Fluent
import SQLKit

/// The published versions of each body's public register.
struct CreatePublications: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Publication.schema)
            .id()
            .field("body_id", .uuid, .required, .references(PublicBody.schema, .id))
            .field("version", .int, .required)
            .field("published_at", .datetime, .required)
            .field("reason", .string, .required)
            .field("snapshot", .string, .required)
            .field("sha256", .string, .required)
            .unique(on: "body_id", "version")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Publication.schema).delete()
    }
}
