import DikelolaCore
import Fluent
import Foundation
import PostgresKit
import SQLKit
import Testing
import Vapor

@testable import DikelolaServer

/// `dikelola backup` and `dikelola restore` on both databases: a copy taken while others write
/// holds every write acknowledged before it began, restores into an empty place with an intact
/// audit chain, and rebuilds the same public register.
@Suite struct BackupTests {
    @Test func aCopyTakenWhileOthersWriteRestoresTheSameRegister() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(TestDatabase.uniqueName("cadangan"))
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try await withApp(adjust: { configuration in
            if TestDatabase.postgresURL == nil {
                configuration.database = .sqliteFile(folder.appendingPathComponent("asal.sqlite"))
            }
        }) { app in
            if case .sqliteFile = app.dikelola.configuration.database { try await Startup.writeAheadLog(app) }
            _ = try await DemoGovernment.load(in: app)
            _ = try await Publisher.catchUp(app: app, now: app.dikelola.clock.now())
            try await PublicSite.materializeAll(app)

            let writer = Task { try await Self.keepWriting(app) }
            try await Task.sleep(for: .milliseconds(150))
            let acknowledged = try await User.query(on: app.db).count()
            let made = try await Backup.make(app, to: folder.appendingPathComponent("salinan.cadangan"))
            writer.cancel()
            let written = try await writer.value
            #expect(written > 0, "the writer ran while the copy was taken")
            #expect(made.bytes > 0)
            // The copy never writes over a file.
            await #expect(throws: Backup.Problem.self) { _ = try await Backup.make(app, to: made.file) }

            let entries = try await RegisterEntry.query(on: app.db).count()
            try await Self.withEmptyTarget(like: app, in: folder) { target in
                let restored = try await Backup.restore(target, from: made.file)
                #expect(restored.entries == entries)
                #expect(restored.auditEvents > 0)
                #expect(try await User.query(on: target.db).count() >= acknowledged)
                #expect(try Self.files(in: PublicSite.root(target)) == Self.files(in: PublicSite.root(app)))
                // A second restore over the restored data is refused and changes nothing.
                await #expect(throws: Backup.Problem.self) { _ = try await Backup.restore(target, from: made.file) }
                #expect(try await RegisterEntry.query(on: target.db).count() == entries)
            }
        }
    }

    /// An older database (its last migration not yet applied) is copied into `cadangan/` before its
    /// schema changes; a new database is not, and the setting turns the copy off.
    @Test(arguments: [true, false]) func anOlderDatabaseIsCopiedBeforeItsSchemaChanges(copy: Bool) async throws {
        guard TestDatabase.postgresURL == nil else { return }  // the same path; pg_dump is covered above
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(TestDatabase.uniqueName("migrasi"))
        defer { try? FileManager.default.removeItem(at: folder) }
        let backups = folder.appendingPathComponent("cadangan")
        func start(_ body: (Application) async throws -> Void) async throws {
            let app = try await Application.make(.testing)
            do {
                var configuration = AppConfiguration(
                    dataDirectory: folder, database: .sqliteFile(folder.appendingPathComponent(AppConfiguration.databaseFileName)))
                configuration.backupBeforeMigration = copy
                try configure(app, configuration: configuration)
                try await body(app)
            } catch {
                try? await app.asyncShutdown()
                throw error
            }
            try await app.asyncShutdown()
        }
        try await start { app in
            try await Startup.prepareDatabase(app)
            #expect(!FileManager.default.fileExists(atPath: backups.path), "a new database has nothing to copy")
            // As if this database were made by the version before the last migration.
            try await UpdateProposalStepAddActorName().revert(on: app.db)
            try await MigrationLog.query(on: app.db).filter(\.$name == UpdateProposalStepAddActorName().name).delete()
        }
        try await start { app in
            try await Startup.prepareDatabase(app)
            let copies = (try? FileManager.default.contentsOfDirectory(atPath: backups.path)) ?? []
            #expect(copies.count == (copy ? 1 : 0))
            #expect(copies.allSatisfy { $0.hasPrefix("sebelum-migrasi-") && $0.hasSuffix("-v\(DikelolaVersion.current).sqlite") })
            // The migration ran after the copy.
            #expect(try await MigrationLog.query(on: app.db).filter(\.$name == UpdateProposalStepAddActorName().name).count() == 1)
        }
    }

    /// A copy of the database signs nobody in: sessions are kept under the digest of their cookie.
    @Test func aSessionIsStoredUnderItsDigestNotItsCookie() async throws {
        try await withApp { app in
            _ = try await DemoGovernment.load(in: app)
            let person = Browser(app)
            try await person.signIn(as: "operator.diskominfo@contohkab.go.id")
            let cookie = try #require(person.cookies[sessionCookieName])
            let keys = try await SessionRecord.query(on: app.db).all().map(\.key.string)
            #expect(!keys.contains(cookie))
            #expect(keys.contains(HashedSessionDriver.stored(SessionID(string: cookie)).string))
            #expect(try await person.get("/").body.contains("Keluar"), "the cookie still signs its holder in")
        }
    }

    /// Only a Dikelola database with its history protected is restored; a refused file leaves the
    /// data folder as empty as it was.
    @Test func aForeignOrUnprotectedDatabaseIsNotRestored() async throws {
        guard TestDatabase.postgresURL == nil else { return }  // SQLite files; pg_restore checks its own format
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(TestDatabase.uniqueName("asing"))
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let foreign = folder.appendingPathComponent("asing.sqlite")
        try await withApp(adjust: { $0.database = .sqliteFile(foreign) }) { app in
            try await (app.db as! any SQLDatabase).raw("CREATE TABLE dompet (id INTEGER)").run()
            try await (app.db as! any SQLDatabase).raw("DROP TABLE _fluent_migrations").run()
        }
        let unprotected = folder.appendingPathComponent("tanpa-pelindung.sqlite")
        try await withApp(adjust: { $0.database = .sqliteFile(unprotected) }) { app in
            try await (app.db as! any SQLDatabase).raw("DROP TRIGGER audit_events_no_update").run()
        }
        for file in [foreign, unprotected] {
            let target = try await Application.make(.testing)
            let data = folder.appendingPathComponent("pulih-\(file.lastPathComponent)")
            try configure(
                target,
                configuration: AppConfiguration(
                    dataDirectory: data, database: .sqliteFile(data.appendingPathComponent(AppConfiguration.databaseFileName))))
            await #expect(throws: Backup.Problem.self) { _ = try await Backup.restore(target, from: file) }
            try await target.asyncShutdown()
            let left = (try? FileManager.default.contentsOfDirectory(atPath: data.path)) ?? []
            #expect(left.filter { $0.hasPrefix("dikelola.sqlite") }.isEmpty, "\(left)")
        }
    }

    /// Accounts created one after another, each with its audit event, until cancelled.
    static func keepWriting(_ app: Application) async throws -> Int {
        var written = 0
        while !Task.isCancelled {
            let user = User(
                email: "penulis\(written)@contoh.go.id", name: "Penulis \(written)", position: "Uji",
                passwordHash: "x", mustChangePassword: true, isAdmin: false)
            try await app.writeTransaction { db in
                try await user.create(on: db)
                _ = try await AuditLog.record(
                    AuditChain.Draft(
                        occurredAt: Date(), actorID: AuditLog.systemActor, actorRole: nil, action: .userCreate,
                        targetType: .user, targetID: try user.requireID().uuidString, bodyID: nil,
                        summaryAfter: "uji cadangan"),
                    on: db)
            }
            written += 1
        }
        return written
    }

    /// An application on an empty place of the same kind: a new data folder (SQLite) or a new
    /// PostgreSQL database, never migrated.
    static func withEmptyTarget(like source: Application, in folder: URL, _ body: (Application) async throws -> Void)
        async throws
    {
        let target = try await Application.make(.testing)
        let dataDirectory = folder.appendingPathComponent("pulih", isDirectory: true)
        var database: DatabaseChoice = .sqliteFile(dataDirectory.appendingPathComponent(AppConfiguration.databaseFileName))
        var createdDatabase: String?
        if case .postgres(var postgres, let redacted) = source.dikelola.configuration.database {
            let name = TestDatabase.uniqueName("pulih")
            try await (source.db as! any SQLDatabase).raw("CREATE DATABASE \(ident: name)").run()
            createdDatabase = name
            postgres.coreConfiguration.database = name
            database = .postgres(postgres, redactedURL: redacted)
        }
        do {
            var configuration = AppConfiguration(dataDirectory: dataDirectory, database: database)
            configuration.databaseConnectionsPerLoop = 1
            try configure(target, configuration: configuration)
            try await body(target)
        } catch {
            try? await target.asyncShutdown()
            throw error
        }
        try? await target.asyncShutdown()
        if let createdDatabase {
            try await (source.db as! any SQLDatabase).raw("DROP DATABASE \(ident: createdDatabase) WITH (FORCE)").run()
        }
    }

    /// Every file under `folder` by its relative path, with its bytes (links followed).
    static func files(in folder: URL) throws -> [String: Data] {
        var found: [String: Data] = [:]
        let base = folder.resolvingSymlinksInPath().path
        guard let walker = FileManager.default.enumerator(atPath: base) else { return found }
        for case let path as String in walker {
            let full = base + "/" + path
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue {
                found[path] = try Data(contentsOf: URL(fileURLWithPath: full))
            }
        }
        return found
    }
}
