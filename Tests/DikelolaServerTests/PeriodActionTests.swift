import DikelolaCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import DikelolaServer

/// Opening and re-classification at the end of a period, through the pages, with the clock moved.
@Suite struct PeriodActionTests {
    static let ppid = "assistantppid.disdukcapil@contohkab.go.id"
    static let head = "head.disdukcapil@contohkab.go.id"
    static let operatorEmail = "operator.disdukcapil@contohkab.go.id"

    static func entry(_ title: String, _ app: Application) async throws -> RegisterEntry {
        try #require(try await RegisterEntry.query(on: app.db).filter(\.$title == title).first())
    }

    static func user(_ email: String, _ app: Application) async throws -> User {
        try #require(try await User.query(on: app.db).filter(\.$email == email).first())
    }

    @Test func theOpeningIsPreparedApprovedAndEntersTheDIP() async throws {
        let clock = FixedClock(ExpirySweepTests.at("2026-11-10"))
        try await withApp(clock: clock) { app in
            try await ExpirySweepTests.register(app)
            _ = try await ExpirySweep.run(app: app, now: ExpirySweepTests.at("2026-11-17"))
            clock.set(ExpirySweepTests.at("2026-11-18"))
            let ending = try await Self.entry("Berakhir akhir tahun", app)
            let later = try await Self.entry("Berakhir 2031", app)
            let unit = ending.$unit.id

            // The PPID and the head were told; the operator was not.
            let ppidUser = try await Self.user(Self.ppid, app)
            let headUser = try await Self.user(Self.head, app)
            let told = try await Notification.query(on: app.db).filter(\.$kind == .endingSoon).all()
            #expect(Set(told.map { $0.$user.id }).isSuperset(of: [ppidUser.id!, headUser.id!]))
            let operatorID = try await Self.user(Self.operatorEmail, app).id
            #expect(!told.contains { $0.$user.id == operatorID })

            // The operator sees the list but may not prepare an opening.
            let op = Browser(app)
            try await op.signIn(as: Self.operatorEmail)
            let list = try await op.get(SiteURL.unitEnding(unit).path)
            #expect(list.status == .ok && list.body.contains("Berakhir akhir tahun") && list.body.contains("17 November 2026"))
            let refused = try await op.submit(
                SiteURL.unitStartPeriodAction(unit).path, ["kind": "opening", "entry-\(ending.id!.uuidString)": "on"])
            #expect(refused.status == .forbidden)

            let ppid = Browser(app)
            try await ppid.signIn(as: Self.ppid)
            try await ppid.get(SiteURL.unitEnding(unit).path)
            // An entry that is not ending cannot be opened: nothing is written.
            let notEnding = try await ppid.post(
                SiteURL.unitStartPeriodAction(unit).path, ["kind": "opening", "entry-\(later.id!.uuidString)": "on"])
            #expect(notEnding.status == .seeOther && notEnding.location == SiteURL.unitEnding(unit).path)
            #expect(try await ppid.get(SiteURL.unitEnding(unit).path).body.contains("belum akan berakhir"))
            #expect(try await PeriodAction.query(on: app.db).count() == 0)

            let started = try await ppid.post(
                SiteURL.unitStartPeriodAction(unit).path, ["kind": "opening", "entry-\(ending.id!.uuidString)": "on"])
            let actionPath = try #require(started.location)
            let action = try #require(try await PeriodAction.query(on: app.db).first())
            #expect(actionPath == SiteURL.periodAction(action.id).path && action.legalDue?.iso == "2026-11-17")
            let item = try #require(try await PeriodActionItem.query(on: app.db).first())

            // Not complete: the person responsible and the retention are missing.
            try await ppid.get(actionPath)
            let early = try await ppid.submit(SiteURL.periodActionSubmit(action.id).path, ["version": "1"])
            #expect(early.status == .conflict && early.body.contains("penanggung jawab"))
            let blank = try await ppid.submit(
                SiteURL.periodActionItem(action.id, item.id).path,
                ["summary": "Data kependudukan ringkas", "responsible": " ", "retention": "5 tahun"])
            #expect(blank.status == .unprocessableEntity || blank.status == .badRequest)
            #expect(blank.body.contains("Penanggung jawab pembuatan") && blank.body.contains("Data kependudukan ringkas"))
            let saved = try await ppid.post(
                SiteURL.periodActionItem(action.id, item.id).path,
                [
                    "summary": "Data kependudukan ringkas", "responsible": "Kepala Bidang Pelayanan",
                    "retention": "2 tahun aktif, 5 tahun inaktif, musnah",
                ])
            #expect(saved.status == .seeOther)
            var version = try #require(try await PeriodAction.find(action.id, on: app.db)).version
            try await ppid.get(actionPath)
            #expect(
                try await ppid.post(SiteURL.periodActionSubmit(action.id).path, ["version": String(version)]).status == .seeOther)
            #expect(
                try await Notification.query(on: app.db).filter(\.$kind == .actionAwaiting).filter(\.$user.$id == headUser.id!)
                    .count() == 1)

            // The head: a stale form is refused; a return needs a note; then approval issues the decree.
            let head = Browser(app)
            try await head.signIn(as: Self.head)
            try await head.get(actionPath)
            #expect(
                try await head.submit(SiteURL.periodActionDecide(action.id).path, ["decision": "agree", "version": "1"]).status
                    == .conflict)
            version = try #require(try await PeriodAction.find(action.id, on: app.db)).version
            let noNote = try await head.submit(
                SiteURL.periodActionDecide(action.id).path, ["decision": "disagree", "version": String(version), "note": ""])
            #expect(noNote.status != .seeOther)
            #expect(
                try await head.post(
                    SiteURL.periodActionDecide(action.id).path,
                    ["decision": "disagree", "version": String(version), "note": "Ringkasan terlalu singkat"]
                ).status == .seeOther)
            #expect(try await PeriodAction.find(action.id, on: app.db)?.stage == .preparing)
            #expect(
                try await Notification.query(on: app.db).filter(\.$kind == .actionReturned).filter(\.$user.$id == ppidUser.id!)
                    .count() == 1)
            #expect(try await ppid.get(actionPath).body.contains("Ringkasan terlalu singkat"))
            version = try #require(try await PeriodAction.find(action.id, on: app.db)).version
            #expect(
                try await ppid.post(SiteURL.periodActionSubmit(action.id).path, ["version": String(version)]).status == .seeOther)
            version = try #require(try await PeriodAction.find(action.id, on: app.db)).version
            try await head.get(actionPath)
            let approved = try await head.post(
                SiteURL.periodActionDecide(action.id).path, ["decision": "agree", "version": String(version)])
            #expect(approved.status == .seeOther)

            let decree = try #require(try await Decree.query(on: app.db).filter(\.$kind == .opening).first())
            #expect(decree.decreeDate.iso == "2026-11-18" && decree.periodActionID == action.id)
            let opened = try await Self.entry("Berakhir akhir tahun", app)
            #expect(
                opened.status == .opened && !opened.openedByLaw && opened.openedOn?.iso == "2026-11-18"
                    && opened.openingDecreeID == decree.id)
            let dip = try #require(
                try await PublicInformationEntry.query(on: app.db).filter(\.$source == .openedByDecree).first())
            #expect(dip.responsible == "Kepala Bidang Pelayanan" && dip.retention == "2 tahun aktif, 5 tahun inaktif, musnah")
            #expect(dip.decreeID == decree.id && dip.openedOn?.iso == "2026-11-18")
            let printed = try await head.get(SiteURL.decree(decree.id).path)
            #expect(printed.status == .ok && printed.body.contains("PEMBUKAAN") && printed.body.contains(decree.number))
            #expect(printed.body.contains("18 November 2026") && printed.body.contains("Kepala Bidang Pelayanan"))
            let dipPage = try await op.get(SiteURL.bodyDIP(opened.$body.id).path)
            #expect(dipPage.status == .ok && dipPage.body.contains("Data kependudukan ringkas"))

            // A second approval (the back button) changes nothing; the end date passes without a second opening.
            #expect(
                try await head.submit(
                    SiteURL.periodActionDecide(action.id).path, ["decision": "agree", "version": String(version)]
                ).status == .conflict)
            #expect(try await ExpirySweep.run(app: app, now: ExpirySweepTests.at("2027-01-04")).openedByLaw == 0)
            #expect(try await PublicInformationEntry.query(on: app.db).filter(\.$item.$id == opened.$item.id).count() == 1)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "register.opened").count() == 1)
            #expect(try await AuditLog.verify(on: app.db).firstBreak == nil)
        }
    }

    @Test func aReclassificationKeepsTheEarlierClassificationInTheHistory() async throws {
        let clock = FixedClock(ExpirySweepTests.at("2026-11-10"))
        try await withApp(clock: clock) { app in
            try await ExpirySweepTests.register(app)
            clock.set(ExpirySweepTests.at("2026-12-01"))
            _ = try await ExpirySweep.run(app: app, now: ExpirySweepTests.at("2026-12-01"))
            let event = try await Self.entry("Sampai pegawai pensiun", app)
            #expect(event.status == .reviewDue)
            let ppid = Browser(app)
            try await ppid.signIn(as: Self.ppid)
            try await ppid.get(SiteURL.unitEnding(event.$unit.id).path)
            let started = try await ppid.post(
                SiteURL.unitStartPeriodAction(event.$unit.id).path,
                ["kind": "reclassification", "entry-\(event.id!.uuidString)": "on"])
            let action = try #require(try await PeriodAction.query(on: app.db).first())
            #expect(started.location == SiteURL.periodAction(action.id).path && action.kind == .reclassification)
            let item = try #require(try await PeriodActionItem.query(on: app.db).first())
            try await ppid.get(SiteURL.periodAction(action.id).path)
            var form: [String: String] = [
                "ground": "h4", "consequenceIfOpened": "Mengungkap riwayat kesehatan pegawai",
                "consequenceIfClosed": "Tidak menghalangi pengawasan publik", "verdict": "open", "periodKind": "until",
                "end": "2029-12-31", "reason": "Pegawai masih aktif",
            ]
            let opens = try await ppid.submit(SiteURL.periodActionTest(action.id, item.id).path, form)
            #expect(opens.status != .seeOther && opens.body.contains("PP 61/2010 Pasal 10"))
            form["verdict"] = "closed"
            form["ground"] = "a"  // a needs no other statute but is bounded; here a past end date must be refused
            form["end"] = "2026-11-30"
            #expect(try await ppid.submit(SiteURL.periodActionTest(action.id, item.id).path, form).status != .seeOther)
            form["ground"] = "h4"
            form["end"] = "2029-12-31"
            #expect(try await ppid.post(SiteURL.periodActionTest(action.id, item.id).path, form).status == .seeOther)
            let version = try #require(try await PeriodAction.find(action.id, on: app.db)).version
            #expect(
                try await ppid.post(SiteURL.periodActionSubmit(action.id).path, ["version": String(version)]).status == .seeOther)

            // Only the head approves.
            let op = Browser(app)
            try await op.signIn(as: Self.operatorEmail)
            try await op.get(SiteURL.periodAction(action.id).path)
            #expect(try await op.submit(SiteURL.periodActionDecide(action.id).path, ["decision": "agree"]).status == .forbidden)
            let head = Browser(app)
            try await head.signIn(as: Self.head)
            try await head.get(SiteURL.periodAction(action.id).path)
            #expect(try await head.post(SiteURL.periodActionDecide(action.id).path, ["decision": "agree"]).status == .seeOther)

            let old = try #require(try await RegisterEntry.find(event.id, on: app.db))
            let new = try #require(try await RegisterEntry.find(old.replacedByID, on: app.db))
            #expect(old.status == .reclassified && new.replacesID == old.id && new.$item.id == old.$item.id)
            #expect(new.endDate?.iso == "2029-12-31" && new.status == .exempted && new.registerNumber != old.registerNumber)
            let decree = try #require(try await Decree.find(new.$decree.id, on: app.db))
            #expect(decree.kind == .reclassification)
            let register = try await head.get(SiteURL.unitRegister(new.$unit.id).path)
            #expect(register.body.contains(new.registerNumber) && !register.body.contains(old.registerNumber))
            #expect(try await head.get(SiteURL.decree(decree.id).path).body.contains("KLASIFIKASI ULANG"))
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "register.reclassified").count() == 1)
        }
    }
}
