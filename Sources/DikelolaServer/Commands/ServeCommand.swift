import Fluent
import Vapor

/// `dikelola serve [--hostname H] [--port P] [--bind H:P] [--demo]`: prepares the database (creating
/// and migrating it on first start), prints the first administrator's one-time password, loads
/// the demo government when asked, then hands over to Vapor's own server.
struct DikelolaServeCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "hostname", short: "H", help: "Alamat yang didengarkan (bawaan 127.0.0.1).")
        var hostname: String?
        @Option(name: "port", short: "p", help: "Port yang didengarkan (bawaan 8080).")
        var port: Int?
        @Option(name: "bind", short: "b", help: "Alamat dan port sekaligus, HOST:PORT.")
        var bind: String?
        @Flag(name: "demo", help: "Memuat pemerintahan contoh \"Pemerintah Kabupaten Contoh\".")
        var demo: Bool
    }

    let help = "Menyiapkan basis data lalu menjalankan server Dikelola.\nPrepares the database, then runs the Dikelola server."

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        context.console.info("Basis data: \(app.dikelola.configuration.database.description)")
        try await failingClearly {
            try await Startup.prepareDatabase(app)
            if ProcessInfo.processInfo.environment["JOURNAL_STREAM"] != nil {
                // Under systemd the console is the journal, which others read: no password there.
                if try await User.query(on: app.db).count() == 0 {
                    app.logger.warning(
                        "Belum ada administrator. Buat di terminal: sudo dikelola create-admin EMAIL (kata sandinya tidak ditulis ke jurnal). No administrator yet: run `sudo dikelola create-admin EMAIL` in a terminal.")
                }
            } else if let admin = try await Startup.ensureAdministrator(app) {
                Self.announce(admin, on: context.console)
            }
            if signature.demo {
                let summary = try await DemoGovernment.load(in: app)
                context.console.info(summary.description)
                let procedure = try await DemoProcedure.load(in: app)
                if procedure.proposals > 0 { context.console.info(procedure.description) }
            }
            // The public register is brought up to date by the background work once the server
            // listens (a snapshot of an older release published again, the folder written), so the
            // start does not grow with the register.
            context.console.info("Folder publikasi: \(app.dikelola.configuration.publicDirectory.path)")
        }

        var arguments = [context.input.executable]
        if let hostname = signature.hostname { arguments += ["--hostname", hostname] }
        if let port = signature.port { arguments += ["--port", String(port)] }
        if let bind = signature.bind { arguments += ["--bind", bind] }
        // The daily sweep and webhook deliveries run inside the server (also `dikelola sweep` for cron).
        BackgroundWork.start(app)
        var serveContext = context
        serveContext.input = CommandInput(arguments: arguments)
        try await app.servers.asyncCommand.run(using: &serveContext)
    }

    /// Printed on the console only — never logged, since logs travel.
    static func announce(_ admin: Startup.InitialAdministrator, on console: any Console, reset: Bool = false) {
        let rule = String(repeating: "=", count: 72)
        console.output(rule.consoleText())
        let headline =
            reset
            ? "Kata sandi administrator diatur ulang / administrator password reset"
            : "Akun administrator dibuat / administrator created"
        console.output(headline.consoleText(.info))
        console.output("  E-mail     : \(admin.email)".consoleText())
        console.output("  Kata sandi : \(admin.password)".consoleText(.success))
        console.output("  Sekali pakai: wajib diganti saat pertama masuk. Catat sekarang; tidak ditampilkan lagi.".consoleText())
        console.output("  One-time password: change it at first sign-in. It is not shown again.".consoleText())
        console.output(rule.consoleText())
    }
}
