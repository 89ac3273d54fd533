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

        var description: String {
            "Sapuan: \(endingSoon) akan berakhir, \(reviewDue) perlu ditinjau, \(openedByLaw) terbuka demi hukum."
                + (provisionalYears.isEmpty
                    ? ""
                    : " Peringatan: hari libur tahun \(provisionalYears.sorted().map(String.init).joined(separator: ", ")) belum ada; tanggal dihitung sementara.")
        }
    }

    static func run(app: Application, now: Date) async throws -> Report {
        var report = Report()
        let rules = ExpiryRules(calendar: app.dikelola.calendar)
        for body in try await PublicBody.query(on: app.db).all() {
            let bodyID = try body.requireID()
            let today = (TimeZoneRegion(rawValue: body.timeZone) ?? .wib).localDate(of: now)
            let part = try await app.writeTransaction { db -> Report in
                guard try await lock(bodyID, on: db) else { return Report() }  // another instance is sweeping this body
                return try await sweep(bodyID: bodyID, today: today, rules: rules, now: now, on: db)
            }
            report.endingSoon += part.endingSoon
            report.reviewDue += part.reviewDue
            report.openedByLaw += part.openedByLaw
            report.provisionalYears.formUnion(part.provisionalYears)
        }
        return report
    }

    private static func sweep(bodyID: UUID, today: LocalDate, rules: ExpiryRules, now: Date, on db: any Database) async throws
        -> Report
    {
        var report = Report()
        let entries = try await RegisterEntry.query(on: db).filter(\.$body.$id == bodyID).filter(\.$status != "opened").all()
        for entry in entries {
            let previous = entry.status
            let assessment = rules.assess(
                endDate: entry.endDate.flatMap(LocalDate.init(iso:)),
                reviewDate: entry.reviewDate.flatMap(LocalDate.init(iso:)), today: today)
            report.provisionalYears.formUnion(assessment.provisionalYears)
            let event: (action: String, summary: String)?
            switch assessment.status {
            case .exempted:
                event = nil
            case let .endingSoon(_, due):
                guard entry.status != "endingSoon" else { continue }
                entry.status = "endingSoon"
                entry.openingDecreeDue = due.iso
                report.endingSoon += 1
                event = (
                    "register.endingSoon",
                    "akan berakhir \(entry.endDate ?? ""); surat pembukaan paling lambat \(IndonesianFormat.date(due))"
                )
            case let .reviewDue(since):
                guard entry.status != "reviewDue" else { continue }
                entry.status = "reviewDue"
                report.reviewDue += 1
                event = ("register.reviewDue", "perlu ditinjau sejak \(IndonesianFormat.date(since))")
            case let .expired(on):
                // PP 61/2010 Ps 11(3): no opening decree came; public by law on the end date.
                entry.status = "opened"
                entry.openedOn = on.iso
                entry.openedByLaw = true
                report.openedByLaw += 1
                try await openIntoDIP(entry, on: db)
                event = (
                    "register.openedByLaw", "terbuka demi hukum sejak \(IndonesianFormat.date(on)) (PP 61/2010 Pasal 11 ayat 3)"
                )
            }
            guard let event else { continue }
            try await entry.save(on: db)
            try await AuditLog.record(
                AuditChain.Draft(
                    occurredAt: now, actorID: AuditLog.systemActor, actorRole: nil, action: event.action,
                    targetType: "registerEntry", targetID: entry.id?.uuidString, bodyID: bodyID.uuidString,
                    summaryBefore: previous, summaryAfter: "\(entry.registerNumber): \(event.summary)"),
                on: db)
        }
        return report
    }

    private static func openIntoDIP(_ entry: RegisterEntry, on db: any Database) async throws {
        let item = try await ProposalItem.find(entry.$item.id, on: db)
        let dip = PublicInformationEntry()
        dip.$body.id = entry.$body.id
        dip.$unit.id = entry.$unit.id
        dip.$item.id = entry.$item.id
        dip.summary = entry.title + (item.map { $0.description.isEmpty ? "" : " — \($0.description)" } ?? "")
        dip.madeWhen = item?.madeWhen
        dip.madeWhere = item?.madeWhere
        dip.form = item?.form ?? "both"
        dip.source = "openedByLaw"
        try await dip.create(on: db)
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
