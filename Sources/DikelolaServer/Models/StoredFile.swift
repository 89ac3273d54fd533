import Fluent
import Foundation

/// A stored file — a letterhead logo now, decree scans and documents later. The bytes live in the
/// database, so every app instance sharing one PostgreSQL database serves the same files and a
/// database backup holds them all; nothing sits under a public path.
final class StoredFile: Model, @unchecked Sendable {
    static let schema = "stored_files"

    @ID(key: .id) var id: UUID?
    @Field(key: "sha256") var sha256: String
    @Field(key: "size") var size: Int
    /// From the content, not the name (see `SniffedType`).
    @Field(key: "content_type") var contentType: String
    /// As uploaded, for downloads; never used as a path.
    @Field(key: "original_name") var originalName: String
    @Field(key: "data") var data: Data
    @OptionalField(key: "created_by") var createdBy: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(sha256: String, size: Int, contentType: String, originalName: String, data: Data, createdBy: String?) {
        self.sha256 = sha256
        self.size = size
        self.contentType = contentType
        self.originalName = originalName
        self.data = data
        self.createdBy = createdBy
    }
}

extension Model where IDValue == UUID {
    /// The id of a model read from the database, which always has one. A model never saved has
    /// none; it then reads as the all-zero UUID, which matches no row, instead of stopping the
    /// process as `id!` would.
    var storedID: UUID { id ?? UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)) }
}
