import Fluent

/// The public bodies a deployment serves.
struct CreatePublicBody: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PublicBody.schema)
            .id()
            .field("slug", .string, .required)
            .field("name", .string, .required)
            .field("region", .string, .required)
            .field("time_zone", .string, .required)
            .field("letterhead_lines", .array(of: .string), .required)
            .field("decree_number_template", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "slug")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PublicBody.schema).delete()
    }
}
