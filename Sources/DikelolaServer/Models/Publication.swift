import Fluent
import Foundation

/// One published version of a body's public register: the public fields only, frozen as JSON at
/// the moment of a publication event (a decree signed, an entry opened, a correction). Versions
/// are numbered 1, 2, 3… per body and never change; the files of the public site are made from them.
final class Publication: Model, @unchecked Sendable {
    static let schema = "publications"

    @ID(key: .id) var id: UUID?
    @Parent(key: "body_id") var body: PublicBody
    @Field(key: "version") var version: Int
    @Field(key: "published_at") var publishedAt: Date
    @Field(key: "reason") var reason: String
    /// `PublicRegister` as JSON with sorted keys.
    @Field(key: "snapshot") var snapshot: String
    @Field(key: "sha256") var sha256: String
    /// Entries still exempted in this version (nil for versions recorded before it was kept).
    @OptionalField(key: "exempted_count") var exemptedCount: Int?
    /// When a correction rewrote this version (its files are written again), and what it said.
    @OptionalField(key: "corrected_at") var correctedAt: Date?
    @OptionalField(key: "correction") var correction: String?
    /// `PublicRegister.format` of the snapshot (nil for versions recorded before it was kept).
    @OptionalField(key: "format") var format: Int?

    init() {}

    init(
        bodyID: UUID, version: Int, publishedAt: Date, reason: String, snapshot: String, sha256: String, exemptedCount: Int
    ) {
        self.$body.id = bodyID
        self.version = version
        self.publishedAt = publishedAt
        self.reason = reason
        self.snapshot = snapshot
        self.sha256 = sha256
        self.exemptedCount = exemptedCount
    }
}
