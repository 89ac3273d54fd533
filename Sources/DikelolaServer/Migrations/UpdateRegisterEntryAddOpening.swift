import Fluent

/// When and how an entry stopped being exempted: opened by a decree, or by law on its end date
/// (PP 61/2010 Ps 11(3)). And when the daily sweep last looked at it.
struct UpdateRegisterEntryAddOpening: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(RegisterEntry.schema).field("opened_on", .string).update()
        try await database.schema(RegisterEntry.schema).field("opened_by_law", .bool, .required, .sql(.default(false))).update()
        try await database.schema(RegisterEntry.schema).field("opening_decree_due", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(RegisterEntry.schema).deleteField("opening_decree_due").update()
        try await database.schema(RegisterEntry.schema).deleteField("opened_by_law").update()
        try await database.schema(RegisterEntry.schema).deleteField("opened_on").update()
    }
}
