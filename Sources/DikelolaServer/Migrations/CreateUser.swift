import Fluent

/// People who sign in; the first administrator is made at first start.
struct CreateUser: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(User.schema)
            .id()
            .field("email", .string, .required)
            .field("name", .string, .required)
            .field("position", .string, .required)
            .field("nip", .string)
            .field("password_hash", .string, .required)
            .field("is_active", .bool, .required)
            .field("must_change_password", .bool, .required)
            .field("is_admin", .bool, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "email")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(User.schema).delete()
    }
}
