import DikelolaCore
import Fluent
import Foundation
import Plot
import Vapor

/// The procedure in the browser: a unit's proposals, a proposal with its step and forms, the
/// decree and the register. Forms post here and call the same `ProposalService` as the API; a
/// refused form comes back with its fields filled and the error beside the field.
struct ProposalPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.signedIn(.GET, .unit(nil), use: unitPage)
        routes.signedIn(.POST, .unitOpenProposal(nil), use: open)
        routes.signedIn(.GET, .unitRegister(nil), use: register)
        routes.signedIn(.GET, .bodyRegister(nil)) { req, user in
            guard let body = try await PublicBody.find(try req.id("body"), on: req.db) else { throw Refusal.notFound }
            try user.require(.viewExemptedContent, on: AccessQueries.place(ofBody: try body.requireID()))
            let entries = try await RegisterQueries.entries(bodyID: try body.requireID(), unitID: nil, on: req.db)
            let units = try await body.$units.get(on: req.db)
            let names = Dictionary(units.compactMap { unit in unit.id.map { ($0, unit.name) } }, uniquingKeysWith: { a, _ in a })
            let ctx = PageContext(req, user: user)
            return Layout.page(
                ctx, title: "DIK \(body.name)",
                .h1(
                    .text(
                        ctx.t(
                            "Daftar Informasi yang Dikecualikan — \(body.name)", "Register of exempted information — \(body.name)"
                        ))),
                .p(
                    .small(
                        .text(
                            ctx.t(
                                "Dikelompokkan dan diurutkan menurut berakhirnya jangka waktu pengecualian.",
                                "Grouped and sorted by the end of the exemption period.")))),
                RegisterTable.render(
                    ctx, entries, unitNames: names, rules: req.application.dikelola.expiryRules,
                    today: (TimeZoneRegion(rawValue: body.timeZone) ?? .wib).localDate(of: req.now))
            )
        }
        routes.signedIn(.GET, .proposal(nil)) { req, user in try await show(req, user, state: nil) }
        routes.signedIn(.POST, .proposalAddItem(nil)) { req, user in
            let form = try req.formValues()
            return try await act(req, user, form: "item", values: form) { ctx in
                let input = ProposalService.ItemInput(
                    title: form["title"], description: form["description"], holdingUnitID: nil, form: form["form"],
                    madeWhen: form["madeWhen"], madeWhere: form["madeWhere"], archiveCode: form["archiveCode"])
                _ = try await ProposalService.addItem(ctx, input, acting: req.acting(user))
                return PageContext(req).t("Informasi ditambahkan.", "Item added.")
            }
        }
        routes.signedIn(.POST, .proposalItem(nil, nil)) { req, user in
            let form = try req.formValues()
            let itemID = try req.id("item")
            return try await act(req, user, form: "edit-\(itemID)", values: form) { ctx in
                let input = ProposalService.ItemInput(
                    title: form["title"], description: form["description"], holdingUnitID: nil, form: form["form"],
                    madeWhen: form["madeWhen"], madeWhere: form["madeWhere"], archiveCode: form["archiveCode"])
                try await ProposalService.updateItem(ctx, itemID: itemID, input, acting: req.acting(user))
                return PageContext(req).t("Informasi diubah.", "Item updated.")
            }
        }
        routes.signedIn(.POST, .proposalItemRemove(nil, nil)) { req, user in
            let itemID = try req.id("item")
            return try await act(req, user, form: "remove", values: try req.formValues()) { ctx in
                try await ProposalService.removeItem(ctx, itemID: itemID, acting: req.acting(user))
                return PageContext(req).t("Informasi dihapus dari daftar.", "Item removed.")
            }
        }
        routes.signedIn(.POST, .proposalTest(nil, nil)) { req, user in
            let form = try req.formValues()
            let itemID = try req.id("item")
            return try await act(req, user, form: "test-\(itemID)", values: form) { ctx in
                let verdict = form["verdict"]
                var period: ExemptionPeriod?
                if verdict != "open" {
                    switch PeriodFields.period(from: form) {
                    case let .success(value): period = value
                    case let .failure(error): throw ProcedureError.invalid([error.field: error.message])
                    }
                }
                let ground = form["ground"].nilIfBlank.flatMap(ExemptionGround.init(code:))?.citation
                let input = ProposalService.TestInput(
                    ground: ground, otherStatute: form["otherStatute"], consequenceIfOpened: form["consequenceIfOpened"],
                    consequenceIfClosed: form["consequenceIfClosed"], verdict: verdict,
                    parts: form["parts"].split(separator: ",").map { String($0) }, period: period, reason: form["reason"])
                _ = try await ProposalService.recordTest(ctx, itemID: itemID, input, acting: req.acting(user))
                return PageContext(req).t("Uji konsekuensi disimpan.", "Test saved.")
            }
        }
        routes.signedIn(.POST, .proposalLocation(nil, nil)) { req, user in
            let form = try req.formValues()
            let itemID = try req.id("item")
            return try await act(req, user, form: "location-\(itemID)", values: form) { ctx in
                try await ProposalService.setLocation(
                    ctx, itemID: itemID,
                    .init(
                        building: form["building"], room: form["room"], cabinet: form["cabinet"],
                        box: form["box"], folder: form["folder"]), acting: req.acting(user))
                return PageContext(req).t("Lokasi disimpan.", "Location saved.")
            }
        }
        routes.signedIn(.POST, .proposalUpload(nil), body: .upload) { req, user in
            struct Upload: Content {
                var file: File?
                var requirement: String?
                var itemID: UUID?
                var form: String?
            }
            // Whether this person may attach to this proposal now is decided before the file is read.
            let before = try await load(req, user)
            _ = try before.requireActor(user, for: before.currentStep?.effect.action ?? .archive)
            try await req.admitBody()
            let upload = try req.decodeUpload(Upload.self)
            let formName = upload.form ?? "upload"
            return try await act(req, user, form: formName, values: FormValues(values: ["requirement": upload.requirement ?? ""]))
            { ctx in
                guard let file = upload.file, !file.filename.isEmpty else {
                    throw ProcedureError.invalid(["file": PageContext(req).t("Pilih berkas.", "Choose a file.")])
                }
                _ = try await ProposalService.attach(
                    ctx, file: file, requirement: upload.requirement, itemID: upload.itemID, acting: req.acting(user))
                return PageContext(req).t("Berkas \(file.filename) diunggah.", "\(file.filename) uploaded.")
            }
        }
        routes.signedIn(.POST, .proposalMemo(nil)) { req, user in
            let form = try req.formValues()
            return try await act(req, user, form: "memo", values: form) { ctx in
                try await ProposalService.recordMemo(
                    ctx, number: form["memoNumber"], text: form["memoText"], acting: req.acting(user))
                return PageContext(req).t("Nota dinas dicatat.", "Memo recorded.")
            }
        }
        routes.signedIn(.POST, .proposalOpinion(nil)) { req, user in
            let form = try req.formValues()
            return try await act(req, user, form: "opinion", values: form) { ctx in
                try await ProposalService.recordOpinion(ctx, text: form["panelOpinion"], acting: req.acting(user))
                return PageContext(req).t("Pertimbangan dicatat.", "Opinion recorded.")
            }
        }
        routes.signedIn(.POST, .proposalStep(nil, nil)) { req, user in
            let form = try req.formValues()
            return try await act(req, user, form: "step", values: form) { ctx in
                let decision: ProposalWorkflow.Decision? =
                    switch form["decision"] {
                    case "agree": .agree
                    case "disagree": .disagree(note: form["note"])
                    default: nil
                    }
                if case .disagree(let note) = decision, note.nilIfBlank == nil {
                    throw ProcedureError.invalid(["note": WorkflowError.noteRequired.description])
                }
                let outcome = try await ProposalService.completeStep(
                    try ctx.proposal.requireID(), stepNumber: try req.number("step"),
                    decision: decision, expectedVersion: Int(form["version"]), acting: req.acting(user))
                let c = PageContext(req)
                return switch outcome.next {
                case let .step(number):
                    c.t("Langkah selesai. Sekarang langkah \(number).", "Step completed. Now step \(number).")
                        + (outcome.issuesDecree ? c.t(" Surat penetapan diterbitkan.", " The decree was issued.") : "")
                case let .returned(to: number):
                    c.t("Dikembalikan ke langkah \(number) dengan catatan.", "Returned to step \(number) with the note.")
                case .finished:
                    c.t("Usulan selesai.", "The proposal is complete.")
                        + (outcome.issuesDecree ? c.t(" Surat penetapan diterbitkan.", " The decree was issued.") : "")
                }
            }
        }
        routes.signedIn(.POST, .proposalMeeting(nil)) { req, user in
            let form = try req.formValues()
            return try await act(req, user, form: "meeting", values: form) { ctx in
                try await ProposalService.recordMeeting(
                    ctx, date: form["meetingDate"], place: form["meetingPlace"],
                    participants: form["meetingParticipants"], acting: req.acting(user))
                return PageContext(req).t("Rapat uji konsekuensi dicatat.", "Test meeting recorded.")
            }
        }
        routes.signedIn(.GET, .proposalTestSheet(nil)) { req, user in
            let ctx = try await load(req, user)
            let view = ProposalView(ctx, history: [], user: user, now: req.now)
            return TestSheetDocument.render(
                PageContext(req, user: user), view, proposal: ctx.proposal, body: ctx.body, unit: ctx.unit)
        }
        routes.signedIn(.GET, .decree(nil), use: decreePage)
        routes.signedIn(.GET, .decreePDF(nil)) { req, user in
            guard let decree = try await Decree.find(try req.id("decree"), on: req.db) else { throw Refusal.notFound }
            return try await PrintedDocument.pdf(
                req, page: try await decreePage(req: req, user: user), bodyID: decree.$body.id,
                filename: "SK \(decree.number).pdf", target: ("decree", decree.id))
        }
        routes.signedIn(.GET, .proposalTestSheetPDF(nil)) { req, user in
            let ctx = try await load(req, user)
            let view = ProposalView(ctx, history: [], user: user, now: req.now)
            let page = TestSheetDocument.render(
                PageContext(req, user: user), view, proposal: ctx.proposal, body: ctx.body, unit: ctx.unit)
            return try await PrintedDocument.pdf(
                req, page: page, bodyID: try ctx.body.requireID(), filename: "Lembar uji konsekuensi \(ctx.proposal.title).pdf",
                target: ("proposal", ctx.proposal.id))
        }
        routes.signedIn(.GET, .unitRegisterPDF(nil)) { req, user in
            guard let unit = try await Unit.find(try req.id("unit"), on: req.db) else { throw Refusal.notFound }
            return try await PrintedDocument.pdf(
                req, page: try await register(req: req, user: user), bodyID: unit.$body.id,
                filename: "DIK \(unit.shortName ?? unit.name).pdf", target: ("unit", unit.id))
        }
        routes.signedIn(.POST, .decreeNumber(nil)) { req, user in
            let (decree, pctx) = try await decreeForSigner(req, user)
            do {
                try await DecreeService.renumber(decree, pctx, to: try req.formValues()["number"], acting: req.acting(user))
                Sessions.setNotice(req, PageContext(req).t("Nomor surat disimpan.", "Number saved."))
            } catch let error as ProcedureError {
                Sessions.setNotice(req, error.message)
            }
            return req.redirect(to: SiteURL.decree(decree.id).path)
        }
        routes.signedIn(.POST, .decreeScan(nil), body: .upload) { req, user in
            let (decree, pctx) = try await decreeForSigner(req, user)
            try await req.admitBody()
            struct Upload: Content { var file: File? }
            do {
                guard let file = try req.decodeUpload(Upload.self).file, !file.filename.isEmpty else {
                    throw ProcedureError.invalid(["file": PageContext(req).t("Pilih berkas pindaian.", "Choose the scan.")])
                }
                try await DecreeService.storeScan(decree, pctx, file: file, acting: req.acting(user))
                Sessions.setNotice(req, PageContext(req).t("Pindaian bertanda tangan disimpan.", "Signed scan stored."))
            } catch let error as ProcedureError {
                Sessions.setNotice(req, error.message)
            }
            return req.redirect(to: SiteURL.decree(decree.id).path)
        }
        routes.signedIn(.GET, .proposalDocument(nil, nil), use: download)
    }

    // MARK: Proposal

    private func load(_ req: Request, _ user: CurrentUser) async throws -> ProposalContext {
        let ctx = try await ProposalContext.load(try req.id("proposal"), library: req.application.dikelola.sopLibrary, on: req.db)
        try user.require(.viewExemptedContent, on: ctx.place)
        return ctx
    }

    private func show(_ req: Request, _ user: CurrentUser, state: FormState?, status: HTTPStatus = .ok) async throws -> Response {
        let ctx = try await load(req, user)
        let history = try await ProposalStep.query(on: req.db).filter(\.$proposal.$id == ctx.proposal.requireID()).sort(
            \.$completedAt
        ).all()
        let view = ProposalView(ctx, history: history, user: user, now: req.now)
        // The list needs names and sizes, not the bytes.
        let files = try await StoredFile.query(on: req.db).filter(\.$id ~~ ctx.documents.map { $0.$file.id })
            .field(\.$id).field(\.$originalName).field(\.$size).field(\.$sha256).all()
        let documents = ctx.documents.compactMap { document in
            files.first { $0.id == document.$file.id }.map { file in
                ProposalPageView.DocumentRow(
                    id: document.storedID, name: file.originalName, requirement: document.requirement,
                    itemTitle: ctx.items.first { $0.id == document.$item.id }?.title, size: file.size, sha256: file.sha256)
            }
        }
        return ProposalPageView.render(
            PageContext(req, user: user), view, documents: documents, state: state, notice: Sessions.takeNotice(req),
            status: status)
    }

    /// Runs a form's action; on success back to the page (303, so reloading does not repeat it),
    /// on refusal the page again with the typed values and the errors.
    private func act(
        _ req: Request, _ user: CurrentUser, form: String, values: FormValues,
        _ action: (ProposalContext) async throws -> String
    ) async throws -> Response {
        let ctx = try await load(req, user)
        do {
            let message = try await action(ctx)
            Sessions.setNotice(req, message)
            return req.redirect(
                to: SiteURL.proposal(ctx.proposal.id).path
                    + (form.hasPrefix("test-") || form.hasPrefix("location-") || form.hasPrefix("edit-")
                        ? "#informasi-\(form.split(separator: "-", maxSplits: 1)[1])" : ""))
        } catch let error as ProcedureError {
            let state = FormState(form: form, values: values, errors: error.fields, message: error.message)
            return try await show(req, user, state: state, status: error.status)
        }
    }

    /// A document of a proposal, for those who may read its exempted content; every download is
    /// in the audit history.
    @Sendable func download(req: Request, user: CurrentUser) async throws -> Response {
        let ctx = try await load(req, user)
        guard let document = ctx.documents.first(where: { $0.id == (try? req.id("document")) }),
            let file = try await StoredFile.find(document.$file.id, on: req.db)
        else { throw Refusal.notFound }
        // Once archived, the item's stage decides who reads its copies (UU 43/2009).
        if let item = ctx.items.first(where: { $0.id == document.$item.id }),
            case let .denied(reason) = try await ArchivePages.access(item, user: user, place: ctx.place, on: req.db)
        {
            throw ProcedureError(status: .forbidden, message: reason)
        }
        try await req.application.writeTransaction { db in
            try await AuditLog.record(
                req.auditDraft(
                    "document.download", targetType: "document", targetID: document.id?.uuidString,
                    bodyID: ctx.body.id?.uuidString, after: "\(file.originalName), SHA-256 \(file.sha256)"), on: db)
        }
        return Downloads.response(file)
    }

    private func decreeForSigner(_ req: Request, _ user: CurrentUser) async throws -> (Decree, ProposalContext) {
        guard let decree = try await Decree.find(try req.id("decree"), on: req.db), let proposalID = decree.$proposal.id else {
            throw Refusal.notFound
        }
        let ctx = try await ProposalContext.load(proposalID, library: req.application.dikelola.sopLibrary, on: req.db)
        try user.require(.signDecree, on: ctx.place)
        return (decree, ctx)
    }

    // MARK: Unit

    @Sendable func unitPage(req: Request, user: CurrentUser) async throws -> Response {
        guard let unit = try await Unit.find(try req.id("unit"), on: req.db) else { throw Refusal.notFound }
        let place = try await AccessQueries.place(of: unit, on: req.db)
        try user.require(.viewExemptedContent, on: place)
        let proposals = try await Proposal.query(on: req.db).filter(\.$unit.$id == unit.requireID()).sort(
            \.$createdAt, .descending
        ).all()
        let ctx = PageContext(req, user: user)
        let library = req.application.dikelola.sopLibrary
        let sop = unit.sopID.flatMap(library.definition(id:))
        let now = req.now
        return Layout.page(
            ctx, title: unit.name,
            .h1(.text(unit.name)),
            .unwrap(Sessions.takeNotice(req)) { Layout.notice($0, kind: "ok") },
            .p(
                .text(
                    sop.map { "SOP \($0.identity.number) — \($0.identity.name) (\($0.identity.body), \($0.steps.count) langkah)" }
                        ?? ctx.t("Unit ini belum memiliki SOP.", "This unit has no SOP yet."))),
            .p(
                .a(
                    .href(SiteURL.unitRegister(unit.id).path),
                    .text(ctx.t("Daftar Informasi yang Dikecualikan (DIK) unit ini", "This unit's register (DIK)"))),
                .text(" · "),
                .a(
                    .href(SiteURL.unitEnding(unit.id).path),
                    .text(ctx.t("Akan berakhir, pembukaan dan klasifikasi ulang", "Ending, opening and re-classification"))),
                .text(" · "),
                .a(.href(SiteURL.unitArchive(unit.id).path), .text(ctx.t("Arsip", "Archive"))),
                .text(" · "),
                .a(.href(SiteURL.bodyDIP(unit.$body.id).path), .text(ctx.t("DIP", "DIP")))),
            .h2(.text(ctx.t("Usulan", "Proposals"))),
            .if(proposals.isEmpty, .p(.text(ctx.t("Belum ada usulan.", "No proposals yet.")))),
            .if(
                !proposals.isEmpty,
                .table(
                    .tr(
                        .th(.text(ctx.t("Judul", "Title"))), .th(.text(ctx.t("Langkah", "Step"))),
                        .th(.text(ctx.t("Tenggat", "Due")))),
                    .forEach(proposals) { proposal in
                        .tr(
                            .td(.a(.href(SiteURL.proposal(proposal.id).path), .text(proposal.title))),
                            .td(
                                .text(
                                    proposal.currentStep.map { step in
                                        "\(step). " + (sop?.step(number: step).map { sop!.actor(for: $0).title } ?? "")
                                    } ?? ctx.t("selesai", "complete"))),
                            .td(
                                .text(
                                    proposal.currentStepDueAt.map {
                                        Dates.show($0, ctx) + ($0 < now ? ctx.t(" — terlambat", " — overdue") : "")
                                    } ?? "—")))
                    }
                )),
            .if(
                sop != nil,
                .form(
                    .class("stack"), .action(SiteURL.unitOpenProposal(unit.id).path), .method(.post), Layout.csrfField(ctx),
                    Layout.field(
                        "title", published: .internalOnly, label: ctx.t("Judul usulan baru", "Title of a new proposal"), autocomplete: "off",
                        hint: ctx.t("Misalnya: DIK Dinas Kesehatan 2026", "E.g. DIK Dinas Kesehatan 2026")),
                    .button(.type(.submit), .text(ctx.t("Buka usulan", "Open a proposal")))))
        )
    }

    @Sendable func open(req: Request, user: CurrentUser) async throws -> Response {
        let form = try req.formValues()
        do {
            let proposal = try await ProposalService.open(unitID: try req.id("unit"), title: form["title"], acting: req.acting(user))
            Sessions.setNotice(req, PageContext(req).t("Usulan dibuka.", "Proposal opened."))
            return req.redirect(to: SiteURL.proposal(proposal.id).path)
        } catch let error as ProcedureError {
            Sessions.setNotice(req, error.message)
            return req.redirect(to: SiteURL.unit(try req.id("unit")).path)
        }
    }

    // MARK: Register and decree

    @Sendable func register(req: Request, user: CurrentUser) async throws -> Response {
        guard let unit = try await Unit.find(try req.id("unit"), on: req.db) else { throw Refusal.notFound }
        let place = try await AccessQueries.place(of: unit, on: req.db)
        try user.require(.viewExemptedContent, on: place)
        let entries = try await RegisterQueries.entries(bodyID: unit.$body.id, unitID: try unit.requireID(), on: req.db)
        let ctx = PageContext(req, user: user)
        let body = try await unit.$body.get(on: req.db)
        return Layout.page(
            ctx, title: "DIK \(unit.name)",
            DocumentParts.toolbar(ctx, pdf: SiteURL.unitRegisterPDF(unit.id).path),
            .p(
                .class("no-print"),
                .a(
                    .href("/publik/\(body.slug)/terkini/index.html"),
                    .text(ctx.t("DIK yang diterbitkan untuk umum (tanpa masuk)", "The register as published to the public")))),
            .div(
                .class("document register-pages"),
                DocumentParts.letterhead(body),
                .h1(
                    .class("title"),
                    .text(
                        ctx.t(
                            "DAFTAR INFORMASI YANG DIKECUALIKAN — \(unit.name.uppercased())",
                            "Register of exempted information — \(unit.name)"))
                ),
                .p(
                    .class("number"),
                    .small(
                        .text(
                            ctx.t(
                                "Diurutkan menurut berakhirnya jangka waktu pengecualian. Keadaan per \(ctx.date((TimeZoneRegion(rawValue: body.timeZone) ?? .wib).localDate(of: req.now))).",
                                "Sorted by the end of the exemption period. As of \(ctx.date((TimeZoneRegion(rawValue: body.timeZone) ?? .wib).localDate(of: req.now)))."
                            )))),
                RegisterTable.render(
                    ctx, entries, rules: req.application.dikelola.expiryRules,
                    today: (TimeZoneRegion(rawValue: body.timeZone) ?? .wib).localDate(of: req.now)))
        )
    }

    @Sendable func decreePage(req: Request, user: CurrentUser) async throws -> Response {
        guard let decree = try await Decree.find(try req.id("decree"), on: req.db) else { throw Refusal.notFound }
        if let actionID = decree.periodActionID {
            let actx = try await PeriodActionContext.load(actionID, library: req.application.dikelola.sopLibrary, on: req.db)
            try user.require(.viewExemptedContent, on: actx.place)
            return PeriodDecreeDocument.render(PageContext(req, user: user), decree, actx)
        }
        guard let proposalID = decree.$proposal.id else { throw Refusal.notFound }
        let pctx = try await ProposalContext.load(proposalID, library: req.application.dikelola.sopLibrary, on: req.db)
        try user.require(.viewExemptedContent, on: pctx.place)
        let view = try await ProposalAPIController.decreeView(decree, pctx, on: req.db)
        return DecreeDocument.render(
            PageContext(req, user: user), view, body: pctx.body, maySign: user.may(.signDecree, on: pctx.place).isAllowed,
            notice: Sessions.takeNotice(req))
    }
}

/// The register as a table: No | Informasi | Dasar hukum | Konsekuensi | Jangka waktu | SK.
enum RegisterTable {
    /// The group an entry is listed under: the year its period ends, else how it ends.
    static func group(_ entry: RegisterEntryView, _ ctx: PageContext) -> String {
        if let end = entry.endDate.flatMap(LocalDate.init(iso:)) {
            return ctx.t("Berakhir tahun \(end.year)", "Ending in \(end.year)")
        }
        if entry.reviewDate != nil { return ctx.t("Sampai suatu peristiwa (ditinjau berkala)", "Until an event (reviewed)") }
        return ctx.t("Sesuai peraturan perundang-undangan", "As the statute sets")
    }

    /// What `ExpiryRules` says of an entry today, in words; nil where nothing is due.
    static func expiry(_ entry: RegisterEntryView, rules: ExpiryRules, today: LocalDate, _ ctx: PageContext) -> String? {
        let assessment = rules.assess(
            endDate: entry.endDate.flatMap(LocalDate.init(iso:)), reviewDate: entry.reviewDate.flatMap(LocalDate.init(iso:)),
            today: today)
        let years = assessment.provisionalYears.map(String.init).joined(separator: ", ")
        let provisional =
            years.isEmpty
            ? "" : ctx.t(" (sementara: hari libur tahun \(years) belum ada)", " (provisional: no holidays yet for \(years))")
        switch assessment.status {
        case .exempted:
            return provisional.isEmpty ? nil : ctx.t("Dikecualikan", "Exempted") + provisional
        case let .endingSoon(_, due):
            return ctx.t(
                "Akan berakhir: surat pembukaan paling lambat \(ctx.date(due))",
                "Ending soon: opening decree due by \(ctx.date(due))")
                + provisional
        case let .reviewDue(since):
            return ctx.t("Perlu ditinjau sejak \(ctx.date(since))", "Review due since \(ctx.date(since))")
        case let .expired(on):
            return ctx.t(
                "Terbuka demi hukum sejak \(ctx.date(on)) (PP 61/2010 Pasal 11 ayat 3)",
                "Public by law since \(ctx.date(on)) (PP 61/2010 Art. 11(3))")
        }
    }

    static func render(
        _ ctx: PageContext, _ entries: [RegisterEntryView], unitNames: [UUID: String] = [:], rules: ExpiryRules? = nil,
        today: LocalDate? = nil
    ) -> Node<HTML.BodyContext> {
        guard !entries.isEmpty else { return .p(.text(ctx.t("Belum ada informasi yang dikecualikan.", "Nothing exempted yet."))) }
        return .table(
            .class("register"),
            .tr(
                .th(.text(ctx.t("No.", "No."))), .th(.text(ctx.t("Informasi", "Information"))),
                .th(.text(ctx.t("Dasar hukum", "Legal basis"))),
                .th(.text(ctx.t("Konsekuensi bila dibuka / ditutup", "If opened / if closed"))),
                .th(.text(ctx.t("Jangka waktu", "Period"))),
                .th(.text(ctx.t("Surat penetapan", "Decree")))),
            .forEach(Array(entries.enumerated())) { index, entry in
                let header: Node<HTML.TableContext> =
                    index == 0 || group(entries[index - 1], ctx) != group(entry, ctx)
                    ? .tr(.class("group"), .th(.attribute(named: "colspan", value: "6"), .text(group(entry, ctx)))) : .group()
                let status = rules.flatMap { rules in today.flatMap { expiry(entry, rules: rules, today: $0, ctx) } }
                return .group(header, row(ctx, entry, unit: unitNames[entry.unitID], status: status))
            }
        )
    }

    static func row(_ ctx: PageContext, _ entry: RegisterEntryView, unit: String?, status: String? = nil) -> Node<
        HTML.TableContext
    > {
        let basis = entry.ground + (entry.otherStatute.map { " jo. \($0)" } ?? "")
        let parts =
            entry.parts.isEmpty ? "" : ctx.t(" (dihitamkan: ", " (blacked out: ") + entry.parts.joined(separator: ", ") + ")"
        let ends = entry.endDate.flatMap(LocalDate.init(iso:)).map { " — " + ctx.t("berakhir ", "ends ") + ctx.date($0) } ?? ""
        let decreeDate = LocalDate(iso: entry.decreeDate).map(ctx.date) ?? entry.decreeDate
        return .tr(
            .td(.text(entry.registerNumber), .unwrap(unit) { .small(.text(" " + $0)) }),
            .td(.text(entry.title), .small(.text(parts))),
            .td(.text(basis)),
            .td(.text(entry.consequenceIfOpened), .br(), .small(.text(entry.consequenceIfClosed))),
            .td(
                .text(entry.periodDescription), .small(.text(ends)), .unwrap(status) { .p(.class("expiry"), .strong(.text($0))) }),
            .td(.text(entry.decreeNumber), .br(), .small(.text(decreeDate)))
        )
    }
}

/// The classification decree as a printable A4 document with the body's letterhead.
enum DecreeDocument {
    static func render(
        _ ctx: PageContext, _ d: ProposalAPIController.DecreeView, body: PublicBody, maySign: Bool = false,
        notice: String? = nil
    ) -> Response {
        return Layout.page(
            ctx, title: "SK \(d.number)",
            .unwrap(notice) { Layout.notice($0) },
            DocumentParts.toolbar(ctx, pdf: SiteURL.decreePDF(d.id).path),
            .if(
                maySign,
                .element(
                    named: "details",
                    nodes: [
                        .attribute(named: "class", value: "no-print"),
                        .element(named: "summary", text: ctx.t("Nomor dan pindaian bertanda tangan", "Number and signed scan")),
                        .form(
                            .class("stack"), .action(SiteURL.decreeNumber(d.id).path), .method(.post), Layout.csrfField(ctx),
                            Layout.field(
                                "number", published: .published, label: ctx.t("Nomor surat", "Decree number"), value: d.number, autocomplete: "off"),
                            .button(.type(.submit), .text(ctx.t("Simpan nomor", "Save number")))),
                        .form(
                            .class("stack"), .action(SiteURL.decreeScan(d.id).path), .method(.post), .enctype(.multipartData),
                            Layout.csrfField(ctx),
                            ProposalPageView.fileField(ctx, id: "scan", error: nil),
                            .button(.type(.submit), .text(ctx.t("Unggah pindaian bertanda tangan", "Upload the signed scan")))),
                    ])),
            .div(
                .class("document"),
                DocumentParts.letterhead(body),
                .h1(.class("title"), .text("SURAT PENETAPAN KLASIFIKASI INFORMASI YANG DIKECUALIKAN")),
                .p(.class("number"), .text("Nomor: \(d.number)")),
                .table(
                    .tr(.th(.text("Jenis klasifikasi")), .td(.text(d.classificationType))),
                    .tr(.th(.text("Pejabat Pengelola Informasi dan Dokumentasi")), .td(.text(d.ppid))),
                    .tr(.th(.text("Badan publik / unit")), .td(.text("\(d.bodyName) — \(d.unitName)"))),
                    .tr(
                        .th(.text("Jangka waktu dan alasan")),
                        .td(
                            .text(
                                "Sebagaimana tercantum dalam Lampiran (Daftar Informasi yang Dikecualikan), "
                                    + "berdasarkan Pasal 17 Undang-Undang Nomor 14 Tahun 2008 dan hasil uji konsekuensi.")))
                ),
                .p(.text("Surat penetapan ini berlaku sejak tanggal ditetapkan.")),
                DocumentParts.signature(
                    place: d.place, dateISO: d.date, position: d.signerPosition, name: d.signerName, nip: d.signerNIP),
                .section(
                    .class("attachment-pages"),
                    .h2(.class("attachment"), .text("LAMPIRAN: DAFTAR INFORMASI YANG DIKECUALIKAN")),
                    RegisterTable.render(ctx, d.entries)),
                .unwrap(d.signedScanSHA256) {
                    .p(.small(.text(ctx.t("Pindaian bertanda tangan tersimpan; SHA-256 ", "Signed scan stored; SHA-256 ") + $0)))
                }
            )
        )
    }
}

/// The consequence test sheet (lembar pengujian konsekuensi) as a printable A4 document: the
/// meeting in words, a row per item, a signature line per participant.
enum TestSheetDocument {
    static func render(_ ctx: PageContext, _ p: ProposalView, proposal: Proposal, body: PublicBody, unit: Unit) -> Response {
        let date = proposal.meetingDate.flatMap(LocalDate.init(iso:))
        let participants = (proposal.meetingParticipants ?? "").split(whereSeparator: \.isNewline).map(String.init)
        return Layout.page(
            ctx, title: ctx.t("Lembar pengujian konsekuensi", "Consequence test sheet"),
            DocumentParts.toolbar(ctx, pdf: SiteURL.proposalTestSheetPDF(proposal.id).path),
            .div(
                .class("document"),
                DocumentParts.letterhead(body),
                .h1(.class("title"), .text("LEMBAR PENGUJIAN KONSEKUENSI INFORMASI YANG DIKECUALIKAN")),
                .p(.class("number"), .text(unit.name)),
                .if(
                    date == nil,
                    Layout.notice(
                        ctx.t(
                            "Tanggal, tempat dan peserta rapat uji belum dicatat.",
                            "The meeting's date, place and participants are not recorded yet."), kind: "error")),
                .unwrap(date) { date in
                    .p(
                        .text(
                            "Pada hari ini, \(IndonesianFormat.formalDateInWords(date)), bertempat di \(proposal.meetingPlace ?? "…"), "
                                + "telah dilaksanakan pengujian konsekuensi atas informasi berikut berdasarkan Pasal 17 dan Pasal 19 "
                                + "Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik."))
                },
                .table(
                    .class("register"),
                    .tr(
                        .th(.text("No")), .th(.text("Informasi")), .th(.text("Dasar hukum pengecualian")),
                        .th(.text("Konsekuensi bila dibuka")),
                        .th(.text("Konsekuensi bila ditutup")), .th(.text("Jangka waktu"))),
                    .forEach(Array(p.items.enumerated())) { index, item in
                        .tr(
                            .td(.text(String(index + 1))),
                            .td(.text(item.title), .br(), .small(.text(Labels.verdict(item.test?.verdict ?? "", ctx)))),
                            .td(
                                .text([item.test?.ground, item.test?.otherStatute].compactMap { $0 }.joined(separator: " jo. "))),
                            .td(.text(item.test?.consequenceIfOpened ?? "")), .td(.text(item.test?.consequenceIfClosed ?? "")),
                            .td(.text(item.test?.periodDescription ?? "—")))
                    }
                ),
                .p(.text(date.map { "\(proposal.meetingPlace ?? ""), \(IndonesianFormat.date($0))" } ?? "")),
                .table(
                    .class("signatures"),
                    .tr(.th(.text("No")), .th(.text("Nama dan jabatan")), .th(.text("Tanda tangan"))),
                    .forEach(Array(participants.enumerated())) { index, person in
                        .tr(.td(.text(String(index + 1))), .td(.text(person)), .td(.class("sign-space"), .text(" ")))
                    }
                )
            )
        )
    }
}
