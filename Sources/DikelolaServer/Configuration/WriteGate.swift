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

/// Runs `body` in one transaction: everything it writes, and the audit events it records, are
/// saved together or not at all. On SQLite the transactions of this process queue at the write gate.
enum WriteTransaction {
    static func run<T: Sendable>(
        on db: any Database, services: CoreServices, _ body: @escaping @Sendable (any Database) async throws -> T
    ) async throws -> T {
        guard services.configuration.database.kindName == "sqlite" else { return try await db.transaction(body) }
        let gate = services.writeGate
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

extension Application {
    /// One write transaction on the application's database (see `WriteTransaction`).
    @discardableResult
    func writeTransaction<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        try await WriteTransaction.run(on: db, services: dikelola, body)
    }
}

/// Browser sessions in the database, written through the write gate on SQLite like every other
/// write: a session saved beside a transaction that read first would otherwise make that
/// transaction fail with "database is locked" (found: 62 of 300 refused posts answered 500).
struct GatedSessionDriver: SessionDriver {
    let base: any SessionDriver

    private func gated<T: Sendable>(_ request: Request, _ write: @escaping @Sendable () -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        guard request.application.dikelola.configuration.database.kindName == "sqlite" else { return write() }
        let gate = request.application.dikelola.writeGate
        return request.eventLoop.makeFutureWithTask {
            await gate.acquire()
            do {
                let value = try await write().get()
                await gate.release()
                return value
            } catch {
                await gate.release()
                throw error
            }
        }
    }

    func createSession(_ data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        let data = Self.stamped(data, request)
        return gated(request) { base.createSession(data, for: request) }
    }

    /// Each write carries its time, so the housekeeping can remove sessions nobody uses.
    private static func stamped(_ data: SessionData, _ request: Request) -> SessionData {
        var data = data
        data[Housekeeping.sessionTouchedKey] = String(Int(request.application.dikelola.clock.now().timeIntervalSince1970))
        return data
    }

    func readSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<SessionData?> {
        base.readSession(sessionID, for: request)
    }

    func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        let data = Self.stamped(data, request)
        return gated(request) { base.updateSession(sessionID, to: data, for: request) }
    }

    func deleteSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<Void> {
        gated(request) { base.deleteSession(sessionID, for: request) }
    }
}
