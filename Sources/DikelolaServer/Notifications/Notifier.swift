import Crypto
import DikelolaCore
import Fluent
import Foundation
import SQLKit
import Vapor

/// Tells people what concerns them, in the same transaction as the change: a notification for each
/// person whose role covers the place, and (when the body has one) an event for its webhook.
enum Notifier {
    struct Message {
        let kind: NotificationKind
        let text: String
        let link: String
        /// One fact is told to a person once, however often it is recorded.
        let dedupeKey: String
    }

    /// Notifies every active person holding one of `roles` whose reach covers `place`.
    static func tell(
        _ message: Message, roles: Set<Role>, place: Authorization.Place, bodyID: UUID, on db: any Database
    ) async throws {
        for user in try await AccessQueries.holders(of: roles, covering: place, on: db) {
            try await tell(message, userID: try user.requireID(), bodyID: bodyID, on: db)
        }
    }

    static func tell(_ message: Message, userID: UUID, bodyID: UUID, on db: any Database) async throws {
        let exists = try await Notification.query(on: db).filter(\.$user.$id == userID)
            .filter(\.$dedupeKey == message.dedupeKey).count()
        guard exists == 0 else { return }
        let notification = Notification()
        notification.$user.id = userID
        notification.$body.id = bodyID
        notification.kind = message.kind
        notification.message = message.text
        notification.link = message.link
        notification.dedupeKey = message.dedupeKey
        try await notification.create(on: db)
    }

    /// Queues `event` for the body's webhook, if it has one. The payload carries what the register
    /// publishes (numbers, titles, dates), never exempted content.
    static func emit(_ event: String, data: [String: String], bodyID: UUID, now: Date, on db: any Database) async throws {
        guard let body = try await PublicBody.find(bodyID, on: db), body.webhookURL?.nilIfBlank != nil else { return }
        struct Payload: Encodable {
            let event: String
            let occurredAt: Date
            let body: [String: String]
            let data: [String: String]
        }
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        let payload = Payload(
            event: event, occurredAt: now, body: ["id": bodyID.uuidString.lowercased(), "name": body.name, "slug": body.slug],
            data: data)
        let delivery = WebhookDelivery()
        delivery.$body.id = bodyID
        delivery.event = event
        delivery.payload = String(decoding: try encoder.encode(payload), as: UTF8.self)
        delivery.status = .pending
        delivery.attempts = 0
        delivery.nextAttemptAt = now
        try await delivery.create(on: db)
    }
}

/// Delivers queued webhook events: a JSON POST signed with HMAC-SHA256 over
/// `timestamp + "." + body` with the body's secret, retried with back-off, every attempt logged.
enum WebhookSender {
    /// Waits after the 1st, 2nd, … failed attempt; after the last the delivery is marked failed.
    static let backoff: [TimeInterval] = [60, 5 * 60, 30 * 60, 2 * 3600, 12 * 3600]
    static var maxAttempts: Int { backoff.count + 1 }
    /// How long a claimed delivery is reserved for the instance sending it.
    static let lease: TimeInterval = 120

    /// The signature header's value for `payload` sent at `timestamp`.
    static func signature(payload: String, timestamp: Int, secret: String) -> String {
        let key = SymmetricKey(data: Data(secret.utf8))
        let mac = HMAC<SHA256>.authenticationCode(for: Data("\(timestamp).\(payload)".utf8), using: key)
        return "sha256=" + mac.map { String(format: "%02x", $0) }.joined()
    }

    /// A fresh secret for a body's webhook: 32 random bytes, hex.
    static func newSecret() -> String {
        SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }.map { String(format: "%02x", $0) }.joined()
    }

    struct Report: Equatable {
        var delivered = 0
        var retried = 0
        var failed = 0
    }

    /// Sends every delivery that is due at `now`.
    @discardableResult
    static func deliverDue(app: Application, now: Date) async throws -> Report {
        var report = Report()
        let due = try await WebhookDelivery.query(on: app.db).filter(\.$status == .pending).filter(\.$nextAttemptAt <= now)
            .sort(\.$nextAttemptAt).limit(50).all()
        for candidate in due {
            guard let id = candidate.id, let claimed = try await claim(id, app: app, now: now) else { continue }
            let (delivery, url, secret) = claimed
            let started = Date()
            var statusCode: Int?
            var failure: String?
            do {
                statusCode = try await post(delivery, url: url, secret: secret, now: now, app: app)
            } catch {
                failure = String(describing: error)
            }
            DikelolaMetrics.webhookAttempts.increment()
            let ok = statusCode.map { (200..<300).contains($0) } ?? false
            if !ok && failure == nil { failure = "HTTP \(statusCode ?? 0)" }
            let (code, error, elapsed) = (statusCode, failure, Int(Date().timeIntervalSince(started) * 1000))
            let outcome = try await app.writeTransaction { db -> String in
                let attempt = WebhookAttempt()
                attempt.$delivery.id = id
                attempt.attemptedAt = now
                attempt.url = url
                attempt.statusCode = code
                attempt.error = error
                attempt.durationMS = elapsed
                try await attempt.create(on: db)
                if ok {
                    delivery.status = .delivered
                    delivery.deliveredAt = now
                } else if delivery.attempts >= maxAttempts {
                    delivery.status = .failed
                } else {
                    delivery.nextAttemptAt = now.addingTimeInterval(backoff[delivery.attempts - 1])
                }
                try await delivery.save(on: db)
                return ok ? "delivered" : delivery.status == .failed ? "failed" : "retried"
            }
            switch outcome {
            case "delivered": report.delivered += 1
            case "failed": report.failed += 1
            default: report.retried += 1
            }
        }
        return report
    }

    /// Reserves a due delivery for this instance (on PostgreSQL skipping rows another holds).
    private static func claim(_ id: UUID, app: Application, now: Date) async throws -> (WebhookDelivery, String, String)? {
        try await app.writeTransaction { db in
            if let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" {
                struct Row: Decodable { let id: UUID }
                let rows = try await sql.raw(
                    "SELECT id FROM webhook_deliveries WHERE id = \(bind: id) FOR UPDATE SKIP LOCKED"
                ).all(decoding: Row.self)
                if rows.isEmpty { return nil }
            }
            guard let delivery = try await WebhookDelivery.find(id, on: db), delivery.status == .pending,
                delivery.nextAttemptAt <= now
            else { return nil }
            guard let body = try await PublicBody.find(delivery.$body.id, on: db), let url = body.webhookURL?.nilIfBlank,
                let secret = body.webhookSecret
            else {
                delivery.status = .failed
                try await delivery.save(on: db)
                return nil
            }
            delivery.attempts += 1
            delivery.nextAttemptAt = now.addingTimeInterval(lease)
            try await delivery.save(on: db)
            return (delivery, url, secret)
        }
    }

    private static func post(_ delivery: WebhookDelivery, url: String, secret: String, now: Date, app: Application)
        async throws -> Int
    {
        let timestamp = Int(now.timeIntervalSince1970)
        var headers = HTTPHeaders()
        headers.add(name: .contentType, value: "application/json; charset=utf-8")
        headers.add(name: .userAgent, value: "Dikelola-Webhook/1")
        headers.add(name: "X-Dikelola-Event", value: delivery.event)
        headers.add(name: "X-Dikelola-Delivery", value: delivery.id?.uuidString.lowercased() ?? "")
        headers.add(name: "X-Dikelola-Timestamp", value: String(timestamp))
        headers.add(
            name: "X-Dikelola-Signature", value: signature(payload: delivery.payload, timestamp: timestamp, secret: secret))
        let payload = delivery.payload
        // A deadline for the whole exchange, connecting included: a receiver that never answers
        // is a failed attempt, retried later, not a stalled sweep.
        let seconds = Int64(app.dikelola.configuration.webhookTimeoutSeconds)
        let request = ClientRequest(
            method: .POST, url: URI(string: url), headers: headers, body: ByteBuffer(string: payload),
            timeout: .seconds(seconds))
        let response = try await app.client.send(request)
        return Int(response.status.code)
    }
}
