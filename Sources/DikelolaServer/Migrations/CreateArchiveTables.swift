import Fluent

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
