import DikelolaCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import DikelolaServer

/// A start does not read the register: every change made through Dikelola publishes in its own
/// transaction, so only a body whose latest snapshot was made by an older release (its format) is
/// published again. `dikelola publish` compares every body, for changes made by other means.
@Suite struct StartPublicationTests {
    @Test func aStartLooksOnlyAtSnapshotsOfAnOlderFormat() async throws {
        try await withApp { app in
            _ = try await DemoGovernment.load(in: app)
            _ = try await DemoProcedure.load(in: app)
            let latest = try #require(try await Publication.query(on: app.db).sort(\.$version, .descending).first())
            #expect(latest.format == PublicRegister.format)
            #expect(try await Publisher.catchUp(app: app, now: Date(), onlyOlderFormats: true) == 0)

            // A change made outside Dikelola: a start does not see it, `dikelola publish` does.
            let entry = try #require(try await RegisterEntry.query(on: app.db).first())
            entry.title = "Diubah langsung di basis data"
            try await entry.save(on: app.db)
            #expect(try await Publisher.catchUp(app: app, now: Date(), onlyOlderFormats: true) == 0)
            #expect(try await Publisher.catchUp(app: app, now: Date()) == 1)

            // A snapshot of an older release is looked at once; the same register is not a new
            // version, and the next start does not look again.
            let newest = try #require(try await Publication.query(on: app.db).sort(\.$version, .descending).first())
            newest.format = nil
            try await newest.save(on: app.db)
            let versions = try await Publication.query(on: app.db).count()
            #expect(try await Publisher.catchUp(app: app, now: Date(), onlyOlderFormats: true) == 0)
            #expect(try await Publication.query(on: app.db).count() == versions)
            #expect(try await Publication.find(newest.id, on: app.db)?.format == PublicRegister.format)
        }
    }
}
