import Fluent

/// The format of each published snapshot, so a start compares one number per body instead of
/// rebuilding every body's register (issue 16: start-up took 20–27 s at 100,000 entries).
struct UpdatePublicationAddFormat: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Publication.schema).field("format", .int).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Publication.schema).deleteField("format").update()
    }
}
