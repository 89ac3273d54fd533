import Fluent

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
