import Fluent
import SQLKit

/// SQLite: the full-text table gains the `facets` column, refilled from the index's own rows.
struct UpdateSearchIndexAddFacets: AsyncMigration {
    /// The name it has run under since it was `SearchIndex.AddFacets`.
    var name: String { "DikelolaServer.SearchIndex.AddFacets" }

    func prepare(on database: any Database) async throws { try await rebuild(database, facets: true) }

    func revert(on database: any Database) async throws { try await rebuild(database, facets: false) }

    /// Drops the full-text table and makes it again, with or without `facets`, from the index's rows.
    private func rebuild(_ database: any Database, facets: Bool) async throws {
        guard let sql = database as? any SQLDatabase else { throw SearchIndexError.notSQL }
        guard sql.dialect.name != "postgresql" else { return }
        let columns = "title, description, reason, consequences, entry_id" + (facets ? ", facets" : "")
        let values =
            "title, description, reason, consequences, entry_id"
            + (facets
                ? ", 'b' || lower(hex(body_slug)) || ' u' || lower(hex(unit)) || ' g' || lower(ground_letter)"
                    + " || CASE WHEN end_year IS NULL THEN '' ELSE ' y' || end_year END || ' s' || lower(status)"
                : "")
        try await sql.raw("DROP TABLE \(unsafeRaw: SearchIndex.fts)").run()
        try await sql.raw(
            """
            CREATE VIRTUAL TABLE \(unsafeRaw: SearchIndex.fts) USING fts5(
              \(unsafeRaw: columns), tokenize = 'unicode61 remove_diacritics 2')
            """
        ).run()
        try await sql.raw(
            """
            INSERT INTO \(unsafeRaw: SearchIndex.fts) (rowid, \(unsafeRaw: columns))
            SELECT row_id, \(unsafeRaw: values) FROM \(unsafeRaw: SearchIndex.table)
            """
        ).run()
    }
}
