import DikelolaCore
import Fluent
import SQLKit
import Foundation
import Vapor

/// What `dikelola serve` does before it listens: make the data folder, migrate the database and,
/// on an empty one, create the first administrator.
enum Startup {
    /// Creates the data folder (for SQLite) and brings the schema up to date. An unreachable or
    /// refusing database stops the start with a message naming it. An existing database with
    /// migrations waiting is copied first (`DIKELOLA_BACKUP_BEFORE_MIGRATION`), into `cadangan/`
    /// of the data folder; a copy that cannot be made stops the start before anything changes.
    static func prepareDatabase(_ app: Application, backupBeforeMigrating: Bool = true) async throws {
        let configuration = app.dikelola.configuration
        if case .sqliteFile = configuration.database {
            do {
                // Owner-only: the database holds password hashes and, later, exempted documents.
                try FileManager.default.createDirectory(
                    at: configuration.dataDirectory, withIntermediateDirectories: true,
                    attributes: [.posixPermissions: 0o700])
            } catch {
                throw StartupError.dataDirectory(configuration.dataDirectory.path, reason: error.localizedDescription)
            }
        }
        do {
            try await DatabaseProbe.ping(app.db)
            if case let .sqliteFile(file) = configuration.database {
                try await writeAheadLog(app)
                ownerOnly(file)
            }
        } catch {
            throw StartupError.database(configuration.database.description, reason: Self.reason(error))
        }
        if backupBeforeMigrating, configuration.backupBeforeMigration, try await Backup.migrationsPending(app) {
            let made: Backup.Made
            do {
                made = try await Backup.make(app, to: migrationBackupFile(configuration, at: app.dikelola.clock.now()))
            } catch {
                throw StartupError.backupBeforeMigration(reason: String(describing: error))
            }
            app.logger.notice("Sebelum migrasi skema: \(made.description)")
        }
        do {
            try await app.autoMigrate()
        } catch {
            throw StartupError.database(configuration.database.description, reason: Self.reason(error))
        }
    }

    /// `cadangan/sebelum-migrasi-<UTC time>-v<version>.sqlite` (or `.dump` for PostgreSQL).
    static func migrationBackupFile(_ configuration: AppConfiguration, at now: Date) -> URL {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss'Z'"
        let stamp = formatter.string(from: now)
        let ending = if case .postgres = configuration.database { "dump" } else { "sqlite" }
        return configuration.dataDirectory.appendingPathComponent("cadangan", isDirectory: true)
            .appendingPathComponent("sebelum-migrasi-\(stamp)-v\(DikelolaVersion.current).\(ending)")
    }

    /// The database and its log files readable by the owner alone, whatever the folder or the umask
    /// (found: a data folder made beforehand with 0755 left the database readable by everyone).
    static func ownerOnly(_ file: URL) {
        for path in [file.path, file.path + "-wal", file.path + "-shm"] where FileManager.default.fileExists(atPath: path) {
            try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        }
    }

    /// SQLite in write-ahead-log mode (kept in the file): readers never wait for a writer, and a
    /// copy taken while the server runs is consistent. Each event loop's connection waits up to
    /// five seconds for another process's lock (the command line beside the server) before failing.
    static func writeAheadLog(_ app: Application) async throws {
        guard let sql = app.db as? any SQLDatabase else { return }
        try await sql.raw("PRAGMA journal_mode=WAL").run()
        for loop in app.eventLoopGroup.makeIterator() {
            if let connection = app.databases.database(logger: app.logger, on: loop) as? any SQLDatabase {
                try await connection.raw("PRAGMA busy_timeout=5000").run()
            }
        }
    }

    /// The cause of a database failure in words an operator can act on.
    static func reason(_ error: any Error) -> String {
        let text = String(reflecting: error)
        if text.contains("connectionRefused") || text.contains("Connection refused") || text.contains("connection refused") {
            return "koneksi ditolak (apakah server PostgreSQL berjalan, dan host serta port-nya benar?)"
        }
        if text.contains("28P01") || text.contains("password authentication failed") {
            return "nama pengguna atau kata sandi ditolak"
        }
        if text.contains("3D000") {
            return "basis data yang disebut tidak ada (buat dulu dengan createdb)"
        }
        if text.contains("unable to open database") || text.contains("SQLITE_CANTOPEN") {
            return "berkas SQLite tidak dapat dibuka (periksa izin folder data)"
        }
        return text
    }

    struct InitialAdministrator {
        let email: String
        let password: String
    }

    /// On an empty user table, creates an administrator with a one-time password that must be
    /// changed at the first sign-in. There is no default password anywhere.
    static func ensureAdministrator(_ app: Application) async throws -> InitialAdministrator? {
        guard try await User.query(on: app.db).count() == 0 else { return nil }
        let password = OneTimePassword.generate()
        let email = app.dikelola.configuration.initialAdminEmail
        let user = User(
            email: email, name: "Administrator", position: "Administrator Dikelola",
            passwordHash: try await app.password.async.hash(password),
            mustChangePassword: true, isAdmin: true)
        do {
            try await app.writeTransaction { db in
                try await user.create(on: db)
                try await AuditLog.record(
                    AuditChain.Draft(
                        occurredAt: Date(), actorID: AuditLog.systemActor, actorRole: nil, action: .userCreate,
                        targetType: .user, targetID: try user.requireID().uuidString, bodyID: nil,
                        summaryAfter: "administrator pertama \(email); kata sandi sekali pakai"),
                    on: db)
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // Another instance starting at the same moment made it first.
            return nil
        }
        return InitialAdministrator(email: email, password: password)
    }
}

enum StartupError: Error, CustomStringConvertible {
    case dataDirectory(String, reason: String)
    case database(String, reason: String)
    case backupBeforeMigration(reason: String)

    var description: String {
        switch self {
        case let .dataDirectory(path, reason):
            "Folder data \(path) tidak dapat dibuat: \(reason). Setel DIKELOLA_DATA_DIR ke folder yang dapat ditulisi."
        case let .database(name, reason):
            "Basis data \(name) tidak dapat disiapkan: \(reason)."
        case let .backupBeforeMigration(reason):
            "Skema basis data perlu dimutakhirkan, tetapi cadangan sebelum migrasi gagal dibuat, jadi tidak ada yang diubah: \(reason) Perbaiki penyebabnya, atau setel DIKELOLA_BACKUP_BEFORE_MIGRATION=false bila Anda sudah mencadangkan sendiri."
        }
    }
}

/// Passwords handed out once: long, random, and without look-alike characters, so they can be
/// read off a console and typed.
enum OneTimePassword {
    private static let alphabet = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")

    static func generate(groups: Int = 4, groupLength: Int = 5) -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<groups).map { _ in
            String((0..<groupLength).map { _ in alphabet.randomElement(using: &generator) ?? "x" })
        }.joined(separator: "-")
    }
}
