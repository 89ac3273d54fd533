import DikelolaCore
import Fluent
import Foundation
import Vapor

/// The first page after signing in, and the site's stylesheet and script.
enum HomeController {
    /// The units where the person holds a role, by name.
    static func units(of user: CurrentUser, on db: any Database) async throws -> [Unit] {
        let unitIDs = Set(user.person.assignments.compactMap { UUID(uuidString: $0.unit.id) })
        return try await Unit.query(on: db).filter(\.$id ~~ unitIDs).sort(\.$name).all()
    }

    /// The units where the person may start a proposal, by name: the unit runs an SOP, their role
    /// reaches the unit, and they hold the role of the SOP's first step there (as opening requires;
    /// found: the PPID Utama was offered every unit's form and refused by each).
    static func startable(by user: CurrentUser, library: SOPLibrary, on db: any Database) async throws -> [Unit] {
        let bodyIDs = Set(user.person.assignments.compactMap { UUID(uuidString: $0.unit.bodyID) })
        var found: [Unit] = []
        for unit in try await Unit.query(on: db).filter(\.$body.$id ~~ bodyIDs).filter(\.$sopID != nil).sort(\.$name).all() {
            guard let definition = unit.sopID.flatMap(library.definition(id:)) else { continue }
            let place = try await AccessQueries.place(of: unit, on: db)
            let opener = ProposalWorkflow(definition: definition).opener.role
            if user.may(.prepareProposal, on: place).isAllowed, Authorization.roles(of: user.person, covering: place).contains(opener) {
                found.append(unit)
            }
        }
        return found
    }

    @Sendable static func show(req: Request, user: CurrentUser) async throws -> Response {
        try await page(req, user, refused: nil)
    }

    /// The home page; `refused` is a "Buat usulan baru" form sent back with its error.
    static func page(_ req: Request, _ user: CurrentUser, refused: FormState?, status: HTTPStatus = .ok) async throws -> Response {
        let acting = req.acting(user)
        let model = HomeView.Model(
            user: user, units: try await units(of: user, on: req.db), startable: try await startable(by: user, library: req.application.dikelola.sopLibrary, on: req.db),
            waiting: try await Awaiting.proposals(for: acting),
            overdue: try await Awaiting.overdue(for: acting), board: try await Dashboard.load(for: acting),
            notice: Sessions.takeNotice(req), now: req.now,
            today: (try await PeriodPreviewRoute.body(of: user, on: req.db)?.zone ?? .wib).localDate(of: req.now),
            calendar: req.application.dikelola.calendar, refused: refused,
            staffingGaps: try await SOPStaffing.gaps(
                inBodies: Set(
                    user.person.assignments.filter { [.mainPPID, .admin].contains($0.role) }
                        .compactMap { UUID(uuidString: $0.unit.bodyID) }),
                library: req.application.dikelola.sopLibrary, on: req.db))
        return HomeView.page(PageContext(req, user: user), model, status: status)
    }
}

/// The home page, the stylesheet and the script.
struct HomeRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.signedIn(.GET, .home, use: HomeController.show)
        routes.get(SiteURL.stylesheet.pathComponents) { _ in Stylesheet.response() }
        routes.get(SiteURL.script.pathComponents) { _ in Script.response() }
    }
}
