import DikelolaCore
import Fluent
import Foundation
import Vapor

/// A proposal in the browser: its page with the current step and its forms, and each form's post.
/// Every post calls the same `ProposalService` as the API; a refused form comes back with its
/// fields filled and the error beside the field (see `act`).
enum ProposalController {
    // MARK: Queries

    /// The proposal named in the address, for a person who may read its exempted content.
    static func query(_ req: Request, _ user: CurrentUser) async throws -> ProposalContext {
        let ctx = try await ProposalContext.load(try req.id("proposal"), library: req.application.dikelola.sopLibrary, on: req.db)
        try user.require(.viewExemptedContent, on: ctx.place)
        return ctx
    }

    /// The steps done so far, oldest first.
    static func history(of ctx: ProposalContext, on db: any Database) async throws -> [ProposalStep] {
        try await ProposalStep.query(on: db).filter(\.$proposal.$id == ctx.proposal.requireID()).sort(\.$completedAt).all()
    }

    /// The proposal's files as the page lists them: names and sizes, not the bytes.
    static func documentRows(of ctx: ProposalContext, on db: any Database) async throws -> [ProposalPageView.DocumentRow] {
        let files = try await StoredFile.query(on: db).filter(\.$id ~~ ctx.documents.map { $0.$file.id })
            .field(\.$id).field(\.$originalName).field(\.$size).field(\.$sha256).all()
        return ctx.documents.compactMap { document in
            files.first { $0.id == document.$file.id }.map { file in
                ProposalPageView.DocumentRow(
                    id: document.storedID, name: file.originalName, requirement: document.requirement,
                    itemTitle: ctx.items.first { $0.id == document.$item.id }?.title, size: file.size, sha256: file.sha256)
            }
        }
    }

    // MARK: Pages

    @Sendable static func show(req: Request, user: CurrentUser) async throws -> Response {
        try await page(req, user, state: nil)
    }

    @Sendable static func testSheet(req: Request, user: CurrentUser) async throws -> Response {
        testSheetPage(req, user, try await query(req, user))
    }

    @Sendable static func testSheetPDF(req: Request, user: CurrentUser) async throws -> Response {
        let ctx = try await query(req, user)
        return try await PrintedDocument.pdf(
            req, page: testSheetPage(req, user, ctx), bodyID: try ctx.body.requireID(),
            filename: "Lembar uji konsekuensi \(ctx.proposal.title).pdf", target: (.proposal, ctx.proposal.id))
    }

    /// The decree as it would be issued today, for the head to read before deciding (PP 61/2010 Ps 3).
    @Sendable static func draftDecree(req: Request, user: CurrentUser) async throws -> Response {
        let ctx = try await query(req, user)
        let view = ProposalView(ctx, history: [], user: user, now: req.now, expiry: req.application.dikelola.expiryRules)
        return DraftDecreeDocument.render(
            PageContext(req, user: user), view, try await DraftDecreeDocument.draft(ctx, user: user, now: req.now, on: req.db),
            body: ctx.body, unitName: ctx.unit.name)
    }

    /// The test sheet of a proposal already loaded, for the page and its PDF.
    static func testSheetPage(_ req: Request, _ user: CurrentUser, _ ctx: ProposalContext) -> Response {
        let view = ProposalView(ctx, history: [], user: user, now: req.now, expiry: req.application.dikelola.expiryRules)
        return TestSheetDocument.render(PageContext(req, user: user), view, proposal: ctx.proposal, body: ctx.body, unit: ctx.unit)
    }

    /// A document of a proposal, for those who may read its exempted content; every download is
    /// in the audit history.
    @Sendable static func download(req: Request, user: CurrentUser) async throws -> Response {
        let ctx = try await query(req, user)
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
                    .documentDownload, targetType: .document, targetID: document.id?.uuidString,
                    bodyID: ctx.body.id?.uuidString, after: "\(file.originalName), SHA-256 \(file.sha256)"), on: db)
        }
        return Downloads.response(file)
    }

    // MARK: Forms

    @Sendable static func addItem(req: Request, user: CurrentUser) async throws -> Response {
        let form = try req.formValues()
        return try await act(req, user, form: "item", values: form) { ctx in
            _ = try await ProposalService.addItem(ctx, itemInput(form), acting: req.acting(user))
            return PageContext(req).t("Informasi ditambahkan.", "Item added.")
        }
    }

    @Sendable static func updateItem(req: Request, user: CurrentUser) async throws -> Response {
        let form = try req.formValues()
        let itemID = try req.id("item")
        return try await act(req, user, form: "edit-\(itemID)", values: form) { ctx in
            try await ProposalService.updateItem(ctx, itemID: itemID, itemInput(form), acting: req.acting(user))
            return PageContext(req).t("Informasi diubah.", "Item updated.")
        }
    }

    @Sendable static func removeItem(req: Request, user: CurrentUser) async throws -> Response {
        let itemID = try req.id("item")
        return try await act(req, user, form: "remove", values: try req.formValues()) { ctx in
            try await ProposalService.removeItem(ctx, itemID: itemID, acting: req.acting(user))
            return PageContext(req).t("Informasi dihapus dari daftar.", "Item removed.")
        }
    }

    @Sendable static func recordTest(req: Request, user: CurrentUser) async throws -> Response {
        let form = try req.formValues()
        let itemID = try req.id("item")
        return try await act(req, user, form: "test-\(itemID)", values: form) { ctx in
            let (input, refused) = testInput(form)
            _ = try await ProposalService.recordTest(
                ctx, itemID: itemID, input, refused: refused, fieldOf: PeriodFields.field(on: form), acting: req.acting(user))
            return PageContext(req).t("Uji konsekuensi disimpan.", "Test saved.")
        }
    }

    @Sendable static func setLocation(req: Request, user: CurrentUser) async throws -> Response {
        let form = try req.formValues()
        let itemID = try req.id("item")
        return try await act(req, user, form: "location-\(itemID)", values: form) { ctx in
            let location = ProposalService.LocationInput(
                building: form["building"], room: form["room"], cabinet: form["cabinet"], box: form["box"],
                folder: form["folder"])
            try await ProposalService.setLocation(ctx, itemID: itemID, location, acting: req.acting(user))
            return PageContext(req).t("Lokasi disimpan.", "Location saved.")
        }
    }

    @Sendable static func upload(req: Request, user: CurrentUser) async throws -> Response {
        struct Upload: Content {
            var file: File?
            var requirement: String?
            var itemID: UUID?
            var form: String?
        }
        // Whether this person may attach to this proposal now is decided before the file is read.
        let before = try await query(req, user)
        _ = try before.requireActor(user, for: before.currentStep?.effect.action ?? .archive)
        try await req.admitBody()
        let upload = try req.decodeUpload(Upload.self)
        let values = FormValues(values: ["requirement": upload.requirement ?? ""])
        return try await act(req, user, form: upload.form ?? "upload", values: values) { ctx in
            guard let file = upload.file, !file.filename.isEmpty else {
                throw ProcedureError.invalid(["file": PageContext(req).t("Pilih berkas.", "Choose a file.")])
            }
            _ = try await ProposalService.attach(
                ctx, file: file, requirement: upload.requirement, itemID: upload.itemID, acting: req.acting(user))
            return PageContext(req).t("Berkas \(file.filename) diunggah.", "\(file.filename) uploaded.")
        }
    }

    @Sendable static func recordMemo(req: Request, user: CurrentUser) async throws -> Response {
        let form = try req.formValues()
        return try await act(req, user, form: "memo", values: form) { ctx in
            try await ProposalService.recordMemo(ctx, number: form["memoNumber"], text: form["memoText"], acting: req.acting(user))
            return PageContext(req).t("Nota dinas dicatat.", "Memo recorded.")
        }
    }

    @Sendable static func recordOpinion(req: Request, user: CurrentUser) async throws -> Response {
        let form = try req.formValues()
        return try await act(req, user, form: "opinion", values: form) { ctx in
            try await ProposalService.recordOpinion(ctx, text: form["panelOpinion"], acting: req.acting(user))
            return PageContext(req).t("Pertimbangan dicatat.", "Opinion recorded.")
        }
    }

    @Sendable static func recordMeeting(req: Request, user: CurrentUser) async throws -> Response {
        let form = try req.formValues()
        return try await act(req, user, form: "meeting", values: form) { ctx in
            try await ProposalService.recordMeeting(
                ctx, date: form["meetingDate"], place: form["meetingPlace"], participants: form["meetingParticipants"],
                acting: req.acting(user))
            return PageContext(req).t("Rapat uji konsekuensi dicatat.", "Test meeting recorded.")
        }
    }

    @Sendable static func completeStep(req: Request, user: CurrentUser) async throws -> Response {
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
            // Each warning the head ticks comes as ackN = its key.
            let acknowledgements = Set(form.values.filter { $0.key.hasPrefix("ack") }.map(\.value))
            let outcome = try await ProposalService.completeStep(
                try ctx.proposal.requireID(), stepNumber: try req.number("step"), decision: decision,
                expectedVersion: Int(form["version"]), acknowledgements: acknowledgements, acting: req.acting(user))
            return stepNotice(outcome, PageContext(req), label: ctx.definition.label(of:))
        }
    }

    // MARK: Helpers

    static func itemInput(_ form: FormValues) -> ProposalService.ItemInput {
        ProposalService.ItemInput(
            title: form["title"], description: form["description"], holdingUnitID: nil, form: form["form"],
            madeWhen: form["madeWhen"], madeWhere: form["madeWhere"], archiveCode: form["archiveCode"])
    }

    /// The test form as the service reads it: the ground chosen from the list, the period from its
    /// fields (none for an item found open), and what of the period could not be read, by field, for
    /// the service to refuse with everything else at fault.
    static func testInput(_ form: FormValues) -> (ProposalService.TestInput, refused: [String: String]) {
        let verdict = form["verdict"]
        var period: ExemptionPeriod?
        var refused: [String: String] = [:]
        if verdict != "open" { (period, refused) = PeriodFields.read(form) }
        let input = ProposalService.TestInput(
            ground: form["ground"].nilIfBlank.flatMap(ExemptionGround.init(code:))?.citation, otherStatute: form["otherStatute"],
            consequenceIfOpened: form["consequenceIfOpened"], consequenceIfClosed: form["consequenceIfClosed"], verdict: verdict,
            parts: form["parts"].split(separator: ",").map { String($0) }, period: period, reason: form["reason"],
            openPart: form["openPart"].nilIfBlank)
        return (input, refused)
    }

    static func stepNotice(_ outcome: ProposalWorkflow.Outcome, _ c: PageContext, label: (Int) -> String) -> String {
        let decree = outcome.issuesDecree ? c.t(" Surat penetapan diterbitkan.", " The decree was issued.") : ""
        return switch outcome.next {
        case let .step(number):
            c.t("Langkah selesai. Sekarang langkah \(label(number)).", "Step completed. Now step \(label(number)).") + decree
        case let .returned(to: number):
            c.t("Dikembalikan ke langkah \(label(number)) dengan catatan.", "Returned to step \(label(number)) with the note.")
        case .finished: c.t("Usulan selesai.", "The proposal is complete.") + decree
        }
    }

    static func page(_ req: Request, _ user: CurrentUser, state: FormState?, status: HTTPStatus = .ok) async throws -> Response {
        let ctx = try await query(req, user)
        let history = try await history(of: ctx, on: req.db)
        let view = ProposalView(
            ctx, history: history, user: user, now: req.now, expiry: req.application.dikelola.expiryRules,
            people: try await ProposalPeople.load(ctx, history: history, on: req.db))
        return ProposalPageView.render(
            PageContext(req, user: user), view, documents: try await documentRows(of: ctx, on: req.db), state: state,
            notice: Sessions.takeNotice(req), status: status)
    }

    /// Runs a form's action; on success back to the page (303, so reloading does not repeat it),
    /// on refusal the page again with the typed values and the errors.
    static func act(
        _ req: Request, _ user: CurrentUser, form: String, values: FormValues,
        _ action: (ProposalContext) async throws -> String
    ) async throws -> Response {
        let ctx = try await query(req, user)
        do {
            Sessions.setNotice(req, try await action(ctx))
            let anchor =
                form.hasPrefix("test-") || form.hasPrefix("location-") || form.hasPrefix("edit-")
                ? "#informasi-\(form.split(separator: "-", maxSplits: 1)[1])" : ""
            return req.redirect(to: SiteURL.proposal(ctx.proposal.id).path + anchor)
        } catch let error as ProcedureError {
            let state = FormState(form: form, values: values, errors: error.fields, message: error.message)
            return try await page(req, user, state: state, status: error.status)
        }
    }
}
