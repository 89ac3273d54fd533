import DikelolaCore
import Fluent
import Foundation
import PostgresKit
import SQLKit
import Vapor

/// Copies of the whole database taken while the server runs, and their restoring into an empty
/// place. SQLite copies itself (`VACUUM INTO`, one read transaction: a consistent copy while others
/// write); PostgreSQL is copied with `pg_dump -Fc` and restored with `pg_restore`. Stored files live
/// in the database, and the publication folder is rebuilt from it, so the copy is everything.
enum Backup {
    struct Made {
        let file: URL
        let bytes: Int
        let seconds: Double

        var description: String {
            let size = String(format: "%.1f MB", Double(bytes) / 1_048_576)
            return "Cadangan dibuat: \(file.path) (\(size), \(String(format: "%.1f", seconds)) detik)."
        }
    }

    /// Writes a copy of the database to `file`, which must not exist yet. The copy is written under
    /// a temporary name beside it and renamed when whole, so a failed copy never carries the name.
    static func make(_ app: Application, to file: URL) async throws -> Made {
        let started = Date()
        let manager = FileManager.default
        guard !manager.fileExists(atPath: file.path) else { throw Problem.exists(file.path) }
        let folder = file.deletingLastPathComponent()
        do {
            try manager.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw Problem.unwritable(folder.path, reason: error.localizedDescription)
        }
        let partial = folder.appendingPathComponent(".\(file.lastPathComponent).sebagian")
        try? manager.removeItem(at: partial)
        // Owner-only from its first byte (it holds password hashes and exempted documents): the
        // copy is written into an empty file made with that mode, never one the umask opened.
        guard manager.createFile(atPath: partial.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw Problem.unwritable(folder.path, reason: "berkas sementara tidak dapat dibuat")
        }
        do {
            switch app.dikelola.configuration.database {
            case .sqliteFile, .sqliteMemory:
                guard let sql = app.db as? any SQLDatabase else { throw Problem.unsupported }
                try await sql.raw("VACUUM INTO \(bind: partial.path)").run()
            case let .postgres(configuration, _):
                var arguments = ["--format=custom", "--no-owner", "--file=\(partial.path)"]
                arguments += (configuration.searchPath ?? []).map { "--schema=\($0)" }
                try await PostgresTool.run("pg_dump", arguments + [PostgresTool.databaseName(configuration)], configuration)
            }
            try manager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: partial.path)
            try manager.moveItem(at: partial, to: file)
        } catch {
            try? manager.removeItem(at: partial)
            if error is Problem { throw error }
            throw Problem.failed(reason: Startup.reason(error))
        }
        let bytes = (try? manager.attributesOfItem(atPath: file.path))?[.size] as? Int ?? 0
        return Made(file: file, bytes: bytes, seconds: Date().timeIntervalSince(started))
    }

    struct Restored {
        let auditEvents: Int
        let bodies: Int
        let entries: Int

        var description: String {
            "Dipulihkan: \(bodies) badan publik, \(entries) entri register; rantai audit utuh (\(auditEvents) peristiwa); folder publikasi dibangun ulang."
        }
    }

    /// Restores `file` into the configured database, which must be empty (no SQLite file, or a
    /// PostgreSQL database without tables), and an empty publication folder; then brings the schema
    /// up to date, verifies the audit chain and rebuilds the publication folder from the database.
    static func restore(_ app: Application, from file: URL) async throws -> Restored {
        let configuration = app.dikelola.configuration
        guard FileManager.default.isReadableFile(atPath: file.path) else { throw Problem.unreadable(file.path) }
        switch configuration.database {
        case let .sqliteFile(target):
            for path in [target.path, target.path + "-wal"] where FileManager.default.fileExists(atPath: path) {
                throw Problem.notEmpty(path)
            }
            try requireEmptyPublicationFolder(configuration.publicDirectory)
            try placeSQLiteCopy(file, at: target)
            do {
                try await requireDikelolaDatabase(app.db, file: file)
            } catch {
                // Nothing is left behind: the folder is as empty as it was.
                for path in [target.path, target.path + "-wal", target.path + "-shm"] { try? FileManager.default.removeItem(atPath: path) }
                throw error
            }
        case .sqliteMemory:
            throw Problem.unsupported
        case let .postgres(postgres, redacted):
            guard try await tableCount(app.db) == 0 else { throw Problem.notEmpty(redacted) }
            try requireEmptyPublicationFolder(configuration.publicDirectory)
            try await PostgresTool.run(
                "pg_restore",
                ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction",
                 "--dbname=\(PostgresTool.databaseName(postgres))", file.path],
                postgres)
        }
        try await Startup.prepareDatabase(app, backupBeforeMigrating: false)
        let (events, broken) = try await AuditLog.verify(on: app.db)
        if let broken { throw AuditChainBroken(breakage: broken, checkedBefore: events) }
        try await PublicSite.materializeAll(app)
        return Restored(
            auditEvents: events, bodies: try await PublicBody.query(on: app.db).count(),
            entries: try await RegisterEntry.query(on: app.db).count())
    }

    /// Copies a SQLite backup into place, after checking it is one; nothing is written over an
    /// existing database.
    private static func placeSQLiteCopy(_ file: URL, at target: URL) throws {
        let manager = FileManager.default
        let header = (try? FileHandle(forReadingFrom: file))
            .flatMap { handle in defer { try? handle.close() }; return try? handle.read(upToCount: 16) }
        guard header == Data("SQLite format 3\0".utf8) else {
            throw Problem.notABackup(file.path, reason: "bukan berkas SQLite (cadangan PostgreSQL dipulihkan dengan DATABASE_URL disetel)")
        }
        let folder = target.deletingLastPathComponent()
        do {
            try manager.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let partial = folder.appendingPathComponent(".\(target.lastPathComponent).sebagian")
            try? manager.removeItem(at: partial)
            try manager.copyItem(at: file, to: partial)
            try manager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: partial.path)
            try manager.moveItem(at: partial, to: target)
        } catch {
            throw Problem.unwritable(folder.path, reason: error.localizedDescription)
        }
    }

    /// A Dikelola database with its history protected: its migration log names only Dikelola's
    /// migrations, and the audit table still refuses changes (SQLite triggers). A foreign database,
    /// or a copy whose protection was removed, is refused rather than restored "successfully".
    static func requireDikelolaDatabase(_ db: any Database, file: URL) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        struct Name: Decodable { let name: String }
        let known = Set(AppMigrations.all.map(\.name) + ["Fluent.SessionRecord.Create"])
        let applied: [Name]
        do {
            applied = try await sql.raw("SELECT name FROM _fluent_migrations").all(decoding: Name.self)
        } catch {
            throw Problem.notABackup(file.path, reason: "basis data SQLite ini bukan milik Dikelola (tidak ada catatan migrasinya)")
        }
        guard !applied.isEmpty, applied.allSatisfy({ known.contains($0.name) }) else {
            throw Problem.notABackup(file.path, reason: "catatan migrasinya bukan milik Dikelola (atau dari versi yang lebih baru)")
        }
        let triggers = try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_events'")
            .all(decoding: Name.self)
        guard triggers.count >= 2 else {
            throw Problem.notABackup(
                file.path, reason: "perlindungan riwayat audit (trigger yang menolak ubah dan hapus) telah dicabut dari salinan ini")
        }
    }

    private static func requireEmptyPublicationFolder(_ folder: URL) throws {
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        guard contents.isEmpty else { throw Problem.notEmpty(folder.path) }
    }

    /// Tables in the schemas this configuration uses (PostgreSQL).
    static func tableCount(_ db: any Database) async throws -> Int {
        guard let sql = db as? any SQLDatabase else { return 0 }
        struct Row: Decodable { let count: Int }
        let row = try await sql.raw(
            "SELECT count(*)::int AS count FROM information_schema.tables WHERE table_schema = ANY(current_schemas(false))"
        ).first(decoding: Row.self)
        return row?.count ?? 0
    }

    /// Whether the schema already exists and migrations are waiting: the moment to copy it first.
    static func migrationsPending(_ app: Application) async throws -> Bool {
        let applied: Int
        do {
            applied = try await MigrationLog.query(on: app.db).count()
        } catch {
            return false  // no migration table: a new database, nothing to lose
        }
        guard applied > 0 else { return false }
        return try await !app.migrator.previewPrepareBatch().get().isEmpty
    }

    enum Problem: Error, CustomStringConvertible {
        case exists(String)
        case unwritable(String, reason: String)
        case unreadable(String)
        case notEmpty(String)
        case notABackup(String, reason: String)
        case toolMissing(String)
        case toolFailed(String, status: Int32, output: String)
        case failed(reason: String)
        case unsupported

        var description: String {
            switch self {
            case let .exists(path): "Berkas \(path) sudah ada; cadangan tidak menimpa berkas. Sebut nama berkas baru."
            case let .unwritable(path, reason): "Folder \(path) tidak dapat ditulisi: \(reason)."
            case let .unreadable(path): "Berkas cadangan \(path) tidak ada atau tidak dapat dibaca."
            case let .notEmpty(place):
                "\(place) tidak kosong. Pemulihan hanya ke tempat yang kosong (folder data baru, atau basis data PostgreSQL baru tanpa tabel), agar tidak ada data yang tertimpa."
            case let .notABackup(path, reason): "\(path) bukan cadangan Dikelola: \(reason)."
            case let .toolMissing(tool):
                "Program \(tool) tidak ditemukan. Pasang paket Debian postgresql-client (versi yang sama atau lebih baru dari server), lalu ulangi."
            case let .toolFailed(tool, status, output): "\(tool) gagal (kode \(status)): \(output)"
            case let .failed(reason): "Cadangan gagal: \(reason)"
            case .unsupported: "Basis data dalam memori tidak dapat dicadangkan atau dipulihkan."
            }
        }
    }
}

/// Runs PostgreSQL's own programs with the connection of the configuration: host, port, user and
/// password go through the environment (PGPASSWORD), never the command line others can read.
enum PostgresTool {
    static func databaseName(_ configuration: SQLPostgresConfiguration) -> String {
        configuration.coreConfiguration.database ?? configuration.coreConfiguration.username
    }

    static func find(_ tool: String) -> URL? {
        let path = ExecutableSearch.folders(ofPath: ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        // Debian keeps the newest in /usr/lib/postgresql/N/bin too.
        let versioned = ((try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? [])
            .sorted { (Int($0) ?? 0) > (Int($1) ?? 0) }.map { "/usr/lib/postgresql/\($0)/bin" }
        return ExecutableSearch.first(named: [tool], in: path + ["/usr/bin", "/usr/local/bin"] + versioned)
    }

    static func run(_ tool: String, _ arguments: [String], _ configuration: SQLPostgresConfiguration) async throws {
        guard let executable = find(tool) else { throw Backup.Problem.toolMissing(tool) }
        let core = configuration.coreConfiguration
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("PG") }
        environment["PGUSER"] = core.username
        if let password = core.password { environment["PGPASSWORD"] = password }
        if let host = core.host { environment["PGHOST"] = host }
        if let socket = core.unixSocketPath { environment["PGHOST"] = URL(fileURLWithPath: socket).deletingLastPathComponent().path }
        if let port = core.port { environment["PGPORT"] = String(port) }
        environment["PGSSLMODE"] = core.tls.isEnforced ? "require" : core.tls.isAllowed ? "prefer" : "disable"
        let (status, output) = try await runBlocking(executable, arguments, environment)
        guard status == 0 else {
            let text = String(decoding: output.prefix(2000), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw Backup.Problem.toolFailed(tool, status: status, output: text)
        }
    }

    /// Runs the program on a thread of its own (it may take minutes) and returns its status and
    /// standard error.
    private static func runBlocking(
        _ executable: URL, _ arguments: [String], _ environment: [String: String]
    ) async throws -> (Int32, Data) {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                let process = Process()
                process.executableURL = executable
                process.arguments = arguments
                process.environment = environment
                let errors = Pipe()
                process.standardError = errors
                process.standardOutput = FileHandle.nullDevice
                do {
                    try process.run()
                } catch {
                    continuation.resume(throwing: error)
                    return
                }
                let output = errors.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                continuation.resume(returning: (process.terminationStatus, output))
            }
        }
    }
}
