import Fluent

/// What stays open of a partly exempted item (UU 14/2008 Ps 22(7)(e)), on the proposal's item,
/// on a re-classified item and on the register entry, so the public entry can say it.
struct UpdateItemsAddOpenPart: AsyncMigration {
    func prepare(on database: any Database) async throws {
        for table in [ProposalItem.schema, PeriodActionItem.schema, RegisterEntry.schema] {
            try await database.schema(table).field("open_part", .string).update()
        }
    }

    func revert(on database: any Database) async throws {
        for table in [ProposalItem.schema, PeriodActionItem.schema, RegisterEntry.schema] {
            try await database.schema(table).deleteField("open_part").update()
        }
    }
}
