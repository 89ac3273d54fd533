import DikelolaCore
import Fluent
import Foundation

/// A decree PDF signed electronically (PAdES), as signed: the file, its SHA-256, who signed with
/// which provider, and when.
final class ElectronicSignature: Model, @unchecked Sendable {
    static let schema = "electronic_signatures"

    @ID(key: .id) var id: UUID?
    @Parent(key: "body_id") var body: PublicBody
    @Parent(key: "decree_id") var decree: Decree
    @Parent(key: "file_id") var file: StoredFile
    @Field(key: "sha256") var sha256: String
    /// The certificate installed here or BSrE's service, as `SigningProvider.label` names it.
    @Field(key: "provider") var provider: String
    @Field(key: "signer_name") var signerName: String
    @Field(key: "signed_by") var signedBy: UUID
    @Field(key: "signed_at") var signedAt: Date

    init() {}
}
