import DikelolaCore
import Fluent
import Vapor

/// `GET /periode/pratinjau?periodKind=…&years=…&from=…&ground=…`: what a period on the consequence
/// test form means before it is saved (its end, the opening decree's latest date, what the law
/// refuses), computed by the core with the body's calendar. JSON for the form's little script.
struct PeriodPreviewRoute: RouteCollection {
    struct Answer: Content {
        let lines: [String]
        let problems: [String]
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.signedIn(.GET, .periodPreview) { req, user in
            let form = FormValues(values: (try? req.query.decode([String: String].self)) ?? [:])
            let ctx = PageContext(req, user: user)
            let body = try await Self.body(of: user, on: req.db)
            let zone = body?.zone ?? .wib
            let today = zone.localDate(of: req.now)
            let answer: Answer
            switch PeriodFields.period(from: form) {
            case let .failure(error):
                answer = Answer(lines: [], problems: [error.message])
            case let .success(period):
                let ground = ExemptionGround(code: form["ground"])
                let preview = PeriodPreview(
                    period: period, ground: ground, classifiedOn: today, policy: body?.periodPolicy ?? .standard,
                    rules: req.application.dikelola.expiryRules)
                answer = Answer(
                    lines: (ctx.language == .indonesian ? preview.indonesianLines : preview.englishLines)
                        + preview.cautions.map(\.description),
                    problems: preview.problems.map(\.description))
            }
            let response = try await answer.encodeResponse(for: req)
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
            return response
        }
    }

    /// The body the person works for, whose zone and period policy the preview uses.
    static func body(of user: CurrentUser, on db: any Database) async throws -> PublicBody? {
        guard let bodyID = user.person.assignments.first.flatMap({ UUID(uuidString: $0.unit.bodyID) }) else { return nil }
        return try await PublicBody.find(bodyID, on: db)
    }
}
