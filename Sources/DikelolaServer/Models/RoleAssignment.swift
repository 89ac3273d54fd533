import DikelolaCore
import Fluent
import Foundation

/// One role held by one person in one unit: (role, unit). A person may hold several.
final class RoleAssignment: Model, @unchecked Sendable {
    static let schema = "role_assignments"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Parent(key: "unit_id") var unit: Unit
    /// A `Role` raw value.
    @Field(key: "role") var role: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(id: UUID? = nil, userID: UUID, unitID: UUID, role: Role) {
        self.id = id
        self.$user.id = userID
        self.$unit.id = unitID
        self.role = role.rawValue
    }
}
