import DikelolaCore
import Fluent
import Foundation
import Plot
import Vapor

/// The electronic signature (TTE) of a decree — classification, opening or re-classification:
/// the head signs the decree's PDF as PAdES with the body's certificate or BSrE's service; every
/// signed PDF is kept with its SHA-256 and can be downloaded by those who may read the decree.
enum ElectronicSignatureController {
    /// The decree and where it sits, for a person who may read it.
    static func query(_ req: Request, _ user: CurrentUser) async throws -> (Decree, Authorization.Place) {
        guard let decree = try await Decree.find(try req.id("decree"), on: req.db) else { throw Refusal.notFound }
        let library = req.application.dikelola.sopLibrary
        let place: Authorization.Place
        if let actionID = decree.periodActionID {
            place = try await PeriodActionContext.load(actionID, library: library, on: req.db).place
        } else if let proposalID = decree.$proposal.id {
            place = try await ProposalContext.load(proposalID, library: library, on: req.db).place
        } else {
            throw Refusal.notFound
        }
        try user.require(.viewExemptedContent, on: place)
        return (decree, place)
    }

    /// Whether `user` signs decrees here: the head (Atasan PPID), with the right to sign.
    static func maySign(_ user: CurrentUser, _ decree: Decree, _ place: Authorization.Place) -> Bool {
        !decree.registeredFromEarlier && user.may(.signDecree, on: place).isAllowed
            && Authorization.roles(of: user.person, covering: place).contains(.head)
    }

    @Sendable static func show(req: Request, user: CurrentUser) async throws -> Response {
        try await page(req, user, error: nil, status: .ok)
    }

    @Sendable static func sign(req: Request, user: CurrentUser) async throws -> Response {
        let (decree, place) = try await query(req, user)
        guard !decree.registeredFromEarlier else {
            throw ProcedureError(
                status: .conflict,
                message: "Surat ini ditandatangani di atas kertas sebelum Dikelola dan didaftarkan apa adanya; pindaiannya dilampirkan, bukan ditandatangani ulang.")
        }
        guard maySign(user, decree, place) else {
            throw ProcedureError(
                status: .forbidden, message: "Surat penetapan ditandatangani secara elektronik oleh pimpinan (Atasan PPID) yang berwenang.")
        }
        guard let provider = req.application.signingProvider else {
            return try await page(req, user, error: SigningError.notConfigured.description, status: .conflict)
        }
        let form = try req.formValues()
        let credentials = SigningCredentials(passphrase: form.optional("passphrase"), nik: form.optional("nik"))
        let unsigned = try await DecreeController.show(req: req, user: user)
        guard unsigned.status == .ok, let html = unsigned.body.string else { return unsigned }
        do {
            let pdf = try await PDFPrinter.print(
                html: PDFPrinter.selfContained(html, images: try await PrintedDocument.images(ofBody: decree.$body.id, on: req.db)),
                chromium: req.application.dikelola.configuration.chromium)
            let details = PDFSignature.Details(
                name: user.name, reason: "\(decree.kind.indonesian) Nomor \(decree.number)", location: decree.place,
                signedAt: req.now)
            let signed = try await provider.sign(
                pdf, details: details, credentials: credentials, acting: req.acting(user), what: "TTE \(decree.number)",
                bodyID: decree.$body.id)
            try await ElectronicSignatureService.keep(signed, decree: decree, provider: provider.label, acting: req.acting(user))
        } catch let error as SigningError {
            return try await page(req, user, error: error.description, status: .unprocessableEntity)
        } catch let failure as PDFPrinter.Failure {
            return try await page(req, user, error: failure.description, status: .serviceUnavailable)
        }
        Sessions.setNotice(req, PageContext(req).t("Surat ditandatangani secara elektronik.", "The decree is signed electronically."))
        return req.redirect(to: SiteURL.decreeElectronic(decree.id).path)
    }

    @Sendable static func download(req: Request, user: CurrentUser) async throws -> Response {
        let (decree, _) = try await query(req, user)
        guard let signature = try await ElectronicSignature.find(try req.id("signature"), on: req.db),
            signature.$decree.id == decree.id, let file = try await StoredFile.find(signature.$file.id, on: req.db)
        else { throw Refusal.notFound }
        try await req.application.writeTransaction { db in
            try await AuditLog.record(
                req.auditDraft(
                    .documentDownload, targetType: .decree, targetID: decree.id?.uuidString, bodyID: decree.$body.id.uuidString,
                    after: "\(file.originalName), SHA-256 \(file.sha256)"), on: db)
        }
        return PDFPrinter.response(Array(file.data), filename: file.originalName)
    }

    static func page(_ req: Request, _ user: CurrentUser, error: String?, status: HTTPStatus) async throws -> Response {
        let (decree, place) = try await query(req, user)
        let signatures = try await ElectronicSignature.query(on: req.db).filter(\.$decree.$id == decree.requireID())
            .sort(\.$signedAt).all()
        let ctx = PageContext(req, user: user)
        let provider = req.application.signingProvider
        let response = Layout.page(
            ctx, title: ctx.t("Tanda tangan elektronik", "Electronic signature"),
            .h1(.text(ctx.t("Tanda tangan elektronik — \(decree.number)", "Electronic signature — \(decree.number)"))),
            .unwrap(Sessions.takeNotice(req)) { Layout.notice($0, kind: "ok") },
            .unwrap(error) { Layout.notice($0, kind: "error") },
            .p(.a(.href(SiteURL.decree(decree.id).path), .text(ctx.t("← Kembali ke surat", "← Back to the decree")))),
            .p(
                .text(
                    ctx.t(
                        "Tanda tangan PAdES (PDF bertanda tangan dengan CMS terlepas dan atribut sertifikat penandatangan), dapat diperiksa dengan pembaca PDF atau pdfsig.",
                        "A PAdES signature, which PDF readers and pdfsig verify."))),
            .if(signatures.isEmpty, .p(.text(ctx.t("Belum ditandatangani secara elektronik.", "Not signed electronically yet.")))),
            .ul(
                .forEach(signatures) { s in
                    .li(
                        .a(.href(SiteURL.decreeElectronicFile(decree.id, s.id).path), .text("\(s.signerName), \(Dates.show(s.signedAt, ctx))")),
                        .text(" — \(s.provider) — SHA-256 "), .code(.text(s.sha256)))
                }),
            .if(
                maySign(user, decree, place),
                .unwrap(provider, { provider in signForm(ctx, decree, provider) }, else: .p(.text(SigningError.notConfigured.description)))))
        response.status = status
        return response
    }

    static func signForm(_ ctx: PageContext, _ decree: Decree, _ provider: any SigningProvider) -> Node<HTML.BodyContext> {
        .form(
            .class("stack"), .action(SiteURL.decreeElectronic(decree.id).path), .method(.post), Layout.csrfField(ctx),
            .p(.text(ctx.t("Ditandatangani dengan \(provider.label).", "Signed with \(provider.label)."))),
            .if(
                provider.needsNIK,
                Layout.field("nik", label: ctx.t("NIK penandatangan (BSrE)", "Signer's NIK (BSrE)"), autocomplete: "off")),
            .if(
                provider.needsPassphrase,
                Layout.field(
                    "passphrase", label: ctx.t("Kata sandi (passphrase) sertifikat", "Certificate passphrase"), type: .password,
                    autocomplete: "off")),
            .button(.type(.submit), .text(ctx.t("Tandatangani secara elektronik", "Sign electronically"))))
    }
}

/// Keeps a signed decree PDF and records it in the history.
enum ElectronicSignatureService {
    @discardableResult
    static func keep(_ signed: [UInt8], decree: Decree, provider: String, acting: Acting) async throws -> ElectronicSignature {
        let data = Data(signed)
        let stored = FileIntake.stored(
            data, type: .pdf, name: "SK \(PrintedDocument.safeName(decree.number)) TTE.pdf", by: acting.person)
        return try await acting.write { db in
            try await stored.create(on: db)
            let signature = ElectronicSignature()
            signature.$body.id = decree.$body.id
            signature.$decree.id = try decree.requireID()
            signature.$file.id = try stored.requireID()
            signature.sha256 = stored.sha256
            signature.provider = provider
            signature.signerName = acting.person.name
            signature.signedBy = acting.person.id
            signature.signedAt = acting.now
            try await signature.create(on: db)
            try await AuditLog.record(
                acting.auditDraft(
                    .decreeSignElectronic, targetType: .decree, targetID: decree.id?.uuidString,
                    bodyID: decree.$body.id.uuidString, role: .head,
                    after: "\(decree.number) ditandatangani secara elektronik (PAdES) dengan \(provider); SHA-256 \(stored.sha256)"),
                on: db)
            return signature
        }
    }
}
