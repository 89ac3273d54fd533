import DikelolaCore
import Fluent
import Foundation
import Vapor

/// One entry of the register for those entitled to its exempted content: what it is and how it
/// ends, its objections and disputes with each stage's deadline, their decisions, and its history.
/// Every post calls `DisputeService`; a refused form comes back with what was typed.
enum EntryController {
    // MARK: Queries

    /// An entry with everything its page shows.
    struct Loaded {
        let entry: RegisterEntry
        let unit: Unit
        let body: PublicBody
        let place: Authorization.Place
        let decree: Decree?
        let openingDecree: Decree?
        let disputes: [(dispute: InformationDispute, rulings: [Ruling])]
        let history: [AuditEvent]
        /// Information opened by a decision that this still-exempted entry also holds.
        let openedElsewhere: OpenedByRuling?
        /// The decision that opened it: its own, or another entry's holding the same information.
        let openingRuling: Ruling?
    }

    /// The entry named by `id`, for a person entitled to its exempted content.
    static func query(_ id: UUID, _ req: Request, _ user: CurrentUser) async throws -> Loaded {
        let entitled = try await EntitledEntry.load(id, for: user, on: req.db)
        let entry = entitled.entry, unit = entitled.unit, body = entitled.body, place = entitled.place
        let history = try await AuditEvent.query(on: req.db).filter(\.$targetID == id.uuidString)
            .filter(\.$targetType == AuditTarget.registerEntry.rawValue).sort(\.$sequence).all()
        return Loaded(
            entry: entry, unit: unit, body: body, place: place, decree: try await Decree.find(entry.$decree.id, on: req.db),
            openingDecree: try await entry.openingDecreeID.asyncMap { try await Decree.find($0, on: req.db) } ?? nil,
            disputes: try await RulingQueries.disputes(entryID: id, on: req.db), history: history,
            openedElsewhere: try await RulingQueries.openedElsewhere(entry, on: req.db)?.info,
            openingRuling: try await entry.openingRulingID.asyncMap { try await Ruling.find($0, on: req.db) } ?? nil)
    }

    // MARK: Handlers

    @Sendable static func show(req: Request, user: CurrentUser) async throws -> Response {
        try await page(req, user, entryID: try req.id("entry"), state: nil)
    }

    @Sendable static func openDispute(req: Request, user: CurrentUser) async throws -> Response {
        let form = try req.formValues()
        let entryID = try req.id("entry")
        return try await act(req, user, entryID: entryID, form: "dispute", values: form) {
            _ = try await DisputeService.open(entryID: entryID, disputeInput(form), acting: req.acting(user))
            return PageContext(req).t(
                "Permohonan yang ditolak dicatat; batas keberatan dihitung.", "Refused request recorded; the objection deadline is counted.")
        }
    }

    @Sendable static func openLikewise(req: Request, user: CurrentUser) async throws -> Response {
        let entryID = try req.id("entry")
        return try await act(req, user, entryID: entryID, form: "likewise", values: try req.formValues()) {
            let ruling = try await DisputeService.openLikewise(entryID: entryID, acting: req.acting(user))
            return PageContext(req).t(
                "Dibuka berdasarkan \(ruling.citation); masuk DIP dan DIK diterbitkan ulang.", "Opened by \(ruling.citation).")
        }
    }

    @Sendable static func updateDispute(req: Request, user: CurrentUser) async throws -> Response {
        let form = try req.formValues()
        let disputeID = try req.id("dispute")
        let entryID = try await entryID(ofDispute: disputeID, req)
        return try await act(req, user, entryID: entryID, form: "dates-\(disputeID)", values: form) {
            try await DisputeService.update(
                disputeID: disputeID, disputeInput(form), expectedVersion: Int(form["version"]), acting: req.acting(user))
            return PageContext(req).t("Tanggal sengketa disimpan.", "Dispute dates saved.")
        }
    }

    struct RulingUpload: Content {
        var kind: String?
        var number: String?
        var date: String?
        var issuer: String?
        var order: String?
        var orderText: String?
        var legalForce: String?
        var file: File?
    }

    @Sendable static func recordRuling(req: Request, user: CurrentUser) async throws -> Response {
        let disputeID = try req.id("dispute")
        let entryID = try await entryID(ofDispute: disputeID, req)
        // Who may record is decided before the body is read.
        _ = try await DisputeService.requireRecorder(entryID: entryID, acting: req.acting(user))
        try await req.admitBody()
        let upload = try req.decodeUpload(RulingUpload.self)
        let typed = FormValues(
            values: [
                "kind": upload.kind, "number": upload.number, "date": upload.date, "issuer": upload.issuer,
                "order": upload.order, "orderText": upload.orderText, "legalForce": upload.legalForce,
            ].compactMapValues { $0 })
        return try await act(req, user, entryID: entryID, form: "ruling-\(disputeID)", values: typed) {
            let (draft, refused) = rulingDraft(typed)
            let (ruling, opened) = try await DisputeService.recordRuling(
                disputeID: disputeID, draft, refused: refused, file: upload.file, acting: req.acting(user))
            let c = PageContext(req)
            return opened
                ? c.t(
                    "\(ruling.citation) dicatat. Informasi dibuka, masuk DIP dan DIK diterbitkan ulang.",
                    "\(ruling.citation) recorded. The information is opened, listed in the DIP, and the register republished.")
                : c.t("\(ruling.citation) dicatat.", "\(ruling.citation) recorded.")
        }
    }

    @Sendable static func declareLegalForce(req: Request, user: CurrentUser) async throws -> Response {
        let rulingID = try req.id("ruling")
        guard let ruling = try await Ruling.find(rulingID, on: req.db) else { throw Refusal.notFound }
        return try await act(req, user, entryID: ruling.$entry.id, form: "force-\(rulingID)", values: try req.formValues()) {
            let opened = try await DisputeService.declareLegalForce(rulingID: rulingID, acting: req.acting(user))
            let c = PageContext(req)
            return opened
                ? c.t("Putusan berkekuatan hukum tetap: informasi dibuka dan masuk DIP.", "The ruling has legal force: the information is opened.")
                : c.t("Putusan dicatat berkekuatan hukum tetap.", "The ruling is recorded as having legal force.")
        }
    }

    /// A decision's document, for those entitled to the entry's exempted content; audited.
    @Sendable static func document(req: Request, user: CurrentUser) async throws -> Response {
        guard let ruling = try await Ruling.find(try req.id("ruling"), on: req.db) else { throw Refusal.notFound }
        let entry = try await EntitledEntry.load(ruling.$entry.id, for: user, on: req.db).entry
        guard let file = try await StoredFile.find(ruling.$document.id, on: req.db) else { throw Refusal.notFound }
        try await req.application.writeTransaction { db in
            try await AuditLog.record(
                req.auditDraft(
                    .documentDownload, targetType: .registerEntry, targetID: entry.id?.uuidString,
                    bodyID: entry.$body.id.uuidString, after: "\(ruling.citation): \(file.originalName), SHA-256 \(file.sha256)"),
                on: db)
        }
        return Downloads.response(file)
    }

    // MARK: Helpers

    static func disputeInput(_ form: FormValues) -> DisputeService.DisputeInput {
        .init(
            requestReference: form["requestReference"], refusedOn: form["refusedOn"],
            objectionReceivedOn: form["objectionReceivedOn"], commissionFiledOn: form["commissionFiledOn"])
    }

    /// The decision as typed, and what could not be read (each named by its field).
    static func rulingDraft(_ form: FormValues) -> (RulingDraft?, [String: String]) {
        var refused: [String: String] = [:]
        let kind = RulingKind(rawValue: form["kind"])
        if kind == nil { refused["kind"] = "Pilih jenis keputusan: tanggapan atasan PPID, putusan Komisi Informasi, atau putusan pengadilan." }
        let order = RulingOrder(rawValue: form["order"])
        if order == nil { refused["order"] = "Pilih isi putusan: membuka informasi atau menguatkan pengecualian." }
        let date = LocalDate(iso: form["date"].trimmingCharacters(in: .whitespaces))
        if date == nil {
            refused["date"] =
                form["date"].isEmpty
                ? "Tanggal putusan wajib diisi." : "Tanggal tidak dikenali; tulis sebagai tahun-bulan-tanggal, misalnya 2026-11-21."
        }
        for (field, limit) in [("number", 200), ("issuer", 200), ("orderText", 20_000)] where form[field].count > limit {
            refused[field] = "Terlalu panjang (paling banyak \(limit) karakter)."
        }
        guard let kind, let order, let date else { return (nil, refused) }
        let draft = RulingDraft(
            kind: kind, number: form["number"].trimmingCharacters(in: .whitespacesAndNewlines), date: date,
            issuer: form["issuer"].trimmingCharacters(in: .whitespacesAndNewlines), order: order,
            orderText: form["orderText"].trimmingCharacters(in: .whitespacesAndNewlines),
            hasLegalForce: form.optional("legalForce") == "yes")
        return (draft, refused)
    }

    static func entryID(ofDispute id: UUID, _ req: Request) async throws -> UUID {
        guard let dispute = try await InformationDispute.find(id, on: req.db) else { throw Refusal.notFound }
        return dispute.$entry.id
    }

    static func page(_ req: Request, _ user: CurrentUser, entryID: UUID, state: FormState?, status: HTTPStatus = .ok)
        async throws -> Response
    {
        let loaded = try await query(entryID, req, user)
        let mayRecord = user.may(.recordRuling, on: loaded.place).isAllowed
        let model = EntryView.Model(
            loaded: loaded, mayRecord: mayRecord, notice: Sessions.takeNotice(req),
            today: loaded.body.zone.localDate(of: req.now), calendar: req.application.dikelola.calendar)
        return EntryView.page(PageContext(req, user: user), model, state: state, status: status)
    }

    /// Runs a form's action; on success back to the entry, on refusal its page again with the
    /// typed values and the errors.
    static func act(
        _ req: Request, _ user: CurrentUser, entryID: UUID, form: String, values: FormValues,
        _ action: () async throws -> String
    ) async throws -> Response {
        // Whether the person may see the entry at all; the page itself is loaded only to answer.
        _ = try await EntitledEntry.load(entryID, for: user, on: req.db)
        do {
            Sessions.setNotice(req, try await action())
            return req.redirect(to: SiteURL.registerEntry(entryID).path)
        } catch let error as ProcedureError {
            let state = FormState(form: form, values: values, errors: error.fields, message: error.message)
            return try await page(req, user, entryID: entryID, state: state, status: error.status)
        }
    }
}

/// Where each address of the entry page goes.
struct EntryRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.signedIn(.GET, .registerEntry(nil), use: EntryController.show)
        routes.signedIn(.POST, .entryDispute(nil), use: EntryController.openDispute)
        routes.signedIn(.POST, .disputeDates(nil), use: EntryController.updateDispute)
        routes.signedIn(.POST, .disputeRuling(nil), body: .upload, use: EntryController.recordRuling)
        routes.signedIn(.POST, .rulingLegalForce(nil), use: EntryController.declareLegalForce)
        routes.signedIn(.GET, .rulingDocument(nil), use: EntryController.document)
        routes.signedIn(.GET, .entryDossier(nil), use: DossierController.show)
        routes.signedIn(.GET, .entryDossierPDF(nil), use: DossierController.pdf)
        routes.signedIn(.GET, .entryDossierZIP(nil), use: DossierController.zip)
        routes.signedIn(.POST, .entryDossierPDF(nil), use: DossierController.signedPDF)
        routes.signedIn(.POST, .entryOpenLikewise(nil), use: EntryController.openLikewise)
        routes.signedIn(.GET, .decreeElectronic(nil), use: ElectronicSignatureController.show)
        routes.signedIn(.POST, .decreeElectronic(nil), use: ElectronicSignatureController.sign)
        routes.signedIn(.GET, .decreeElectronicFile(nil, nil), use: ElectronicSignatureController.download)
    }
}
