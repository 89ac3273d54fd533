import DikelolaCore
import Fluent
import Foundation
import Vapor

/// The procedure as a JSON API under `/api/v1/`, for integrations and for the tests that carry a
/// proposal through each SOP. Every call acts as the signed-in person or the Bearer token's owner.
struct ProposalAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        for operation in operations { routes.described(operation) }
        routes.get(SiteURL.apiOpenAPI.pathComponents) { _ in OpenAPIDocument.response() }
    }

    @Sendable func updateItem(req: Request, user: CurrentUser) async throws -> Response {
        let input = try req.content.decode(ProposalService.ItemInput.self)
        try await ProposalService.updateItem(try await context(req), itemID: try req.id("item"), input, acting: req.acting(user))
        return try await view(req, user)
    }

    @Sendable func removeItem(req: Request, user: CurrentUser) async throws -> Response {
        try await ProposalService.removeItem(try await context(req), itemID: try req.id("item"), acting: req.acting(user))
        return try await view(req, user)
    }

    private func context(_ req: Request) async throws -> ProposalContext {
        try await ProposalContext.load(try req.id("proposal"), library: req.application.dikelola.sopLibrary, on: req.db)
    }

    private func view(_ req: Request, _ user: CurrentUser, status: HTTPStatus = .ok) async throws -> Response {
        let ctx = try await context(req)
        try user.require(.viewExemptedContent, on: ctx.place)
        let history = try await ProposalController.history(of: ctx, on: req.db)
        return try await ProposalView(
            ctx, history: history, user: user, now: req.now, expiry: req.application.dikelola.expiryRules,
            people: try await ProposalPeople.load(ctx, history: history, on: req.db)
        ).encodeResponse(status: status, for: req)
    }

    // MARK: Proposals

    struct OpenInput: Content { let title: String }

    @Sendable func open(req: Request, user: CurrentUser) async throws -> Response {
        let input = try req.content.decode(OpenInput.self)
        let proposal = try await ProposalService.open(unitID: try req.id("unit"), title: input.title, acting: req.acting(user))
        req.parameters.set("proposal", to: proposal.storedID.uuidString)
        return try await view(req, user, status: .created)
    }

    struct ProposalSummary: Content {
        let id: UUID
        let title: String
        let status: ProposalStatus
        let currentStep: Int?
        let dueAt: Date?
    }

    @Sendable func list(req: Request, user: CurrentUser) async throws -> Response {
        let (unit, _) = try await AccessQueries.unit(try req.id("unit"), for: user, may: .viewExemptedContent, on: req.db)
        return try await UnitController.proposals(of: unit, on: req.db).map {
            ProposalSummary(
                id: $0.storedID, title: $0.title, status: $0.status, currentStep: $0.currentStep, dueAt: $0.currentStepDueAt)
        }.encodeResponse(for: req)
    }

    @Sendable func show(req: Request, user: CurrentUser) async throws -> Response { try await view(req, user) }

    @Sendable func addItem(req: Request, user: CurrentUser) async throws -> Response {
        let input = try req.content.decode(ProposalService.ItemInput.self)
        _ = try await ProposalService.addItem(try await context(req), input, acting: req.acting(user))
        return try await view(req, user, status: .created)
    }

    @Sendable func recordTest(req: Request, user: CurrentUser) async throws -> Response {
        let input = try req.content.decode(ProposalService.TestInput.self)
        _ = try await ProposalService.recordTest(try await context(req), itemID: try req.id("item"), input, acting: req.acting(user))
        return try await view(req, user)
    }

    @Sendable func setLocation(req: Request, user: CurrentUser) async throws -> Response {
        let input = try req.content.decode(ProposalService.LocationInput.self)
        try await ProposalService.setLocation(try await context(req), itemID: try req.id("item"), input, acting: req.acting(user))
        return try await view(req, user)
    }

    struct DocumentInput: Content {
        var file: File
        var requirement: String?
        var itemID: UUID?
    }

    @Sendable func attach(req: Request, user: CurrentUser) async throws -> Response {
        let ctx = try await context(req)
        try user.require(.viewExemptedContent, on: ctx.place)
        _ = try ctx.requireActor(user, for: ctx.currentStep?.effect.action ?? .archive)  // before the file is read
        try await req.admitBody()
        let input = try req.decodeUpload(DocumentInput.self)
        _ = try await ProposalService.attach(
            ctx, file: input.file, requirement: input.requirement, itemID: input.itemID,
            acting: req.acting(user))
        return try await view(req, user, status: .created)
    }

    struct MemoInput: Content {
        let number: String
        let text: String?
    }

    @Sendable func memo(req: Request, user: CurrentUser) async throws -> Response {
        let input = try req.content.decode(MemoInput.self)
        try await ProposalService.recordMemo(
            try await context(req), number: input.number, text: input.text ?? "", acting: req.acting(user))
        return try await view(req, user)
    }

    struct MeetingInput: Content {
        let date: String
        let place: String
        let participants: [String]
    }

    @Sendable func meeting(req: Request, user: CurrentUser) async throws -> Response {
        let input = try req.content.decode(MeetingInput.self)
        try await ProposalService.recordMeeting(
            try await context(req), date: input.date, place: input.place,
            participants: input.participants.joined(separator: "\n"), acting: req.acting(user))
        return try await view(req, user)
    }

    struct OpinionInput: Content { let text: String }

    @Sendable func opinion(req: Request, user: CurrentUser) async throws -> Response {
        let input = try req.content.decode(OpinionInput.self)
        try await ProposalService.recordOpinion(try await context(req), text: input.text, acting: req.acting(user))
        return try await view(req, user)
    }

    struct StepInput: Content {
        /// `agree` or `disagree`, for decision steps.
        var decision: String?
        var note: String?
        /// The proposal's version the actor saw; a newer one refuses the step.
        var version: Int?
        /// Keys of the warnings the head acknowledges on agreeing to the decree.
        var acknowledgements: [String]?
    }

    @Sendable func complete(req: Request, user: CurrentUser) async throws -> Response {
        // A step without a decision may be completed with an empty body; anything sent must read.
        let input = (req.body.data?.readableBytes ?? 0) == 0 ? StepInput() : try req.content.decode(StepInput.self)
        let decision: ProposalWorkflow.Decision? =
            switch input.decision {
            case nil: nil
            case "agree": .agree
            case "disagree": .disagree(note: input.note ?? "")
            case let other?:
                throw ProcedureError.invalid(["decision": "Keputusan '\(other)' tidak dikenal; gunakan agree atau disagree."])
            }
        _ = try await ProposalService.completeStep(
            try req.id("proposal"), stepNumber: try req.number("step"), decision: decision,
            expectedVersion: input.version, acknowledgements: Set(input.acknowledgements ?? []), acting: req.acting(user))
        return try await view(req, user)
    }

    // MARK: Decrees

    struct DecreeView: Content {
        let id: UUID
        let number: String
        let date: LocalDate
        let place: String
        let classificationType: String
        let bodyName: String
        let unitName: String
        let ppid: String
        let signerName: String
        let signerPosition: String
        let signerNIP: String?
        let signedScanSHA256: String?
        let missingRequiredFields: [String]
        let entries: [RegisterEntryView]
        /// The decree as a Keputusan: its title, considerations, statutes and clauses.
        let keputusan: KeputusanView
    }


    /// The Keputusan text of a decree of `kind` for `ctx`'s unit.
    static func keputusan(_ decree: Decree, kind: Keputusan.Kind, body: PublicBody, unitName: String, meetingDate: LocalDate?)
        -> Keputusan
    {
        Keputusan(
            kind: kind, signerPosition: decree.signerPosition, unitName: unitName, bodyName: body.name,
            ppid: decree.ppidName.map { Keputusan.Officer(name: $0, position: decree.ppidPosition ?? "", nip: decree.ppidNIP) },
            meetingDate: meetingDate, legalBasis: body.legalBasis)
    }

    private func loadDecree(_ req: Request, user: CurrentUser, action: Action) async throws -> (Decree, ProposalContext) {
        guard let decree = try await Decree.find(try req.id("decree"), on: req.db), let proposalID = decree.$proposal.id else {
            throw Refusal.notFound
        }
        let ctx = try await ProposalContext.load(proposalID, library: req.application.dikelola.sopLibrary, on: req.db)
        try user.require(action, on: ctx.place)
        return (decree, ctx)
    }

    static func decreeView(_ decree: Decree, _ ctx: ProposalContext, on db: any Database) async throws -> DecreeView {
        let entries = try await RegisterEntry.query(on: db).filter(\.$decree.$id == decree.requireID()).sort(\.$registerNumber)
            .all()
        let views = entries.map { RegisterEntryView($0, decree: decree) }
        let core = ClassificationDecree(
            number: decree.number, date: Optional(decree.decreeDate) ?? ctx.today(decree.createdAt ?? Date()), place: decree.place,
            bodyName: ctx.body.name,
            unitName: ctx.unit.name, ppid: ppidName(ctx),
            signer: .init(name: decree.signerName, position: decree.signerPosition, nip: decree.signerNIP),
            entries: views.compactMap { view in
                guard let entry = entries.first(where: { $0.id == view.id }), let ground = ExemptionGround(code: entry.groundCode),
                    let period = view.period
                else { return nil }
                return .init(
                    registerNumber: view.registerNumber, title: view.title, ground: ground, otherStatute: view.otherStatute,
                    consequenceIfOpened: view.consequenceIfOpened, consequenceIfClosed: view.consequenceIfClosed,
                    verdict: view.verdict == .partlyClosed ? .partlyClosed(parts: view.parts) : .closed, period: period,
                    reason: view.reason)
            })
        let ordered = core.entriesByPeriod.compactMap { entry in views.first { $0.registerNumber == entry.registerNumber } }
        return DecreeView(
            id: decree.storedID, number: decree.number, date: decree.decreeDate, place: decree.place,
            classificationType: ClassificationDecree.classificationType, bodyName: ctx.body.name, unitName: ctx.unit.name,
            ppid: core.ppid, signerName: decree.signerName, signerPosition: decree.signerPosition, signerNIP: decree.signerNIP,
            signedScanSHA256: decree.signedScanSHA256, missingRequiredFields: core.missingRequiredFields, entries: ordered,
            keputusan: KeputusanView(
                keputusan(decree, kind: .classification, body: ctx.body, unitName: ctx.unit.name, meetingDate: ctx.proposal.meetingDate),
                decree: decree, body: ctx.body, unitName: ctx.unit.name))
    }

    /// "PPID Pembantu Dinas Kesehatan" or "PPID Utama Pemerintah Kabupaten Contoh".
    static func ppidName(_ ctx: ProposalContext) -> String {
        ctx.unit.hostsMainPPID ? "PPID Utama \(ctx.body.name)" : "PPID Pembantu \(ctx.unit.name)"
    }

    @Sendable func decree(req: Request, user: CurrentUser) async throws -> Response {
        let (decree, ctx) = try await loadDecree(req, user: user, action: .viewExemptedContent)
        return try await Self.decreeView(decree, ctx, on: req.db).encodeResponse(for: req)
    }

    struct NumberInput: Content { let number: String }

    @Sendable func renumber(req: Request, user: CurrentUser) async throws -> Response {
        let (decree, ctx) = try await loadDecree(req, user: user, action: .signDecree)
        try await DecreeService.renumber(decree, ctx, to: try req.content.decode(NumberInput.self).number, acting: req.acting(user))
        return try await Self.decreeView(decree, ctx, on: req.db).encodeResponse(for: req)
    }

    struct ScanInput: Content { var file: File }

    @Sendable func uploadScan(req: Request, user: CurrentUser) async throws -> Response {
        let (decree, ctx) = try await loadDecree(req, user: user, action: .signDecree)
        try await req.admitBody()
        try await DecreeService.storeScan(decree, ctx, file: try req.decodeUpload(ScanInput.self).file, acting: req.acting(user))
        return try await Self.decreeView(decree, ctx, on: req.db).encodeResponse(status: .created, for: req)
    }

    @Sendable func downloadScan(req: Request, user: CurrentUser) async throws -> Response {
        let (decree, ctx) = try await loadDecree(req, user: user, action: .viewExemptedContent)
        guard let fileID = decree.$signedScan.id, let file = try await StoredFile.find(fileID, on: req.db) else {
            throw Refusal.notFound
        }
        try await req.application.writeTransaction { db in
            try await AuditLog.record(
                req.auditDraft(
                    .documentDownload, targetType: .decree, targetID: decree.id?.uuidString,
                    bodyID: ctx.body.id?.uuidString, after: "pindaian \(file.originalName)"), on: db)
        }
        return Downloads.response(file)
    }

    // MARK: Register

    @Sendable func unitRegister(req: Request, user: CurrentUser) async throws -> Response {
        let (unit, _) = try await AccessQueries.unit(try req.id("unit"), for: user, may: .viewExemptedContent, on: req.db)
        return try await RegisterQueries.entries(bodyID: unit.$body.id, unitID: try unit.requireID(), on: req.db).encodeResponse(
            for: req)
    }

    @Sendable func bodyRegister(req: Request, user: CurrentUser) async throws -> Response {
        let bodyID = try req.id("body")
        guard try await PublicBody.find(bodyID, on: req.db) != nil else { throw Refusal.notFound }
        try user.require(.viewExemptedContent, on: AccessQueries.place(ofBody: bodyID))
        return try await RegisterQueries.entries(bodyID: bodyID, unitID: nil, on: req.db).encodeResponse(for: req)
    }
}

enum RegisterQueries {
    /// The register of a body or one unit, by the end of each period (the SOPs' "classify by
    /// period"); entries with no end date follow, by their review date.
    static func entries(bodyID: UUID, unitID: UUID?, on db: any Database) async throws -> [RegisterEntryView] {
        // A re-classified entry is replaced by its successor; it stays in the item's history.
        var query = RegisterEntry.query(on: db).filter(\.$body.$id == bodyID).filter(\.$status != .reclassified)
            .with(\.$decree)
        if let unitID { query = query.filter(\.$unit.$id == unitID) }
        let entries = try await query.all()
        return entries.map { RegisterEntryView($0, decree: $0.decree) }.sorted { a, b in
            switch (a.endDate ?? a.reviewDate, b.endDate ?? b.reviewDate) {
            case let (x?, y?): x == y ? a.registerNumber < b.registerNumber : x < y
            case (_?, nil): true
            case (nil, _?): false
            case (nil, nil): a.registerNumber < b.registerNumber
            }
        }
    }
}

enum Downloads {
    /// A stored file as a download: its sniffed type, its original name, never cached by proxies.
    static func response(_ file: StoredFile) -> Response {
        let response = Response(status: .ok, body: .init(data: file.data))
        response.headers.replaceOrAdd(name: .contentType, value: file.contentType)
        response.headers.replaceOrAdd(name: .contentDisposition, value: contentDisposition("attachment", name: file.originalName))
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return response
    }

    /// `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266): the name cleaned as an upload's
    /// is (`TextInput.fileName`, also for names stored before it was), a plain-ASCII fallback, and
    /// the whole name percent-encoded, so no character of a name can end or add a header.
    static func contentDisposition(_ kind: String, name: String) -> String {
        let clean = TextInput.fileName(name)
        let fallback = String(String.UnicodeScalarView(clean.unicodeScalars.filter { (0x20...0x7E).contains($0.value) && $0 != "\"" && $0 != "\\" && $0 != "%" }))
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(127)))
        allowed.insert(charactersIn: "!#$&+-.^_`|~")
        let encoded = clean.addingPercentEncoding(withAllowedCharacters: allowed) ?? "berkas"
        return "\(kind); filename=\"\(fallback.isEmpty ? "berkas" : fallback)\"; filename*=UTF-8''\(encoded)"
    }
}
