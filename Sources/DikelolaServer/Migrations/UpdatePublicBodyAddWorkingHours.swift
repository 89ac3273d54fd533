import Fluent

/// The body's working hours, in which SOP time standards in hours and minutes are counted and
/// day standards fall due. Existing bodies get the civil-service schedule.
struct UpdatePublicBodyAddWorkingHours: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PublicBody.schema)
            .field("working_hours", .string, .required, .sql(.default(Self.civilService)))
            .update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PublicBody.schema).deleteField("working_hours").update()
    }

    /// Written into the migration as text, so the migration never changes once shipped.
    static let civilService = "Senin–Kamis 07.30–16.00; Jumat 07.30–16.30"
}
