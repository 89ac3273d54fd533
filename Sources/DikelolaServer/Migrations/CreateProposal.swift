import Fluent

/// Proposals running through their unit's SOP.
struct CreateProposal: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Proposal.schema)
            .id()
            .field("body_id", .uuid, .required, .references(PublicBody.schema, "id", onDelete: .restrict))
            .field("unit_id", .uuid, .required, .references(Unit.schema, "id", onDelete: .restrict))
            .field("sop_id", .string, .required)
            .field("title", .string, .required)
            .field("status", .string, .required)
            .field("current_step", .int)
            .field("current_step_started_at", .datetime)
            .field("current_step_due_at", .datetime)
            .field("memo_number", .string)
            .field("memo_text", .string)
            .field("panel_opinion", .string)
            .field("meeting_date", .string)
            .field("meeting_place", .string)
            .field("meeting_participants", .string)
            .field("created_by", .uuid, .required)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws { try await database.schema(Proposal.schema).delete() }
}
