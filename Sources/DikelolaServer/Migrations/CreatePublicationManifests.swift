import Fluent
import SQLKit

/// Each body's publication key and each version's signed manifest (`PublicationSigning`).
struct CreatePublicationManifests: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { throw SearchIndexError.notSQL }
        try await sql.raw(
            """
            CREATE TABLE \(ident: PublicationSigning.keyTable) (
                body_id TEXT PRIMARY KEY, private_key TEXT NOT NULL, public_key TEXT NOT NULL)
            """
        ).run()
        try await sql.raw(
            """
            CREATE TABLE \(ident: PublicationSigning.manifestTable) (
                body_id TEXT NOT NULL, version INTEGER NOT NULL, manifest TEXT NOT NULL, signature TEXT NOT NULL,
                sha256 TEXT NOT NULL, PRIMARY KEY (body_id, version))
            """
        ).run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { throw SearchIndexError.notSQL }
        try await sql.raw("DROP TABLE \(ident: PublicationSigning.manifestTable)").run()
        try await sql.raw("DROP TABLE \(ident: PublicationSigning.keyTable)").run()
    }
}
