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

/// The archive: each item's stage, the body's classification codes and retention schedule (JRA),
/// and the holders' permissions for inactive records.
struct CreateArchiveTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ProposalItem.schema).field("archive_stage", .string, .required, .sql(.default("aktif")))
            .update()
        try await database.schema(ArchiveClass.schema)
            .id()
            .field("body_id", .uuid, .required, .references(PublicBody.schema, "id", onDelete: .restrict))
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "body_id", "code")
            .create()
        try await database.schema(RetentionScheduleRow.schema)
            .id()
            .field("body_id", .uuid, .required, .references(PublicBody.schema, "id", onDelete: .restrict))
            .field("code", .string, .required)
            .field("active_years", .int, .required)
            .field("inactive_years", .int, .required)
            .field("disposition", .string, .required)
            .field("note", .string)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "body_id", "code")
            .create()
        try await database.schema(ArchivePermission.schema)
            .id()
            .field("item_id", .uuid, .required, .references(ProposalItem.schema, "id", onDelete: .restrict))
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .restrict))
            .field("granted_by", .uuid, .required)
            .field("reason", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "item_id", "user_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ArchivePermission.schema).delete()
        try await database.schema(RetentionScheduleRow.schema).delete()
        try await database.schema(ArchiveClass.schema).delete()
        try await database.schema(ProposalItem.schema).deleteField("archive_stage").update()
    }
}

/// Notifications, the body's webhook and its delivery log, and the day each body was last swept.
struct CreateNotificationTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Notification.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("body_id", .uuid, .required, .references(PublicBody.schema, "id", onDelete: .restrict))
            .field("kind", .string, .required)
            .field("message", .string, .required)
            .field("link", .string, .required)
            .field("dedupe_key", .string, .required)
            .field("read_at", .datetime)
            .field("created_at", .datetime)
            .unique(on: "user_id", "dedupe_key")
            .create()
        try await database.schema(WebhookDelivery.schema)
            .id()
            .field("body_id", .uuid, .required, .references(PublicBody.schema, "id", onDelete: .restrict))
            .field("event", .string, .required)
            .field("payload", .string, .required)
            .field("status", .string, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .datetime, .required)
            .field("delivered_at", .datetime)
            .field("created_at", .datetime)
            .create()
        try await database.schema(WebhookAttempt.schema)
            .id()
            .field("delivery_id", .uuid, .required, .references(WebhookDelivery.schema, "id", onDelete: .cascade))
            .field("attempted_at", .datetime, .required)
            .field("url", .string, .required)
            .field("status_code", .int)
            .field("error", .string)
            .field("duration_ms", .int, .required)
            .create()
        try await database.schema(PublicBody.schema).field("webhook_url", .string).update()
        try await database.schema(PublicBody.schema).field("webhook_secret", .string).update()
        try await database.schema(PublicBody.schema).field("last_swept_on", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PublicBody.schema).deleteField("last_swept_on").update()
        try await database.schema(PublicBody.schema).deleteField("webhook_secret").update()
        try await database.schema(PublicBody.schema).deleteField("webhook_url").update()
        try await database.schema(WebhookAttempt.schema).delete()
        try await database.schema(WebhookDelivery.schema).delete()
        try await database.schema(Notification.schema).delete()
    }
}
