import DikelolaCore
import Fluent
import Vapor

/// `dikelola create-admin EMAIL [--name NAME]`: an administrator of the deployment with a
/// one-time password, for servers whose first-start console nobody saw. For an existing account
/// it resets the password (and ends its sessions) instead.
struct CreateAdminCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "email", help: "E-mail untuk masuk")
        var email: String
        @Option(name: "name", help: "Nama yang ditampilkan (bawaan: Administrator)")
        var name: String?
    }

    let help = "Membuat administrator (atau mengatur ulang kata sandinya) dengan kata sandi sekali pakai.\nCreates an administrator (or resets their password) with a one-time password."

    func run(using context: CommandContext, signature: Signature) async throws {
        try await failingClearly {
            let app = context.application
            let email = signature.email.trimmingCharacters(in: .whitespaces).lowercased()
            guard EmailAddress.isPlausible(email) else {
                throw CommandFailure(message: "'\(signature.email)' bukan alamat e-mail.")
            }
            try await Startup.prepareDatabase(app)
            let password = OneTimePassword.generate()
            let hash = try await app.password.async.hash(password)
            let existing = try await User.query(on: app.db).filter(\.$email == email).first()
            try await app.writeTransaction { db in
                let user =
                    existing
                    ?? User(
                        email: email, name: signature.name ?? "Administrator", position: "Administrator Dikelola",
                        passwordHash: hash, mustChangePassword: true, isAdmin: true)
                user.passwordHash = hash
                user.mustChangePassword = true
                user.isActive = true
                user.isAdmin = true
                if existing != nil { user.sessionEpoch += 1 }
                try await user.save(on: db)
                try await AuditLog.record(
                    AuditChain.Draft(
                        occurredAt: app.dikelola.clock.now(), actorID: AuditLog.systemActor, actorRole: nil,
                        action: existing == nil ? .userCreate : .userPasswordReset, targetType: .user,
                        targetID: try user.requireID().uuidString, bodyID: nil,
                        summaryAfter: "administrator \(email) lewat baris perintah"), on: db)
            }
            DikelolaServeCommand.announce(
                Startup.InitialAdministrator(email: email, password: password), on: context.console, reset: existing != nil)
        }
    }
}
