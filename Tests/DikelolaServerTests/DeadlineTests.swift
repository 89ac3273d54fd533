import DikelolaCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import DikelolaServer

/// Deadlines in civil-service time: late ones marked, stored ones counted again when the
/// holidays or the working hours change.
@Suite struct DeadlineTests {
    @Test func aLateOpeningDecreeIsMarkedTerlambatInTheRegisterTheDashboardAndANotification() async throws {
        let clock = FixedClock(ExpirySweepTests.at("2026-11-10"))
        try await withApp(clock: clock) { app in
            try await ExpirySweepTests.register(app)
            // The opening decree of the entry ending 31 December is due by 17 November.
            _ = try await ExpirySweep.run(app: app, now: ExpirySweepTests.at("2026-11-17"))
            clock.set(ExpirySweepTests.at("2026-11-25"))
            let late = try await ExpirySweep.run(app: app, now: clock.now())
            #expect(late.overdue == 1)
            let notes = try await DikelolaServer.Notification.query(on: app.db).filter(\.$kind == .overdue).all()
            #expect(!notes.isEmpty && notes.allSatisfy { $0.message.hasPrefix("TERLAMBAT: ") })
            // Told once, however many sweeps follow.
            _ = try await ExpirySweep.run(app: app, now: ExpirySweepTests.at("2026-11-26"))
            #expect(try await DikelolaServer.Notification.query(on: app.db).filter(\.$kind == .overdue).count() == notes.count)

            let unit = try #require(try await Unit.query(on: app.db).filter(\.$shortName == "Disdukcapil").first())
            let ppid = Browser(app)
            try await ppid.signIn(as: "assistantppid.disdukcapil@contohkab.go.id")
            let register = try await ppid.get(SiteURL.unitRegister(unit.id).path)
            #expect(register.body.contains("paling lambat 17 November 2026 — TERLAMBAT"))
            let home = try await ppid.get("/")
            #expect(home.body.contains("terlambat"))
            let ending = try await ppid.get(SiteURL.unitEnding(unit.id).path)
            #expect(ending.body.contains("— terlambat"))
        }
    }

    @Test func newWorkingHoursMoveTheDueTimeOfAStepUnderWayAndTheHistorySaysSo() async throws {
        // Monday 23 November 2026, 15.00 WIB.
        let clock = FixedClock(ExpirySweepTests.at("2026-11-23", hour: 15))
        try await withApp(clock: clock) { app in
            _ = try await DemoGovernment.load(in: app)
            let unit = try #require(try await Unit.query(on: app.db).filter(\.$shortName == "DSPPA").first())
            let op = try await APIClient.as("operator.dsppa@contohkab.go.id", in: app)
            let opened = try await op.send(.POST, SiteURL.apiUnitProposals(unit.id).path, json: ["title": "Jam kerja"])
            let proposal = try opened.proposal
            // Kapuas Hulu step 1 is "1 hari": due when the next working day closes, 16.00.
            #expect(proposal.currentStep?.dueAt == ExpirySweepTests.at("2026-11-24", hour: 16))
            let page = Browser(app)
            try await page.signIn(as: "operator.dsppa@contohkab.go.id")
            #expect(try await page.get(SiteURL.proposal(proposal.id).path).body.contains("24 November 2026 pukul 16.00 WIB"))

            let body = try #require(try await PublicBody.find(proposal.bodyID, on: app.db))
            body.workingHoursText = "Senin–Kamis 08.00–15.00; Jumat 08.00–11.30"
            try await body.save(on: app.db)
            let report = try await DeadlineRefresh.all(app, now: clock.now())
            #expect(report.proposals >= 1)
            let moved = try #require(try await Proposal.find(proposal.id, on: app.db))
            #expect(moved.currentStepDueAt == ExpirySweepTests.at("2026-11-24", hour: 15))
            let event = try #require(
                try await AuditEvent.query(on: app.db).filter(\.$action == AuditAction.proposalDeadlineRecomputed.rawValue)
                    .filter(\.$targetID == proposal.id.uuidString).first())
            #expect(event.summaryAfter?.contains("24 November 2026 pukul 15.00 WIB") == true)
            // Counting again changes nothing more.
            #expect(try await DeadlineRefresh.all(app, now: clock.now()).proposals == 0)
            #expect(try await AuditLog.verify(on: app.db).firstBreak == nil)
        }
    }

    @Test func anOpeningUnderWayHasItsLatestDateCountedAgain() async throws {
        let clock = FixedClock(ExpirySweepTests.at("2026-11-10"))
        try await withApp(clock: clock) { app in
            try await ExpirySweepTests.register(app)
            _ = try await ExpirySweep.run(app: app, now: ExpirySweepTests.at("2026-11-17"))
            clock.set(ExpirySweepTests.at("2026-11-18"))
            let ending = try await PeriodActionTests.entry("Berakhir akhir tahun", app)
            let ppid = Browser(app)
            try await ppid.signIn(as: PeriodActionTests.ppid)
            try await ppid.get(SiteURL.unitEnding(ending.$unit.id).path)
            try await ppid.post(
                SiteURL.unitStartPeriodAction(ending.$unit.id).path, ["kind": "opening", "entry-\(ending.id!.uuidString)": "on"])
            let action = try #require(try await PeriodAction.query(on: app.db).first())
            #expect(action.legalDue == LocalDate(iso: "2026-11-17"))
            // As if counted on older holiday data: the next count puts it right, and says so.
            action.legalDue = LocalDate(iso: "2026-11-19")
            try await action.save(on: app.db)
            let report = try await DeadlineRefresh.all(app, now: clock.now())
            #expect(report.actions == 1)
            #expect(try await PeriodAction.find(action.id, on: app.db)?.legalDue == LocalDate(iso: "2026-11-17"))
            #expect(
                try await AuditEvent.query(on: app.db).filter(\.$action == AuditAction.periodActionDeadlineRecomputed.rawValue)
                    .count() == 1)
            #expect(try await DeadlineRefresh.all(app, now: clock.now()).actions == 0)
        }
    }
}
