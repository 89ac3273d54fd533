import DikelolaCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import DikelolaServer

/// Who acts next, by name, and returned work that comes to the person: the step names the SOP's
/// actor and the people holding its role for the unit; a "tidak setuju" puts its note at the top of
/// the step, in the recipient's "Menunggu Anda" and in their notifications; the history names people.
@Suite struct WhoActsTests {
    @Test func theNextActorIsNamedAndAReturnReachesThePersonItIsReturnedTo() async throws {
        try await withApp { app in
            _ = try await DemoGovernment.load(in: app)
            let unit = try #require(try await Unit.query(on: app.db).filter(\.$shortName == "Disdukcapil").first())
            let headUser = try #require(try await User.query(on: app.db).filter(\.$email == "head.disdukcapil@contohkab.go.id").first())
            let opUser = try #require(
                try await User.query(on: app.db).filter(\.$email == "operator.disdukcapil@contohkab.go.id").first())
            let op = Browser(app), head = Browser(app)
            try await op.signIn(as: opUser.email)
            try await head.signIn(as: headUser.email)
            try await op.get(SiteURL.unit(unit.id).path)
            let path = try #require(try await op.post(SiteURL.unitOpenProposal(unit.id).path, ["title": "DIK 2027"]).location)

            // Step 1 names its actor as the SOP does and the operator who holds the role.
            var page = try await op.get(path)
            #expect(page.body.contains("Pelaksana: </strong>Petugas PPID"))
            #expect(page.body.contains("\(opUser.position), \(opUser.name)"))
            let item = try await fillStepOne(op, path, on: app)
            page = try await op.get(path)
            #expect(try await op.post(path + "/langkah/1", ["version": version(page)]).status == .seeOther)

            // The head is told, and the step names them; the operator sees who it waits for.
            #expect(try await head.get(SiteURL.notifications.path).body.contains("menunggu Anda"))
            page = try await op.get(path)
            #expect(page.body.contains("Langkah ini dikerjakan oleh") && page.body.contains(headUser.name))

            // "Tidak setuju": the note names the item.
            page = try await head.get(path)
            try await head.submit(
                path + "/langkah/2",
                ["decision": "disagree", "note": "Data NIK: sebutkan pasal UU Adminduk yang melindungi.", "version": version(page)])

            // The operator: marked "dikembalikan" in Menunggu Anda, told, and the note tops the step.
            let home = try await op.get("/")
            #expect(home.body.contains("class=\"tag returned\"") && home.body.contains("sebutkan pasal UU Adminduk"))
            #expect(home.body.contains("\(path)#dikembalikan"))
            // First on the page, before anything else waiting.
            let banner = try #require(home.body.range(of: "Dikembalikan kepada Anda (1)"))
            #expect(banner.lowerBound < (home.body.range(of: "Menunggu Anda")?.lowerBound ?? home.body.startIndex))
            let notices = try await op.get(SiteURL.notifications.path)
            #expect(notices.body.contains("dikembalikan ke langkah 1 oleh \(headUser.name)"))
            // The note stays on the proposal's page, which checks who may read it: a notification
            // outlives the role of the person it was sent to.
            #expect(!notices.body.contains("sebutkan pasal UU Adminduk"))
            page = try await op.get(path)
            let top = try #require(page.body.range(of: "Dikembalikan oleh \(headUser.position), \(headUser.name)"))
            let actor = try #require(page.body.range(of: "Pelaksana: "))
            #expect(top.lowerBound < actor.lowerBound, "the note stands at the top of the step box")
            #expect(page.body.contains("sebutkan pasal UU Adminduk yang melindungi."))
            // The item the note names is one click away.
            #expect(page.body.contains("href=\"#informasi-\(item.id!.uuidString)\">Data NIK</a>"))
            // The history names people, not only roles, as they were named when they acted.
            #expect(page.body.contains("<td>\(headUser.position), \(headUser.name)<br/>"))
            let originalName = headUser.name
            headUser.name = "Pejabat Pengganti"
            try await headUser.save(on: app.db)
            page = try await op.get(path)
            #expect(page.body.contains("<td>\(headUser.position), \(originalName)<br/>") && !page.body.contains("Pejabat Pengganti<br/>"))

            // Done again, the mark is gone.
            #expect(try await op.post(path + "/langkah/1", ["version": version(page)]).status == .seeOther)
            #expect(!(try await op.get(path).body.contains("Dikembalikan oleh")))
        }
    }

    /// A step whose role no one holds for the unit says so, rather than waiting for no one.
    @Test func aStepNoOneHoldsIsShownAsAProblem() async throws {
        try await withApp { app in
            _ = try await DemoGovernment.load(in: app)
            let unit = try #require(try await Unit.query(on: app.db).filter(\.$shortName == "Disdukcapil").first())
            let op = Browser(app)
            try await op.signIn(as: "operator.disdukcapil@contohkab.go.id")
            try await op.get(SiteURL.unit(unit.id).path)
            let path = try #require(try await op.post(SiteURL.unitOpenProposal(unit.id).path, ["title": "DIK 2027"]).location)
            let headID = try #require(
                try await User.query(on: app.db).filter(\.$email == "head.disdukcapil@contohkab.go.id").first()?.id)
            try await RoleAssignment.query(on: app.db).filter(\.$user.$id == headID).delete()
            try await fillStepOne(op, path, on: app)
            let page = try await op.get(path)
            try await op.post(path + "/langkah/1", ["version": version(page)])
            #expect(try await op.get(path).body.contains("Belum ada yang memegang peran Atasan PPID / Pimpinan untuk unit ini"))

            // The PPID Utama sees it on their home page; the administrator on the unit's page.
            let main = Browser(app), admin = Browser(app)
            try await main.signIn(as: "mainppid.diskominfo@contohkab.go.id")
            let home = try await main.get("/")
            #expect(home.body.contains("Pelaksana SOP yang belum ada pemegangnya"))
            #expect(home.body.contains("\(unit.name): Atasan PPID Pembantu (peran Atasan PPID / Pimpinan)"))
            try await admin.signIn(as: "admin.diskominfo@contohkab.go.id")
            let unitPage = try await admin.get(SiteURL.adminUnit(unit.$body.id, unit.id).path)
            #expect(unitPage.body.contains("Pelaksana SOP di unit ini") && unitPage.body.contains("Belum ada — berikan peran ini"))
            // Saving the unit (its SOP chosen) says so too.
            let saved = try await admin.submit(
                SiteURL.adminUnit(unit.$body.id, unit.id).path, Browser.prefilled(on: unitPage, action: SiteURL.adminUnit(unit.$body.id, unit.id).path))
            #expect(saved.body.contains("Pelaksana SOP yang belum ada pemegangnya di unit ini"))
        }
    }

    /// Step 1 of Kalimantan Barat's SOP, ready to complete: one item, its test, the test meeting.
    @discardableResult
    private func fillStepOne(_ op: Browser, _ path: String, on app: Application) async throws -> ProposalItem {
        try await op.submit(path + "/informasi", ["title": "Data NIK", "description": "Basis data penduduk", "form": "both"])
        let item = try #require(try await ProposalItem.query(on: app.db).first())
        try await op.submit(
            path + "/informasi/\(item.id!.uuidString.lowercased())/uji",
            [
                "ground": "j", "otherStatute": "UU 24/2013 Pasal 79", "consequenceIfOpened": "Data pribadi terungkap.",
                "consequenceIfClosed": "Layanan tetap berjalan.", "verdict": "closed", "periodKind": "until",
                "end": "2031-12-31", "reason": "Dilindungi UU Adminduk.",
            ])
        try await op.submit(path + "/rapat-uji", Browser.meeting)
        return item
    }

    private func version(_ page: Browser.Page) -> String {
        page.body.range(of: #"name="version" value=""#).map { String(page.body[$0.upperBound...].prefix { $0 != "\"" }) } ?? ""
    }
}
