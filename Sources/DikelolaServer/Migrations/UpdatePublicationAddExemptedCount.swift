import Fluent

/// How many entries a version lists as exempted, so the public home page counts without decoding
/// every body's snapshot. Versions recorded before this migration have none and are decoded once.
struct UpdatePublicationAddExemptedCount: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Publication.schema).field("exempted_count", .int).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Publication.schema).deleteField("exempted_count").update()
    }
}
