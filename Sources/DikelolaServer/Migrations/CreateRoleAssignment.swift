import Fluent

/// Who holds which role in which unit.
struct CreateRoleAssignment: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(RoleAssignment.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("unit_id", .uuid, .required, .references(Unit.schema, "id", onDelete: .restrict))
            .field("role", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "user_id", "unit_id", "role")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(RoleAssignment.schema).delete()
    }
}
