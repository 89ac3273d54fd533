import DikelolaCore
import Fluent
import Foundation
import Vapor

/// A unit's page: its SOP, its proposals with their current step, and the form that opens one.
enum UnitController {
    /// The unit's proposals, newest first.
    static func proposals(of unit: Unit, on db: any Database) async throws -> [Proposal] {
        try await Proposal.query(on: db).filter(\.$unit.$id == unit.requireID()).sort(\.$createdAt, .descending).all()
    }

    @Sendable static func show(req: Request, user: CurrentUser) async throws -> Response {
        try await page(req, user, refused: nil)
    }

    /// The unit's page; `refused` is the new-proposal form sent back with its error.
    static func page(_ req: Request, _ user: CurrentUser, refused: FormState?, status: HTTPStatus = .ok) async throws -> Response {
        let unit = try await RegisterController.unit(req, user)
        let sop = unit.sopID.flatMap(req.application.dikelola.sopLibrary.definition(id:))
        let mayImport = user.may(.importRegister, on: try await AccessQueries.place(of: unit, on: req.db)).isAllowed
        return UnitView.page(
            PageContext(req, user: user), unit: unit, sop: sop, proposals: try await proposals(of: unit, on: req.db),
            notice: Sessions.takeNotice(req), now: req.now, mayImport: mayImport, refused: refused, status: status)
    }

    @Sendable static func openProposal(req: Request, user: CurrentUser) async throws -> Response {
        let form = try req.formValues()
        do {
            let proposal = try await ProposalService.open(unitID: try req.id("unit"), title: form["title"], acting: req.acting(user))
            Sessions.setNotice(req, PageContext(req).t("Usulan dibuat.", "Proposal started."))
            return req.redirect(to: SiteURL.proposal(proposal.id).path)
        } catch let error as ProcedureError {
            // Back on the page the form was sent from (the home page or the unit's), the error
            // beside the title; a refusal of the whole form (no SOP, not this person's step) above it.
            let state = FormState(
                form: try req.id("unit").uuidString, values: form, errors: error.fields,
                message: error.fields.isEmpty ? error.message : nil)
            if req.shownPath == SiteURL.home.path {
                return try await HomeController.page(req, user, refused: state, status: error.status)
            }
            return try await page(req, user, refused: state, status: error.status)
        }
    }
}
