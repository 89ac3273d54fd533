import DikelolaCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import DikelolaServer

/// The daily sweep, by moving the clock: never by waiting.
@Suite struct ExpirySweepTests {
    static func at(_ iso: String, hour: Double = 9) -> Date {
        TimeZoneRegion.wib.startOfDay(LocalDate(iso: iso)!).addingTimeInterval(hour * 3600)
    }

    /// A decree in the Disdukcapil with three entries: ending 31 Dec 2026, an event reviewed on 1 Dec 2026, ending 2031.
    static func register(_ app: Application) async throws {
        _ = try await DemoGovernment.load(in: app)
        let unit = try #require(try await Unit.query(on: app.db).filter(\.$shortName == "Disdukcapil").first())
        let op = try await APIClient.as("operator.disdukcapil@contohkab.go.id", in: app)
        let head = try await APIClient.as("head.disdukcapil@contohkab.go.id", in: app)
        var proposal = try await op.send(.POST, SiteURL.apiUnitProposals(unit.id).path, json: ["title": "Sapuan"]).proposal
        for title in ["Berakhir akhir tahun", "Sampai pegawai pensiun", "Berakhir 2031"] {
            proposal = try await op.send(.POST, SiteURL.apiProposalItems(proposal.id).path, json: Sample.item(title)).proposal
        }
        let periods: [ExemptionPeriod] = [
            .until(LocalDate(iso: "2026-12-31")!),
            .untilEvent(event: "pegawai pensiun", reviewOn: LocalDate(iso: "2026-12-01")!, latestEnd: nil),
            .until(LocalDate(iso: "2031-12-31")!),
        ]
        for (item, period) in zip(proposal.items, periods) {
            var test = Sample.closed("Pasal 17 huruf h angka 4")
            test.period = period
            let reply = try await op.send(.PUT, SiteURL.apiItemTest(proposal.id, item.id).path, json: test)
            #expect(reply.status == .ok, "\(reply.body)")
        }
        // A soft copy of the last item, for the archive's access rules.
        let upload = try await op.upload(
            SiteURL.apiProposalDocuments(proposal.id).path, fields: ["itemID": proposal.items[2].id.uuidString],
            name: "berkas.pdf", bytes: SampleFile.pdf)
        #expect(upload.status == .created, "\(upload.body)")
        try await op.recordMeeting(proposal.id)
        try await op.send(.POST, SiteURL.apiProposalStep(proposal.id, 1).path, json: [String: String]())
        try await head.approveDecree(proposal.id, step: 2)
        #expect(try await RegisterEntry.query(on: app.db).count() == 3)
    }

    @Test func marksOpensAndIsIdempotent() async throws {
        let clock = FixedClock(Self.at("2026-11-10"))
        try await withApp(clock: clock) { app in
            try await Self.register(app)
            let quiet = try await ExpirySweep.run(app: app, now: Self.at("2026-11-16"))
            #expect(quiet.changes == 0)
            // The sweep reads only what its day can change: the entry ending in 2031 is not read. Its
            // year without holiday data is still a warning, on the administrator's page and in /metrics.
            #expect(quiet.provisionalYears.isEmpty)
            let body = try #require(try await PublicBody.query(on: app.db).first())
            #expect(try await HolidayCoverage.missingYears(bodyID: body.requireID(), app: app, on: app.db).contains(2031))

            let soon = try await ExpirySweep.run(app: app, now: Self.at("2026-11-17"))
            #expect(soon.endingSoon == 1 && soon.openedByLaw == 0)
            let entry = try #require(try await RegisterEntry.query(on: app.db).filter(\.$title == "Berakhir akhir tahun").first())
            #expect(entry.status == .endingSoon && entry.openingDecreeDue?.iso == "2026-11-17")
            let events = try await AuditEvent.query(on: app.db).count()
            #expect(try await ExpirySweep.run(app: app, now: Self.at("2026-11-18")).changes == 0)  // nothing more
            #expect(try await AuditEvent.query(on: app.db).count() == events)

            #expect(try await ExpirySweep.run(app: app, now: Self.at("2026-12-01")).reviewDue == 1)

            // 31 December 2026 00:30 WIB is still 30 December in UTC: the body's zone decides.
            let opened = try await ExpirySweep.run(app: app, now: Self.at("2026-12-31", hour: 0.5))
            #expect(opened.openedByLaw == 1)
            let openedEntry = try #require(try await RegisterEntry.find(entry.id, on: app.db))
            #expect(openedEntry.status == .opened && openedEntry.openedByLaw && openedEntry.openedOn?.iso == "2026-12-31")
            let dip = try await PublicInformationEntry.query(on: app.db).filter(\.$source == .openedByLaw).all()
            #expect(dip.count == 1 && dip[0].summary.hasPrefix("Berakhir akhir tahun"))
            #expect(try await ExpirySweep.run(app: app, now: Self.at("2027-01-04")).changes == 0)
            #expect(try await PublicInformationEntry.query(on: app.db).filter(\.$source == .openedByLaw).count() == 1)
            #expect(try await AuditLog.verify(on: app.db).firstBreak == nil)
        }
    }

    @Test func twoSweepsAtOnceOpenOnce() async throws {
        let clock = FixedClock(Self.at("2026-11-10"))
        try await withApp(clock: clock) { app in
            try await Self.register(app)
            let reports = try await withThrowingTaskGroup(of: ExpirySweep.Report.self) { group in
                for _ in 0..<2 { group.addTask { try await ExpirySweep.run(app: app, now: Self.at("2027-01-04")) } }
                return try await group.reduce(into: [ExpirySweep.Report]()) { $0.append($1) }
            }
            #expect(reports.map(\.openedByLaw).reduce(0, +) == 1)
            #expect(try await PublicInformationEntry.query(on: app.db).filter(\.$source == .openedByLaw).count() == 1)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "register.openedByLaw").count() == 1)
        }
    }
}

extension ExpirySweep.Report {
    var changes: Int { endingSoon + reviewDue + openedByLaw }
}

@Suite struct SweepCommandTests {
    @Test func refusesABadMoment() throws {
        let folder = try Dikelola.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try Dikelola.run(["sweep", "--now", "besok"], in: folder)
        #expect(outcome.status == 1 && outcome.error.contains("bukan waktu ISO 8601"))
    }
}
