import DikelolaCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import DikelolaServer

/// The home page by role: what awaits the person, entries ending in their units, recent decisions,
/// and the PPID Utama's view of the whole body.
@Suite struct DashboardTests {
    @Test func eachPersonSeesTheirOwnAndThePPIDUtamaTheWholeBody() async throws {
        let clock = FixedClock(ExpirySweepTests.at("2026-11-10"))
        try await withApp(clock: clock) { app in
            try await ExpirySweepTests.register(app)  // Disdukcapil: 3 entries, one ends 31 December 2026
            clock.set(ExpirySweepTests.at("2026-11-17"))
            #expect(try await ExpirySweep.run(app: app, now: clock.now()).endingSoon == 1)
            let decree = try #require(try await Decree.query(on: app.db).first())

            let main = Browser(app)
            try await main.signIn(as: "mainppid.diskominfo@contohkab.go.id")
            let overview = try await main.get("/")
            #expect(overview.body.contains("Ikhtisar badan publik"))
            // Disdukcapil's row: nothing in progress, no overdue step, 3 entries, 1 ending soon.
            let row = try #require(overview.body.range(of: "Dinas Kependudukan dan Pencatatan Sipil</a></td>"))
            let cells = overview.body[row.upperBound...].prefix(400)
            #expect(cells.contains("<td>0</td>") && cells.contains(">3</a>") && cells.contains(">1</a>"), "\(cells)")
            #expect(overview.body.contains("Berakhir akhir tahun") && overview.body.contains("17 November 2026"))
            #expect(overview.body.contains(decree.number))

            // The head of Disdukcapil: the entry and the decree, not the body's overview.
            let head = Browser(app)
            try await head.signIn(as: PeriodActionTests.head)
            let own = try await head.get("/")
            #expect(own.body.contains("Berakhir akhir tahun") && own.body.contains(decree.number))
            #expect(!own.body.contains("Ikhtisar badan publik"))

            // Another unit's operator sees none of it.
            let other = Browser(app)
            try await other.signIn(as: "operator.dinkes@contohkab.go.id")
            let theirs = try await other.get("/")
            #expect(!theirs.body.contains("Berakhir akhir tahun") && !theirs.body.contains(decree.number))

            // An opening being prepared waits for the PPID Pembantu, then for the head.
            let unit = try #require(try await Unit.query(on: app.db).filter(\.$shortName == "Disdukcapil").first())
            let entry = try await PeriodActionTests.entry("Berakhir akhir tahun", app)
            let ppidActing = try await DemoProcedure.acting(app, role: .assistantPPID, unit: unit)
            let action = try await PeriodActionService.start(
                unitID: unit.requireID(), kind: .opening, entryIDs: [entry.requireID()], acting: ppidActing)
            let ppid = Browser(app)
            try await ppid.signIn(as: PeriodActionTests.ppid)
            let preparing = try await ppid.get("/")
            #expect(
                preparing.body.contains("sedang Anda siapkan") && preparing.body.contains(SiteURL.periodAction(action.id).path))
            #expect(!(try await head.get("/")).body.contains("menunggu persetujuan Anda"))
        }
    }
}

/// The consequence-test form's period, explained before saving.
@Suite struct PeriodPreviewRouteTests {
    struct Answer: Decodable {
        let lines: [String]
        let problems: [String]
    }

    @Test func theEndAndTheOpeningDecreeDateBeforeSaving() async throws {
        let clock = FixedClock(ExpirySweepTests.at("2026-11-10"))
        try await withApp(clock: clock) { app in
            _ = try await DemoGovernment.load(in: app)
            let anonymous = Browser(app)
            #expect(try await anonymous.get("/periode/pratinjau?periodKind=until&end=2026-12-31").status == .seeOther)

            let op = Browser(app)
            try await op.signIn(as: PeriodActionTests.operatorEmail)
            func ask(_ query: String) async throws -> Answer {
                let page = try await op.get("/periode/pratinjau?" + query)
                #expect(page.status == .ok)
                return try JSONDecoder().decode(Answer.self, from: Data(page.body.utf8))
            }
            let until = try await ask("ground=h1&periodKind=until&end=2026-12-31")
            #expect(
                until.lines.first == "Berakhir 31 Desember 2026; terbuka demi hukum sejak tanggal itu bila tidak diperpanjang.")
            #expect(until.lines.contains { $0.contains("paling lambat 17 November 2026") } && until.problems.isEmpty)
            let english = try await ask("ground=h1&periodKind=until&end=2026-12-31&lang=en")
            #expect(english.lines.first?.hasPrefix("Ends 31 December 2026") == true)
            let bad = try await ask("periodKind=length&years=lima&from=2026-11-10")
            #expect(bad.lines.isEmpty && bad.problems == ["Jumlah tahun harus bilangan bulat tidak negatif."])
            let unlawful = try await ask("ground=a1&periodKind=event&event=penyidikan%20selesai&reviewOn=2027-06-01")
            #expect(unlawful.problems.count == 1 && unlawful.problems[0].contains("paling lama 30 tahun"))
            let past = try await ask("ground=h1&periodKind=until&end=2026-01-05")
            #expect(past.problems.first?.contains("harus sesudah tanggal penetapan 10 November 2026") == true)
        }
    }
}

/// A form sent after the session ended: nothing saved, a clear page, and the way back to the form
/// (where the page's script puts back what was typed).
@Suite struct ExpiredFormTests {
    @Test func aFormWithoutASessionSaysSoAndLeadsBackThroughTheSignIn() async throws {
        try await withApp { app in
            _ = try await DemoGovernment.load(in: app)
            let unit = try #require(try await Unit.query(on: app.db).filter(\.$shortName == "Disdukcapil").first())
            let browser = Browser(app)
            browser.referer = "http://localhost\(SiteURL.unit(unit.id).path)"
            // No session at all (the cookie expired): refused before anything is read.
            let refused = try await browser.post(
                SiteURL.unitOpenProposal(unit.id).path, ["title": "Usulan yang terputus"], includeCSRF: false)
            #expect(refused.status == .forbidden)
            #expect(refused.body.contains("Formulir belum terkirim") && refused.body.contains(#"id="keep-drafts""#))
            #expect(refused.body.contains("/masuk?lanjut=\(SiteURL.unit(unit.id).path)"))
            // A session whose sign-in ended (a token, no person): back to the sign-in, then to the form.
            try await browser.get("/masuk")
            let redirected = try await browser.post(SiteURL.unitOpenProposal(unit.id).path, ["title": "Usulan yang terputus"])
            #expect(redirected.status == .seeOther)
            let location = try #require(redirected.location)
            #expect(location.hasPrefix("/masuk?") && location.contains("sesi=berakhir"))
            let signIn = try await browser.get(location)
            #expect(signIn.body.contains("Sesi Anda berakhir sebelum formulir terkirim") && signIn.body.contains("keep-drafts"))
            #expect(signIn.body.contains(#"name="lanjut" value="\#(SiteURL.unit(unit.id).path)""#))
            #expect(try await Proposal.query(on: app.db).count() == 0)
            // A referer from another site is never followed.
            browser.referer = "https://contoh.example/jebakan"
            let elsewhere = try await browser.post(SiteURL.unitOpenProposal(unit.id).path, ["title": "x"])
            #expect(elsewhere.location?.contains("jebakan") == false)
        }
    }
}
