import Fluent

/// Files attached to proposals and items.
struct CreateProposalDocument: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ProposalDocument.schema)
            .id()
            .field("proposal_id", .uuid, .required, .references(Proposal.schema, "id", onDelete: .restrict))
            .field("item_id", .uuid, .references(ProposalItem.schema, "id", onDelete: .restrict))
            .field("requirement", .string)
            .field("file_id", .uuid, .required, .references(StoredFile.schema, "id", onDelete: .restrict))
            .field("uploaded_by", .uuid, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws { try await database.schema(ProposalDocument.schema).delete() }
}
