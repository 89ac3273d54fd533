import Fluent

/// Where the body sits ("Sanggau"), printed as the place of its decrees (PP 61/2010 Ps 4).
struct UpdatePublicBodyAddSeat: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PublicBody.schema).field("seat", .string, .required, .sql(.default(""))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PublicBody.schema).deleteField("seat").update()
    }
}
