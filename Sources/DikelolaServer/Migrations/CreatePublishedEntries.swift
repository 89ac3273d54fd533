import Fluent
import SQLKit

/// Each published entry once, by the SHA-256 of its JSON: a version stores its entries' digests,
/// so a version changing one entry of 2,000 adds one entry's bytes, not the register's (issue 16).
struct CreatePublishedEntries: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { throw SearchIndexError.notSQL }
        try await sql.raw("CREATE TABLE \(ident: PublishedEntries.table) (sha256 TEXT PRIMARY KEY, entry TEXT NOT NULL)").run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { throw SearchIndexError.notSQL }
        try await sql.raw("DROP TABLE \(ident: PublishedEntries.table)").run()
    }
}
