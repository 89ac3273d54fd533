import Fluent
import Foundation

/// Something a person should know: an entry ending soon, one opened, one due for review, an
/// opening waiting for approval. Steps waiting and overdue are computed live, not stored.
final class Notification: Model, @unchecked Sendable {
    static let schema = "notifications"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Parent(key: "body_id") var body: PublicBody
    @Field(key: "kind") var kind: NotificationKind
    @Field(key: "message") var message: String
    @Field(key: "link") var link: String
    /// The same fact is told to a person once.
    @Field(key: "dedupe_key") var dedupeKey: String
    @OptionalField(key: "read_at") var readAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// What a notification tells of.
enum NotificationKind: String, Codable, Sendable, CaseIterable {
    /// An entry's opening decree is due (PP 61/2010 Ps 11(2)).
    case endingSoon
    /// An event-bound entry's review date has come.
    case reviewDue
    case opened
    case openedByLaw
    case reclassified
    /// An opening or re-classification waits for the head's approval.
    case actionAwaiting
    /// The head returned one to the PPID.
    case actionReturned
    /// An entry's opening decree or review is late.
    case overdue
    /// A proposal's next step waits for the person.
    case stepAwaiting
    /// A proposal was returned ("tidak setuju") to a step the person does.
    case stepReturned
}

/// Where a webhook event stands: waiting for its next attempt, delivered, or given up after the
/// last retry.
enum DeliveryStatus: String, Codable, Sendable, CaseIterable {
    case pending
    case delivered
    case failed
}

/// An event to POST to the body's webhook, kept until delivered (an outbox written in the same
/// transaction as the change it tells of).
final class WebhookDelivery: Model, @unchecked Sendable {
    static let schema = "webhook_deliveries"

    @ID(key: .id) var id: UUID?
    @Parent(key: "body_id") var body: PublicBody
    @Field(key: "event") var event: String
    /// The exact JSON body sent (and signed).
    @Field(key: "payload") var payload: String
    @Field(key: "status") var status: DeliveryStatus
    @Field(key: "attempts") var attempts: Int
    @Field(key: "next_attempt_at") var nextAttemptAt: Date
    @OptionalField(key: "delivered_at") var deliveredAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// One attempt to deliver a webhook event: when, where, and what came back.
final class WebhookAttempt: Model, @unchecked Sendable {
    static let schema = "webhook_attempts"

    @ID(key: .id) var id: UUID?
    @Parent(key: "delivery_id") var delivery: WebhookDelivery
    @Field(key: "attempted_at") var attemptedAt: Date
    @Field(key: "url") var url: String
    @OptionalField(key: "status_code") var statusCode: Int?
    @OptionalField(key: "error") var error: String?
    @Field(key: "duration_ms") var durationMS: Int

    init() {}
}
