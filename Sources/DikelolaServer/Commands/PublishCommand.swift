import Vapor

/// `dikelola publish`: compares every body's register with its latest published version and
/// publishes those that differ, then writes the publication folder. Changes made through Dikelola
/// publish themselves; this is for a database changed by other means (by hand, another tool).
struct PublishCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    let help = """
        Menerbitkan versi baru DIK setiap badan publik yang berbeda dari versi terakhirnya (sesudah basis data diubah di luar Dikelola), lalu menulis folder publikasi.
        Publishes every body whose register differs from its latest version, then writes the publication folder.
        """

    func run(using context: CommandContext, signature: Signature) async throws {
        try await failingClearly {
            let app = context.application
            try await Startup.prepareDatabase(app)
            let published = try await Publisher.catchUp(app: app, now: app.dikelola.clock.now())
            try await PublicSite.materializeAll(app)
            context.console.success(
                "\(published) badan publik mendapat versi baru; folder publikasi \(app.dikelola.configuration.publicDirectory.path) mutakhir.")
        }
    }
}
