import Fluent
import Foundation
import SQLKit

/// A record officers change through several requests (a proposal, an opening or re-classification),
/// guarded by a version number so a change made on an older view is refused.
protocol VersionedRecord: Model where IDValue == UUID {
    var version: Int { get set }
}

extension Proposal: VersionedRecord {}
extension PeriodAction: VersionedRecord {}

/// The one way to change a versioned record: in one write transaction, the row held (PostgreSQL),
/// the stored version re-read and compared with the one the change was prepared on, the change and
/// its audit event written, and the version raised.
enum VersionedWrite {
    static func change<Record: VersionedRecord>(
        _ record: Record, acting: Acting, _ body: @escaping @Sendable (any Database) async throws -> Void
    ) async throws {
        let id = try record.requireID()
        let expected = record.version
        try await acting.write { db in
            try await lock(Record.self, id, on: db)
            guard let stored = try await Record.find(id, on: db), stored.version == expected else {
                throw ProcedureError.staleVersion
            }
            try await body(db)
            record.version = expected + 1
            try await record.save(on: db)
        }
    }

    /// Holds the record's row until the transaction ends (PostgreSQL; SQLite writes one at a time).
    static func lock<Record: VersionedRecord>(_ type: Record.Type, _ id: UUID, on db: any Database) async throws {
        try await lockRow(of: Record.self, id, on: db)
    }

    /// Holds any model's row until the transaction ends (PostgreSQL; SQLite writes one at a time).
    static func lockRow<Record: Model>(of type: Record.Type, _ id: UUID, on db: any Database) async throws where Record.IDValue == UUID {
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" else { return }
        try await sql.raw("SELECT id FROM \(ident: Record.schema) WHERE id = \(bind: id) FOR UPDATE").run()
    }
}
