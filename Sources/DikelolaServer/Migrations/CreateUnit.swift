import Fluent

/// Their units (OPD) in a tree, with the SOP each runs.
struct CreateUnit: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Unit.schema)
            .id()
            .field("body_id", .uuid, .required, .references(PublicBody.schema, "id", onDelete: .restrict))
            .field("parent_id", .uuid, .references(Unit.schema, "id", onDelete: .restrict))
            .field("name", .string, .required)
            .field("short_name", .string)
            .field("hosts_main_ppid", .bool, .required)
            .field("has_assistant_ppid", .bool, .required)
            .field("sop_id", .string)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "body_id", "name")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Unit.schema).delete()
    }
}
