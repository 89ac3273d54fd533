import Fluent

/// Every step taken, with actor, role, decision and note.
struct CreateProposalStep: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ProposalStep.schema)
            .id()
            .field("proposal_id", .uuid, .required, .references(Proposal.schema, "id", onDelete: .restrict))
            .field("step_number", .int, .required)
            .field("started_at", .datetime, .required)
            .field("due_at", .datetime)
            .field("completed_at", .datetime, .required)
            .field("actor_id", .uuid, .required)
            .field("actor_role", .string, .required)
            .field("decision", .string)
            .field("note", .string)
            .create()
    }

    func revert(on database: any Database) async throws { try await database.schema(ProposalStep.schema).delete() }
}
