import Fluent

/// Their items, consequence tests and hard-copy locations.
struct CreateProposalItem: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ProposalItem.schema)
            .id()
            .field("proposal_id", .uuid, .required, .references(Proposal.schema, "id", onDelete: .restrict))
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("holding_unit_id", .uuid, .required, .references(Unit.schema, "id", onDelete: .restrict))
            .field("form", .string, .required)
            .field("made_when", .string)
            .field("made_where", .string)
            .field("archive_code", .string)
            .field("location_building", .string)
            .field("location_room", .string)
            .field("location_cabinet", .string)
            .field("location_box", .string)
            .field("location_folder", .string)
            .field("ground_code", .string)
            .field("other_statute", .string)
            .field("if_opened", .string)
            .field("if_closed", .string)
            .field("verdict", .string)
            .field("parts", .string)
            .field("period", .string)
            .field("reason", .string)
            .field("tested_at", .datetime)
            .field("tested_by", .uuid)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws { try await database.schema(ProposalItem.schema).delete() }
}
