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
            let bad = try await operatorBrowser.submit(
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
            let missingReason = try await operatorBrowser.submit(testPath, fields)
            #expect(
                missingReason.status == .unprocessableEntity && missingReason.body.contains("Alasan pengecualian wajib diisi."))
            #expect(missingReason.body.contains("UU 24/2013 Pasal 79"))  // what was typed is still there
            var complete = fields
            complete["reason"] = "Dilindungi UU Adminduk."
            #expect(try await operatorBrowser.post(testPath, complete).status == .seeOther)
            #expect(try await operatorBrowser.post(proposalPath + "/rapat-uji", Browser.meeting).status == .seeOther)
            page = try await operatorBrowser.get(proposalPath)
            let step1 = try await operatorBrowser.post(proposalPath + "/langkah/1", ["version": versionOn(page.body)])
            #expect(step1.status == .seeOther)

            // The head sees it waiting, returns it with a note, then (after step 1 again) approves.
            let home = try await head.get("/")
            #expect(home.body.contains("Menunggu Anda") && home.body.contains("DIK Disdukcapil 2026"))
            page = try await head.get(proposalPath)
            #expect(page.body.contains("Setuju") && page.body.contains("Tidak setuju"))
            let noNote = try await head.submit(
                proposalPath + "/langkah/2", ["decision": "disagree", "note": " ", "version": versionOn(page.body)])
            #expect(noNote.status == .unprocessableEntity && noNote.body.contains("Catatan wajib diisi"))
            try await head.submit(
                proposalPath + "/langkah/2", ["decision": "disagree", "note": "Sebut pasalnya.", "version": versionOn(page.body)])
            page = try await operatorBrowser.get(proposalPath)
            #expect(page.body.contains("Sebut pasalnya."))
            try await operatorBrowser.post(proposalPath + "/langkah/1", ["version": versionOn(page.body)])
            page = try await head.get(proposalPath)
            // The back button: the old form (old version) is refused, nothing applied twice.
            let old = versionOn(page.body)
            let ticked = Browser.acknowledgements(on: page)
            try await head.post(proposalPath + "/langkah/2", ["decision": "agree", "version": old].merging(ticked) { a, _ in a })
            let again = try await head.submit(
                proposalPath + "/langkah/2", ["decision": "agree", "version": old].merging(ticked) { a, _ in a })
            #expect(again.status == .conflict)
            #expect(try await Decree.query(on: app.db).count() == 1)

            let decree = try #require(try await Decree.query(on: app.db).first())
            let document = try await operatorBrowser.get(SiteURL.decree(decree.id).path)
            // A Keputusan: titled by the office that signs it, Menimbang, Mengingat, MEMUTUSKAN, KESATU …, the
            // Lampiran with its heading and the reason column, signed again; the kop is the signer's office.
            let body = document.body
            for part in [
                "KEPUTUSAN KEPALA DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL", "NOMOR \(decree.number)",
                "PENETAPAN INFORMASI YANG DIKECUALIKAN DI LINGKUNGAN DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL",
                "Menimbang", "Pasal 19 Undang-Undang Nomor 14 Tahun 2008", "Mengingat",
                "Peraturan Komisi Informasi Nomor 1 Tahun 2017", "MEMUTUSKAN:", "Menetapkan", "KESATU", "KEDUA", "KETIGA",
                "KEEMPAT", "Keputusan ini mulai berlaku pada tanggal ditetapkan.", "Tembusan:", "LAMPIRAN", "TANGGAL",
                "<th>Alasan</th>", "Ditetapkan di",
            ] {
                #expect(body.contains(part), "\(part)")
            }
            #expect(body.contains("PEMERINTAH KABUPATEN CONTOH") && body.contains("DIK-"))
            // The kop of the Dinas above its head's signature, not the regency PPID's.
            #expect(!body.contains("PEJABAT PENGELOLA INFORMASI DAN DOKUMENTASI</p>"))
            // The PPID who keeps the register is named as a person.
            #expect(body.contains("selaku Pejabat Pengelola Informasi dan Dokumentasi") && body.contains("PPID Pembantu Disdukcapil"))
            #expect(body.components(separatedBy: "Ditetapkan di").count == 3)  // signed under the decree and the Lampiran
            // The head corrects the number and uploads the signed scan from the decree page.
            let signerPage = try await head.get(SiteURL.decree(decree.id).path)
            #expect(signerPage.body.contains("Unggah pindaian bertanda tangan"))
            #expect(!document.body.contains("Unggah pindaian bertanda tangan"))  // not for the operator
            try await head.post(SiteURL.decreeNumber(decree.id).path, ["number": "000.5.10/99/PPID/XI/2026"])
            try await head.get(SiteURL.decree(decree.id).path)
            try await head.upload(
                SiteURL.decreeScan(decree.id).path, [:], file: "file", name: "sk.pdf", bytes: Array("%PDF-1.7\n%%EOF".utf8))
            let updated = try #require(try await Decree.find(decree.id, on: app.db))
            #expect(updated.number == "000.5.10/99/PPID/XI/2026" && updated.signedScanSHA256 != nil)
            #expect(try await operatorBrowser.submit(SiteURL.decreeNumber(decree.id).path, ["number": "x"]).status == .forbidden)
            let register = try await operatorBrowser.get(SiteURL.unitRegister(unit.id).path)
            #expect(
                register.body.contains("Data NIK") && register.body.contains("31 Desember 2031")
                    && register.body.contains("Berakhir tahun 2031"))
            let main = Browser(app)
            try await main.signIn(as: "mainppid.diskominfo@contohkab.go.id")
            let bodyRegister = try await main.get(SiteURL.bodyRegister(unit.$body.id).path)
            #expect(bodyRegister.status == .ok && bodyRegister.body.contains("Dinas Kependudukan dan Pencatatan Sipil"))
            #expect(try await operatorBrowser.get(SiteURL.bodyRegister(unit.$body.id).path).status == .forbidden)

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

@Suite struct FifthSOPTests {
    /// A body's own SOP, written as a file by an administrator: a clerk collects and tests, the
    /// secretary reviews (returning to the clerk), the head signs, the clerk archives.
    static let definition = """
        id: contoh-sekretariat-2026
        identity:
          number: "001/SOP/SET/2026"
          name: Pendokumentasian Informasi yang Dikecualikan
          body: Pemerintah Kabupaten Contoh
          unit: Sekretariat Daerah
          made: 2026-11-01
        actors:
          - { key: pengadministrasi, title: Pengadministrasi Umum, role: operator }
          - { key: sekretaris, title: Sekretaris PPID, role: assistantPPID }
          - { key: kepala, title: Sekretaris Daerah, role: head }
        steps:
          - number: 1
            activity: Menghimpun dan menguji informasi
            actor: pengadministrasi
            effect: consequenceTest
            requiredDocuments:
              - { name: Form daftar informasi yang akan dikecualikan, kind: itemList }
              - { name: Lembar pengujian konsekuensi, kind: testSheets }
            time: 2 hari
            output: Daftar informasi yang akan dikecualikan
          - number: 2
            activity: Memeriksa daftar
            actor: sekretaris
            effect: review
            time: 1 jam
            output: Daftar yang diperiksa
            decision: { agree: 3, disagree: 1 }
          - number: 3
            activity: Menetapkan dan menandatangani
            actor: kepala
            effect: approveAndSign
            time: 1 hari
            output: Surat penetapan
            decision: { agree: 4, disagree: 2 }
            issuesDecree: true
          - number: 4
            activity: Mengarsipkan
            actor: pengadministrasi
            effect: archive
            requiredDocuments: [{ name: Informasi dan Dokumen, kind: itemDocuments }]
            time: 1 hari
            output: Arsip
        """

    @Test func runsWithoutAnyCodeChange() async throws {
        let folder = try Dikelola.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.definition.write(to: folder.appendingPathComponent("sekretariat.yaml"), atomically: true, encoding: .utf8)
        try await withApp(adjust: { $0.sopDirectory = folder }) { app in
            _ = try await DemoGovernment.load(in: app)
            // The administrator puts the Dinkes on the new SOP; its demo people act in the new roles.
            let unit = try #require(try await Unit.query(on: app.db).filter(\.$shortName == "Dinkes").first())
            unit.sopID = "contoh-sekretariat-2026"
            try await unit.save(on: app.db)
            let op = try await APIClient.as("operator.dinkes@contohkab.go.id", in: app)
            let secretary = try await APIClient.as("assistantppid.dinkes@contohkab.go.id", in: app)
            let head = try await APIClient.as("head.dinkes@contohkab.go.id", in: app)
            var proposal = try await op.send(.POST, SiteURL.apiUnitProposals(unit.id).path, json: ["title": "SOP kelima"])
                .proposal
            #expect(proposal.sop.number == "001/SOP/SET/2026" && proposal.currentStep?.actorTitle == "Pengadministrasi Umum")
            let id = proposal.id
            proposal = try await op.send(.POST, SiteURL.apiProposalItems(id).path, json: Sample.item("Hasil penilaian pegawai"))
                .proposal
            try await op.send(
                .PUT, SiteURL.apiItemTest(id, proposal.items[0].id).path, json: Sample.closed("Pasal 17 huruf h angka 4"))
            try await op.recordMeeting(id)
            try await op.send(.POST, SiteURL.apiProposalStep(id, 1).path, json: [String: String]())
            proposal = try await secretary.send(
                .POST, SiteURL.apiProposalStep(id, 2).path, json: ["decision": "disagree", "note": "Lengkapi."]
            ).proposal
            #expect(proposal.currentStep?.number == 1)
            try await op.send(.POST, SiteURL.apiProposalStep(id, 1).path, json: [String: String]())
            try await secretary.send(.POST, SiteURL.apiProposalStep(id, 2).path, json: ["decision": "agree"])
            proposal = try await head.approveDecree(id, step: 3).proposal
            #expect(proposal.decree != nil)
            try await op.send(.PUT, SiteURL.apiItemLocation(id, proposal.items[0].id).path, json: ["room": "Kepegawaian"])
            proposal = try await op.send(.POST, SiteURL.apiProposalStep(id, 4).path, json: [String: String]()).proposal
            #expect(proposal.status == .completed)
        }
    }
}

@Suite struct DocumentTests {
    @Test func tooLargeIsRefusedAndDownloadsAreAudited() async throws {
        try await withApp(adjust: { $0.maxUploadBytes = 64 }) { app in
            _ = try await DemoGovernment.load(in: app)
            let dsppa = try #require(try await Unit.query(on: app.db).filter(\.$shortName == "DSPPA").first())
            let op = try await APIClient.as("operator.dsppa@contohkab.go.id", in: app)
            let proposal = try await op.send(.POST, SiteURL.apiUnitProposals(dsppa.id).path, json: ["title": "Berkas"]).proposal
            let big = try await op.upload(
                SiteURL.apiProposalDocuments(proposal.id).path, fields: ["requirement": "Bahan Informasi"], name: "besar.pdf",
                bytes: Array("%PDF-1.7\n".utf8) + Array(repeating: 0x20, count: 100))
            #expect(big.status == .unprocessableEntity && big.error.contains("lebih besar dari batas"))
            let ok = try await op.upload(
                SiteURL.apiProposalDocuments(proposal.id).path, fields: ["requirement": "Bahan Informasi"], name: "kecil.pdf",
                bytes: Array("%PDF-1.7\n%%EOF\n".utf8))
            #expect(ok.status == .created)
            let document = try #require(try await ProposalDocument.query(on: app.db).first())
            let browser = Browser(app)
            try await browser.signIn(as: "assistantppid.dsppa@contohkab.go.id")
            let page = try await browser.get(SiteURL.proposal(proposal.id).path)
            #expect(page.body.contains("kecil.pdf"))
            let download = try await browser.get(SiteURL.proposalDocument(proposal.id, document.id).path)
            #expect(download.status == .ok && download.headers.first(name: .contentDisposition)?.contains("kecil.pdf") == true)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "document.download").count() == 1)
            let stranger = Browser(app)
            try await stranger.signIn(as: "operator.dinkes@contohkab.go.id")
            #expect(try await stranger.get(SiteURL.proposalDocument(proposal.id, document.id).path).status == .forbidden)
        }
    }
}

@Suite struct TestSheetTests {
    @Test func theMeetingIsRecordedAndTheSheetSaysTheDateInWords() async throws {
        try await withApp { app in
            _ = try await DemoGovernment.load(in: app)
            let unit = try #require(try await Unit.query(on: app.db).filter(\.$shortName == "Dinkes").first())
            let browser = Browser(app)
            try await browser.signIn(as: "operator.dinkes@contohkab.go.id")
            try await browser.get(SiteURL.unit(unit.id).path)  // the token changed at sign-in; take it from a page
            let opened = try await browser.post(SiteURL.unitOpenProposal(unit.id).path, ["title": "DIK Dinkes"])
            let path = try #require(opened.location)
            try await browser.get(path)
            try await browser.submit(
                path + "/informasi", ["title": "Rekam medis", "description": "Rekam medis pasien", "form": "both"])
            try await browser.get(path)
            let bad = try await browser.submit(
                path + "/rapat-uji", ["meetingDate": "2026-02-30", "meetingPlace": "", "meetingParticipants": ""])
            #expect(bad.status == .unprocessableEntity)
            #expect(
                bad.body.contains("Tanggal rapat wajib diisi") && bad.body.contains("Tempat rapat wajib diisi")
                    && bad.body.contains("Sebut peserta"))
            // UU 14/2008 Ps 19: the test is the PPID's; a meeting without one is refused, with the field named.
            let withoutPPID = try await browser.submit(
                path + "/rapat-uji",
                [
                    "meetingDate": "2024-03-19", "meetingPlace": "Aula Dinas Kesehatan",
                    "meetingParticipants": "dr. Sari — Kepala Dinas\nBudi — Pengelola Informasi",
                ])
            #expect(withoutPPID.status == .unprocessableEntity && withoutPPID.body.contains("UU 14/2008 Pasal 19"))
            try await browser.post(
                path + "/rapat-uji",
                [
                    "meetingDate": "2024-03-19", "meetingPlace": "Aula Dinas Kesehatan",
                    "meetingParticipants": "dr. Sari — Kepala Dinas\nBudi — PPID Pembantu Dinkes",
                ])
            let sheet = try await browser.get(path + "/lembar-uji")
            try await browser.get(path)
            let signed = try await browser.upload(
                path + "/berkas", ["requirement": ProposalService.signedTestSheet, "form": "signed-sheet"],
                file: "file", name: "lembar.pdf", bytes: Array("%PDF-1.7\n%%EOF".utf8))
            #expect(signed.status == .seeOther)
            #expect(
                try await ProposalDocument.query(on: app.db).filter(\.$requirement == ProposalService.signedTestSheet).count()
                    == 1)
            #expect(
                sheet.body.contains("Pada hari ini, Selasa, tanggal sembilan belas bulan Maret tahun dua ribu dua puluh empat"))
            #expect(sheet.body.contains("Aula Dinas Kesehatan") && sheet.body.contains("Budi — PPID Pembantu Dinkes"))
            #expect(sheet.body.contains("LEMBAR PENGUJIAN KONSEKUENSI") && sheet.body.contains("Rekam medis"))
        }
    }
}

@Suite struct OverdueTests {
    @Test func anOverdueStepShowsToItsActorAndToThePPID() async throws {
        // Tuesday 17 March 2026, 09:00 WIB: "1 hari" is due when 25 March closes, 16.00 (Nyepi and Lebaran between).
        let clock = FixedClock(
            TimeZoneRegion.wib.startOfDay(LocalDate(year: 2026, month: 3, day: 17)!).addingTimeInterval(9 * 3600))
        try await withApp(clock: clock) { app in
            _ = try await DemoGovernment.load(in: app)
            let unit = try #require(try await Unit.query(on: app.db).filter(\.$shortName == "DSPPA").first())
            let op = try await APIClient.as("operator.dsppa@contohkab.go.id", in: app)
            let proposal = try await op.send(.POST, SiteURL.apiUnitProposals(unit.id).path, json: ["title": "Terlambat"]).proposal
            #expect(
                proposal.currentStep?.dueAt
                    == TimeZoneRegion.wib.startOfDay(LocalDate(year: 2026, month: 3, day: 25)!).addingTimeInterval(16 * 3600))
            let ppid = Browser(app)
            try await ppid.signIn(as: "assistantppid.dsppa@contohkab.go.id")
            #expect(try await !ppid.get("/").body.contains("Terlambat di unit yang Anda awasi"))

            clock.advance(by: 9 * 86_400)  // Thursday 26 March: past due (and every session and token of before has expired)
            try await ppid.signIn(as: "assistantppid.dsppa@contohkab.go.id")
            let home = try await ppid.get("/")
            #expect(home.body.contains("Terlambat di unit yang Anda awasi") && home.body.contains("Terlambat"))
            let operatorHome = Browser(app)
            try await operatorHome.signIn(as: "operator.dsppa@contohkab.go.id")
            #expect(try await operatorHome.get("/").body.contains("terlambat"))
            let later = try await APIClient.as("operator.dsppa@contohkab.go.id", in: app)
            #expect(try await later.send(.GET, SiteURL.apiProposal(proposal.id).path).proposal.currentStep?.overdue == true)
        }
    }
}

/// Kapuas Hulu through the pages only: uploads of kelengkapan, the memo, both returns, the decree.
@Suite struct KapuasHuluPageTests {
    @Test func throughTheFormsWithBothReturns() async throws {
        try await withApp { app in
            _ = try await DemoGovernment.load(in: app)
            let unit = try #require(try await Unit.query(on: app.db).filter(\.$shortName == "DSPPA").first())
            let op = Browser(app), ppid = Browser(app), head = Browser(app)
            try await op.signIn(as: "operator.dsppa@contohkab.go.id")
            try await ppid.signIn(as: "assistantppid.dsppa@contohkab.go.id")
            try await head.signIn(as: "head.dsppa@contohkab.go.id")
            let pdf = Array("%PDF-1.7\n%%EOF\n".utf8)
            func complete(_ browser: Browser, _ path: String, _ step: Int, _ fields: [String: String] = [:]) async throws
                -> Browser.Page
            {
                let page = try await browser.get(path)
                let version =
                    page.body.range(of: #"name="version" value=""#).map {
                        String(page.body[$0.upperBound...].prefix { $0 != "\"" })
                    } ?? ""
                return try await browser.post(path + "/langkah/\(step)", fields.merging(["version": version]) { a, _ in a })
            }

            try await op.get(SiteURL.unit(unit.id).path)
            let path = try #require(try await op.post(SiteURL.unitOpenProposal(unit.id).path, ["title": "DIK DSPPA"]).location)
            try await op.get(path)
            try await op.submit(path + "/informasi", ["title": "Data anak", "description": "Berkas pendampingan", "form": "both"])
            let blocked = try await op.follow(complete(op, path, 1))
            #expect(blocked.status == .unprocessableEntity && blocked.body.contains("Kelengkapan belum ada: Bahan Informasi"))
            #expect(
                try await op.upload(
                    path + "/berkas", ["requirement": "Bahan Informasi"], file: "file", name: "bahan.pdf", bytes: pdf
                ).status == .seeOther)
            #expect(try await complete(op, path, 1).status == .seeOther)

            try await ppid.get(path)
            let noMemo = try await ppid.submit(path + "/nota-dinas", ["memoNumber": "", "memoText": ""])
            #expect(noMemo.body.contains("Nomor nota dinas wajib diisi."))
            try await ppid.post(path + "/nota-dinas", ["memoNumber": "000.1/7/DSPPA/2026", "memoText": "Himpun dan uji."])
            #expect(try await complete(ppid, path, 2).status == .seeOther)

            try await op.get(path)
            try await op.upload(
                path + "/berkas", ["requirement": "Bahan Informasi dari setiap bidang"], file: "file", name: "bidang.pdf",
                bytes: pdf)
            let item = try #require(try await ProposalItem.query(on: app.db).first())
            try await op.get(path)
            try await op.post(
                path + "/informasi/\(item.id!.uuidString.lowercased())/uji",
                [
                    "ground": "a2", "consequenceIfOpened": "Identitas anak terungkap.",
                    "consequenceIfClosed": "Publik tetap mendapat data agregat.",
                    "verdict": "closed", "periodKind": "length", "years": "10", "months": "0", "from": "2026-11-21",
                    "reason": "Perlindungan anak.",
                ])
            try await op.submit(path + "/rapat-uji", Browser.meeting)
            #expect(try await complete(op, path, 3).status == .seeOther)
            try await complete(ppid, path, 4, ["decision": "disagree", "note": "Uji ulang."])
            #expect(try await Proposal.query(on: app.db).first()?.currentStep == 2)
            try await complete(ppid, path, 2)
            try await complete(op, path, 3)
            try await complete(ppid, path, 4, ["decision": "agree"])
            try await complete(head, path, 5, ["decision": "disagree", "note": "Periksa jangka waktu."])
            #expect(try await Proposal.query(on: app.db).first()?.currentStep == 4)
            try await complete(ppid, path, 4, ["decision": "agree"])
            try await complete(head, path, 5, ["decision": "agree"])
            #expect(try await Decree.query(on: app.db).count() == 1)

            // The archive step says, before completing, what each item still needs, and opens its form.
            let archiving = try await op.get(path)
            #expect(archiving.body.contains("Per informasi (0 dari 1 lengkap)"))
            #expect(archiving.body.contains("catat lokasi arsip fisik atau unggah berkas digital"))
            #expect(archiving.body.contains(#"<details open="open"><summary>Lokasi arsip fisik dan berkas digital</summary>"#))
            try await op.submit(path + "/informasi/\(item.id!.uuidString.lowercased())/lokasi", ["room": "Arsip", "box": "3"])
            #expect(try await op.get(path).body.contains("Per informasi (1 dari 1 lengkap)"))
            #expect(try await complete(op, path, 6).status == .seeOther)
            let done = try await op.get(path)
            #expect(done.body.contains("Usulan ini sudah selesai."))
            #expect(try await RegisterEntry.query(on: app.db).count() == 1)
            #expect(try await ProposalStep.query(on: app.db).count() == 11)
        }
    }
}

/// Sanggau through the pages: the PPID Utama uploads the assistant's decree, the panel records its opinion.
@Suite struct SanggauPageTests {
    @Test func throughTheFormsWithThePanel() async throws {
        try await withApp { app in
            _ = try await DemoGovernment.load(in: app)
            let unit = try #require(try await Unit.query(on: app.db).filter(\.$shortName == "Diskominfo").first())
            let op = Browser(app), main = Browser(app), panel = Browser(app), head = Browser(app)
            try await head.signIn(as: "head.diskominfo@contohkab.go.id")
            try await op.signIn(as: "operator.diskominfo@contohkab.go.id")
            try await main.signIn(as: "mainppid.diskominfo@contohkab.go.id")
            try await panel.signIn(as: "reviewpanel.diskominfo@contohkab.go.id")
            let pdf = Array("%PDF-1.7\n%%EOF\n".utf8)
            try await op.get(SiteURL.unit(unit.id).path)
            let path = try #require(
                try await op.post(SiteURL.unitOpenProposal(unit.id).path, ["title": "DIK Diskominfo"]).location)
            try await op.get(path)
            try await op.post(
                path + "/informasi", ["title": "Kunci sandi", "description": "Konfigurasi perangkat sandi", "form": "soft"])
            let item = try #require(try await ProposalItem.query(on: app.db).first())
            try await op.get(path)
            try await op.post(
                path + "/informasi/\(item.id!.uuidString.lowercased())/uji",
                [
                    "ground": "c6", "consequenceIfOpened": "Sistem sandi dapat dibobol.",
                    "consequenceIfClosed": "Tidak mengurangi layanan publik.",
                    "verdict": "closed", "periodKind": "until", "end": "2036-12-31", "reason": "Pertahanan dan keamanan.",
                ])
            try await op.get(path)
            try await op.post(path + "/rapat-uji", Browser.meeting)
            #expect(try await op.post(path + "/langkah/1", ["version": ""]).status == .seeOther)
            // The decree named at step 2 is made by the system at step 3a: no upload is asked for.
            let mainPage = try await main.get(path)
            #expect(mainPage.body.contains("(dibuat sistem pada langkah 3a)") && !mainPage.body.contains("id=\"requirement\""))
            #expect(try await main.post(path + "/langkah/2", ["version": ""]).status == .seeOther)
            let panelPage = try await panel.get(path)
            #expect(panelPage.body.contains("Pertimbangan Tim Pertimbangan"))
            try await panel.post(path + "/pertimbangan", ["panelOpinion": "Setuju dikecualikan sampai 2036."])
            try await panel.get(path)
            #expect(try await panel.post(path + "/langkah/3", ["version": ""]).status == .seeOther)
            // The SOP has the panel issue the decree; the law adds the head's approval (PP 61/2010 Ps 3).
            #expect(try await Decree.query(on: app.db).count() == 0)
            let headPage = try await head.get(path)
            #expect(headPage.body.contains("Langkah 3a") && headPage.body.contains("PP 61/2010 Pasal 3"))
            // The head reads the draft decree, with its attachment, before deciding; nothing is issued by reading.
            let proposalID = try #require(try await Proposal.query(on: app.db).first()?.id)
            #expect(headPage.body.contains(SiteURL.proposalDraftDecree(proposalID).path))
            let draft = try await head.get(SiteURL.proposalDraftDecree(proposalID).path)
            #expect(draft.status == .ok && draft.body.contains("RANCANGAN"))
            #expect(draft.body.contains("KEPUTUSAN ") && draft.body.contains("Kunci sandi") && draft.body.contains("LAMPIRAN"))
            #expect(try await Decree.query(on: app.db).count() == 0)
            // Another OPD's officer may not read it.
            let stranger = Browser(app)
            try await stranger.signIn(as: "operator.dinkes@contohkab.go.id")
            #expect(try await stranger.get(SiteURL.proposalDraftDecree(proposalID).path).status == .forbidden)
            #expect(try await head.post(path + "/langkah/7", ["decision": "agree", "version": ""]).status == .seeOther)
            let decree = try #require(try await Decree.query(on: app.db).first())
            #expect(decree.signerName == "Atasan PPID / Pimpinan Diskominfo (demo)")
            #expect(try await Proposal.query(on: app.db).first()?.currentStep == 5)
        }
    }
}

@Suite struct RegisterExpiryTests {
    @Test func theRegisterSaysWhatTheLawSaysToday() async throws {
        let clock = FixedClock(
            TimeZoneRegion.wib.startOfDay(LocalDate(year: 2026, month: 11, day: 20)!).addingTimeInterval(10 * 3600))
        try await withApp(clock: clock) { app in
            _ = try await DemoGovernment.load(in: app)
            let unit = try #require(try await Unit.query(on: app.db).filter(\.$shortName == "Disdukcapil").first())
            let op = try await APIClient.as("operator.disdukcapil@contohkab.go.id", in: app)
            let head = try await APIClient.as("head.disdukcapil@contohkab.go.id", in: app)
            var proposal = try await op.send(
                .POST, SiteURL.apiUnitProposals(unit.id).path, json: ["title": "Berakhir akhir tahun"]
            ).proposal
            proposal = try await op.send(.POST, SiteURL.apiProposalItems(proposal.id).path, json: Sample.item("Data sementara"))
                .proposal
            var test = Sample.closed("Pasal 17 huruf h angka 3")
            test.period = .until(LocalDate(year: 2026, month: 12, day: 31)!)
            try await op.send(.PUT, SiteURL.apiItemTest(proposal.id, proposal.items[0].id).path, json: test)
            try await op.recordMeeting(proposal.id)
            try await op.send(.POST, SiteURL.apiProposalStep(proposal.id, 1).path, json: [String: String]())
            try await head.approveDecree(proposal.id, step: 2)

            let browser = Browser(app)
            try await browser.signIn(as: "operator.disdukcapil@contohkab.go.id")
            let page = try await browser.get(SiteURL.unitRegister(unit.id).path)
            #expect(page.body.contains("Akan berakhir: surat pembukaan paling lambat 17 November 2026"))

            clock.set(TimeZoneRegion.wib.startOfDay(LocalDate(year: 2027, month: 1, day: 4)!).addingTimeInterval(9 * 3600))
            try await browser.signIn(as: "operator.disdukcapil@contohkab.go.id")
            let later = try await browser.get(SiteURL.unitRegister(unit.id).path)
            #expect(later.body.contains("Terbuka demi hukum sejak 31 Desember 2026"))
        }
    }
}
