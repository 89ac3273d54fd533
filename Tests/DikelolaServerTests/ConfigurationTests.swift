import DikelolaCore
import Foundation
import Testing
import NIOCore
import Vapor

@testable import DikelolaServer

@Suite struct ConfigurationTests {
    @Test func defaultsToSQLiteInTheDataFolder() throws {
        let configuration = try AppConfiguration.fromEnvironment([:])
        #expect(configuration.dataDirectory.lastPathComponent == "data")
        guard case let .sqliteFile(url) = configuration.database else {
            Issue.record("the embedded default is SQLite")
            return
        }
        #expect(url.deletingLastPathComponent() == configuration.dataDirectory)
        #expect(configuration.database.kindName == "sqlite")
        #expect(configuration.collectiveLeaveIsDayOff)
    }

    @Test func readsEverySetting() throws {
        let configuration = try AppConfiguration.fromEnvironment([
            "DIKELOLA_DATA_DIR": "/var/lib/dikelola",
            "DATABASE_URL": "postgres://dikelola:rahasia@db.internal:5433/dikelola",
            "DIKELOLA_CUTI_BERSAMA_IS_DAY_OFF": "false",
            "DIKELOLA_ADMIN_EMAIL": "PPID@Contohkab.go.id",
            "DIKELOLA_SOP_DIR": "/etc/dikelola/sop",
        ])
        #expect(configuration.dataDirectory.path == "/var/lib/dikelola")
        #expect(configuration.database.kindName == "postgres")
        #expect(configuration.database.description == "PostgreSQL postgres://dikelola:***@db.internal:5433/dikelola")
        #expect(!configuration.collectiveLeaveIsDayOff)
        #expect(configuration.initialAdminEmail == "ppid@contohkab.go.id")
        #expect(configuration.sopDirectory?.path == "/etc/dikelola/sop")
    }

    @Test(arguments: [
        ("mysql://root@localhost/dikelola", "skema 'mysql'"),
        ("postgres://localhost/dikelola", "nama pengguna"),
        ("bukan url sama sekali", "bukan URL"),
        ("postgres://u:p@localhost/db?sslmode=kadang", "tidak dapat dibaca"),
    ])
    func refusesABadDatabaseURL(url: String, fragment: String) {
        do {
            _ = try AppConfiguration.fromEnvironment(["DATABASE_URL": url])
            Issue.record("\(url) must be refused")
        } catch {
            #expect(error.description.contains("DATABASE_URL tidak valid"))
            #expect(error.description.contains(fragment), "\(error.description)")
            #expect(!error.description.contains(":p@"))
        }
    }

    @Test func refusesBadSettings() {
        #expect(
            throws: ConfigurationError.invalidSetting(
                name: "DIKELOLA_CUTI_BERSAMA_IS_DAY_OFF", value: "kadang",
                expected: "isi true atau false")
        ) {
            try AppConfiguration.fromEnvironment(["DIKELOLA_CUTI_BERSAMA_IS_DAY_OFF": "kadang"])
        }
        #expect(throws: ConfigurationError.self) { try AppConfiguration.fromEnvironment(["DIKELOLA_ADMIN_EMAIL": "admin"]) }
        #expect(throws: ConfigurationError.self) { try AppConfiguration.fromEnvironment(["DIKELOLA_TRUSTED_PROXIES": "nginx"]) }
        #expect(throws: ConfigurationError.self) { try AppConfiguration.fromEnvironment(["DIKELOLA_WEBHOOK_TIMEOUT": "0"]) }
    }

    /// Behind the proxy the audit and the sign-in throttle see the client; a forged header from
    /// anyone else is ignored.
    @Test func theClientAddressIsTheProxysWordOnlyFromATrustedProxy() async throws {
        try await withApp(adjust: { $0.trustedProxies = try! TrustedProxies(parsing: "127.0.0.1") }) { app in
            func address(peer: String, forwardedFor: String) throws -> String {
                let request = Request(
                    application: app, method: .GET, url: "/", headers: ["X-Forwarded-For": forwardedFor],
                    remoteAddress: try SocketAddress(ipAddress: peer, port: 40000), on: app.eventLoopGroup.next())
                return request.clientAddress
            }
            let behindProxy = try address(peer: "127.0.0.1", forwardedFor: "6.6.6.6, 198.51.100.7")
            let direct = try address(peer: "203.0.113.9", forwardedFor: "198.51.100.7")
            #expect(behindProxy == "198.51.100.7" && direct == "203.0.113.9")
        }
        try await withApp { app in
            let request = Request(
                application: app, method: .GET, url: "/", headers: ["X-Forwarded-For": "198.51.100.7"],
                remoteAddress: try SocketAddress(ipAddress: "127.0.0.1", port: 40000), on: app.eventLoopGroup.next())
            #expect(request.clientAddress == "127.0.0.1", "no proxy is trusted unless configured")
        }
    }

    @Test func theCollectiveLeaveSettingReachesTheCalendar() throws {
        let calendar = try AppConfiguration.fromEnvironment(["DIKELOLA_CUTI_BERSAMA_IS_DAY_OFF": "0"]).loadCalendar()
        #expect(!calendar.collectiveLeaveIsDayOff)
    }

    @Test func aBrokenHolidayFileStopsTheStart() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(TestDatabase.uniqueName("holidays") + ".yaml")
        try "years:\n  2027:\n    nationalHolidays:\n      2027-13-01: Salah\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        var configuration = try AppConfiguration.fromEnvironment([:])
        configuration.holidaysFile = file
        #expect(throws: FileProblems.self) { try configuration.loadCalendar() }
    }
}
