import Fluent
import Vapor

/// Queues write transactions in this process. SQLite allows one writer at a time, and two
/// transactions that both read and then write fail with "database is locked" instead of waiting;
/// queueing them here makes the embedded default safe under concurrent requests. PostgreSQL needs
/// no gate (it has row locks, and the audit chain takes an advisory lock).
actor WriteGate {
    private var busy = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func acquire() async {
        guard busy else {
            busy = true
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    func release() {
        if waiters.isEmpty { busy = false } else { waiters.removeFirst().resume() }
    }
}

extension Application {
    /// Runs `body` in one transaction: everything it writes, and the audit events it records, are
    /// saved together or not at all.
    @discardableResult
    func writeTransaction<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard dikelola.configuration.database.kindName == "sqlite" else { return try await db.transaction(body) }
        let gate = dikelola.writeGate
        await gate.acquire()
        do {
            let result = try await db.transaction(body)
            await gate.release()
            return result
        } catch {
            await gate.release()
            throw error
        }
    }
}
