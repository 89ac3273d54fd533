import Fluent

/// Objections and disputes over exempted entries, their decisions, and the decision that opened
/// an entry (UU 14/2008 Ps 35–50).
struct CreateDisputes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(InformationDispute.schema)
            .id()
            .field("body_id", .uuid, .required, .references(PublicBody.schema, "id"))
            .field("unit_id", .uuid, .required, .references(Unit.schema, "id"))
            .field("entry_id", .uuid, .required, .references(RegisterEntry.schema, "id"))
            .field("request_reference", .string, .required)
            .field("refused_on", .string, .required)
            .field("objection_received_on", .string)
            .field("commission_filed_on", .string)
            .field("recorded_by", .uuid, .required)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.schema(Ruling.schema)
            .id()
            .field("body_id", .uuid, .required, .references(PublicBody.schema, "id"))
            .field("entry_id", .uuid, .required, .references(RegisterEntry.schema, "id"))
            .field("dispute_id", .uuid, .required, .references(InformationDispute.schema, "id"))
            .field("kind", .string, .required)
            .field("number", .string, .required)
            .field("ruling_date", .string, .required)
            .field("issuer", .string, .required)
            .field("order", .string, .required)
            .field("order_text", .string, .required)
            .field("has_legal_force", .bool, .required)
            .field("legal_force_on", .string)
            .field("document_id", .uuid, .required, .references(StoredFile.schema, "id"))
            .field("document_sha256", .string, .required)
            .field("opened_on", .string)
            .field("recorded_by", .uuid, .required)
            .field("created_at", .datetime)
            .create()
        // SQLite changes a table one column at a time.
        try await database.schema(RegisterEntry.schema).field("opening_ruling_id", .uuid).update()
        try await database.schema(PublicInformationEntry.schema).field("ruling_id", .uuid).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PublicInformationEntry.schema).deleteField("ruling_id").update()
        try await database.schema(RegisterEntry.schema).deleteField("opening_ruling_id").update()
        try await database.schema(Ruling.schema).delete()
        try await database.schema(InformationDispute.schema).delete()
    }
}
