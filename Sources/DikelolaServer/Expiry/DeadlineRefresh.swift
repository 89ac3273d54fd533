import DikelolaCore
import Fluent
import Foundation
import Vapor

/// Stored deadlines are counted on the holiday calendar and the body's working hours, and both
/// change: the SKB of a new year is added, a body sets its own hours. So at start and in every
/// daily sweep each stored deadline is counted again, and one that moved is saved and recorded in
/// the history: the opening decree's latest date of an entry ending soon (PP 61/2010 Ps 11(2)),
/// and the due time of every proposal's current step.
enum DeadlineRefresh {
    struct Report: Equatable {
        var entries = 0
        var proposals = 0
        var actions = 0
    }

    /// Every body, at start.
    static func all(_ app: Application, now: Date) async throws -> Report {
        var report = Report()
        for body in try await PublicBody.query(on: app.db).all() {
            let part = try await app.writeTransaction { db in
                try await run(body: body, services: app.dikelola, now: now, on: db)
            }
            report.entries += part.entries
            report.proposals += part.proposals
            report.actions += part.actions
        }
        return report
    }

    static func run(body: PublicBody, services: CoreServices, now: Date, on db: any Database) async throws -> Report {
        let bodyID = try body.requireID()
        var report = Report()
        let rules = services.expiryRules
        for entry in try await RegisterEntry.query(on: db).filter(\.$body.$id == bodyID).filter(\.$status == .endingSoon).all() {
            guard let end = entry.endDate else { continue }
            let due = rules.openingDecreeDue(endingOn: end).value
            guard due != entry.openingDecreeDue else { continue }
            let before = entry.openingDecreeDue
            entry.openingDecreeDue = due
            try await entry.save(on: db)
            try await record(
                .registerDeadlineRecomputed, target: .registerEntry, id: entry.id, body: bodyID, now: now,
                before: before.map(IndonesianFormat.date), after: "\(entry.registerNumber): surat pembukaan paling lambat "
                    + IndonesianFormat.date(due), on: db)
            report.entries += 1
        }
        report.actions = try await refreshActions(bodyID: bodyID, rules: rules, now: now, on: db)
        let proposals = try await Proposal.query(on: db).filter(\.$body.$id == bodyID).filter(\.$status == .inProgress).all()
        for proposal in proposals {
            guard let number = proposal.currentStep, let started = proposal.currentStepStartedAt,
                let definition = services.sopLibrary.definition(id: proposal.sopID), let step = definition.step(number: number)
            else { continue }
            let due = try? ProposalWorkflow(definition: definition).due(
                step, startedAt: started, zone: body.zone, calendar: services.calendar, hours: body.workingHours)?.value
            let stored = proposal.currentStepDueAt
            let same = switch (due, stored) {
                case let (new?, old?): abs(new.timeIntervalSince(old)) < 1
                case (nil, nil): true
                default: false
                }
            guard !same else { continue }
            proposal.currentStepDueAt = due
            try await proposal.save(on: db)
            try await record(
                .proposalDeadlineRecomputed, target: .proposal, id: proposal.id, body: bodyID, now: now,
                before: stored.map { Self.show($0, body.zone) },
                after: "langkah \(step.label): tenggat " + (due.map { Self.show($0, body.zone) } ?? "—"), on: db)
            report.proposals += 1
        }
        return report
    }

    /// An opening or re-classification under way: the latest date of its decree is the earliest
    /// opening-decree date of its entries, counted again.
    private static func refreshActions(bodyID: UUID, rules: ExpiryRules, now: Date, on db: any Database) async throws -> Int {
        var changed = 0
        let actions = try await PeriodAction.query(on: db).filter(\.$body.$id == bodyID)
            .filter(\.$stage ~~ [.preparing, .awaitingApproval]).all()
        for action in actions {
            let items = try await PeriodActionItem.query(on: db).filter(\.$action.$id == action.requireID()).with(\.$entry).all()
            let due = PeriodEndProcedure.legalDeadline(
                items.map { item in item.entry.endDate.map { rules.openingDecreeDue(endingOn: $0).value } ?? item.entry.openingDecreeDue })
            guard due != action.legalDue else { continue }
            let before = action.legalDue
            action.legalDue = due
            try await action.save(on: db)
            try await record(
                .periodActionDeadlineRecomputed, target: .periodAction, id: action.id, body: bodyID, now: now,
                before: before.map(IndonesianFormat.date),
                after: "surat paling lambat " + (due.map(IndonesianFormat.date) ?? "—"), on: db)
            changed += 1
        }
        return changed
    }

    private static func record(
        _ action: AuditAction, target: AuditTarget, id: UUID?, body: UUID, now: Date, before: String?, after: String,
        on db: any Database
    ) async throws {
        try await AuditLog.record(
            AuditChain.Draft(
                occurredAt: now, actorID: AuditLog.systemActor, actorRole: nil, action: action, targetType: target,
                targetID: id?.uuidString, bodyID: body.uuidString, summaryBefore: before,
                summaryAfter: after + " (dihitung ulang: data hari libur atau jam kerja berubah)"),
            on: db)
    }

    /// "29 Desember 2026 pukul 16.00 WIB".
    static func show(_ instant: Date, _ zone: TimeZoneRegion) -> String {
        IndonesianFormat.dateTime(instant, zone: zone)
    }
}
