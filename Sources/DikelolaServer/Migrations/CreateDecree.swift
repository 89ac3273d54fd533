import Fluent

/// Classification decrees, numbered per body and year.
struct CreateDecree: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Decree.schema)
            .id()
            .field("body_id", .uuid, .required, .references(PublicBody.schema, "id", onDelete: .restrict))
            .field("proposal_id", .uuid, .references(Proposal.schema, "id", onDelete: .restrict))
            .field("kind", .string, .required)
            .field("number", .string, .required)
            .field("year", .int, .required)
            .field("serial", .int, .required)
            .field("decree_date", .string, .required)
            .field("place", .string, .required)
            .field("signer_name", .string, .required)
            .field("signer_position", .string, .required)
            .field("signer_nip", .string)
            .field("signer_id", .uuid)
            .field("signed_scan_id", .uuid, .references(StoredFile.schema, "id", onDelete: .restrict))
            .field("signed_scan_sha256", .string)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            // Two decrees never share a number, nor a serial in a year.
            .unique(on: "body_id", "number")
            .unique(on: "body_id", "year", "serial")
            .create()
    }

    func revert(on database: any Database) async throws { try await database.schema(Decree.schema).delete() }
}
