import Fluent
import SQLKit

/// Who last set an account's password, so that administrator cannot also give it a role.
struct UpdateUserAddCredentialsSetBy: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(User.schema).field("credentials_set_by", .uuid).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(User.schema).deleteField("credentials_set_by").update()
    }
}
