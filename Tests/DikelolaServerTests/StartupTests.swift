import DikelolaCore
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor

@testable import DikelolaServer

@Suite struct StartupTests {
    @Test func firstStartCreatesOneAdministratorWithAOneTimePassword() async throws {
        try await withApp { app in
            // when
            let admin = try #require(try await Startup.ensureAdministrator(app))
            // then
            let users = try await User.query(on: app.db).all()
            #expect(users.count == 1)
            let user = try #require(users.first)
            #expect(user.email == "admin@dikelola.local" && user.isAdmin && user.isActive)
            #expect(user.mustChangePassword)
            #expect(user.passwordHash != admin.password)
            #expect(try app.password.verify(admin.password, created: user.passwordHash))
            // A second start leaves the account alone and shows no password.
            #expect(try await Startup.ensureAdministrator(app) == nil)
            #expect(try await User.query(on: app.db).count() == 1)
        }
    }

    @Test func oneTimePasswordsAreLongRandomAndReadable() {
        let passwords = (0..<200).map { _ in OneTimePassword.generate() }
        #expect(Set(passwords).count == 200)
        for password in passwords {
            #expect(password.count == 23)
            #expect(!password.contains { "0O1lI".contains($0) })
        }
    }

    @Test func migrationsRevertAndRunAgain() async throws {
        try await withApp { app in
            #expect(try await DemoGovernment.load(in: app).created)
            try await app.autoRevert()
            try await app.autoMigrate()
            #expect(try await PublicBody.query(on: app.db).count() == 0)
        }
    }

    @Test func anSQLiteFileIsCreatedAndMigratedOnce() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(TestDatabase.uniqueName("data"))
        defer { try? FileManager.default.removeItem(at: folder) }
        for _ in 0..<2 {
            let app = try await Application.make(.testing)
            do {
                let file = folder.appendingPathComponent(AppConfiguration.databaseFileName)
                try configure(app, configuration: AppConfiguration(dataDirectory: folder, database: .sqliteFile(file)))
                try await Startup.prepareDatabase(app)
                #expect(FileManager.default.fileExists(atPath: file.path))
                let permissions = try FileManager.default.attributesOfItem(atPath: folder.path)[.posixPermissions] as? Int
                #expect(permissions == 0o700)
                #expect(try await User.query(on: app.db).count() == 0)
                // Write-ahead log: readers never wait for a writer, and a running copy is consistent.
                struct Mode: Decodable { let journal_mode: String }
                let mode = try await (app.db as! any SQLDatabase).raw("PRAGMA journal_mode").first(decoding: Mode.self)
                #expect(mode?.journal_mode == "wal")
            } catch {
                try await app.asyncShutdown()
                throw error
            }
            try await app.asyncShutdown()
        }
    }

    /// A data folder made beforehand, readable by others, does not make the database readable.
    @Test func theDatabaseIsTheOwnersAloneWhateverTheFolder() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(TestDatabase.uniqueName("terbuka"))
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        defer { try? FileManager.default.removeItem(at: folder) }
        let app = try await Application.make(.testing)
        let file = folder.appendingPathComponent(AppConfiguration.databaseFileName)
        try configure(app, configuration: AppConfiguration(dataDirectory: folder, database: .sqliteFile(file)))
        try await Startup.prepareDatabase(app)
        try await app.asyncShutdown()
        for path in [file.path, file.path + "-wal"] where FileManager.default.fileExists(atPath: path) {
            #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o600, "\(path)")
        }
    }

    @Test func anUnreachablePostgresIsNamedWithoutItsPassword() async throws {
        let app = try await Application.make(.testing)
        defer { Task { try? await app.asyncShutdown() } }
        let database = try DatabaseChoice.postgres(url: "postgres://dikelola:rahasia@127.0.0.1:1/dikelola?sslmode=disable")
        try configure(
            app, configuration: AppConfiguration(dataDirectory: FileManager.default.temporaryDirectory, database: database))
        do {
            try await Startup.prepareDatabase(app)
            Issue.record("a refused connection must stop the start")
        } catch let error as StartupError {
            #expect(error.description.contains("postgres://dikelola:***@127.0.0.1:1/dikelola"))
            #expect(error.description.contains("koneksi ditolak"))
            #expect(!error.description.contains("rahasia"))
        }
    }
}

@Suite struct DemoGovernmentTests {
    @Test func loadsABodyWithThePPIDOfficeAndThreeOPDs() async throws {
        try await withApp { app in
            let summary = try await DemoGovernment.load(in: app)
            #expect(summary.created)
            let body = try #require(try await PublicBody.query(on: app.db).filter(\.$slug == "kabupaten-contoh").first())
            #expect(body.name == "Pemerintah Kabupaten Contoh")
            #expect(TimeZoneRegion(rawValue: body.timeZone) == .wib)
            let units = try await body.$units.get(on: app.db)
            #expect(units.count == 4)
            #expect(units.filter(\.hostsMainPPID).map(\.shortName) == ["Diskominfo"])
            // Each unit runs a seed SOP the library knows, and all four seeds are in use.
            let library = app.dikelola.sopLibrary
            #expect(Set(units.compactMap(\.sopID)) == Set(library.definitions.map(\.id)))
        }
    }

    @Test func loadingTwiceChangesNothing() async throws {
        try await withApp { app in
            _ = try await DemoGovernment.load(in: app)
            let again = try await DemoGovernment.load(in: app)
            #expect(!again.created)
            #expect(try await PublicBody.query(on: app.db).count() == 1)
            #expect(try await Unit.query(on: app.db).count() == 4)
        }
    }
}
