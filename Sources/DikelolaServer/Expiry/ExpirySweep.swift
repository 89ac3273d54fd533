import DikelolaCore
import Fluent
import Foundation
import SQLKit
import Vapor

/// The daily sweep of PP 61/2010 Ps 11, per body in its own time zone: entries ending soon are
/// marked with the opening decree's latest date, event periods whose review date has come are
/// marked for review, and entries whose end date has passed with no opening decree are opened —
/// by law — into the list of public information (DIP). Running it twice changes nothing more;
/// several instances may run it at once (on PostgreSQL a body is swept by one at a time).
enum ExpirySweep {
    struct Report: Equatable, CustomStringConvertible {
        var endingSoon = 0
        var reviewDue = 0
        var openedByLaw = 0
        var provisionalYears: Set<Int> = []
        /// Stored deadlines counted again because the holidays or the working hours changed.
        var deadlinesRecomputed = 0
        /// Entries whose opening decree or review is late ("terlambat").
        var overdue = 0

        /// Entries whose status changed.
        var changes: Int { endingSoon + reviewDue + openedByLaw }

        var description: String {
            "Sapuan: \(endingSoon) akan berakhir, \(reviewDue) perlu ditinjau, \(openedByLaw) terbuka demi hukum, "
                + "\(overdue) terlambat, \(deadlinesRecomputed) tenggat dihitung ulang."
                + (provisionalYears.isEmpty
                    ? ""
                    : " Peringatan: hari libur tahun \(provisionalYears.sorted().map(String.init).joined(separator: ", ")) belum ada; tanggal ini masih perkiraan.")
        }
    }

    /// Sweeps every body (or only `bodyIDs`) as of `now`.
    static func run(app: Application, now: Date, bodyIDs: Set<UUID>? = nil) async throws -> Report {
        var report = Report()
        let rules = app.dikelola.expiryRules
        for body in try await PublicBody.query(on: app.db).all() where bodyIDs?.contains(body.storedID) ?? true {
            let bodyID = try body.requireID()
            let today = body.zone.localDate(of: now)
            let part = try await app.writeTransaction { db -> Report in
                guard try await lock(bodyID, on: db) else { return Report() }  // another instance is sweeping this body
                let refreshed = try await DeadlineRefresh.run(body: body, services: app.dikelola, now: now, on: db)
                var part = try await sweep(bodyID: bodyID, today: today, rules: rules, now: now, on: db)
                part.deadlinesRecomputed = refreshed.entries + refreshed.proposals + refreshed.actions
                if part.changes > 0 {
                    try await Publisher.record(
                        services: app.dikelola,
                        bodyID: bodyID,
                        reason:
                            "Sapuan harian \(IndonesianFormat.date(today)): \(part.endingSoon) akan berakhir, \(part.reviewDue) perlu ditinjau, \(part.openedByLaw) terbuka demi hukum",
                        now: now, actor: nil, on: db)
                }
                if let current = try await PublicBody.find(bodyID, on: db), (current.lastSweptOn ?? .epoch) < today {
                    current.lastSweptOn = today
                    try await current.save(on: db)
                }
                return part
            }
            report.endingSoon += part.endingSoon
            report.reviewDue += part.reviewDue
            report.openedByLaw += part.openedByLaw
            report.overdue += part.overdue
            report.deadlinesRecomputed += part.deadlinesRecomputed
            report.provisionalYears.formUnion(part.provisionalYears)
        }
        return report
    }

    private static func sweep(bodyID: UUID, today: LocalDate, rules: ExpiryRules, now: Date, on db: any Database) async throws
        -> Report
    {
        var report = Report()
        let entries = try await candidates(bodyID: bodyID, today: today, rules: rules, on: db)
        var places: [UUID: Authorization.Place] = [:]
        for entry in entries {
            let previous = entry.status.rawValue
            let assessment = rules.assess(
                endDate: entry.endDate,
                reviewDate: entry.reviewDate, today: today)
            report.provisionalYears.formUnion(assessment.provisionalYears)
            let event: (action: AuditAction, summary: String)?
            switch assessment.status {
            case .exempted:
                event = nil
            case let .endingSoon(_, due):
                guard entry.status != .endingSoon else {
                    report.overdue += try await remindIfOverdue(entry, today: today, bodyID: bodyID, places: &places, on: db) ? 1 : 0
                    continue
                }
                entry.status = .endingSoon
                entry.openingDecreeDue = due
                report.endingSoon += 1
                event = (
                    .registerEndingSoon,
                    "akan berakhir \(entry.endDate?.iso ?? ""); surat pembukaan paling lambat \(IndonesianFormat.date(due))"
                )
            case let .reviewDue(since):
                guard entry.status != .reviewDue else {
                    report.overdue += try await remindIfOverdue(entry, today: today, bodyID: bodyID, places: &places, on: db) ? 1 : 0
                    continue
                }
                entry.status = .reviewDue
                report.reviewDue += 1
                event = (.registerReviewDue, "perlu ditinjau sejak \(IndonesianFormat.date(since))")
            case let .expired(on):
                // PP 61/2010 Ps 11(3): no opening decree came; public by law on the end date.
                try await entry.open(on: on, by: nil, dipFields: nil, information: nil, db: db)
                report.openedByLaw += 1
                event = (
                    .registerOpenedByLaw, "terbuka demi hukum sejak \(IndonesianFormat.date(on)) (PP 61/2010 Pasal 11 ayat 3)"
                )
            }
            guard let event else { continue }
            try await entry.save(on: db)
            let place = try await place(of: entry, bodyID: bodyID, known: &places, on: db)
            try await tell(
                entry, event: event.action, provisionalYears: assessment.provisionalYears, place: place, bodyID: bodyID, now: now,
                on: db)
            try await AuditLog.record(
                AuditChain.Draft(
                    occurredAt: now, actorID: AuditLog.systemActor, actorRole: nil, action: event.action,
                    targetType: .registerEntry, targetID: entry.id?.uuidString, bodyID: bodyID.uuidString,
                    summaryBefore: previous, summaryAfter: "\(entry.registerNumber): \(event.summary)"),
                on: db)
        }
        return report
    }

    /// Where an entry's unit sits, for who is told; each unit looked up once per sweep.
    private static func place(
        of entry: RegisterEntry, bodyID: UUID, known: inout [UUID: Authorization.Place], on db: any Database
    ) async throws -> Authorization.Place {
        if let place = known[entry.$unit.id] { return place }
        guard let unit = try await Unit.find(entry.$unit.id, on: db) else { return AccessQueries.place(ofBody: bodyID) }
        let place = try await AccessQueries.place(of: unit, on: db)
        known[entry.$unit.id] = place
        return place
    }

    /// An entry whose opening decree or review is late: the PPID and the head are told once that
    /// it is "terlambat". Returns whether it is late.
    private static func remindIfOverdue(
        _ entry: RegisterEntry, today: LocalDate, bodyID: UUID, places: inout [UUID: Authorization.Place],
        on db: any Database
    ) async throws -> Bool {
        guard entry.isOverdue(on: today) else { return false }
        let place = try await place(of: entry, bodyID: bodyID, known: &places, on: db)
        let what =
            entry.status == .reviewDue
            ? "peninjauan yang jatuh pada \(entry.reviewDate.map(IndonesianFormat.date) ?? "—")"
            : "surat pembukaan yang paling lambat \(entry.openingDecreeDue.map(IndonesianFormat.date) ?? "—")"
        try await Notifier.tell(
            .init(
                kind: .overdue, text: "TERLAMBAT: \(entry.registerNumber) \(entry.title) — \(what) belum dilakukan",
                link: SiteURL.unitEnding(entry.$unit.id).path, dedupeKey: "entry:\(entry.storedID.uuidString):overdue"),
            roles: [.mainPPID, .assistantPPID, .head], place: place, bodyID: bodyID, on: db)
        return true
    }

    /// The PPID and the head of the unit hear of every entry ending soon, due for review or opened;
    /// the body's webhook too.
    private static func tell(
        _ entry: RegisterEntry, event: AuditAction, provisionalYears: [Int], place: Authorization.Place, bodyID: UUID,
        now: Date, on db: any Database
    ) async throws {
        let id = entry.storedID.uuidString
        let ends = entry.endDate.map(IndonesianFormat.date) ?? ""
        switch event {
        case .registerEndingSoon:
            let years = provisionalYears.map(String.init).joined(separator: ", ")
            let due =
                (entry.openingDecreeDue.map(IndonesianFormat.date) ?? "")
                + (years.isEmpty ? "" : " (perkiraan: hari libur tahun \(years) belum ditetapkan)")
            try await Notifier.tell(
                .init(
                    kind: .endingSoon,
                    text: "\(entry.registerNumber) \(entry.title) akan berakhir \(ends); surat pembukaan paling lambat \(due)",
                    link: SiteURL.unitEnding(entry.$unit.id).path, dedupeKey: "entry:\(id):endingSoon"),
                roles: [.mainPPID, .assistantPPID, .head], place: place, bodyID: bodyID, on: db)
            try await Notifier.emit(
                "register.endingSoon",
                data: [
                    "registerNumber": entry.registerNumber, "title": entry.title, "endDate": entry.endDate?.iso ?? "",
                    "openingDecreeDue": entry.openingDecreeDue?.iso ?? "",
                ], bodyID: bodyID, now: now, on: db)
        case .registerReviewDue:
            try await Notifier.tell(
                .init(
                    kind: .reviewDue,
                    text: "\(entry.registerNumber) \(entry.title) perlu ditinjau: apakah peristiwanya sudah terjadi?",
                    link: SiteURL.unitEnding(entry.$unit.id).path, dedupeKey: "entry:\(id):reviewDue:\(entry.reviewDate?.iso ?? "")"),
                roles: [.mainPPID, .assistantPPID, .head], place: place, bodyID: bodyID, on: db)
            try await Notifier.emit(
                "register.reviewDue",
                data: ["registerNumber": entry.registerNumber, "title": entry.title, "reviewDate": entry.reviewDate?.iso ?? ""],
                bodyID: bodyID, now: now, on: db)
        default:
            try await PeriodActionService.tellOpened(
                entry, bodyID: bodyID, place: place, decreeNumber: nil,
                how: "demi hukum pada \(ends) (PP 61/2010 Pasal 11 ayat 3)", now: now, db: db)
        }
    }

    /// Only what `today` can change, each part through an index range of its own (one query with OR
    /// made SQLite walk every withheld entry of the body): withheld entries ending by the sweep
    /// horizon, those whose review date has come, and those already marked (for their reminders).
    static func candidates(bodyID: UUID, today: LocalDate, rules: ExpiryRules, on db: any Database) async throws
        -> [RegisterEntry]
    {
        func of(_ body: UUID) -> QueryBuilder<RegisterEntry> { RegisterEntry.query(on: db).filter(\.$body.$id == body) }
        var found = try await of(bodyID).filter(\.$status ~~ [.endingSoon, .reviewDue]).all()
        if let horizon = rules.sweepHorizon(on: today) {
            found += try await of(bodyID).filter(\.$status == .exempted).filter(\.$endDate <= horizon).all()
            found += try await of(bodyID).filter(\.$status == .exempted).filter(\.$reviewDate <= today).all()
        } else {
            found += try await of(bodyID).filter(\.$status == .exempted).all()
        }
        var seen: Set<UUID> = []
        return found.filter { entry in entry.id.map { seen.insert($0).inserted } ?? false }
    }

    /// One sweeper per body at a time across instances (PostgreSQL); SQLite writers queue anyway.
    private static func lock(_ bodyID: UUID, on db: any Database) async throws -> Bool {
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" else { return true }
        struct Row: Decodable { let locked: Bool }
        let row = try await sql.raw("SELECT pg_try_advisory_xact_lock(hashtext(\(bind: "sweep:" + bodyID.uuidString))) AS locked")
            .first(decoding: Row.self)
        return row?.locked ?? false
    }
}

/// Years in which a body's exemptions end (or their opening decrees fall due) but for which the
/// holiday file has no data: the administrator is warned instead of a silent guess.
enum HolidayCoverage {
    /// For one body, or every body when `bodyID` is nil (`/metrics`); each end date is counted once.
    static func missingYears(bodyID: UUID?, app: Application, on db: any Database) async throws -> [Int] {
        var withheld = RegisterEntry.query(on: db).filter(\.$status ~~ [.exempted, .endingSoon, .reviewDue])
        if let bodyID { withheld = withheld.filter(\.$body.$id == bodyID) }
        let ends = Set(try await withheld.unique().field(\.$endDate).all().compactMap(\.endDate))
        let rules = app.dikelola.expiryRules
        return ends.reduce(into: Set<Int>()) { $0.formUnion(rules.yearsWithoutHolidays(endingOn: $1)) }.sorted()
    }
}

extension RegisterEntry {
    /// Opens the entry on `date` — by `decree`, by an objection decision or a ruling (UU 14/2008
    /// Ps 11(2)), or by law when there is neither (PP 61/2010 Ps 11(3)) —
    /// and lists it in the DIP, with the fields the opening gave or, by law, its title: the item's
    /// description is internal (`PublicRegister`) and nobody reviews what opens by law.
    /// The caller saves the entry.
    func open(
        on date: LocalDate, by decree: Decree?, ruling: Ruling? = nil, dipFields: PeriodActionItem?, information: ProposalItem?,
        db: any Database
    ) async throws {
        status = .opened
        openedOn = date
        openedByLaw = decree == nil && ruling == nil
        openingDecreeID = decree?.id
        openingRulingID = ruling?.id
        var information = information
        if information == nil { information = try await ProposalItem.find($item.id, on: db) }
        let dip = PublicInformationEntry()
        dip.$body.id = $body.id
        dip.$unit.id = $unit.id
        dip.$item.id = $item.id
        dip.summary = dipFields?.summary ?? title
        dip.responsible = dipFields?.responsible
        dip.retention = dipFields?.retention
        dip.madeWhen = information?.madeWhen
        dip.madeWhere = information?.madeWhere
        dip.form = information?.form ?? .both
        dip.source = ruling != nil ? .openedByRuling : decree == nil ? .openedByLaw : .openedByDecree
        dip.openedOn = date
        dip.decreeID = decree?.id
        dip.rulingID = ruling?.id
        try await dip.create(on: db)
    }
}
