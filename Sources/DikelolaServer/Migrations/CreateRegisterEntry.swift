import Fluent

/// The register of exempted information (DIK).
struct CreateRegisterEntry: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(RegisterEntry.schema)
            .id()
            .field("body_id", .uuid, .required, .references(PublicBody.schema, "id", onDelete: .restrict))
            .field("unit_id", .uuid, .required, .references(Unit.schema, "id", onDelete: .restrict))
            .field("item_id", .uuid, .required, .references(ProposalItem.schema, "id", onDelete: .restrict))
            .field("decree_id", .uuid, .required, .references(Decree.schema, "id", onDelete: .restrict))
            .field("register_number", .string, .required)
            .field("title", .string, .required)
            .field("ground_code", .string, .required)
            .field("other_statute", .string)
            .field("if_opened", .string, .required)
            .field("if_closed", .string, .required)
            .field("verdict", .string, .required)
            .field("parts", .string)
            .field("period", .string, .required)
            .field("end_date", .string)
            .field("review_date", .string)
            .field("reason", .string, .required)
            .field("status", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "body_id", "register_number")
            .create()
    }

    func revert(on database: any Database) async throws { try await database.schema(RegisterEntry.schema).delete() }
}
