import DikelolaCore
import Fluent
import Foundation
import Vapor

/// The register (DIK) of a unit or of a whole body, for the people who may read exempted content,
/// grouped and sorted by the end of the period; the unit's also as a printed A4 document.
enum RegisterController {
    // MARK: Queries

    /// The unit named in the address, for a person who may read its exempted content.
    static func unit(_ req: Request, _ user: CurrentUser) async throws -> Unit {
        try await AccessQueries.unit(try req.id("unit"), for: user, may: .viewExemptedContent, on: req.db).unit
    }

    /// The body named in the address, for a person who may read its exempted content.
    static func body(_ req: Request, _ user: CurrentUser) async throws -> PublicBody {
        guard let body = try await PublicBody.find(try req.id("body"), on: req.db) else { throw Refusal.notFound }
        try user.require(.viewExemptedContent, on: AccessQueries.place(ofBody: try body.requireID()))
        return body
    }

    /// Who signs a unit's register: its PPID Pembantu, else the PPID Utama who keeps the body's
    /// (UU 14/2008 Ps 13; Perki 1/2017 Ps 4), with the title they sign under.
    static func keeper(of unit: Unit, on db: any Database) async throws -> RegisterView.Signer {
        let place = try await AccessQueries.place(of: unit, on: db)
        if unit.hasAssistantPPID, let ppid = try await AccessQueries.holders(of: [.assistantPPID], covering: place, on: db).first {
            return .init(position: "PPID Pembantu \(unit.name)", name: ppid.name, nip: ppid.nip)
        }
        let main = try await AccessQueries.holders(of: [.mainPPID], covering: place, on: db).first
        return .init(position: "PPID Utama", name: main?.name, nip: main?.nip)
    }

    /// Today in the body's own zone.
    static func today(_ body: PublicBody, now: Date) -> LocalDate {
        body.zone.localDate(of: now)
    }

    // MARK: Pages

    @Sendable static func showUnit(req: Request, user: CurrentUser) async throws -> Response {
        let unit = try await unit(req, user)
        let entries = try await RegisterQueries.entries(bodyID: unit.$body.id, unitID: try unit.requireID(), on: req.db)
        let body = try await unit.$body.get(on: req.db)
        return RegisterView.unitPage(
            PageContext(req, user: user), unit: unit, body: body, entries: entries,
            rules: req.application.dikelola.expiryRules, today: today(body, now: req.now), notice: Sessions.takeNotice(req),
            signer: try await keeper(of: unit, on: req.db))
    }

    @Sendable static func unitPDF(req: Request, user: CurrentUser) async throws -> Response {
        let unit = try await unit(req, user)
        return try await PrintedDocument.pdf(
            req, page: try await showUnit(req: req, user: user), bodyID: unit.$body.id,
            filename: "DIK \(unit.shortName ?? unit.name).pdf", target: (.unit, unit.id))
    }

    @Sendable static func showBody(req: Request, user: CurrentUser) async throws -> Response {
        let body = try await body(req, user)
        let entries = try await RegisterQueries.entries(bodyID: try body.requireID(), unitID: nil, on: req.db)
        let units = try await body.$units.get(on: req.db)
        let names = Dictionary(units.compactMap { unit in unit.id.map { ($0, unit.name) } }, uniquingKeysWith: { a, _ in a })
        return RegisterView.bodyPage(
            PageContext(req, user: user), body: body, entries: entries, unitNames: names,
            rules: req.application.dikelola.expiryRules, today: today(body, now: req.now))
    }
}
