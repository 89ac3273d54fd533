import DikelolaCore
import Fluent
import Foundation
import Vapor

/// Proposals for the demo government, in every stage of every seed SOP, and finished ones with
/// a signed decree and register entries — made through `ProposalService` as the demo people, so
/// the demo obeys the same rules as real work (and its history is in the audit trail).
enum DemoProcedure {
    struct Summary: CustomStringConvertible {
        let proposals: Int
        let decrees: Int
        var description: String {
            "Demo prosedur: \(proposals) usulan di setiap langkah, \(decrees) surat penetapan dengan DIK-nya."
        }
    }

    static let samplePDF = Array("%PDF-1.7\n% Dikelola demo\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".utf8)

    /// Items per unit: (title, description, ground, other statute, years; nil ground = open).
    static let items: [String: [(String, String, String?, String?, Int)]] = [
        "Diskominfo": [
            ("Kunci dan konfigurasi persandian jaringan intra pemerintah", "Berkas konfigurasi perangkat sandi", "c6", nil, 10),
            ("Jadwal siaran layanan publik", "Jadwal siaran radio pemerintah", nil, nil, 0),
        ],
        "Disdukcapil": [
            (
                "Data NIK dan KK penduduk", "Basis data kependudukan", "j",
                "UU 24/2013 tentang Administrasi Kependudukan Pasal 79", 5
            ),
            ("Akta kelahiran atas nama perorangan", "Arsip akta", "h1", nil, 20),
        ],
        "DSPPA": [
            ("Data anak berhadapan dengan hukum", "Berkas pendampingan", "a2", nil, 10),
            ("Data penerima bantuan sosial beserta NIK", "Daftar penerima", "h3", nil, 5),
        ],
        // Short periods, decided `DemoProcedure.pastDays` ago, so that the demo register has entries
        // ending soon, past their review date, opened by law and opened by an opening decree.
        "Disdukcapil-pendek": [
            ("Rencana operasi penertiban dokumen kependudukan", "Jadwal dan lokasi operasi", "a1", nil, 0),
            ("Daftar perekaman KTP-el yang ditunda", "Daftar nama dan alasan penundaan", "h1", nil, 0),
            ("Rekapitulasi data ganda yang belum diverifikasi", "Hasil pencocokan sementara", "h4", nil, 0),
            ("Berkas pegawai yang sedang diperiksa Inspektorat", "Berkas pemeriksaan", "h4", nil, 0),
        ],
        "Dinkes": [
            ("Rekam medis pasien puskesmas", "Rekam medis elektronik", "h2", nil, 25),
            ("Hasil evaluasi kompetensi tenaga kesehatan", "Penilaian kinerja", "h4", nil, 5),
        ],
    ]

    static func load(in app: Application) async throws -> Summary {
        guard try await Proposal.query(on: app.db).count() == 0,
            let body = try await PublicBody.query(on: app.db).filter(\.$slug == DemoGovernment.slug).first()
        else {
            return Summary(proposals: 0, decrees: 0)
        }
        // The short-period proposal first, dated weeks back, so that the history stays in time order.
        var count = 0
        let dukcapil = try await Unit.query(on: app.db).filter(\.$body.$id == body.requireID())
            .filter(\.$shortName == "Disdukcapil").first()
        if let dukcapil {
            try await make(
                app, unit: dukcapil, title: "DIK Disdukcapil — jangka waktu pendek", stopAt: nil, withReturn: false,
                itemsKey: "Disdukcapil-pendek", at: app.dikelola.clock.now().addingTimeInterval(-Double(pastDays) * 86_400))
            count += 1
        }
        for seed in DemoGovernment.units {
            guard
                let unit = try await Unit.query(on: app.db).filter(\.$body.$id == body.requireID()).filter(
                    \.$shortName == seed.shortName
                ).first(),
                let definition = app.dikelola.sopLibrary.definition(id: seed.sopID)
            else { continue }
            let stages = definition.proposalSteps.map(\.number)
            for (index, stage) in stages.enumerated() {
                try await make(
                    app, unit: unit, title: "Contoh \(seed.shortName): di langkah \(definition.label(of: stage))", stopAt: stage,
                    withReturn: index == stages.count - 1)
                count += 1
            }
            try await make(
                app, unit: unit, title: "DIK \(seed.shortName) \(app.dikelola.clock.now().formatted(.dateTime.year()))",
                stopAt: nil, withReturn: true)
            count += 1
        }
        if let dukcapil { try await endOfPeriod(app, unit: dukcapil) }
        return Summary(proposals: count, decrees: try await Decree.query(on: app.db).count())
    }

    /// Opens a proposal and carries it to step `stopAt` (or to the end when nil).
    static func make(
        _ app: Application, unit: Unit, title: String, stopAt: Int?, withReturn: Bool, itemsKey: String? = nil,
        at instant: Date? = nil
    ) async throws {
        let key = itemsKey ?? unit.shortName ?? ""
        let definition = app.dikelola.sopLibrary.definition(id: unit.sopID!)!
        let opener = try await acting(app, role: ProposalWorkflow(definition: definition).opener.role, unit: unit, at: instant)
        let proposal = try await ProposalService.open(unitID: unit.storedID, title: title, acting: opener)
        var returned = !withReturn
        var guardSteps = 0
        while let current = try await Proposal.find(proposal.id, on: app.db)?.currentStep, current != stopAt, guardSteps < 30 {
            guardSteps += 1
            let step = definition.step(number: current)!
            let acting = try await acting(app, role: definition.actor(for: step).role, unit: unit, at: instant)
            let user = acting.person
            var ctx = try await ProposalContext.load(proposal.storedID, library: app.dikelola.sopLibrary, on: app.db)
            if step.effect.allowsEditingItems, ctx.items.isEmpty {
                for item in items[key] ?? [] {
                    _ = try await ProposalService.addItem(
                        ctx,
                        .init(
                            title: item.0, description: item.1, holdingUnitID: nil, form: "both",
                            madeWhen: "2025", madeWhere: unit.name, archiveCode: "000.5.10"),
                        acting: acting)
                    ctx = try await ProposalContext.load(proposal.storedID, library: app.dikelola.sopLibrary, on: app.db)
                }
            }
            if step.effect.allowsEditingItems, ctx.proposal.meetingDate == nil {
                try await ProposalService.recordMeeting(
                    ctx, date: ctx.today(acting.now).iso, place: "Ruang rapat \(unit.name)",
                    participants: try await participants(app, user: user, unit: unit, at: instant), acting: acting)
            }
            if step.effect == .consequenceTest
                || (step.effect == .collectItems
                    && definition.steps.first(where: { $0.effect == .consequenceTest })?.number == nil)
            {
                for item in ctx.items where ctx.test(of: item) == nil {
                    let spec = items[key]?.first { $0.0 == item.title }
                    _ = try await ProposalService.recordTest(
                        ctx, itemID: item.storedID, try test(spec, today: ctx.today(acting.now)), acting: acting)
                }
            }
            ctx = try await ProposalContext.load(proposal.storedID, library: app.dikelola.sopLibrary, on: app.db)
            if step.recordsMemo, ctx.proposal.memoNumber == nil {
                try await ProposalService.recordMemo(
                    ctx, number: "000.1/\(Int.random(in: 10...99))/\(unit.shortName ?? "")/2026",
                    text: "Himpun dan uji informasi yang dikecualikan.", acting: acting)
            }
            if step.recordsPanelOpinion, ctx.proposal.panelOpinion == nil {
                try await ProposalService.recordOpinion(
                    ctx, text: "Tim Pertimbangan sependapat dengan hasil uji konsekuensi.", acting: acting)
            }
            if step.effect == .archive {
                for item in ctx.items where !item.hasHardCopyLocation {
                    try await ProposalService.setLocation(
                        ctx, itemID: item.storedID,
                        .init(
                            building: "Kantor \(unit.shortName ?? "")", room: "Ruang Arsip",
                            cabinet: "Lemari 2", box: "Boks 7", folder: nil), acting: acting)
                }
            }
            var decision: ProposalWorkflow.Decision?
            if step.decision != nil {
                decision = returned ? .agree : .disagree(note: "Lengkapi uraian konsekuensi bila dibuka.")
                returned = true
            }
            try await complete(
                try await ProposalContext.load(proposal.storedID, library: app.dikelola.sopLibrary, on: app.db), step: step,
                decision: decision, acting: acting)
        }
    }

    /// Uploads what the step still lacks, then completes it. The demo head reads every warning
    /// before agreeing, as the law asks of a real one.
    static func complete(
        _ ctx: ProposalContext, step: SOPDefinition.Step, decision: ProposalWorkflow.Decision?, acting: Acting
    ) async throws {
        let facts = ctx.facts(now: acting.now, expiry: acting.services.expiryRules)
        for requirement in step.requiredDocuments
        where requirement.kind == .upload && !ctx.workflow.isSatisfied(requirement, at: step, facts: facts) {
            let name = requirement.name
            let file = File(
                data: ByteBuffer(bytes: samplePDF),
                filename: "\(name.lowercased().replacingOccurrences(of: " ", with: "-")).pdf")
            _ = try await ProposalService.attach(ctx, file: file, requirement: name, itemID: nil, acting: acting)
        }
        if step.effect == .archive {
            for title in facts.partlyExemptedWithoutRedaction {
                guard let item = ctx.items.first(where: { $0.title == title }) else { continue }
                let file = File(data: ByteBuffer(bytes: samplePDF), filename: "versi-dihitamkan.pdf")
                _ = try await ProposalService.attach(
                    ctx, file: file, requirement: ProposalService.redactedVersion, itemID: item.storedID, acting: acting)
            }
        }
        let warnings = ctx.warnings(on: ctx.today(acting.now), expiry: acting.services.expiryRules).map(\.key)
        _ = try await ProposalService.completeStep(
            ctx.proposal.storedID, stepNumber: step.number, decision: decision, expectedVersion: nil,
            acknowledgements: decision == .agree ? Set(warnings) : [], acting: acting)
    }

    static func test(_ spec: (String, String, String?, String?, Int)?, today: LocalDate) throws -> ProposalService.TestInput {
        guard let spec, let code = spec.2, let ground = ExemptionGround(code: code) else {
            return .init(
                ground: nil, otherStatute: nil, consequenceIfOpened: "Tidak ada kerugian bila dibuka.",
                consequenceIfClosed: "Masyarakat kehilangan informasi layanan.", verdict: "open", parts: nil, period: nil,
                reason: "Informasi layanan yang wajib tersedia setiap saat.")
        }
        let words = wording[spec.0]
        return .init(
            ground: ground.citation, otherStatute: spec.3,
            consequenceIfOpened: words?.ifOpened ?? "Bila dibuka, informasi ini dapat menimbulkan kerugian yang dilindungi \(ground.citation) UU 14/2008.",
            consequenceIfClosed: "Kepentingan publik tetap terlayani melalui informasi ringkas dan data agregat.",
            verdict: code == "h3" ? "partlyClosed" : "closed", parts: code == "h3" ? ["NIK", "alamat"] : nil,
            period: try shortPeriods[spec.0]?(today) ?? .length(PeriodLength(years: spec.4), from: today),
            reason: words?.reason ?? "Dikecualikan berdasarkan \(ground.citation) UU 14/2008.",
            openPart: code == "h3" ? "Nama program, kecamatan dan jumlah penerima" : nil)
    }

    /// The demo's tests in the words an officer would write: they appear on the public register, so
    /// they are whole sentences, with acronyms as offices write them (NIK, KK, KTP-el).
    static let wording: [String: (ifOpened: String, reason: String)] = [
        "Kunci dan konfigurasi persandian jaringan intra pemerintah": (
            "Bila dibuka, pihak lain dapat menyadap atau membobol jaringan komunikasi pemerintah.",
            "Kunci sandi termasuk sistem persandian negara yang dilindungi Pasal 17 huruf c UU 14/2008."),
        "Data NIK dan KK penduduk": (
            "Bila dibuka, NIK dan data KK penduduk dapat disalahgunakan untuk penipuan dan pemalsuan identitas.",
            "Data pribadi penduduk wajib dilindungi menurut Pasal 79 UU 24/2013 tentang Administrasi Kependudukan."),
        "Akta kelahiran atas nama perorangan": (
            "Bila dibuka, riwayat dan kondisi keluarga seseorang terungkap tanpa persetujuannya.",
            "Akta kelahiran memuat rahasia pribadi yang dilindungi Pasal 17 huruf h UU 14/2008."),
        "Data anak berhadapan dengan hukum": (
            "Bila dibuka, identitas anak dapat diketahui umum dan menghambat proses peradilan anak.",
            "Identitas anak yang menjadi korban atau saksi dirahasiakan (Pasal 17 huruf a UU 14/2008 dan UU 11/2012 tentang Sistem Peradilan Pidana Anak)."),
        "Data penerima bantuan sosial beserta NIK": (
            "Bila dibuka, NIK dan alamat penerima bantuan dapat disalahgunakan pihak lain.",
            "NIK, alamat dan kondisi ekonomi penerima adalah rahasia pribadi (Pasal 17 huruf h UU 14/2008); nama program, kecamatan dan jumlah penerima tetap terbuka."),
        "Rencana operasi penertiban dokumen kependudukan": (
            "Bila dibuka sebelum pelaksanaan, sasaran operasi dapat menghindar sehingga penertiban gagal.",
            "Rencana operasi menghambat penegakan hukum bila diketahui lebih dahulu (Pasal 17 huruf a UU 14/2008)."),
        "Daftar perekaman KTP-el yang ditunda": (
            "Bila dibuka, nama dan alasan penundaan perekaman KTP-el warga terungkap kepada umum.",
            "Alasan penundaan menyangkut riwayat dan kondisi keluarga warga (Pasal 17 huruf h UU 14/2008)."),
        "Rekapitulasi data ganda yang belum diverifikasi": (
            "Bila dibuka sebelum diverifikasi, penduduk dapat dituduh memiliki data ganda padahal belum pasti.",
            "Memuat hasil evaluasi perorangan yang belum diverifikasi (Pasal 17 huruf h UU 14/2008)."),
        "Berkas pegawai yang sedang diperiksa Inspektorat": (
            "Bila dibuka, nama baik pegawai yang belum terbukti bersalah dapat tercemar.",
            "Hasil pemeriksaan pegawai termasuk rahasia pribadi sampai pemeriksaan selesai (Pasal 17 huruf h UU 14/2008)."),
        "Rekam medis pasien puskesmas": (
            "Bila dibuka, riwayat penyakit pasien diketahui umum dan dapat merugikan pasien.",
            "Rekam medis adalah rahasia pribadi pasien (Pasal 17 huruf h UU 14/2008 dan UU 17/2023 tentang Kesehatan)."),
        "Hasil evaluasi kompetensi tenaga kesehatan": (
            "Bila dibuka, penilaian perorangan tenaga kesehatan dapat merugikan nama baik mereka.",
            "Penilaian kompetensi perorangan termasuk rahasia pribadi (Pasal 17 huruf h UU 14/2008)."),
    ]

    /// How many days before today the short-period proposal was decided.
    static let pastDays = 40

    /// Periods counted from the decision day, `pastDays` ago: ended 20 days ago (opened by law), ending
    /// in 15 and 30 days (ending soon; the first is opened by decree), review date 30 days ago.
    static let shortPeriods: [String: @Sendable (LocalDate) throws -> ExemptionPeriod] = [
        "Rencana operasi penertiban dokumen kependudukan": { .until(try $0.adding(days: pastDays - 20)) },
        "Daftar perekaman KTP-el yang ditunda": { .until(try $0.adding(days: pastDays + 30)) },
        "Rekapitulasi data ganda yang belum diverifikasi": { .until(try $0.adding(days: pastDays + 15)) },
        "Berkas pegawai yang sedang diperiksa Inspektorat": {
            .untilEvent(
                event: "pemeriksaan Inspektorat selesai", reviewOn: try $0.adding(days: pastDays - 30),
                latestEnd: try $0.adding(years: 2))
        },
    ]

    /// The end of a period in the demo: the register with short periods swept today, and one entry
    /// opened through the opening procedure (PPID prepares, head approves), made by the same services.
    static func endOfPeriod(_ app: Application, unit: Unit) async throws {
        _ = try await ExpirySweep.run(app: app, now: app.dikelola.clock.now())
        guard
            let entry = try await RegisterEntry.query(on: app.db).filter(
                \.$title == "Rekapitulasi data ganda yang belum diverifikasi"
            )
            .first(), entry.status == .endingSoon
        else { return }
        let ppid = try await acting(app, role: .assistantPPID, unit: unit)
        let action = try await PeriodActionService.start(
            unitID: unit.storedID, kind: .opening, entryIDs: [entry.storedID], acting: ppid)
        var ctx = try await PeriodActionContext.load(action.storedID, library: app.dikelola.sopLibrary, on: app.db)
        try await PeriodActionService.setOpeningFields(
            ctx, itemID: ctx.items[0].storedID,
            .init(
                summary: "Rekapitulasi jumlah data ganda per kecamatan", responsible: "Kepala Bidang Pengelolaan Informasi",
                retention: "2 tahun aktif, 3 tahun inaktif, musnah"), acting: ppid)
        ctx = try await PeriodActionContext.load(action.storedID, library: app.dikelola.sopLibrary, on: app.db)
        try await PeriodActionService.submit(ctx, expectedVersion: nil, acting: ppid)
        let head = try await acting(app, role: .head, unit: unit)
        _ = try await PeriodActionService.decide(
            action.storedID, approve: true, note: "", expectedVersion: nil, acting: head)
    }

    /// The demo person holding `role` for `unit` (its own, or the PPID Utama's office), acting at `instant`.
    /// Who took part in the test meeting: the person recording it and the unit's PPID, whose duty
    /// the test is (UU 14/2008 Ps 19).
    static func participants(_ app: Application, user: CurrentUser, unit: Unit, at instant: Date?) async throws -> String {
        var lines = ["\(user.name) — \(user.position)"]
        for role in [Role.assistantPPID, .mainPPID] {
            guard let ppid = try? await acting(app, role: role, unit: unit, at: instant).person else { continue }
            if ppid.id != user.id { lines.append("\(ppid.name) — \(ppid.position)") }
            break
        }
        return lines.joined(separator: "\n")
    }

    static func acting(_ app: Application, role: Role, unit: Unit, at instant: Date? = nil) async throws -> Acting {
        let main = try await Unit.query(on: app.db).filter(\.$body.$id == unit.$body.id).filter(\.$hostsMainPPID == true).first()
        for unitID in [unit.id, main?.id].compactMap({ $0 }) {
            if let assignment = try await RoleAssignment.query(on: app.db).filter(\.$unit.$id == unitID).filter(
                \.$role == role.rawValue
            )
            .with(\.$user).first() {
                return app.acting(try await CurrentUser.load(assignment.user, via: .session, on: app.db), at: instant)
            }
        }
        throw CommandFailure(message: "Demo: tidak ada pengguna berperan \(role.rawValue) untuk \(unit.name).")
    }
}
