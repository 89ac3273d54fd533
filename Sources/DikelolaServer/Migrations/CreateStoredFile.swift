import Fluent

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

/// The body's logo for the letterhead (kop surat) of printed documents.
struct UpdatePublicBodyAddLogo: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PublicBody.schema)
            .field("logo_file_id", .uuid, .references(StoredFile.schema, "id", onDelete: .setNull))
            .update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PublicBody.schema).deleteField("logo_file_id").update()
    }
}
