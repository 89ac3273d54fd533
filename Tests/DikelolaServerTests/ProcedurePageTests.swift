import DikelolaCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import DikelolaServer

/// The procedure in the browser: the same steps through the pages' forms.
@Suite struct ProcedurePageTests {
    @Test func aProposalThroughTheFormsOfKalimantanBarat() async throws {
        try await withApp { app in
            _ = try await DemoGovernment.load(in: app)
            let unit = try #require(try await Unit.query(on: app.db).filter(\.$shortName == "Disdukcapil").first())
            let operatorBrowser = Browser(app), head = Browser(app)
            try await operatorBrowser.signIn(as: "operator.disdukcapil@contohkab.go.id")
            try await head.signIn(as: "head.disdukcapil@contohkab.go.id")

            let unitPage = try await operatorBrowser.get(SiteURL.unit(unit.id).path)
            #expect(unitPage.status == .ok && unitPage.body.contains("065/255-1/ DISDUKCAPIL"))
            let opened = try await operatorBrowser.post(SiteURL.unitOpenProposal(unit.id).path, ["title": "DIK Disdukcapil 2026"])
            let proposalPath = try #require(opened.location)
            var page = try await operatorBrowser.get(proposalPath)
            #expect(page.body.contains("Langkah 1: Uji konsekuensi") && page.body.contains("Petugas PPID"))

            // An item with a missing description comes back with the title kept and the error named.
            let bad = try await operatorBrowser.post(
                proposalPath + "/informasi", ["title": "Data NIK", "description": "", "form": "both"])
            #expect(
                bad.status == .unprocessableEntity && bad.body.contains("Uraian informasi wajib diisi.")
                    && bad.body.contains("value=\"Data NIK\""))
            try await operatorBrowser.post(
                proposalPath + "/informasi", ["title": "Data NIK", "description": "Basis data penduduk", "form": "both"])
            let item = try #require(try await ProposalItem.query(on: app.db).first())
            page = try await operatorBrowser.get(proposalPath)
            let testPath = proposalPath + "/informasi/\(item.id!.uuidString.lowercased())/uji"
            let fields = [
                "ground": "j", "otherStatute": "UU 24/2013 Pasal 79", "consequenceIfOpened": "Data pribadi terungkap.",
                "consequenceIfClosed": "Layanan tetap berjalan.", "verdict": "closed", "periodKind": "until", "end": "2031-12-31",
                "reason": "", "parts": "",
            ]
            let missingReason = try await operatorBrowser.post(testPath, fields)
            #expect(
                missingReason.status == .unprocessableEntity && missingReason.body.contains("Alasan pengecualian wajib diisi."))
            #expect(missingReason.body.contains("UU 24/2013 Pasal 79"))  // what was typed is still there
            var complete = fields
            complete["reason"] = "Dilindungi UU Adminduk."
            #expect(try await operatorBrowser.post(testPath, complete).status == .seeOther)
            page = try await operatorBrowser.get(proposalPath)
            let step1 = try await operatorBrowser.post(proposalPath + "/langkah/1", ["version": versionOn(page.body)])
            #expect(step1.status == .seeOther)

            // The head sees it waiting, returns it with a note, then (after step 1 again) approves.
            let home = try await head.get("/")
            #expect(home.body.contains("Menunggu Anda") && home.body.contains("DIK Disdukcapil 2026"))
            page = try await head.get(proposalPath)
            #expect(page.body.contains("Setuju") && page.body.contains("Tidak setuju"))
            let noNote = try await head.post(
                proposalPath + "/langkah/2", ["decision": "disagree", "note": " ", "version": versionOn(page.body)])
            #expect(noNote.status == .unprocessableEntity && noNote.body.contains("Catatan wajib diisi"))
            try await head.post(
                proposalPath + "/langkah/2", ["decision": "disagree", "note": "Sebut pasalnya.", "version": versionOn(page.body)])
            page = try await operatorBrowser.get(proposalPath)
            #expect(page.body.contains("Sebut pasalnya."))
            try await operatorBrowser.post(proposalPath + "/langkah/1", ["version": versionOn(page.body)])
            page = try await head.get(proposalPath)
            // The back button: the old form (old version) is refused, nothing applied twice.
            let old = versionOn(page.body)
            try await head.post(proposalPath + "/langkah/2", ["decision": "agree", "version": old])
            let again = try await head.post(proposalPath + "/langkah/2", ["decision": "agree", "version": old])
            #expect(again.status == .conflict)
            #expect(try await Decree.query(on: app.db).count() == 1)

            let decree = try #require(try await Decree.query(on: app.db).first())
            let document = try await operatorBrowser.get(SiteURL.decree(decree.id).path)
            #expect(
                document.body.contains("SURAT PENETAPAN KLASIFIKASI INFORMASI YANG DIKECUALIKAN")
                    && document.body.contains(decree.number))
            #expect(document.body.contains("PEMERINTAH KABUPATEN CONTOH") && document.body.contains("DIK-"))
            let register = try await operatorBrowser.get(SiteURL.unitRegister(unit.id).path)
            #expect(register.body.contains("Data NIK") && register.body.contains("31 Desember 2031"))

            // Another OPD's officer can see none of it.
            let stranger = Browser(app)
            try await stranger.signIn(as: "operator.dinkes@contohkab.go.id")
            #expect(try await stranger.get(proposalPath).status == .forbidden)
            #expect(try await stranger.get(SiteURL.decree(decree.id).path).status == .forbidden)
            #expect(try await stranger.get(SiteURL.unitRegister(unit.id).path).status == .forbidden)
        }
    }

    func versionOn(_ body: String) -> String {
        guard let range = body.range(of: #"name="version" value=""#) else { return "" }
        return String(body[range.upperBound...].prefix { $0 != "\"" })
    }
}
