import Fluent

/// Notifications, the body's webhook and its delivery log, and the day each body was last swept.
struct CreateNotificationTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Notification.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("body_id", .uuid, .required, .references(PublicBody.schema, "id", onDelete: .restrict))
            .field("kind", .string, .required)
            .field("message", .string, .required)
            .field("link", .string, .required)
            .field("dedupe_key", .string, .required)
            .field("read_at", .datetime)
            .field("created_at", .datetime)
            .unique(on: "user_id", "dedupe_key")
            .create()
        try await database.schema(WebhookDelivery.schema)
            .id()
            .field("body_id", .uuid, .required, .references(PublicBody.schema, "id", onDelete: .restrict))
            .field("event", .string, .required)
            .field("payload", .string, .required)
            .field("status", .string, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .datetime, .required)
            .field("delivered_at", .datetime)
            .field("created_at", .datetime)
            .create()
        try await database.schema(WebhookAttempt.schema)
            .id()
            .field("delivery_id", .uuid, .required, .references(WebhookDelivery.schema, "id", onDelete: .cascade))
            .field("attempted_at", .datetime, .required)
            .field("url", .string, .required)
            .field("status_code", .int)
            .field("error", .string)
            .field("duration_ms", .int, .required)
            .create()
        try await database.schema(PublicBody.schema).field("webhook_url", .string).update()
        try await database.schema(PublicBody.schema).field("webhook_secret", .string).update()
        try await database.schema(PublicBody.schema).field("last_swept_on", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PublicBody.schema).deleteField("last_swept_on").update()
        try await database.schema(PublicBody.schema).deleteField("webhook_secret").update()
        try await database.schema(PublicBody.schema).deleteField("webhook_url").update()
        try await database.schema(WebhookAttempt.schema).delete()
        try await database.schema(WebhookDelivery.schema).delete()
        try await database.schema(Notification.schema).delete()
    }
}
