import Foundation
import SQLKit
import Testing
import Vapor

@testable import DikelolaServer

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The README's run command, end to end: `dikelola serve` in an empty folder creates and migrates
/// its database, prints a one-time administrator password once, and answers `/health`.
@Suite(.serialized) struct ServeCommandTests {
    @Test func firstStartCreatesTheDatabaseAndTheAdministratorOnce() async throws {
        let folder = try Dikelola.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try await ServerDatabase.make()
        defer { Task { await database.drop() } }

        // given an empty folder — when it serves for the first time
        let first = try await ServingProcess.start(in: folder, environment: database.environment)
        let health = try await first.health()
        let firstOutput = try await first.stop()
        // then
        #expect(health.status == "ok" && health.database == TestDatabase.kindName)
        #expect(firstOutput.contains("Kata sandi :"), "\(firstOutput)")
        if TestDatabase.postgresURL == nil {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("data/dikelola.sqlite").path))
        }

        // when it serves again on the same database, with the demo
        let second = try await ServingProcess.start(in: folder, environment: database.environment, arguments: ["--demo"])
        _ = try await second.health()
        let secondOutput = try await second.stop()
        // then no new password, and the demo is loaded
        #expect(!secondOutput.contains("Kata sandi :"))
        #expect(secondOutput.contains("Demo dimuat: Pemerintah Kabupaten Contoh"))
    }

    /// Under systemd the console is the journal, which others read: an empty database gets no
    /// administrator and no password there, only the command to make one in a terminal.
    @Test func underSystemdNoPasswordReachesTheJournal() async throws {
        let folder = try Dikelola.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try await ServerDatabase.make()
        defer { Task { await database.drop() } }
        let environment = database.environment.merging(["JOURNAL_STREAM": "8:12345"]) { $1 }
        let server = try await ServingProcess.start(in: folder, environment: environment)
        #expect(try await server.health().status == "ok")
        let output = try await server.stop()
        #expect(!output.contains("Kata sandi :"), "\(output)")
        #expect(output.contains("create-admin"))
    }
}

/// On PostgreSQL, a database of the test's own (the binary connects to its default schema).
struct ServerDatabase {
    let environment: [String: String]
    private let name: String?
    private let url: String?

    static func make() async throws -> ServerDatabase {
        guard let url = TestDatabase.postgresURL else { return ServerDatabase(environment: [:], name: nil, url: nil) }
        let name = TestDatabase.uniqueName("serve")
        try await administer(url) { try await $0.raw("CREATE DATABASE \(ident: name)").run() }
        var components = try #require(URLComponents(string: url))
        components.path = "/" + name
        return ServerDatabase(environment: ["DATABASE_URL": try #require(components.string)], name: name, url: url)
    }

    func drop() async {
        guard let name, let url else { return }
        try? await Self.administer(url) { try await $0.raw("DROP DATABASE IF EXISTS \(ident: name)").run() }
    }

    private static func administer(_ url: String, _ body: (any SQLDatabase) async throws -> Void) async throws {
        let app = try await Application.make(.testing)
        do {
            try configure(
                app,
                configuration: AppConfiguration(
                    dataDirectory: FileManager.default.temporaryDirectory,
                    database: try DatabaseChoice.postgres(url: url)))
            try await body(app.db as! any SQLDatabase)
        } catch {
            try await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}

/// A `dikelola serve` process on a free loopback port.
final class ServingProcess: @unchecked Sendable {
    let process: Process
    let port: Int
    let log: URL

    private init(process: Process, port: Int, log: URL) {
        self.process = process
        self.port = port
        self.log = log
    }

    static func start(in folder: URL, environment: [String: String], arguments: [String] = []) async throws -> ServingProcess {
        // Below Linux's ephemeral range (32768–60999), where every outgoing connection (the
        // PostgreSQL pools of the tests running beside this one) takes its local port: a port
        // drawn there was once already taken ("Address already in use").
        let port = Int.random(in: 20_000..<32_000)
        let log = folder.appendingPathComponent("serve-\(port).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        let process = Process()
        process.executableURL = Dikelola.executable
        process.arguments = ["serve", "--port", String(port)] + arguments
        process.currentDirectoryURL = folder
        process.environment = Dikelola.cleanEnvironment.merging(environment) { $1 }
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        return ServingProcess(process: process, port: port, log: log)
    }

    /// Polls `/health` until it answers (a first build of the schema takes a moment).
    func health() async throws -> HealthController.Health {
        let url = URL(string: "http://127.0.0.1:\(port)/health")!
        // The demo loads first (a few seconds; longer on a busy machine), so allow up to three minutes.
        for _ in 0..<720 {
            if !process.isRunning { break }
            if let (data, response) = try? await URLSession.shared.data(from: url),
                let http = response as? HTTPURLResponse, http.statusCode == 200
            {
                return try JSONDecoder().decode(HealthController.Health.self, from: data)
            }
            try await Task.sleep(for: .milliseconds(250))
        }
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        throw ServeFailure(message: "dikelola serve did not answer /health on port \(port):\n\(output)")
    }

    /// Stops the server as Ctrl-C would and returns what it printed.
    func stop() async throws -> String {
        process.interrupt()
        for _ in 0..<80 where process.isRunning { try await Task.sleep(for: .milliseconds(250)) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return try String(contentsOf: log, encoding: .utf8)
    }
}

struct ServeFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
