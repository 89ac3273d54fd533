import Fluent
import Foundation

/// A code of the body's archive classification (Klasifikasi Arsip), e.g. `800.1.6` "Rekam medis pegawai".
final class ArchiveClass: Model, @unchecked Sendable {
    static let schema = "archive_classes"

    @ID(key: .id) var id: UUID?
    @Parent(key: "body_id") var body: PublicBody
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// A row of the body's retention schedule (JRA) for one classification code.
final class RetentionScheduleRow: Model, @unchecked Sendable {
    static let schema = "retention_schedule"

    @ID(key: .id) var id: UUID?
    @Parent(key: "body_id") var body: PublicBody
    @Field(key: "code") var code: String
    @Field(key: "active_years") var activeYears: Int
    @Field(key: "inactive_years") var inactiveYears: Int
    /// `musnah`, `permanen` or `dinilai kembali` (`RetentionDisposition`).
    @Field(key: "disposition") var disposition: String
    @OptionalField(key: "note") var note: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}

/// The holder's permission for one person to read one inactive record (UU 43/2009: inactive
/// archives are accessed with the holder's permission).
final class ArchivePermission: Model, @unchecked Sendable {
    static let schema = "archive_permissions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "item_id") var item: ProposalItem
    @Parent(key: "user_id") var user: User
    @Field(key: "granted_by") var grantedBy: UUID
    @Field(key: "reason") var reason: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}
