import Fluent
import Foundation

/// A person who signs in: an officer, a head, an administrator.
final class User: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    /// Signs in with it; stored lower-case, unique.
    @Field(key: "email") var email: String
    @Field(key: "name") var name: String
    /// Jabatan, as printed under a signature.
    @Field(key: "position") var position: String
    /// Nomor Induk Pegawai, 18 digits without spaces, validated by `NIP`.
    @OptionalField(key: "nip") var nip: String?
    /// Pangkat/golongan, printed under the name of a signer: "Pembina Tingkat I (IV/b)".
    @OptionalField(key: "rank") var rank: String?
    /// bcrypt.
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "is_active") var isActive: Bool
    /// Set for a one-time password: the first sign-in must choose a new one.
    @Field(key: "must_change_password") var mustChangePassword: Bool
    @Field(key: "is_admin") var isAdmin: Bool
    /// Raised when the password changes: sessions of an older epoch are signed out.
    @Field(key: "session_epoch") var sessionEpoch: Int
    @OptionalField(key: "last_login_at") var lastLoginAt: Date?
    /// The administrator who last set this account's password (made it, or reset it), and so knew
    /// it: they may not give it a role, or they could sign in as it and use the role themselves.
    @OptionalField(key: "credentials_set_by") var credentialsSetBy: UUID?
    /// The body the person belongs to; nil for the deployment's own administrators.
    @OptionalParent(key: "home_body_id") var homeBody: PublicBody?
    @Children(for: \.$user) var assignments: [RoleAssignment]
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(
        id: UUID? = nil, email: String, name: String, position: String, nip: String? = nil, passwordHash: String,
        isActive: Bool = true, mustChangePassword: Bool, isAdmin: Bool = false, homeBodyID: UUID? = nil
    ) {
        self.id = id
        self.$homeBody.id = homeBodyID
        self.email = email.lowercased()
        self.name = name
        self.position = position
        self.nip = nip
        self.passwordHash = passwordHash
        self.isActive = isActive
        self.mustChangePassword = mustChangePassword
        self.isAdmin = isAdmin
        self.sessionEpoch = 0
    }
}
