import Fluent

/// Openings and re-classifications at the end of a period, and the columns that link the
/// register, the decrees and the DIP to them.
struct CreatePeriodActions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PeriodAction.schema)
            .id()
            .field("body_id", .uuid, .required, .references(PublicBody.schema, "id", onDelete: .restrict))
            .field("unit_id", .uuid, .required, .references(Unit.schema, "id", onDelete: .restrict))
            .field("kind", .string, .required)
            .field("stage", .string, .required)
            .field("prepared_by", .uuid, .required)
            .field("legal_due", .string)
            .field("stage_due_at", .datetime)
            .field("submitted_at", .datetime)
            .field("decided_at", .datetime)
            .field("decided_by", .uuid)
            .field("return_note", .string)
            .field("decree_id", .uuid, .references(Decree.schema, "id", onDelete: .restrict))
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.schema(PeriodActionItem.schema)
            .id()
            .field("action_id", .uuid, .required, .references(PeriodAction.schema, "id", onDelete: .cascade))
            .field("entry_id", .uuid, .required, .references(RegisterEntry.schema, "id", onDelete: .restrict))
            .field("summary", .string)
            .field("responsible", .string)
            .field("retention", .string)
            .field("ground_code", .string)
            .field("other_statute", .string)
            .field("if_opened", .string)
            .field("if_closed", .string)
            .field("verdict", .string)
            .field("parts", .string)
            .field("period", .string)
            .field("reason", .string)
            .field("tested_at", .datetime)
            .unique(on: "action_id", "entry_id")
            .create()
        // SQLite adds one column per statement.
        try await database.schema(Decree.schema).field("period_action_id", .uuid).update()
        try await database.schema(RegisterEntry.schema).field("opening_decree_id", .uuid).update()
        try await database.schema(RegisterEntry.schema).field("replaced_by_id", .uuid).update()
        try await database.schema(RegisterEntry.schema).field("replaces_id", .uuid).update()
        try await database.schema(PublicInformationEntry.schema).field("opened_on", .string).update()
        try await database.schema(PublicInformationEntry.schema).field("decree_id", .uuid).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PublicInformationEntry.schema).deleteField("decree_id").update()
        try await database.schema(PublicInformationEntry.schema).deleteField("opened_on").update()
        try await database.schema(RegisterEntry.schema).deleteField("replaces_id").update()
        try await database.schema(RegisterEntry.schema).deleteField("replaced_by_id").update()
        try await database.schema(RegisterEntry.schema).deleteField("opening_decree_id").update()
        try await database.schema(Decree.schema).deleteField("period_action_id").update()
        try await database.schema(PeriodActionItem.schema).delete()
        try await database.schema(PeriodAction.schema).delete()
    }
}
