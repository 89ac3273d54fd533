import Foundation
import Vapor

/// `dikelola backup FILE`: a consistent copy of the whole database while the server runs.
struct BackupCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "Berkas cadangan yang dibuat (belum boleh ada).")
        var file: String
    }

    let help = """
        Membuat cadangan utuh basis data saat server berjalan (SQLite: VACUUM INTO; PostgreSQL: pg_dump -Fc).
        Makes a consistent backup of the database while the server runs.
        """

    func run(using context: CommandContext, signature: Signature) async throws {
        try await failingClearly {
            let app = context.application
            let file = URL(fileURLWithPath: signature.file).standardizedFileURL
            if case let .sqliteFile(database) = app.dikelola.configuration.database,
                !FileManager.default.fileExists(atPath: database.path)
            {
                throw CommandFailure(
                    message: "Basis data \(database.path) belum ada; setel DIKELOLA_DATA_DIR ke folder data server.")
            }
            try await Startup.prepareDatabase(app, backupBeforeMigrating: false)
            let made = try await Backup.make(app, to: file)
            context.console.success(made.description)
        }
    }
}

/// `dikelola restore FILE`: a backup into an empty data folder (or an empty PostgreSQL database),
/// then the audit chain verified and the publication folder rebuilt.
struct RestoreCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "Berkas cadangan dari dikelola backup.")
        var file: String
    }

    let help = """
        Memulihkan cadangan ke folder data (atau basis data PostgreSQL) yang kosong, memeriksa rantai audit, dan membangun ulang folder publikasi.
        Restores a backup into an empty data folder or database, verifies the audit chain and rebuilds the publication folder.
        """

    func run(using context: CommandContext, signature: Signature) async throws {
        try await failingClearly {
            let app = context.application
            let file = URL(fileURLWithPath: signature.file).standardizedFileURL
            context.console.info("Memulihkan \(file.path) ke \(app.dikelola.configuration.database.description)")
            let restored = try await Backup.restore(app, from: file)
            context.console.success(restored.description)
        }
    }
}
