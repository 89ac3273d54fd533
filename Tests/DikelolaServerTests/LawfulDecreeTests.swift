import DikelolaCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import DikelolaServer

/// The law's checks on the way to a decree, from outside through the API: nothing unlawful is
/// saved, and the head weighs every warning before the decree is issued.
@Suite struct LawfulDecreeTests {
    static let clock = FixedClock(ExpirySweepTests.at("2026-11-25"))

    /// A Disdukcapil proposal (Kalimantan Barat SOP: the operator tests, the head decides) with one item.
    func open(_ app: Application, item title: String) async throws -> (APIClient, APIClient, ProposalView) {
        _ = try await DemoGovernment.load(in: app)
        let unit = try #require(try await Unit.query(on: app.db).filter(\.$shortName == "Disdukcapil").first())
        let op = try await APIClient.as("operator.disdukcapil@contohkab.go.id", in: app)
        let head = try await APIClient.as("head.disdukcapil@contohkab.go.id", in: app)
        var proposal = try await op.send(.POST, SiteURL.apiUnitProposals(unit.id).path, json: ["title": "Uji hukum"]).proposal
        proposal = try await op.send(.POST, SiteURL.apiProposalItems(proposal.id).path, json: Sample.item(title)).proposal
        return (op, head, proposal)
    }

    @Test func ps20_1_anUnlawfulPeriodOrStatuteIsRefusedWholeWithTheArticle() async throws {
        try await withApp(clock: Self.clock) { app in
            let (op, _, proposal) = try await open(app, item: "Rencana pengamanan jaringan")
            let path = SiteURL.apiItemTest(proposal.id, proposal.items[0].id).path
            var test = Sample.closed("Pasal 17 huruf c")
            test.period = .until(LocalDate(iso: "2999-12-31")!)
            let centuries = try await op.send(.PUT, path, json: test)
            #expect(centuries.status == .unprocessableEntity && centuries.error.contains("UU 14/2008 Pasal 20 ayat 1"))
            test.period = .untilEvent(event: "selamanya", reviewOn: LocalDate(iso: "2027-11-25")!, latestEnd: nil)
            let forever = try await op.send(.PUT, path, json: test)
            #expect(forever.status == .unprocessableEntity && forever.error.contains("bukan peristiwa"))
            // PP 61/2010 Ps 5: counted from the classification, not from a day in the future.
            var groundA = Sample.closed("Pasal 17 huruf a angka 1", years: 30)
            groundA.period = .length(PeriodLength(years: 30), from: LocalDate(iso: "2055-01-01")!)
            let later = try await op.send(.PUT, path, json: groundA)
            #expect(later.status == .unprocessableEntity && later.error.contains("PP 61/2010 Pasal 4 dan 5"))
            for statute in ["UU 14/2008", "-", "x"] {
                let reply = try await op.send(.PUT, path, json: Sample.closed("Pasal 17 huruf j", statute: statute))
                #expect(reply.status == .unprocessableEntity, "\(statute)")
                #expect(reply.body.contains(#""otherStatute""#), "\(statute): \(reply.body)")
            }
            // Nothing was saved by any refusal.
            let stored = try #require(try await ProposalItem.find(proposal.items[0].id, on: app.db))
            #expect(stored.consequenceTest == nil)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == AuditAction.itemTest.rawValue).count() == 0)
        }
    }

    @Test func ps18_theHeadAcknowledgesEachWarningBeforeTheDecree() async throws {
        try await withApp(clock: Self.clock) { app in
            // "APBD 2026" must be public (Ps 11(1)(d)); the officers still may test it, with a warning.
            let (op, head, proposal) = try await open(app, item: "APBD 2026 rincian belanja rahasia")
            let saved = try await op.send(
                .PUT, SiteURL.apiItemTest(proposal.id, proposal.items[0].id).path, json: Sample.closed("Pasal 17 huruf h angka 3"))
            #expect(saved.status == .ok)
            try await op.recordMeeting(proposal.id)
            try await op.send(.POST, SiteURL.apiProposalStep(proposal.id, 1).path, json: [String: String]())
            let shown = try await head.send(.GET, SiteURL.apiProposal(proposal.id).path).proposal
            #expect(shown.warnings.map(\.code).contains("neverExempt.budgetOrWorkPlan"))
            #expect(shown.warnings.allSatisfy { !$0.acknowledged })
            #expect(shown.currentStep?.issuesDecree == true)

            // Agreeing without acknowledging is refused, naming the article; nothing is issued.
            let refused = try await head.send(
                .POST, SiteURL.apiProposalStep(proposal.id, 2).path, json: ["decision": "agree"])
            #expect(refused.status == .unprocessableEntity && refused.error.contains("UU 14/2008 Pasal 11 ayat 1 huruf d"))
            #expect(try await Decree.query(on: app.db).count() == 0)
            #expect(try await WarningAcknowledgement.query(on: app.db).count() == 0)

            let approved = try await head.approveDecree(proposal.id, step: 2)
            #expect(approved.status == .ok, "\(approved.body)")
            #expect(try await Decree.query(on: app.db).count() == 1)
            let kept = try await WarningAcknowledgement.query(on: app.db).all()
            #expect(Set(kept.map(\.code)) == Set(shown.warnings.map(\.code)))
            #expect(kept.allSatisfy { $0.acknowledgedByName.contains("Disdukcapil") })
            let event = try #require(
                try await AuditEvent.query(on: app.db).filter(\.$action == AuditAction.warningAcknowledge.rawValue).first())
            #expect(event.summaryAfter?.contains("neverExempt.budgetOrWorkPlan") == true)
            #expect(try await AuditLog.verify(on: app.db).firstBreak == nil)

            // The test sheet prints the warning and who acknowledged it.
            let browser = Browser(app)
            try await browser.signIn(as: "operator.disdukcapil@contohkab.go.id")
            let sheet = try await browser.get(SiteURL.proposalTestSheet(proposal.id).path)
            #expect(sheet.body.contains("Peringatan dan pernyataan pimpinan") && sheet.body.contains("Pasal 11 ayat 1 huruf d"))
            #expect(!sheet.body.contains(">belum<"))
        }
    }

    @Test func uu19_theDecreeWaitsForAMeetingWithAPPID() async throws {
        try await withApp(clock: Self.clock) { app in
            let (op, head, proposal) = try await open(app, item: "Rekam medis pegawai")
            try await op.send(
                .PUT, SiteURL.apiItemTest(proposal.id, proposal.items[0].id).path, json: Sample.closed("Pasal 17 huruf h angka 2"))
            let noPPID = try await op.send(
                .PUT, SiteURL.apiProposalMeeting(proposal.id).path,
                json: Sample.Meeting(date: "2026-11-20", place: "Aula", participants: ["Sari — Kepala Dinas"]))
            #expect(noPPID.status == .unprocessableEntity && noPPID.error.contains("UU 14/2008 Pasal 19"))
            // The test's own step already waits for the meeting; the head is never asked to approve.
            let blocked = try await op.send(.POST, SiteURL.apiProposalStep(proposal.id, 1).path, json: [String: String]())
            #expect(blocked.status == .unprocessableEntity && blocked.error.contains("rapat uji konsekuensi belum dicatat"))
            #expect(try await head.approveDecree(proposal.id, step: 2).status == .conflict)
            #expect(try await Decree.query(on: app.db).count() == 0)
        }
    }

    @Test func ps22_7e_aPartialExemptionStaysPartialInTheRegisterAndTheDIP() async throws {
        try await withApp(clock: Self.clock) { app in
            let (op, head, proposal) = try await open(app, item: "Data penerima bantuan iuran")
            let path = SiteURL.apiItemTest(proposal.id, proposal.items[0].id).path
            var partly = Sample.partly("Pasal 17 huruf h angka 3", statute: nil)
            partly.openPart = nil
            let missing = try await op.send(.PUT, path, json: partly)
            #expect(missing.status == .unprocessableEntity && missing.error.contains("Pasal 22 ayat 7 huruf e"))
            #expect(missing.body.contains(#""openPart""#))
            partly.openPart = "Nama desa dan jumlah penerima per desa"
            #expect(try await op.send(.PUT, path, json: partly).status == .ok)
            try await op.recordMeeting(proposal.id)
            try await op.send(.POST, SiteURL.apiProposalStep(proposal.id, 1).path, json: [String: String]())
            #expect(try await head.approveDecree(proposal.id, step: 2).status == .ok)

            // The open part is public information, as the blacked-out version.
            let dip = try await PublicInformationEntry.query(on: app.db).filter(\.$source == .partlyOpen).all()
            #expect(dip.count == 1 && dip[0].summary.contains("Nama desa dan jumlah penerima per desa"))
            let entry = try #require(try await RegisterEntry.query(on: app.db).first())
            #expect(entry.verdict == .partlyClosed && entry.openPart == "Nama desa dan jumlah penerima per desa")
            // The public register says which part is open, and never that the whole is withheld.
            try await PublicSite.materializeAll(app)
            let reader = Browser(app)
            let page = try await reader.get("/publik/kabupaten-contoh/terkini/entri/\(entry.registerNumber).html")
            #expect(page.body.contains("Nama desa dan jumlah penerima per desa") && page.body.contains("sebagian"))
            #expect(!page.body.contains("seluruhnya"))
            // What is blacked out stays inside.
            #expect(!page.body.contains("alamat rumah"))
        }
    }
}
