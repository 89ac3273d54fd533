import Fluent
import SQLKit

/// Full-text search over what is published: a table of the published fields, with FTS5 beside it on
/// SQLite and a generated tsvector with a GIN index on PostgreSQL.
struct CreateSearchIndex: AsyncMigration {
    /// The name it has run under since it was `SearchIndex.CreateTables`.
    var name: String { "DikelolaServer.SearchIndex.CreateTables" }

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { throw SearchIndexError.notSQL }
        let postgres = sql.dialect.name == "postgresql"
        try await sql.raw(
            """
            CREATE TABLE \(unsafeRaw: SearchIndex.table) (
              \(unsafeRaw: postgres ? "row_id BIGSERIAL PRIMARY KEY" : "row_id INTEGER PRIMARY KEY"),
              body_id TEXT NOT NULL, body_slug TEXT NOT NULL, body_name TEXT NOT NULL, entry_id TEXT NOT NULL,
              unit TEXT NOT NULL, ground TEXT NOT NULL, ground_letter TEXT NOT NULL, end_year INTEGER,
              status TEXT NOT NULL, title TEXT NOT NULL, description TEXT NOT NULL, reason TEXT NOT NULL,
              consequences TEXT NOT NULL, end_date TEXT, sort_key TEXT NOT NULL
              \(unsafeRaw: postgres
                ? ", document tsvector GENERATED ALWAYS AS (to_tsvector('simple', title || ' ' || description || ' ' || reason || ' ' || consequences || ' ' || entry_id)) STORED"
                : "")
            )
            """
        ).run()
        for (name, columns) in [
            ("body", "body_slug, sort_key"), ("status", "status, sort_key"), ("ground", "ground_letter, sort_key"),
            ("year", "end_year, sort_key"), ("order", "sort_key"), ("body_id", "body_id"),
        ] {
            try await sql.raw(
                "CREATE INDEX \(unsafeRaw: SearchIndex.table)_\(unsafeRaw: name) ON \(unsafeRaw: SearchIndex.table) (\(unsafeRaw: columns))"
            ).run()
        }
        if postgres {
            try await sql.raw(
                "CREATE INDEX \(unsafeRaw: SearchIndex.table)_document ON \(unsafeRaw: SearchIndex.table) USING GIN (document)"
            ).run()
        } else {
            try await sql.raw(
                """
                CREATE VIRTUAL TABLE \(unsafeRaw: SearchIndex.fts) USING fts5(
                  title, description, reason, consequences, entry_id,
                  tokenize = 'unicode61 remove_diacritics 2')
                """
            ).run()
        }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { throw SearchIndexError.notSQL }
        if sql.dialect.name != "postgresql" { try await sql.raw("DROP TABLE \(unsafeRaw: SearchIndex.fts)").run() }
        try await sql.raw("DROP TABLE \(unsafeRaw: SearchIndex.table)").run()
    }
}
