import Fluent

/// The head's acknowledgements of the warnings of the items' tests, one row per item and warning.
struct CreateWarningAcknowledgement: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(WarningAcknowledgement.schema)
            .id()
            .field("proposal_id", .uuid, .required, .references(Proposal.schema, "id", onDelete: .restrict))
            .field("item_id", .uuid, .required, .references(ProposalItem.schema, "id", onDelete: .restrict))
            .field("code", .string, .required)
            .field("text", .string, .required)
            .field("acknowledged_by", .uuid, .required)
            .field("acknowledged_by_name", .string, .required)
            .field("acknowledged_at", .datetime, .required)
            .unique(on: "item_id", "code")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(WarningAcknowledgement.schema).delete()
    }
}
