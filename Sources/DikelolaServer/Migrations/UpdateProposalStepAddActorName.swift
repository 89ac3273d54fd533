import Fluent

/// Who did a step, as they were named when they did it: an account handed to a successor or
/// renamed must not rewrite the history (found: old steps named the account's new holder).
struct UpdateProposalStepAddActorName: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds one at a time.
        try await database.schema(ProposalStep.schema).field("actor_name", .string).update()
        try await database.schema(ProposalStep.schema).field("actor_position", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ProposalStep.schema).deleteField("actor_name").update()
        try await database.schema(ProposalStep.schema).deleteField("actor_position").update()
    }
}
