import DikelolaCore
import Fluent
import Foundation
import Vapor

/// A decree in the browser: the printable document, its PDF, and the two corrections the head may
/// make after signing (the number, the signed scan), both through `DecreeService`.
enum DecreeController {
    // MARK: Queries

    /// The decree named in the address.
    static func query(_ req: Request) async throws -> Decree {
        guard let decree = try await Decree.find(try req.id("decree"), on: req.db) else { throw Refusal.notFound }
        return decree
    }

    /// The decree with its proposal, for the head who signs it.
    static func forSigner(_ req: Request, _ user: CurrentUser) async throws -> (Decree, ProposalContext) {
        let decree = try await query(req)
        guard let proposalID = decree.$proposal.id else { throw Refusal.notFound }
        let ctx = try await ProposalContext.load(proposalID, library: req.application.dikelola.sopLibrary, on: req.db)
        // An earlier decree's scan is the PPID's to attach, who registered it; a decree issued here is the head's.
        try user.require(decree.registeredFromEarlier ? .importRegister : .signDecree, on: ctx.place)
        return (decree, ctx)
    }

    // MARK: Pages

    @Sendable static func show(req: Request, user: CurrentUser) async throws -> Response {
        let decree = try await query(req)
        let library = req.application.dikelola.sopLibrary
        if let actionID = decree.periodActionID {
            let actx = try await PeriodActionContext.load(actionID, library: library, on: req.db)
            try user.require(.viewExemptedContent, on: actx.place)
            return PeriodDecreeDocument.render(PageContext(req, user: user), decree, actx)
        }
        guard let proposalID = decree.$proposal.id else { throw Refusal.notFound }
        let pctx = try await ProposalContext.load(proposalID, library: library, on: req.db)
        try user.require(.viewExemptedContent, on: pctx.place)
        if decree.registeredFromEarlier {
            let entries = try await RegisterEntry.query(on: req.db).filter(\.$decree.$id == decree.requireID())
                .sort(\.$registerNumber).all().map { RegisterEntryView($0, decree: decree) }
            return EarlierDecreeView.render(
                PageContext(req, user: user), decree: decree, body: pctx.body, entries: entries,
                mayAttach: user.may(.importRegister, on: pctx.place).isAllowed, notice: Sessions.takeNotice(req))
        }
        let view = try await ProposalAPIController.decreeView(decree, pctx, on: req.db)
        return DecreeDocument.render(
            PageContext(req, user: user), view, body: pctx.body, maySign: user.may(.signDecree, on: pctx.place).isAllowed,
            notice: Sessions.takeNotice(req))
    }

    @Sendable static func pdf(req: Request, user: CurrentUser) async throws -> Response {
        let decree = try await query(req)
        return try await PrintedDocument.pdf(
            req, page: try await show(req: req, user: user), bodyID: decree.$body.id, filename: "SK \(decree.number).pdf",
            target: (.decree, decree.id))
    }

    // MARK: Forms

    @Sendable static func renumber(req: Request, user: CurrentUser) async throws -> Response {
        let (decree, pctx) = try await forSigner(req, user)
        do {
            try await DecreeService.renumber(decree, pctx, to: try req.formValues()["number"], acting: req.acting(user))
            Sessions.setNotice(req, PageContext(req).t("Nomor surat disimpan.", "Number saved."))
        } catch let error as ProcedureError {
            Sessions.setNotice(req, error.message)
        }
        return req.redirect(to: SiteURL.decree(decree.id).path)
    }

    @Sendable static func storeScan(req: Request, user: CurrentUser) async throws -> Response {
        struct Upload: Content { var file: File? }
        let (decree, pctx) = try await forSigner(req, user)
        try await req.admitBody()
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
}
