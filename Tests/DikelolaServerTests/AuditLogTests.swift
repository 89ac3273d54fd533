import DikelolaCore
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor

@testable import DikelolaServer

func draft(_ action: String, target: String, after: String? = nil) -> AuditChain.Draft {
    AuditChain.Draft(
        occurredAt: Date(), actorID: "user-1", actorRole: "operator", action: action, targetType: "proposal",
        targetID: target, bodyID: "body-1", summaryBefore: nil, summaryAfter: after, clientAddress: "127.0.0.1")
}

@Suite struct AuditLogTests {
    @Test func appendsAChainThatVerifies() async throws {
        try await withApp { app in
            for index in 1...5 {
                try await app.writeTransaction {
                    try await AuditLog.record(draft("proposal.update", target: "p\(index)"), on: $0)
                }
            }
            let events = try await AuditEvent.query(on: app.db).sort(\.$sequence).all()
            #expect(events.map(\.sequence) == [1, 2, 3, 4, 5])
            #expect(events[1].previousHash == events[0].hash)
            let (checked, found) = try await AuditLog.verify(on: app.db, batchSize: 2)
            #expect(checked == 5 && found == nil)
        }
    }

    @Test func theDatabaseRefusesToEditOrDeleteHistory() async throws {
        try await withApp { app in
            try await AuditLog.record(draft("proposal.create", target: "p1"), on: app.db)
            let sql = app.db as! any SQLDatabase
            await #expect(throws: (any Error).self) {
                try await sql.raw("UPDATE audit_events SET summary_after = 'dipalsukan'").run()
            }
            await #expect(throws: (any Error).self) { try await sql.raw("DELETE FROM audit_events").run() }
            #expect(try await AuditEvent.query(on: app.db).count() == 1)
        }
    }

    @Test func anEditedRowIsNamedByVerify() async throws {
        try await withApp { app in
            for index in 1...4 {
                try await AuditLog.record(draft("proposal.update", target: "p\(index)", after: "v\(index)"), on: app.db)
            }
            // An intruder with database access first removes the guard, then edits event #3.
            try await AuditTampering.edit(sequence: 3, on: app.db)
            let (_, found) = try await AuditLog.verify(on: app.db)
            #expect(found?.record.sequence == 3)
            #expect(found?.description.contains("peristiwa #3") == true)
        }
    }

    @Test func concurrentAppendsKeepOneChain() async throws {
        // Twenty writers at once: on PostgreSQL each waits on the chain's advisory lock, not for a
        // pooled connection. With fewer connections than writers, the writers queued for the pool
        // behind locked ones timed out (15 s) when the machine was loaded: this test is about the
        // chain, so each writer gets its own connection.
        try await withApp(adjust: { $0.databaseConnectionsPerLoop = 20 }) { app in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<20 {
                    group.addTask { () async throws -> Void in
                        _ = try await app.writeTransaction { db in
                            try await AuditLog.record(draft("proposal.update", target: "p\(index)"), on: db)
                        }
                    }
                }
                try await group.waitForAll()
            }
            let (checked, found) = try await AuditLog.verify(on: app.db)
            #expect(checked == 20 && found == nil)
        }
    }
}

/// What someone with direct database access might do; tests only.
enum AuditTampering {
    static func edit(sequence: Int, on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        if sql.dialect.name == "postgresql" {
            try await sql.raw("ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only").run()
        } else {
            try await sql.raw("DROP TRIGGER audit_events_no_update").run()
        }
        try await sql.raw("UPDATE audit_events SET summary_after = 'dipalsukan' WHERE sequence = \(bind: sequence)").run()
    }
}

@Suite(.serialized) struct AuditVerifyCommandTests {
    @Test func exitsWithTheBrokenEventNamed() async throws {
        let folder = try Dikelola.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try await ServerDatabase.make()
        defer { Task { await database.drop() } }
        let environment = database.environment.merging(["DIKELOLA_DATA_DIR": folder.path]) { $1 }

        // given a database with a short history
        let app = try await Application.make(.testing)
        do {
            try configure(app, configuration: try AppConfiguration.fromEnvironment(environment))
            try await Startup.prepareDatabase(app)
            for index in 1...3 { try await AuditLog.record(draft("proposal.update", target: "p\(index)"), on: app.db) }
        } catch {
            try await app.asyncShutdown()
            throw error
        }

        // then an intact chain verifies
        let intact = try Dikelola.run(["audit", "verify"], in: folder, environment: environment)
        #expect(intact.status == 0, "\(intact.error)")
        #expect(intact.output.contains("3 peristiwa"))

        // when event #2 is edited behind the application's back
        try await AuditTampering.edit(sequence: 2, on: app.db)
        try await app.asyncShutdown()

        // then verify fails and names it
        let broken = try Dikelola.run(["audit", "verify"], in: folder, environment: environment)
        #expect(broken.status == 1)
        #expect(broken.error.contains("peristiwa #2"), "\(broken.error)")
    }
}
