import DikelolaCore
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Anonymous refusals (a forged or expired form, a flood of posts) counted per action, address and
/// minute, and written to the audit history as one event per count once its minute has passed.
/// A flood then costs a counter per request, not a write: the database and the audit chain stay
/// free for the officers. Refusals of a signed-in person are audited one by one as before.
final class RefusalTally: Sendable {
    struct Key: Hashable, Sendable {
        let action: AuditAction
        let address: String
        /// Seconds since 1970 of the minute's start.
        let minute: Int64
    }

    /// Distinct keys held before further addresses are counted together under "lainnya".
    static let maximumKeys = 10_000
    private let counts = NIOLockedValueBox<[Key: Int]>([:])

    func count(action: AuditAction, address: String, at instant: Date) {
        let minute = Int64((instant.timeIntervalSince1970 / 60).rounded(.down)) * 60
        counts.withLockedValue { counts in
            var key = Key(action: action, address: address, minute: minute)
            if counts[key] == nil, counts.count >= Self.maximumKeys {
                key = Key(action: action, address: "lainnya", minute: minute)
            }
            counts[key, default: 0] += 1
        }
    }

    /// Takes the counts of minutes before `now`'s (all of them when `everything`).
    func take(before now: Date, everything: Bool = false) -> [(key: Key, count: Int)] {
        let current = Int64((now.timeIntervalSince1970 / 60).rounded(.down)) * 60
        return counts.withLockedValue { counts in
            let done = counts.filter { everything || $0.key.minute < current }
            for key in done.keys { counts[key] = nil }
            return done.map { (key: $0.key, count: $0.value) }.sorted { ($0.key.minute, $0.key.address) < ($1.key.minute, $1.key.address) }
        }
    }

    /// Writes the finished minutes as audit events, in one transaction.
    static func flush(_ app: Application, now: Date, everything: Bool = false) async throws {
        let done = app.dikelola.refusals.take(before: now, everything: everything)
        guard !done.isEmpty else { return }
        try await app.writeTransaction { db in
            for (key, count) in done {
                let minute = Date(timeIntervalSince1970: TimeInterval(key.minute))
                try await AuditLog.record(
                    AuditChain.Draft(
                        occurredAt: minute, actorID: nil, actorRole: nil, action: key.action, targetType: .request,
                        targetID: nil, bodyID: nil,
                        summaryAfter: "\(count) permintaan tanpa sesi masuk ditolak dalam menit ini",
                        clientAddress: key.address),
                    on: db)
            }
        }
    }

    struct Flusher: LifecycleHandler {
        func shutdownAsync(_ application: Application) async {
            try? await RefusalTally.flush(application, now: application.dikelola.clock.now(), everything: true)
        }
    }
}
