import DikelolaCore
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor

@testable import DikelolaServer

/// The database the server tests run on: in-memory SQLite by default, PostgreSQL when
/// `DIKELOLA_TEST_DATABASE_URL` is set (the test command runs the suite once each way).
enum TestDatabase {
    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["DIKELOLA_TEST_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    static var kindName: String { postgresURL == nil ? "sqlite" : "postgres" }

    /// A name no other test uses, for a schema or a database of its own.
    static func uniqueName(_ prefix: String) -> String {
        prefix + "_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20)
    }
}

/// Runs `body` with an application configured as in production, on a fresh, migrated database
/// of its own (on PostgreSQL, a schema of its own, so tests run in parallel), then tears it down.
func withApp(
    clock: any WallClock = SystemClock(), adjust: (inout AppConfiguration) -> Void = { _ in },
    _ body: (Application) async throws -> Void
) async throws {
    let app = try await Application.make(.testing)
    let dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent(TestDatabase.uniqueName("dikelola"))
    var schema: String?
    do {
        let database: DatabaseChoice
        if let url = TestDatabase.postgresURL {
            guard case .postgres(var postgres, let redacted) = try DatabaseChoice.postgres(url: url) else {
                fatalError("unreachable")
            }
            let name = TestDatabase.uniqueName("test")
            postgres.searchPath = [name]
            schema = name
            database = .postgres(postgres, redactedURL: redacted)
        } else {
            database = .sqliteMemory
        }
        var configuration = AppConfiguration(dataDirectory: dataDirectory, database: database)
        // Hundreds of tests run at once against one PostgreSQL server: one connection per loop each,
        // unless a test needs more (a long import holds one while its page is read).
        configuration.databaseConnectionsPerLoop = 1
        adjust(&configuration)
        try configure(app, configuration: configuration)
        app.dikelola = try CoreServices(configuration: app.dikelola.configuration, clock: clock)
        // Real bcrypt, at its lowest cost: tests hash dozens of demo passwords.
        app.passwords.use(.bcrypt(cost: 4))
        if let schema {
            try await (app.db as! any SQLDatabase).raw("CREATE SCHEMA \(ident: schema)").run()
        }
        try await app.autoMigrate()
        try await body(app)
    } catch {
        await tearDown(app, schema: schema, dataDirectory: dataDirectory)
        throw error
    }
    await tearDown(app, schema: schema, dataDirectory: dataDirectory)
}

private func tearDown(_ app: Application, schema: String?, dataDirectory: URL) async {
    if let schema {
        try? await (app.db as! any SQLDatabase).raw("DROP SCHEMA IF EXISTS \(ident: schema) CASCADE").run()
    }
    try? await app.asyncShutdown()
    try? FileManager.default.removeItem(at: dataDirectory)
}
