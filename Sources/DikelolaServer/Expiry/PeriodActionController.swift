import DikelolaCore
import Fluent
import Foundation
import Vapor

/// An opening or re-classification in the browser: the PPID fills in the DIP fields or the new
/// tests and sends it, the head approves or returns it. Every post calls `PeriodActionService`;
/// a refused form comes back with its fields filled (see `act`).
enum PeriodActionController {
    // MARK: Queries

    /// The action named in the address, for a person who may read its exempted content.
    static func query(_ req: Request, _ user: CurrentUser) async throws -> PeriodActionContext {
        let ctx = try await PeriodActionContext.load(try req.id("action"), library: req.application.dikelola.sopLibrary, on: req.db)
        try user.require(.viewExemptedContent, on: ctx.place)
        return ctx
    }

    /// What the page shows of `ctx` for `user`.
    static func model(_ ctx: PeriodActionContext, for user: CurrentUser, req: Request) async throws -> PeriodActionView.Model {
        let mayPrepare =
            ctx.stage == .preparing
            && (try? PeriodActionService.requirePreparer(user, place: ctx.place, procedure: ctx.procedure)) != nil
        let mayDecide =
            ctx.stage == .awaitingApproval && user.may(.signDecree, on: ctx.place).isAllowed
            && Authorization.roles(of: user.person, covering: ctx.place).contains(PeriodEndProcedure.approverRole)
        let history = try await AuditEvent.query(on: req.db).filter(\.$targetID == ctx.action.storedID.uuidString)
            .sort(\.$sequence).all()
        return PeriodActionView.Model(
            ctx: ctx, mayPrepare: mayPrepare, mayDecide: mayDecide, decree: try await ctx.action.$decree.get(on: req.db),
            history: history, notice: Sessions.takeNotice(req), now: req.now)
    }

    // MARK: Handlers

    @Sendable static func show(req: Request, user: CurrentUser) async throws -> Response {
        try await page(req, user, state: nil)
    }

    @Sendable static func setOpeningFields(req: Request, user: CurrentUser) async throws -> Response {
        let form = try req.formValues()
        let itemID = try req.id("item")
        return try await act(req, user, form: "fields-\(itemID)", values: form) { ctx in
            let fields = PeriodActionService.OpeningFields(
                summary: form["summary"], responsible: form["responsible"], retention: form["retention"])
            try await PeriodActionService.setOpeningFields(ctx, itemID: itemID, fields, acting: req.acting(user))
            return PageContext(req).t("Kolom DIP disimpan.", "DIP fields saved.")
        }
    }

    @Sendable static func recordTest(req: Request, user: CurrentUser) async throws -> Response {
        let form = try req.formValues()
        let itemID = try req.id("item")
        return try await act(req, user, form: "test-\(itemID)", values: form) { ctx in
            // The same form as a proposal's test; a re-classification offers no "open" verdict.
            let (input, refused) = ProposalController.testInput(form)
            try await PeriodActionService.recordTest(ctx, itemID: itemID, input, refused: refused, acting: req.acting(user))
            return PageContext(req).t("Uji konsekuensi baru disimpan.", "New test saved.")
        }
    }

    @Sendable static func removeItem(req: Request, user: CurrentUser) async throws -> Response {
        let itemID = try req.id("item")
        return try await act(req, user, form: "remove", values: try req.formValues()) { ctx in
            try await PeriodActionService.removeItem(ctx, itemID: itemID, acting: req.acting(user))
            return PageContext(req).t("Dikeluarkan dari daftar.", "Removed from the list.")
        }
    }

    @Sendable static func submit(req: Request, user: CurrentUser) async throws -> Response {
        let form = try req.formValues()
        return try await act(req, user, form: "submit", values: form) { ctx in
            try await PeriodActionService.submit(ctx, expectedVersion: Int(form["version"]), acting: req.acting(user))
            return PageContext(req).t("Diajukan kepada pimpinan.", "Sent to the head.")
        }
    }

    @Sendable static func cancel(req: Request, user: CurrentUser) async throws -> Response {
        let form = try req.formValues()
        return try await act(req, user, form: "cancel", values: form) { ctx in
            try await PeriodActionService.cancel(ctx, expectedVersion: Int(form["version"]), acting: req.acting(user))
            return PageContext(req).t("Dibatalkan.", "Cancelled.")
        }
    }

    @Sendable static func decide(req: Request, user: CurrentUser) async throws -> Response {
        let form = try req.formValues()
        return try await act(req, user, form: "decide", values: form) { ctx in
            let decree = try await PeriodActionService.decide(
                try ctx.action.requireID(), approve: form["decision"] == "agree", note: form["note"],
                expectedVersion: Int(form["version"]), acting: req.acting(user))
            let c = PageContext(req)
            return decree.map { c.t("Disetujui. Surat \($0.number) diterbitkan.", "Approved. Decree \($0.number) issued.") }
                ?? c.t("Dikembalikan kepada PPID dengan catatan.", "Returned to the PPID with the note.")
        }
    }

    // MARK: Helpers

    static func page(_ req: Request, _ user: CurrentUser, state: FormState?, status: HTTPStatus = .ok) async throws -> Response {
        let ctx = try await query(req, user)
        return PeriodActionView.page(
            PageContext(req, user: user), try await model(ctx, for: user, req: req), state: state, status: status)
    }

    /// Runs a form's action; on success back to the page, on refusal the page again with the
    /// typed values and the errors.
    static func act(
        _ req: Request, _ user: CurrentUser, form: String, values: FormValues,
        _ action: (PeriodActionContext) async throws -> String
    ) async throws -> Response {
        let ctx = try await query(req, user)
        do {
            Sessions.setNotice(req, try await action(ctx))
            return req.redirect(to: SiteURL.periodAction(ctx.action.id).path)
        } catch let error as ProcedureError {
            let state = FormState(form: form, values: values, errors: error.fields, message: error.message)
            return try await page(req, user, state: state, status: error.status)
        }
    }
}
