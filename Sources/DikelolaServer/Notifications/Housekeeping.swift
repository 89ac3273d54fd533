import Fluent
import Foundation
import Vapor

/// What nobody needs any more, removed once an hour by the background loop: browser sessions
/// unused for a day (sign-in lapses after two idle hours anyway), sign-in attempts and delivered
/// webhook events with their attempts older than `DIKELOLA_HOUSEKEEPING_DAYS` (default 30).
/// Failed webhook events stay for the administrator to read. The audit history is never touched.
enum Housekeeping {
    /// The key the session driver stamps with the time of each write (seconds since 1970).
    static let sessionTouchedKey = "_touched"
    static let sessionLifetime: TimeInterval = 24 * 3600

    struct Removed: Equatable {
        var sessions = 0
        var signInAttempts = 0
        var webhookDeliveries = 0

        var total: Int { sessions + signInAttempts + webhookDeliveries }
        var description: String {
            "Pembersihan: \(sessions) sesi kedaluwarsa, \(signInAttempts) catatan percobaan masuk, \(webhookDeliveries) webhook terkirim dihapus."
        }
    }

    static func run(_ app: Application, now: Date) async throws -> Removed {
        let keep = TimeInterval(app.dikelola.configuration.housekeepingDays) * 86_400
        let cutoff = now.addingTimeInterval(-keep)
        var removed = Removed()
        removed.sessions = try await expiredSessions(app, now: now)
        removed.signInAttempts = try await app.writeTransaction { db in
            let old = LoginAttempt.query(on: db).filter(\.$occurredAt < cutoff)
            let count = try await old.count()
            try await LoginAttempt.query(on: db).filter(\.$occurredAt < cutoff).delete()
            return count
        }
        removed.webhookDeliveries = try await app.writeTransaction { db in
            let delivered = try await WebhookDelivery.query(on: db).filter(\.$status == .delivered)
                .filter(\.$deliveredAt < cutoff).field(\.$id).limit(5000).all().compactMap(\.id)
            guard !delivered.isEmpty else { return 0 }
            try await WebhookAttempt.query(on: db).filter(\.$delivery.$id ~~ delivered).delete()
            try await WebhookDelivery.query(on: db).filter(\.$id ~~ delivered).delete()
            return delivered.count
        }
        DikelolaMetrics.housekeepingRemoved.increment(by: Int64(removed.total))
        return removed
    }

    /// Sessions whose last write is older than a day, read a page at a time. A session written
    /// before the stamp existed is stamped now, and goes a day later if unused.
    private static func expiredSessions(_ app: Application, now: Date) async throws -> Int {
        var removed = 0
        var after: UUID?
        while true {
            var page = SessionRecord.query(on: app.db).sort(\.$id).limit(500)
            if let after { page = page.filter(\.$id > after) }
            let records = try await page.all()
            guard let last = records.last else { break }
            after = last.id
            var expired: [UUID] = []
            var unstamped: [SessionRecord] = []
            for record in records {
                if let stamp = record.data[sessionTouchedKey].flatMap(Double.init) {
                    if now.timeIntervalSince1970 - stamp > sessionLifetime, let id = record.id { expired.append(id) }
                } else {
                    unstamped.append(record)
                }
            }
            if !expired.isEmpty || !unstamped.isEmpty {
                let stale = expired, toStamp = unstamped
                try await app.writeTransaction { db in
                    if !stale.isEmpty { try await SessionRecord.query(on: db).filter(\.$id ~~ stale).delete() }
                    for record in toStamp {
                        record.data[sessionTouchedKey] = String(Int(now.timeIntervalSince1970))
                        try await record.update(on: db)
                    }
                }
                removed += stale.count
            }
            if records.count < 500 { break }
        }
        return removed
    }
}
