import Fluent

/// A person belongs to one public body (nil for the deployment's own administrators): roles may
/// be given only in units of that body, and a body's administrators see only its people.
struct UpdateUserAddHomeBody: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(User.schema)
            .field("home_body_id", .uuid, .references(PublicBody.schema, "id", onDelete: .restrict))
            .update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(User.schema).deleteField("home_body_id").update()
    }
}
