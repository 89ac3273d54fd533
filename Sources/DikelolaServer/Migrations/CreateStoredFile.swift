import Fluent

/// Files kept in the database, shared by every instance.
struct CreateStoredFile: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(StoredFile.schema)
            .id()
            .field("sha256", .string, .required)
            .field("size", .int, .required)
            .field("content_type", .string, .required)
            .field("original_name", .string, .required)
            .field("data", .data, .required)
            .field("created_by", .string)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(StoredFile.schema).delete()
    }
}
