import Fluent

/// Decree PDFs signed electronically (issue 17).
struct CreateElectronicSignatures: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ElectronicSignature.schema)
            .id()
            .field("body_id", .uuid, .required, .references(PublicBody.schema, "id"))
            .field("decree_id", .uuid, .required, .references(Decree.schema, "id"))
            .field("file_id", .uuid, .required, .references(StoredFile.schema, "id"))
            .field("sha256", .string, .required)
            .field("provider", .string, .required)
            .field("signer_name", .string, .required)
            .field("signed_by", .uuid, .required)
            .field("signed_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ElectronicSignature.schema).delete()
    }
}
