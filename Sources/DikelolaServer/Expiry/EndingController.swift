import DikelolaCore
import Fluent
import Foundation
import Vapor

/// A unit's entries at the end of their period (PP 61/2010 Ps 10–11), and the form that starts an
/// opening or a re-classification of the ones picked.
enum EndingController {
    // MARK: Queries

    /// What the page shows of `unit`, for `user`.
    static func query(_ unit: Unit, for user: CurrentUser, place: Authorization.Place, req: Request) async throws
        -> EndingView.Model
    {
        let unitID = try unit.requireID()
        let procedure = PeriodEndProcedure(definition: unit.sopID.flatMap(req.application.dikelola.sopLibrary.definition(id:)))
        let entries = try await RegisterEntry.query(on: req.db).filter(\.$unit.$id == unitID).with(\.$decree).all()
        let due = entries.filter { $0.status.awaitsDecision }.sorted {
            ($0.openingDecreeDue ?? $0.reviewDate ?? .lastRepresentable) < ($1.openingDecreeDue ?? $1.reviewDate ?? .lastRepresentable)
        }
        let opened = entries.filter { $0.status == .opened }.sorted { ($0.openedOn ?? .epoch) > ($1.openedOn ?? .epoch) }
        let actions = try await PeriodAction.query(on: req.db).filter(\.$unit.$id == unitID).sort(\.$createdAt, .descending)
            .all()
        return EndingView.Model(
            unit: unit, body: try await unit.$body.get(on: req.db), procedure: procedure,
            mayPrepare: (try? PeriodActionService.requirePreparer(user, place: place, procedure: procedure)) != nil,
            due: due, opened: opened, actions: actions, busy: try await busyEntries(in: actions, on: req.db),
            notice: Sessions.takeNotice(req), now: req.now)
    }

    /// The entries already in an opening or re-classification under way, with that action.
    static func busyEntries(in actions: [PeriodAction], on db: any Database) async throws -> [UUID: UUID] {
        let items = try await PeriodActionItem.query(on: db).filter(\.$action.$id ~~ actions.compactMap(\.id)).all()
        let open = Set(actions.filter { $0.stage.isOpen }.compactMap(\.id))
        return Dictionary(
            items.filter { open.contains($0.$action.id) }.map { ($0.$entry.id, $0.$action.id) }, uniquingKeysWith: { a, _ in a })
    }

    // MARK: Handlers

    @Sendable static func show(req: Request, user: CurrentUser) async throws -> Response {
        let (unit, place) = try await AccessQueries.unit(try req.id("unit"), for: user, may: .viewExemptedContent, on: req.db)
        return EndingView.page(PageContext(req, user: user), try await query(unit, for: user, place: place, req: req))
    }

    @Sendable static func start(req: Request, user: CurrentUser) async throws -> Response {
        let form = try req.formValues()
        let unitID = try req.id("unit")
        let entryIDs = form.values.filter { $0.key.hasPrefix("entry-") && $0.value == "on" }
            .compactMap { UUID(uuidString: String($0.key.dropFirst("entry-".count))) }
        do {
            let action = try await PeriodActionService.start(
                unitID: unitID, kind: form["kind"] == "reclassification" ? .reclassification : .opening, entryIDs: entryIDs,
                acting: req.acting(user))
            Sessions.setNotice(req, PageContext(req).t("Daftar dibuat; lengkapi lalu ajukan.", "List made; complete it, then submit."))
            return req.redirect(to: SiteURL.periodAction(action.id).path)
        } catch let error as ProcedureError {
            Sessions.setNotice(req, error.fields.values.sorted().first ?? error.message)
            return req.redirect(to: SiteURL.unitEnding(unitID).path)
        }
    }
}
