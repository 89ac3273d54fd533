import Fluent

/// Items found open, for the DIP.
struct CreatePublicInformationEntry: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PublicInformationEntry.schema)
            .id()
            .field("body_id", .uuid, .required, .references(PublicBody.schema, "id", onDelete: .restrict))
            .field("unit_id", .uuid, .required, .references(Unit.schema, "id", onDelete: .restrict))
            .field("item_id", .uuid, .required, .references(ProposalItem.schema, "id", onDelete: .restrict))
            .field("summary", .string, .required)
            .field("responsible", .string)
            .field("made_when", .string)
            .field("made_where", .string)
            .field("form", .string, .required)
            .field("retention", .string)
            .field("source", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws { try await database.schema(PublicInformationEntry.schema).delete() }
}
