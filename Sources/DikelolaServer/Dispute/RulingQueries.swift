import DikelolaCore
import Fluent
import Foundation

/// What the register knows of objections, disputes and their decisions.
enum RulingQueries {
    /// The body's information opened by a decision, which no later test may exempt again
    /// (UU 14/2008 Ps 18(1)(g) jo. Ps 11(2)).
    static func openedByRuling(bodyID: UUID, on db: any Database) async throws -> [OpenedByRuling] {
        try await openings(bodyID: bodyID, on: db).map(\.info)
    }

    /// Each decision of the body that opened an entry, with the information it opened.
    static func openings(bodyID: UUID, on db: any Database) async throws -> [(info: OpenedByRuling, ruling: Ruling)] {
        try await Ruling.query(on: db).filter(\.$body.$id == bodyID).filter(\.$openedOn != nil)
            .with(\.$entry).sort(\.$createdAt).all()
            .map { (OpenedByRuling(entry: $0.entry, openedBy: $0), $0) }
    }

    /// For a still-exempted entry, the decision that opened the same information on another entry.
    static func openedElsewhere(_ entry: RegisterEntry, on db: any Database) async throws -> (info: OpenedByRuling, ruling: Ruling)? {
        guard entry.status.isExempted else { return nil }
        return try await openings(bodyID: entry.$body.id, on: db).first { opening in
            opening.ruling.$entry.id != entry.id
                && OpenedByRuling.barring(title: entry.title, itemID: entry.$item.id.uuidString, among: [opening.info]) != nil
        }
    }

    /// An entry's disputes, oldest first, each with its decisions in the order they were made.
    static func disputes(entryID: UUID, on db: any Database) async throws -> [(dispute: InformationDispute, rulings: [Ruling])] {
        let disputes = try await InformationDispute.query(on: db).filter(\.$entry.$id == entryID).sort(\.$createdAt).all()
        let rulings = try await Ruling.query(on: db).filter(\.$entry.$id == entryID).sort(\.$rulingDate).sort(\.$createdAt)
            .all()
        return disputes.map { dispute in (dispute, rulings.filter { $0.$dispute.id == dispute.id }) }
    }

    /// The dates of `dispute` as its timeline counts them.
    static func dates(_ dispute: InformationDispute, rulings: [Ruling]) -> DisputeTimeline.Dates {
        let answer = rulings.last { $0.kind == .objectionDecision }
        let commission = rulings.last { $0.kind.isCommission }
        let court = rulings.last { $0.kind == .courtRuling }
        let opened = rulings.first { $0.openedOn != nil }
        // A decision upholding the exemption ends the dispute once it has legal force.
        let upheld = rulings.last { $0.order == .uphold && $0.kind != .objectionDecision && $0.hasLegalForce }
        return DisputeTimeline.Dates(
            refusedOn: dispute.refusedOn, objectionReceivedOn: dispute.objectionReceivedOn,
            answeredOn: answer?.rulingDate, answerOrder: answer?.order, commissionFiledOn: dispute.commissionFiledOn,
            commissionRuledOn: commission?.rulingDate, commissionOrder: commission?.order, courtRuledOn: court?.rulingDate,
            closedOn: opened?.openedOn ?? upheld.map { $0.legalForceOn ?? $0.rulingDate })
    }
}

extension OpenedByRuling {
    /// The information `entry` held, opened by `ruling`.
    init(entry: RegisterEntry, openedBy ruling: Ruling) {
        self.init(
            title: entry.title, registerNumber: entry.registerNumber, ruling: ruling.citation, itemID: entry.$item.id.uuidString)
    }
}
