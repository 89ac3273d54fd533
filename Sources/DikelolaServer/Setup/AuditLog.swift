import DikelolaCore
import Fluent
import Foundation
import SQLKit

/// Appends events to the audit chain. Call it inside the transaction of the change it records, so
/// that the change and its event are written together or not at all.
enum AuditLog {
    /// Appends `draft` after the last event. On PostgreSQL a transaction-scoped advisory lock
    /// serialises appends across app instances; SQLite serialises writers itself. The unique
    /// sequence is the last guard either way.
    @discardableResult
    static func record(_ draft: AuditChain.Draft, on database: any Database) async throws -> AuditEvent {
        if let sql = database as? any SQLDatabase, sql.dialect.name == "postgresql" {
            // One chain per schema: the key names the schema too (one in production; the tests run
            // side by side in schemas of their own and must not queue behind each other).
            try await sql.raw(
                "SELECT pg_advisory_xact_lock(hashtextextended(\(literal: Self.postgresLockName) || current_schema(), 0))"
            ).run()
        }
        let last = try await AuditEvent.query(on: database).sort(\.$sequence, .descending).first()
        let event = AuditEvent(AuditChain.append(draft, after: last?.record))
        try await event.create(on: database)
        return event
    }

    /// Appends `drafts` in order after the last event, chained in one pass and written in batches:
    /// an import of thousands of rows records each entry's event without a read per event.
    static func recordAll(_ drafts: [AuditChain.Draft], on database: any Database) async throws {
        guard !drafts.isEmpty else { return }
        if let sql = database as? any SQLDatabase, sql.dialect.name == "postgresql" {
            try await sql.raw(
                "SELECT pg_advisory_xact_lock(hashtextextended(\(literal: Self.postgresLockName) || current_schema(), 0))"
            ).run()
        }
        var last = try await AuditEvent.query(on: database).sort(\.$sequence, .descending).first()?.record
        var events: [AuditEvent] = []
        events.reserveCapacity(drafts.count)
        for draft in drafts {
            let record = AuditChain.append(draft, after: last)
            events.append(AuditEvent(record))
            last = record
        }
        var start = 0
        while start < events.count {
            let end = min(start + 200, events.count)
            try await Array(events[start..<end]).create(on: database)
            start = end
        }
    }

    /// Names the audit append lock (with the schema).
    static let postgresLockName = "dikelola-audit:"

    /// Recomputes the whole chain in batches; the first break, or nil with the count checked.
    static func verify(on database: any Database, batchSize: Int = 1000) async throws -> (
        checked: Int, firstBreak: AuditChain.Break?
    ) {
        var previous: AuditRecord?
        var checked = 0
        while true {
            let batch = try await AuditEvent.query(on: database)
                .filter(\.$sequence > (previous?.sequence ?? 0))
                .sort(\.$sequence, .ascending)
                .limit(batchSize)
                .all()
                .map(\.record)
            if batch.isEmpty { return (checked, nil) }
            if let found = AuditChain.firstBreak(in: batch, after: previous) { return (checked, found) }
            checked += batch.count
            previous = batch.last
        }
    }

    /// Recomputes the chain from event `first` to its head, trusting the event before `first` as
    /// the starting link: a dossier's proof that an entry's events are intact and still lead to the
    /// head of the chain. The number checked, the first break, and the head.
    static func verifySegment(from first: Int, on database: any Database, batchSize: Int = 1000) async throws -> (
        checked: Int, problem: String?, head: AuditRecord?
    ) {
        var previous = try await AuditEvent.query(on: database).filter(\.$sequence == first - 1).first()?.record
        var checked = 0
        var last: AuditRecord?
        while true {
            let batch = try await AuditEvent.query(on: database)
                .filter(\.$sequence >= max(first, (previous?.sequence ?? 0) + 1))
                .sort(\.$sequence, .ascending).limit(batchSize).all().map(\.record)
            guard !batch.isEmpty else { return (checked, nil, last) }
            if first > 1, previous == nil {
                return (checked, "Rantai audit terputus: peristiwa #\(first - 1) sebelum segmen ini tidak ada (dihapus?).", last)
            }
            if let found = AuditChain.firstBreak(in: batch, after: previous) { return (checked, found.description, last) }
            checked += batch.count
            previous = batch.last
            last = batch.last
        }
    }

    /// The actor name used for events the system itself causes (first start, demo, sweeps).
    static let systemActor = "system"
}
