import DikelolaCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import DikelolaServer

/// One proposal through each of the four seed SOPs, through the API, as each SOP's actors — with
/// a return and a partly-closed item — on SQLite and on PostgreSQL.
@Suite struct ProcedureAPITests {
    func unit(_ shortName: String, _ app: Application) async throws -> UUID {
        try #require(try await Unit.query(on: app.db).filter(\.$shortName == shortName).first()?.id)
    }

    func url(_ site: SiteURL) -> String { site.path }

    @Test func kapuasHuluWithBothReturnLoops() async throws {
        try await withApp { app in
            _ = try await DemoGovernment.load(in: app)
            let dsppa = try await unit("DSPPA", app)
            let op = try await APIClient.as("operator.dsppa@contohkab.go.id", in: app)
            let ppid = try await APIClient.as("assistantppid.dsppa@contohkab.go.id", in: app)
            let head = try await APIClient.as("head.dsppa@contohkab.go.id", in: app)

            // Step 1 (Operator OPD): identify and report.
            let opened = try await op.send(.POST, url(.apiUnitProposals(dsppa)), json: ["title": "DIK DSPPA 2026"])
            #expect(opened.status == .created, "\(opened.body)")
            var proposal = try opened.proposal
            let id = proposal.id
            #expect(proposal.sop.id == "kapuashulu-dsppa-2023" && proposal.currentStep?.number == 1)
            #expect(proposal.currentStep?.actorTitle == "Operator OPD")
            #expect(proposal.currentStep?.dueAt != nil)
            proposal = try await op.send(
                .POST, url(.apiProposalItems(id)), json: Sample.item("Data anak berhadapan dengan hukum")
            ).proposal
            proposal = try await op.send(.POST, url(.apiProposalItems(id)), json: Sample.item("Data penerima bantuan sosial"))
                .proposal
            let blocked = try await op.send(.POST, url(.apiProposalStep(id, 1)), json: [String: String]())
            #expect(blocked.status == .unprocessableEntity && blocked.error.contains("Kelengkapan belum ada: Bahan Informasi"))
            #expect(
                try await op.upload(
                    url(.apiProposalDocuments(id)), fields: ["requirement": "Bahan Informasi"], name: "bahan.pdf",
                    bytes: SampleFile.pdf
                ).status == .created)
            proposal = try await op.send(.POST, url(.apiProposalStep(id, 1)), json: [String: String]()).proposal
            #expect(proposal.currentStep?.number == 2 && proposal.currentStep?.actorRole == "assistantPPID")

            // Step 2 (PPID Pembantu): the memo.
            #expect(try await op.send(.POST, url(.apiProposalStep(id, 2)), json: [String: String]()).status == .forbidden)
            try await ppid.send(
                .PUT, url(.apiProposalMemo(id)), json: ["number": "000.1/12/DSPPA/2026", "text": "Himpun dan uji."])
            proposal = try await ppid.send(.POST, url(.apiProposalStep(id, 2)), json: [String: String]()).proposal
            #expect(proposal.currentStep?.number == 3)

            // Step 3 (Operator): gather, test; one item closed, one partly closed.
            try await op.upload(
                url(.apiProposalDocuments(id)), fields: ["requirement": "Bahan Informasi dari setiap bidang"],
                name: "bidang.pdf", bytes: SampleFile.pdf)
            let unlawful = try await op.send(
                .PUT, url(.apiItemTest(id, proposal.items[0].id)),
                json: ProposalService.TestInput(
                    ground: "Pasal 17 huruf a angka 1", otherStatute: nil,
                    consequenceIfOpened: "x", consequenceIfClosed: "y", verdict: "closed",
                    parts: nil, period: .asStatuteSets(statute: "UU SPPA", end: nil),
                    reason: "z"))
            #expect(unlawful.status == .unprocessableEntity && unlawful.error.contains("Pasal 20"))
            try await op.send(.PUT, url(.apiItemTest(id, proposal.items[0].id)), json: Sample.closed("Pasal 17 huruf h angka 1"))
            proposal = try await op.send(
                .PUT, url(.apiItemTest(id, proposal.items[1].id)),
                json: Sample.partly("Pasal 17 huruf j", statute: "UU 11/2009 tentang Kesejahteraan Sosial")
            ).proposal
            #expect(proposal.items.allSatisfy { $0.test != nil })
            try await op.recordMeeting(id)
            proposal = try await op.send(.POST, url(.apiProposalStep(id, 3)), json: [String: String]()).proposal

            // Step 4 (PPID Pembantu) disagrees: back to the Ketua PPID's step 2, with a mandatory note.
            let noNote = try await ppid.send(.POST, url(.apiProposalStep(id, 4)), json: ["decision": "disagree"])
            #expect(noNote.status == .unprocessableEntity && noNote.error.contains("Catatan wajib diisi"))
            proposal = try await ppid.send(
                .POST, url(.apiProposalStep(id, 4)),
                json: ["decision": "disagree", "note": "Pisahkan data anak per kasus."]
            ).proposal
            #expect(proposal.currentStep?.number == 2)
            proposal = try await ppid.send(.POST, url(.apiProposalStep(id, 2)), json: [String: String]()).proposal
            proposal = try await op.send(.POST, url(.apiProposalStep(id, 3)), json: [String: String]()).proposal
            proposal = try await ppid.send(.POST, url(.apiProposalStep(id, 4)), json: ["decision": "agree"]).proposal
            #expect(proposal.currentStep?.number == 5)

            // Step 5 (Kepala OPD) returns once to step 4, then signs.
            proposal = try await head.send(
                .POST, url(.apiProposalStep(id, 5)), json: ["decision": "disagree", "note": "Periksa jangka waktu."]
            ).proposal
            #expect(proposal.currentStep?.number == 4)
            proposal = try await ppid.send(.POST, url(.apiProposalStep(id, 4)), json: ["decision": "agree"]).proposal
            proposal = try await head.send(
                .POST, url(.apiProposalStep(id, 5)),
                json: ProposalAPIController.StepInput(decision: "agree", version: proposal.version)
            ).proposal
            let decree = try #require(proposal.decree)
            #expect(
                decree.number.hasPrefix("000.5.10/1/PPID/")
                    && decree.number.hasSuffix("/\(Calendar.current.component(.year, from: Date()))"))

            // Step 6 (Operator): archive — each exempted item needs a copy or a location.
            let notYet = try await op.send(.POST, url(.apiProposalStep(id, 6)), json: [String: String]())
            #expect(notYet.error.contains("Belum ada berkas digital atau lokasi arsip fisik"))
            try await op.send(
                .PUT, url(.apiItemLocation(id, proposal.items[0].id)), json: ["room": "Arsip 2", "cabinet": "L-3", "box": "12"])
            try await op.upload(
                url(.apiProposalDocuments(id)), fields: ["itemID": proposal.items[1].id.uuidString], name: "data.pdf",
                bytes: SampleFile.pdf)
            // The partly exempted item's blacked-out version is given on request (UU 14/2008 Ps 22(7)(e)).
            let noRedaction = try await op.send(.POST, url(.apiProposalStep(id, 6)), json: [String: String]())
            #expect(noRedaction.error.contains("Versi yang dihitamkan belum diunggah"))
            let wrongItem = try await op.upload(
                url(.apiProposalDocuments(id)),
                fields: ["itemID": proposal.items[0].id.uuidString, "requirement": ProposalService.redactedVersion],
                name: "hitam.pdf", bytes: SampleFile.pdf)
            #expect(wrongItem.status == .unprocessableEntity)  // the first item is wholly exempted
            try await op.upload(
                url(.apiProposalDocuments(id)),
                fields: ["itemID": proposal.items[1].id.uuidString, "requirement": ProposalService.redactedVersion],
                name: "data-dihitamkan.pdf", bytes: SampleFile.pdf)
            proposal = try await op.send(.POST, url(.apiProposalStep(id, 6)), json: [String: String]()).proposal
            #expect(proposal.status == .completed && proposal.currentStep == nil)
            #expect(proposal.history.map(\.stepNumber) == [1, 2, 3, 4, 2, 3, 4, 5, 4, 5, 6])
            #expect(
                proposal.history.filter { $0.decision == "disagree" }.map(\.note) == [
                    "Pisahkan data anak per kasus.", "Periksa jangka waktu.",
                ])

            // The register: two entries, one partly closed naming its parts; the decree has the fields of PP 61 Ps 4.
            let register = try await op.send(.GET, url(.apiUnitRegister(dsppa))).decode([RegisterEntryView].self)
            #expect(register.count == 2)
            #expect(register.first { $0.verdict == .partlyClosed }?.parts == ["NIK", "alamat rumah"])
            #expect(register.allSatisfy { $0.decreeNumber == decree.number && $0.endDate != nil })
            let decreeView = try await head.send(.GET, url(.apiDecree(decree.id))).decode(ProposalAPIController.DecreeView.self)
            #expect(decreeView.missingRequiredFields.isEmpty)
            #expect(decreeView.signerName == "Atasan PPID / Pimpinan DSPPA (demo)" && decreeView.place == "Contoh")
            #expect(decreeView.ppid == "PPID Pembantu Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak")
            // Every step is in the audit history.
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "proposal.return").count() == 2)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "decree.issue").count() == 1)
            #expect(try await AuditLog.verify(on: app.db).firstBreak == nil)
        }
    }

    @Test func kalimantanBaratTentativeWithAReturnAndAnOpenItem() async throws {
        try await withApp { app in
            _ = try await DemoGovernment.load(in: app)
            let dukcapil = try await unit("Disdukcapil", app)
            let op = try await APIClient.as("operator.disdukcapil@contohkab.go.id", in: app)
            let head = try await APIClient.as("head.disdukcapil@contohkab.go.id", in: app)
            var proposal = try await op.send(.POST, url(.apiUnitProposals(dukcapil)), json: ["title": "DIK Disdukcapil"]).proposal
            let id = proposal.id
            #expect(proposal.currentStep?.dueAt == nil && proposal.currentStep?.timeStandard == "tentatif")
            proposal = try await op.send(.POST, url(.apiProposalItems(id)), json: Sample.item("Data NIK dan KK penduduk"))
                .proposal
            proposal = try await op.send(.POST, url(.apiProposalItems(id)), json: Sample.item("Jadwal layanan keliling")).proposal
            try await op.send(
                .PUT, url(.apiItemTest(id, proposal.items[0].id)),
                json: Sample.closed("Pasal 17 huruf j", statute: "UU 24/2013 tentang Administrasi Kependudukan Pasal 79"))
            try await op.send(.PUT, url(.apiItemTest(id, proposal.items[1].id)), json: Sample.open)
            try await op.recordMeeting(id)
            proposal = try await op.send(.POST, url(.apiProposalStep(id, 1)), json: [String: String]()).proposal
            proposal = try await head.send(
                .POST, url(.apiProposalStep(id, 2)), json: ["decision": "disagree", "note": "Sebut pasal UU Adminduk."]
            ).proposal
            #expect(proposal.currentStep?.number == 1)
            proposal = try await op.send(.POST, url(.apiProposalStep(id, 1)), json: [String: String]()).proposal
            proposal = try await head.approveDecree(id, step: 2).proposal
            #expect(proposal.decree != nil)
            try await op.send(
                .PUT, url(.apiItemLocation(id, proposal.items[0].id)), json: ["building": "Kantor Disdukcapil", "room": "Arsip"])
            proposal = try await op.send(.POST, url(.apiProposalStep(id, 3)), json: [String: String]()).proposal
            #expect(proposal.status == .completed)
            // The open item went to the DIP, not the register.
            #expect(try await RegisterEntry.query(on: app.db).count() == 1)
            let dip = try #require(try await PublicInformationEntry.query(on: app.db).first())
            #expect(dip.summary.hasPrefix("Jadwal layanan keliling") && dip.source == .testedOpen)
        }
    }

    @Test func sanggauWithTheAssistantsDecreeAndThePanel() async throws {
        try await withApp { app in
            _ = try await DemoGovernment.load(in: app)
            let kominfo = try await unit("Diskominfo", app)
            let op = try await APIClient.as("operator.diskominfo@contohkab.go.id", in: app)
            let main = try await APIClient.as("mainppid.diskominfo@contohkab.go.id", in: app)
            let panel = try await APIClient.as("reviewpanel.diskominfo@contohkab.go.id", in: app)
            let head = try await APIClient.as("head.diskominfo@contohkab.go.id", in: app)
            var proposal = try await op.send(.POST, url(.apiUnitProposals(kominfo)), json: ["title": "DIK Diskominfo"]).proposal
            let id = proposal.id
            proposal = try await op.send(
                .POST, url(.apiProposalItems(id)), json: Sample.item("Kunci persandian jaringan intra pemerintah")
            ).proposal
            try await op.send(
                .PUT, url(.apiItemTest(id, proposal.items[0].id)), json: Sample.closed("Pasal 17 huruf c angka 6", years: 10))
            try await op.recordMeeting(id)
            proposal = try await op.send(.POST, url(.apiProposalStep(id, 1)), json: [String: String]()).proposal
            #expect(proposal.currentStep?.actorTitle == "PPID Utama")
            // Step 2 names the decree, which the system makes at step 3a: not asked for, and no file stands for it.
            let shown = try await main.send(.GET, url(.apiProposal(id))).proposal
            #expect(shown.currentStep?.requiredDocuments.first?.madeAtStep == "3a")
            let upload = try await main.upload(
                url(.apiProposalDocuments(id)), fields: ["requirement": "SK informasi yang dikecualikan"],
                name: "sk-ppid-pembantu.pdf", bytes: SampleFile.pdf)
            #expect(upload.status == .unprocessableEntity && upload.body.contains("bukan kelengkapan yang diunggah"))
            proposal = try await main.send(.POST, url(.apiProposalStep(id, 2)), json: [String: String]()).proposal
            #expect(proposal.currentStep?.number == 3 && proposal.currentStep?.actorRole == "reviewPanel")
            try await panel.send(
                .PUT, url(.apiProposalOpinion(id)), json: ["text": "Tim Pertimbangan menyetujui pengecualian 10 tahun."])
            proposal = try await panel.send(.POST, url(.apiProposalStep(id, 3)), json: [String: String]()).proposal
            // The panel's step issued the decree in the SOP; the law has the head approve it first (PP 61/2010 Ps 3).
            #expect(proposal.currentStep?.label == "3a" && proposal.currentStep?.actorRole == "head" && proposal.decree == nil)
            #expect(proposal.currentStep?.addedByLaw?.contains("PP 61/2010 Pasal 3") == true)
            proposal = try await head.approveDecree(id, step: 7).proposal
            // The opening step (4) is not part of a proposal: on to 5.
            #expect(proposal.currentStep?.number == 5 && proposal.decree != nil)
            let decree = try await op.send(.GET, url(.apiDecree(proposal.decree!.id))).decode(
                ProposalAPIController.DecreeView.self)
            #expect(decree.signerName == "Atasan PPID / Pimpinan Diskominfo (demo)")  // the head signs, not the panel
            try await op.send(
                .PUT, url(.apiItemLocation(id, proposal.items[0].id)), json: ["room": "Server", "cabinet": "Brankas"])
            proposal = try await op.send(.POST, url(.apiProposalStep(id, 5)), json: [String: String]()).proposal
            proposal = try await op.send(.POST, url(.apiProposalStep(id, 6)), json: [String: String]()).proposal
            #expect(proposal.status == .completed)
        }
    }

    @Test func bulukumbaClassifiedByThePanel() async throws {
        try await withApp { app in
            _ = try await DemoGovernment.load(in: app)
            let dinkes = try await unit("Dinkes", app)
            let op = try await APIClient.as("operator.dinkes@contohkab.go.id", in: app)
            let panel = try await APIClient.as("reviewpanel.diskominfo@contohkab.go.id", in: app)
            let head = try await APIClient.as("head.dinkes@contohkab.go.id", in: app)
            var proposal = try await op.send(.POST, url(.apiUnitProposals(dinkes)), json: ["title": "DIK Dinkes"]).proposal
            let id = proposal.id
            proposal = try await op.send(.POST, url(.apiProposalItems(id)), json: Sample.item("Rekam medis pasien puskesmas"))
                .proposal
            try await op.send(.PUT, url(.apiItemTest(id, proposal.items[0].id)), json: Sample.closed("Ps. 17 h 2"))
            try await op.recordMeeting(id)
            proposal = try await op.send(.POST, url(.apiProposalStep(id, 1)), json: [String: String]()).proposal
            proposal = try await panel.send(.POST, url(.apiProposalStep(id, 2)), json: [String: String]()).proposal
            #expect(proposal.decree == nil && proposal.currentStep?.label == "2a")
            // The head returns it to the test (step 1), then approves.
            proposal = try await head.send(
                .POST, url(.apiProposalStep(id, 6)), json: ["decision": "disagree", "note": "Periksa jangka waktu."]
            ).proposal
            #expect(proposal.currentStep?.number == 1)
            proposal = try await op.send(.POST, url(.apiProposalStep(id, 1)), json: [String: String]()).proposal
            proposal = try await panel.send(.POST, url(.apiProposalStep(id, 2)), json: [String: String]()).proposal
            proposal = try await head.approveDecree(id, step: 6).proposal
            #expect(proposal.decree != nil && proposal.currentStep?.number == 4)
            let blocked = try await op.send(.POST, url(.apiProposalStep(id, 4)), json: [String: String]())
            #expect(blocked.error.contains("Informasi dan Dokumen"))
            try await op.upload(
                url(.apiProposalDocuments(id)), fields: ["itemID": proposal.items[0].id.uuidString], name: "rekam.pdf",
                bytes: SampleFile.pdf)
            proposal = try await op.send(.POST, url(.apiProposalStep(id, 4)), json: [String: String]()).proposal
            proposal = try await op.send(.POST, url(.apiProposalStep(id, 5)), json: [String: String]()).proposal
            #expect(proposal.status == .completed)
            let register = try await panel.send(.GET, url(.apiBodyRegister(proposal.bodyID))).decode([RegisterEntryView].self)
            #expect(register.map(\.ground) == ["Pasal 17 huruf h angka 2"])
        }
    }
}

@Suite struct ProcedureRefusalTests {
    func openKapuas(_ app: Application) async throws -> (APIClient, UUID) {
        _ = try await DemoGovernment.load(in: app)
        let dsppa = try #require(try await Unit.query(on: app.db).filter(\.$shortName == "DSPPA").first()?.id)
        let op = try await APIClient.as("operator.dsppa@contohkab.go.id", in: app)
        let proposal = try await op.send(.POST, SiteURL.apiUnitProposals(dsppa).path, json: ["title": "Uji"]).proposal
        return (op, proposal.id)
    }

    @Test func anOfficerOfAnotherOPDCanNeitherSeeNorAct() async throws {
        try await withApp { app in
            let (_, id) = try await openKapuas(app)
            let stranger = try await APIClient.as("operator.dinkes@contohkab.go.id", in: app)
            #expect(try await stranger.send(.GET, SiteURL.apiProposal(id).path).status == .forbidden)
            #expect(
                try await stranger.send(.POST, SiteURL.apiProposalItems(id).path, json: Sample.item("x")).status == .forbidden)
            let dsppa = try #require(try await Unit.query(on: app.db).filter(\.$shortName == "DSPPA").first()?.id)
            #expect(try await stranger.send(.GET, SiteURL.apiUnitRegister(dsppa).path).status == .forbidden)
            #expect(
                try await stranger.send(.POST, SiteURL.apiUnitProposals(dsppa).path, json: ["title": "x"]).status == .forbidden)
            // An administrator manages people but does not read exempted content.
            let admin = try await APIClient.as("admin.diskominfo@contohkab.go.id", in: app)
            #expect(try await admin.send(.GET, SiteURL.apiProposal(id).path).status == .forbidden)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "security.forbidden").count() == 5)
        }
    }

    @Test func outOfTurnStaleAndBadInputAreRefusedWithNothingWritten() async throws {
        try await withApp { app in
            let (op, id) = try await openKapuas(app)
            let head = try await APIClient.as("head.dsppa@contohkab.go.id", in: app)
            let outOfTurn = try await head.send(.POST, SiteURL.apiProposalStep(id, 5).path, json: ["decision": "agree"])
            #expect(outOfTurn.status == .conflict && outOfTurn.error.contains("bukan langkah yang sedang berjalan"))
            let badItem = try await op.send(
                .POST, SiteURL.apiProposalItems(id).path,
                json: ProposalService.ItemInput(title: " ", description: "", holdingUnitID: nil, form: "kertas"))
            #expect(badItem.status == .unprocessableEntity)
            let fields = try badItem.decode(ErrorBody.self).fields
            #expect(Set(fields.keys) == ["title", "description", "form"])
            var proposal = try await op.send(.POST, SiteURL.apiProposalItems(id).path, json: Sample.item("Data")).proposal
            let stale = try await op.send(.POST, SiteURL.apiProposalStep(id, 1).path, json: ["version": 1])
            #expect(stale.status == .conflict && stale.error.contains("baru saja diubah"))
            let badGround = try await op.send(
                .PUT, SiteURL.apiItemTest(id, proposal.items[0].id).path, json: Sample.closed("Pasal 17 huruf k"))
            #expect(try badGround.decode(ErrorBody.self).fields["ground"]?.contains("huruf k") == true)
            let wrongFile = try await op.upload(
                SiteURL.apiProposalDocuments(id).path, fields: ["requirement": "Bahan Informasi"], name: "bahan.pdf",
                bytes: Array("MZ executable".utf8))
            #expect(wrongFile.status == .unprocessableEntity && wrongFile.error.contains("Jenis berkas tidak diterima"))
            let unknownRequirement = try await op.upload(
                SiteURL.apiProposalDocuments(id).path, fields: ["requirement": "Surat sakti"],
                name: "a.pdf", bytes: SampleFile.pdf)
            #expect(unknownRequirement.error.contains("bukan kelengkapan"))
            #expect(try await StoredFile.query(on: app.db).count() == 0)
            proposal = try await op.send(.GET, SiteURL.apiProposal(id).path).proposal
            #expect(proposal.items.count == 1 && proposal.items[0].test == nil && proposal.currentStep?.number == 1)
        }
    }

    @Test func itemsCanBeCorrectedAndRemovedWhileTheListIsMade() async throws {
        try await withApp { app in
            let (op, id) = try await openKapuas(app)
            var proposal = try await op.send(.POST, SiteURL.apiProposalItems(id).path, json: Sample.item("Data anak salah ketik"))
                .proposal
            let itemID = proposal.items[0].id
            var corrected = Sample.item("Data anak berhadapan dengan hukum")
            corrected.form = "soft"
            proposal = try await op.send(.PUT, SiteURL.apiProposalItem(id, itemID).path, json: corrected).proposal
            #expect(proposal.items[0].title == "Data anak berhadapan dengan hukum" && proposal.items[0].form == .soft)
            var bad = corrected
            bad.title = " "
            #expect(try await op.send(.PUT, SiteURL.apiProposalItem(id, itemID).path, json: bad).status == .unprocessableEntity)
            proposal = try await op.send(.DELETE, SiteURL.apiProposalItem(id, itemID).path).proposal
            #expect(proposal.items.isEmpty)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action ~~ ["item.update", "item.remove"]).count() == 2)
            // Another unit's officer cannot touch them.
            proposal = try await op.send(.POST, SiteURL.apiProposalItems(id).path, json: Sample.item("Data")).proposal
            let stranger = try await APIClient.as("operator.dinkes@contohkab.go.id", in: app)
            #expect(try await stranger.send(.DELETE, SiteURL.apiProposalItem(id, proposal.items[0].id).path).status == .forbidden)
        }
    }

    @Test func twoDecreesCannotShareANumber() async throws {
        try await withApp { app in
            _ = try await DemoGovernment.load(in: app)
            let dinkes = try #require(try await Unit.query(on: app.db).filter(\.$shortName == "Dinkes").first()?.id)
            let op = try await APIClient.as("operator.dinkes@contohkab.go.id", in: app)
            let panel = try await APIClient.as("reviewpanel.diskominfo@contohkab.go.id", in: app)
            let head = try await APIClient.as("head.dinkes@contohkab.go.id", in: app)
            var decrees: [UUID] = []
            for title in ["Pertama", "Kedua"] {
                var proposal = try await op.send(.POST, SiteURL.apiUnitProposals(dinkes).path, json: ["title": title]).proposal
                proposal = try await op.send(
                    .POST, SiteURL.apiProposalItems(proposal.id).path, json: Sample.item("Rekam medis \(title)")
                ).proposal
                try await op.send(
                    .PUT, SiteURL.apiItemTest(proposal.id, proposal.items[0].id).path,
                    json: Sample.closed("Pasal 17 huruf h angka 2"))
                try await op.recordMeeting(proposal.id)
                try await op.send(.POST, SiteURL.apiProposalStep(proposal.id, 1).path, json: [String: String]())
                try await panel.send(.POST, SiteURL.apiProposalStep(proposal.id, 2).path, json: [String: String]())
                proposal = try await head.approveDecree(proposal.id, step: 6).proposal
                decrees.append(try #require(proposal.decree?.id))
            }
            let first = try await head.send(.GET, SiteURL.apiDecree(decrees[0]).path).decode(
                ProposalAPIController.DecreeView.self)
            let second = try await head.send(.GET, SiteURL.apiDecree(decrees[1]).path).decode(
                ProposalAPIController.DecreeView.self)
            #expect(first.number != second.number)
            #expect(first.entries[0].registerNumber.hasSuffix("-0001") && second.entries[0].registerNumber.hasSuffix("-0002"))
            let clash = try await head.send(.PUT, SiteURL.apiDecreeNumber(decrees[1]).path, json: ["number": first.number])
            #expect(clash.status == .conflict)
            let renumbered = try await head.send(
                .PUT, SiteURL.apiDecreeNumber(decrees[1]).path, json: ["number": "000.5.10/77/PPID/XI/2026"])
            #expect(renumbered.status == .ok)
            // The signed scan is kept with its SHA-256; downloading it is audited.
            let scan = try await head.upload(
                SiteURL.apiDecreeScan(decrees[1]).path, fields: [:], name: "sk.pdf", bytes: SampleFile.pdf)
            #expect(
                try scan.decode(ProposalAPIController.DecreeView.self).signedScanSHA256 == FileIntake.sha256(Data(SampleFile.pdf))
            )
            #expect(try await head.send(.GET, SiteURL.apiDecreeScan(decrees[1]).path).status == .ok)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "document.download").count() == 1)
        }
    }

    @Test func theOpenAPIDocumentListsTheRoutes() async throws {
        try await withApp { app in
            let response = try await app.testing().sendRequest(.GET, "/api/v1/openapi.json")
            let document = try JSONSerialization.jsonObject(with: Data(response.body.string.utf8)) as? [String: Any]
            let paths = try #require(document?["paths"] as? [String: Any])
            for route in app.routes.all
            where route.path.first?.description == "api" && !route.path.contains(where: { $0.description == "openapi.json" }) {
                let path =
                    "/"
                    + route.path.map { $0.description.hasPrefix(":") ? "{\($0.description.dropFirst())}" : $0.description }
                    .joined(separator: "/")
                #expect(paths[path] != nil, "undocumented \(path)")
            }
        }
    }
}

struct ErrorBody: Decodable {
    let error: String
    let fields: [String: String]
}

/// The OpenAPI document describes what each operation reads and answers, so an integrator can
/// build a client from it alone.
@Suite struct OpenAPIDescriptionTests {
    @Test func everyOperationDescribesItsBodies() async throws {
        try await withApp { app in
            let response = try await app.testing().sendRequest(.GET, "/api/v1/openapi.json")
            let document = try #require(try JSONSerialization.jsonObject(with: Data(response.body.string.utf8)) as? [String: Any])
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: Any])
            #expect(paths.count >= 17)
            for (path, methods) in paths {
                for (method, value) in methods {
                    let operation = try #require(value as? [String: Any])
                    let responses = try #require(operation["responses"] as? [String: [String: Any]])
                    let success = responses.filter { $0.key.hasPrefix("2") }
                    #expect(!success.isEmpty && success.values.allSatisfy { $0["content"] != nil }, "\(method) \(path) answers nothing described")
                    if method == "post" || method == "put" {
                        #expect(operation["requestBody"] != nil, "\(method) \(path) reads an undescribed body")
                    }
                }
            }
            // Every schema referred to exists.
            let text = response.body.string
            for match in text.matches(of: /#\/components\/schemas\/(\w+)/) {
                #expect(schemas[String(match.1)] != nil, "missing schema \(match.1)")
            }
        }
    }
}
