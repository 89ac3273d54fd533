import Fluent
import Vapor

/// `dikelola migrate`: brings the schema up to date without starting the server (the server does
/// it too at start), copying an existing database first like the server does. In place of
/// Fluent's own command, which also reverts and copies nothing.
struct MigrateCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    let help = """
        Memutakhirkan skema basis data tanpa menjalankan server (didahului cadangan, lihat DIKELOLA_BACKUP_BEFORE_MIGRATION).
        Brings the database schema up to date without starting the server, after a backup.
        """

    func run(using context: CommandContext, signature: Signature) async throws {
        try await failingClearly {
            let app = context.application
            context.console.info("Basis data: \(app.dikelola.configuration.database.description)")
            try await Startup.prepareDatabase(app)
            context.console.success("Skema basis data mutakhir.")
        }
    }
}
