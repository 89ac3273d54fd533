import DikelolaCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import DikelolaServer

/// Objections and rulings against an entry, through the pages: deadlines in working days, a
/// decision upholding the exemption kept, a Commission ruling opening the entry into the DIP and
/// the published register, and the information barred from any later exemption.
@Suite struct DisputeTests {
    static let ppid = "assistantppid.disdukcapil@contohkab.go.id"
    static let head = "head.disdukcapil@contohkab.go.id"
    static let operatorEmail = "operator.disdukcapil@contohkab.go.id"

    static func ruling(
        _ kind: RulingKind, _ order: RulingOrder, number: String, date: String, legalForce: Bool = false
    ) -> [String: String] {
        [
            "kind": kind.rawValue, "order": order.rawValue, "number": number, "date": date,
            "issuer": kind == .objectionDecision ? "Kepala Dinas Kependudukan" : "Komisi Informasi Provinsi Kalimantan Barat",
            "orderText": order == .open ? "Memerintahkan termohon memberikan informasi kepada pemohon." : "Menolak permohonan.",
            "legalForce": legalForce ? "yes" : "no",
        ]
    }

    @Test func aCommissionRulingOpensTheEntryAndTheInformationIsNeverExemptedAgain() async throws {
        let clock = FixedClock(ExpirySweepTests.at("2026-11-10"))
        try await withApp(clock: clock) { app in
            try await ExpirySweepTests.register(app)
            let entry = try await PeriodActionTests.entry("Berakhir 2031", app)
            let entryPath = SiteURL.registerEntry(entry.id).path
            clock.set(ExpirySweepTests.at("2026-11-13"))

            // The operator reads the entry but may not record a dispute; an administrator may not read it.
            let op = Browser(app)
            try await op.signIn(as: Self.operatorEmail)
            #expect(try await op.get(entryPath).status == .ok)
            let refused = try await op.submit(
                SiteURL.entryDispute(entry.id).path, ["requestReference": "REG-1", "refusedOn": "2026-11-10"])
            #expect(refused.status == .forbidden)
            let admin = try await signedInDeploymentAdmin(app)
            #expect(try await admin.get(entryPath).status != .ok)

            // A refusal dated after today is refused, naming the field; nothing is written.
            let ppid = Browser(app)
            try await ppid.signIn(as: Self.ppid)
            #expect(try await ppid.get(entryPath).body.contains("Belum ada keberatan"))
            let future = try await ppid.submit(
                SiteURL.entryDispute(entry.id).path, ["requestReference": "REG-1", "refusedOn": "2026-11-20"])
            #expect(future.status == .unprocessableEntity && future.body.contains("tidak boleh sesudah hari ini"))
            #expect(try await InformationDispute.query(on: app.db).count() == 0)

            // The refusal and the objection: the head answers within 30 working days (Ps 36(2)),
            // 28 December 2026 counting the collective leave of 24 and Christmas on 25 December.
            let recorded = try await ppid.submit(
                SiteURL.entryDispute(entry.id).path,
                ["requestReference": "REG-1", "refusedOn": "2026-11-10", "objectionReceivedOn": "2026-11-12"])
            #expect(recorded.status == .ok, "\(recorded.body)")
            #expect(recorded.body.contains("28 Desember 2026") && recorded.body.contains("Pasal 36 ayat 2"))
            let dispute = try #require(try await InformationDispute.query(on: app.db).first())
            // The head is told the objection awaits an answer, and by when.
            let headUser = try await PeriodActionTests.user(Self.head, app)
            let told = try await Notification.query(on: app.db).filter(\.$user.$id == headUser.requireID()).all()
            #expect(told.contains { $0.message.contains("Keberatan atas") && $0.message.contains("28 Desember 2026") })

            // A decision without its document is refused, naming the file; then the head's answer upholds.
            clock.set(ExpirySweepTests.at("2026-11-17"))
            let head = Browser(app)
            try await head.signIn(as: Self.head)
            try await head.get(entryPath)
            let noFile = try await head.upload(
                SiteURL.disputeRuling(dispute.id).path,
                Self.ruling(.objectionDecision, .uphold, number: "045/KEB/2026", date: "2026-11-16"), file: "file", name: "",
                bytes: [])
            #expect(try await head.follow(noFile).body.contains("Lampirkan dokumen putusan"))
            #expect(try await Ruling.query(on: app.db).count() == 0)
            let upheld = try await head.submitUpload(
                SiteURL.disputeRuling(dispute.id).path,
                Self.ruling(.objectionDecision, .uphold, number: "045/KEB/2026", date: "2026-11-16"), file: "file",
                name: "tanggapan.pdf", bytes: SampleFile.pdf)
            // The requester may go to the Commission within 14 working days of the answer (Ps 37(2)).
            #expect(upheld.body.contains("045/KEB/2026") && upheld.body.contains("4 Desember 2026"))
            #expect(try await RegisterEntry.find(entry.id, on: app.db)?.status == .exempted)

            // The Commission orders it opened, not yet final: recorded, the entry still exempted.
            clock.set(ExpirySweepTests.at("2026-11-24"))
            try await ppid.signIn(as: Self.ppid)  // a week on, the session has ended
            try await ppid.get(entryPath)
            let ruled = try await ppid.submitUpload(
                SiteURL.disputeRuling(dispute.id).path,
                Self.ruling(.commissionRuling, .open, number: "012/KIP-KB/XI/2026", date: "2026-11-23"), file: "file",
                name: "putusan.pdf", bytes: SampleFile.pdf)
            #expect(ruled.body.contains("belum berkekuatan hukum tetap"))
            #expect(try await RegisterEntry.find(entry.id, on: app.db)?.status == .exempted)
            let versionsBefore = try await Publication.query(on: app.db).count()

            // The head answers once.
            try await head.signIn(as: Self.head)
            try await head.get(entryPath)
            let twice = try await head.upload(
                SiteURL.disputeRuling(dispute.id).path,
                Self.ruling(.objectionDecision, .open, number: "046/KEB/2026", date: "2026-11-17"), file: "file",
                name: "tanggapan.pdf", bytes: SampleFile.pdf)
            #expect(try await head.follow(twice).body.contains("ditanggapi satu kali"))

            // Not final before the 14 working days to reject it have passed (Ps 48(1)): 11 December.
            let commission = try #require(try await Ruling.query(on: app.db).filter(\.$kind == .commissionRuling).first())
            let early = try await ppid.submit(SiteURL.rulingLegalForce(commission.id).path, [:])
            #expect(early.status == .conflict && early.body.contains("11 Desember 2026"))
            #expect(try await RegisterEntry.find(entry.id, on: app.db)?.status == .exempted)

            // Declared final: the entry opens into the DIP with the ruling as its basis, and is published.
            clock.set(ExpirySweepTests.at("2026-12-14"))
            try await ppid.signIn(as: Self.ppid)
            try await ppid.get(entryPath)
            let opened = try await ppid.submit(SiteURL.rulingLegalForce(commission.id).path, [:])
            #expect(opened.body.contains("tidak dapat dikecualikan lagi"))
            let after = try #require(try await RegisterEntry.find(entry.id, on: app.db))
            #expect(after.status == .opened && after.openingRulingID == commission.id && !after.openedByLaw)
            let dip = try #require(try await PublicInformationEntry.query(on: app.db).filter(\.$item.$id == after.$item.id).first())
            #expect(dip.source == .openedByRuling && dip.rulingID == commission.id)
            #expect(try await Publication.query(on: app.db).count() == versionsBefore + 1)
            let latest = try #require(try await Publication.query(on: app.db).sort(\.$version, .descending).first())
            let published = try await Publisher.register(of: latest, on: app.db).entries.first { $0.id == after.registerNumber }
            #expect(published?.status == .opened && published?.openingRuling?.contains("012/KIP-KB/XI/2026") == true)
            // Nothing more can be recorded against it.
            let again = try await ppid.upload(
                SiteURL.disputeRuling(dispute.id).path,
                Self.ruling(.courtRuling, .uphold, number: "1/G/KI/2026/PTUN.PTK", date: "2026-12-14"), file: "file",
                name: "putusan.pdf", bytes: SampleFile.pdf)
            #expect(try await ppid.follow(again).status == .conflict)

            // A new test exempting the same information under another name is refused, citing the ruling.
            let client = try await APIClient.as(Self.operatorEmail, in: app)
            let unit = after.$unit.id
            var proposal = try await client.send(.POST, SiteURL.apiUnitProposals(unit).path, json: ["title": "Lagi"]).proposal
            proposal = try await client.send(
                .POST, SiteURL.apiProposalItems(proposal.id).path, json: Sample.item("Salinan berakhir 2031 (arsip)")).proposal
            var test = Sample.closed("Pasal 17 huruf h angka 4")
            test.period = .until(LocalDate(iso: "2030-12-31")!)
            let barred = try await client.send(.PUT, SiteURL.apiItemTest(proposal.id, proposal.items[0].id).path, json: test)
            #expect(barred.status == .unprocessableEntity)
            #expect(barred.body.contains("Komisi Informasi Provinsi Kalimantan Barat Nomor 012") && barred.body.contains("Pasal 18 ayat 1 huruf g"), "\(barred.body)")
            // Found open, it may be listed.
            test.verdict = "open"
            #expect(try await client.send(.PUT, SiteURL.apiItemTest(proposal.id, proposal.items[0].id).path, json: test).status == .ok)

            // The history keeps every decision, the upheld one too, and the chain holds.
            let page = try await ppid.get(entryPath)
            #expect(page.body.contains("045/KEB/2026") && page.body.contains("Menguatkan pengecualian"))
            let actions = try await AuditEvent.query(on: app.db).filter(\.$targetID == entry.id!.uuidString).all().map(\.action)
            #expect(
                Set(actions).isSuperset(of: ["dispute.record", "ruling.record", "ruling.legalForce", "register.openedByRuling"]))
            let (_, broken) = try await AuditLog.verify(on: app.db)
            #expect(broken == nil)
        }
    }

    @Test func theDocumentIsReadOnlyByThoseEntitledAndADecisionNeedsItsObjection() async throws {
        let clock = FixedClock(ExpirySweepTests.at("2026-11-10"))
        try await withApp(clock: clock) { app in
            try await ExpirySweepTests.register(app)
            let entry = try await PeriodActionTests.entry("Berakhir 2031", app)
            let ppid = Browser(app)
            try await ppid.signIn(as: Self.ppid)
            try await ppid.get(SiteURL.registerEntry(entry.id).path)
            try await ppid.submit(SiteURL.entryDispute(entry.id).path, ["requestReference": "REG-2", "refusedOn": "2026-11-10"])
            let dispute = try #require(try await InformationDispute.query(on: app.db).first())
            // Neither a Commission's nor a court's ruling before the objection (Ps 37(1), 47–48).
            for kind in [RulingKind.commissionRuling, .courtRuling] {
                let skipped = try await ppid.upload(
                    SiteURL.disputeRuling(dispute.id).path, Self.ruling(kind, .open, number: "9/X", date: "2026-11-10", legalForce: true),
                    file: "file", name: "a.pdf", bytes: SampleFile.pdf)
                #expect(try await ppid.follow(skipped).body.contains(kind == .courtRuling ? "Pasal 47" : "Pasal 37 ayat 1"))
            }
            // An answer to an objection never received is refused, and so is a date before the refusal.
            let early = try await ppid.upload(
                SiteURL.disputeRuling(dispute.id).path,
                Self.ruling(.objectionDecision, .open, number: "1/KEB", date: "2026-11-10"), file: "file", name: "a.pdf",
                bytes: SampleFile.pdf)
            #expect(try await ppid.follow(early).body.contains("Catat dulu tanggal keberatan diterima"))
            let before = try await ppid.upload(
                SiteURL.disputeRuling(dispute.id).path,
                Self.ruling(.commissionRuling, .open, number: "1/KI", date: "2026-11-09", legalForce: true), file: "file",
                name: "a.pdf", bytes: SampleFile.pdf)
            #expect(try await ppid.follow(before).body.contains("sebelum permohonan ditolak"))
            #expect(try await Ruling.query(on: app.db).count() == 0)
            #expect(try await RegisterEntry.find(entry.id, on: app.db)?.status == .exempted)

            // A final ruling opens at once; its document is read by the unit's PPID, not by another unit.
            try await ppid.submit(
                SiteURL.disputeDates(dispute.id).path,
                ["requestReference": "REG-2", "refusedOn": "2026-11-10", "objectionReceivedOn": "2026-11-10", "version": "1"])
            // An adjudication is not final before its 14 working days (Ps 48(1)); a mediated agreement is (Ps 39).
            let adjudication = try await ppid.upload(
                SiteURL.disputeRuling(dispute.id).path,
                Self.ruling(.commissionRuling, .open, number: "2/KI", date: "2026-11-10", legalForce: true), file: "file",
                name: "putusan.pdf", bytes: SampleFile.pdf)
            #expect(try await ppid.follow(adjudication).body.contains("Pasal 48 ayat 1"))
            let done = try await ppid.submitUpload(
                SiteURL.disputeRuling(dispute.id).path,
                Self.ruling(.commissionMediation, .open, number: "2/KI", date: "2026-11-10"), file: "file",
                name: "putusan.pdf", bytes: SampleFile.pdf)
            #expect(done.body.contains("Informasi dibuka"))
            let ruling = try #require(try await Ruling.query(on: app.db).first())
            // Another entry holding the same information says so, and opens by the same decision.
            let twin = try await PeriodActionTests.entry("Berakhir akhir tahun", app)
            twin.title = "Salinan Berakhir 2031"
            try await twin.save(on: app.db)
            let twinPage = try await ppid.get(SiteURL.registerEntry(twin.id).path)
            #expect(twinPage.body.contains("Informasi yang sama telah dibuka") && twinPage.body.contains("2/KI"))
            let twinOpened = try await ppid.submit(SiteURL.entryOpenLikewise(twin.id).path, [:])
            #expect(twinOpened.body.contains("Dibuka berdasarkan"))
            let reopened = try #require(try await RegisterEntry.find(twin.id, on: app.db))
            #expect(reopened.status == .opened && reopened.openingRulingID == ruling.id)
            // Its page and its dossier name the decision that opened it, though recorded on the other entry.
            let twinAfter = try await ppid.get(SiteURL.registerEntry(twin.id).path)
            #expect(twinAfter.body.contains("berdasarkan \(ruling.citation)") && !twinAfter.body.contains("demi hukum"))
            let twinDossier = try await ppid.get(SiteURL.entryDossier(twin.id).path)
            #expect(twinDossier.body.contains("berdasarkan \(ruling.citation) (UU 14/2008 Pasal 11 ayat 2)"))
            let download = try await ppid.get(SiteURL.rulingDocument(ruling.id).path)
            #expect(download.status == .ok && Array(download.body.utf8) == SampleFile.pdf)
            let other = Browser(app)
            try await other.signIn(as: "assistantppid.dinkes@contohkab.go.id")
            #expect(try await other.get(SiteURL.rulingDocument(ruling.id).path).status == .forbidden)
            #expect(try await other.get(SiteURL.registerEntry(entry.id).path).status == .forbidden)
        }
    }
}
