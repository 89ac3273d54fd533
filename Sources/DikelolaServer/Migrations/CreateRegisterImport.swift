import Fluent
import SQLKit

/// Registers brought in from spreadsheets (issue 19), and the mark on a decree registered from an
/// earlier, signed one rather than issued here.
struct CreateRegisterImport: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(RegisterImport.schema)
            .id()
            .field("body_id", .uuid, .required, .references(PublicBody.schema, "id", onDelete: .restrict))
            .field("unit_id", .uuid, .required, .references(Unit.schema, "id", onDelete: .restrict))
            .field("file_id", .uuid, .required, .references(StoredFile.schema, "id", onDelete: .restrict))
            .field("file_name", .string, .required)
            .field("file_sha256", .string, .required)
            .field("status", .string, .required)
            .field("corrections", .string, .required)
            .field("decree_number", .string)
            .field("decree_date", .string)
            .field("signer_name", .string)
            .field("signer_position", .string)
            .field("signer_nip", .string)
            .field("scan_id", .uuid, .references(StoredFile.schema, "id", onDelete: .restrict))
            .field("scan_sha256", .string)
            .field("created_by", .uuid)
            .field("imported_at", .datetime)
            .field("proposal_id", .uuid)
            .field("entry_count", .int)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.schema(Decree.schema)
            .field("registered_from_earlier", .bool, .required, .sql(.default(false)))
            .update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Decree.schema).deleteField("registered_from_earlier").update()
        try await database.schema(RegisterImport.schema).delete()
    }
}
