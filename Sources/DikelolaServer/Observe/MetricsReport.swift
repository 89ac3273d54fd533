import DikelolaCore
import Fluent
import Foundation
import SQLKit
import Vapor

/// The state of the register and of this instance, read at each scrape: a few grouped counts, one
/// query per body at most, so a scrape stays cheap at a million entries.
struct MetricsReport {
    private(set) var text = ""

    static func gather(_ app: Application, now: Date) async throws -> MetricsReport {
        var report = MetricsReport()
        let db = app.db
        let bodies = try await PublicBody.query(on: db).all()
        report.background(app.dikelola.background.snapshot)

        report.family("dikelola_sweep_last_day_timestamp_seconds", "gauge", "Start of the last day each body was swept, in its zone.")
        for body in bodies {
            guard let day = body.lastSweptOn else { continue }
            report.sample(["body": body.slug], body.zone.startOfDay(day).timeIntervalSince1970)
        }
        try await report.entries(bodies, app: app, now: now)
        try await report.webhooks(db)
        try await report.publication(bodies, app: app, now: now)
        try await report.holidays(app)
        return report
    }

    private mutating func background(_ state: BackgroundState.Snapshot) {
        family("dikelola_background_last_tick_timestamp_seconds", "gauge", "Last round of this instance's background loop (sweep, publication, housekeeping).")
        if let tick = state.lastTick { sample([:], tick.timeIntervalSince1970) }
        family("dikelola_webhook_last_tick_timestamp_seconds", "gauge", "Last round of this instance's webhook sender.")
        if let tick = state.lastWebhookTick { sample([:], tick.timeIntervalSince1970) }
    }

    /// Entries by status; ending soon; those whose opening decree is late (PP 61/2010 Ps 11(2));
    /// those past their end date yet not opened (a sweep that did not run, Ps 11(3)).
    private mutating func entries(_ bodies: [PublicBody], app: Application, now: Date) async throws {
        struct Row: Decodable { let body_id: UUID; let status: String; let n: Int }
        let rows: [Row] =
            if let sql = app.db as? any SQLDatabase {
                try await sql.raw(
                    "SELECT body_id, status, count(*) AS n FROM \(ident: RegisterEntry.schema) GROUP BY body_id, status"
                ).all(decoding: Row.self)
            } else { [] }
        let slugs = Dictionary(bodies.compactMap { body in body.id.map { ($0, body.slug) } }, uniquingKeysWith: { a, _ in a })
        family("dikelola_register_entries", "gauge", "Register entries by body and status.")
        for row in rows { sample(["body": slugs[row.body_id] ?? row.body_id.uuidString, "status": row.status], Double(row.n)) }

        var late: [(String, Int)] = [], pastEnd: [(String, Int)] = []
        for body in bodies {
            let today = body.zone.localDate(of: now)
            let id = try body.requireID()
            let withheld: [RegisterEntryStatus] = [.exempted, .endingSoon, .reviewDue]
            late.append((body.slug, try await RegisterEntry.query(on: app.db).filter(\.$body.$id == id)
                .filter(\.$status ~~ withheld).filter(\.$openingDecreeDue < today).count()))
            pastEnd.append((body.slug, try await RegisterEntry.query(on: app.db).filter(\.$body.$id == id)
                .filter(\.$status ~~ withheld).filter(\.$endDate < today).count()))
        }
        family("dikelola_entries_opening_decree_overdue", "gauge", "Withheld entries whose opening decree is past due (PP 61/2010 Ps 11(2)).")
        for (slug, count) in late { sample(["body": slug], Double(count)) }
        family("dikelola_entries_past_end_not_opened", "gauge", "Withheld entries past their end date: the sweep has not opened them (Ps 11(3)).")
        for (slug, count) in pastEnd { sample(["body": slug], Double(count)) }
    }

    private mutating func webhooks(_ db: any Database) async throws {
        family("dikelola_webhook_deliveries", "gauge", "Webhook events by delivery state (pending includes those waiting for a retry).")
        for status in DeliveryStatus.allCases {
            sample(["state": status.rawValue], Double(try await WebhookDelivery.query(on: db).filter(\.$status == status).count()))
        }
    }

    /// The latest version recorded per body, the version this instance's folder serves, and how
    /// long the oldest version not yet written has waited.
    private mutating func publication(_ bodies: [PublicBody], app: Application, now: Date) async throws {
        var latest: [(String, Int)] = [], served: [(String, Int)] = [], lag: [(String, Double)] = []
        for body in bodies {
            let id = try body.requireID()
            let newest = try await Publication.query(on: app.db).filter(\.$body.$id == id).sort(\.$version, .descending)
                .field(\.$version).first()?.version ?? 0
            let written = PublicSite.servedVersion(app, slug: body.slug) ?? 0
            latest.append((body.slug, newest))
            served.append((body.slug, written))
            var waited = 0.0
            if written < newest,
                let next = try await Publication.query(on: app.db).filter(\.$body.$id == id)
                    .filter(\.$version == written + 1).field(\.$publishedAt).first()
            {
                waited = max(0, now.timeIntervalSince(next.publishedAt))
            }
            lag.append((body.slug, waited))
        }
        family("dikelola_publication_version", "gauge", "The latest public-register version recorded per body.")
        for (slug, version) in latest { sample(["body": slug], Double(version)) }
        family("dikelola_publication_served_version", "gauge", "The version this instance's publication folder serves.")
        for (slug, version) in served { sample(["body": slug], Double(version)) }
        family("dikelola_publication_lag_seconds", "gauge", "How long the oldest version not yet in this instance's folder has waited.")
        for (slug, seconds) in lag { sample(["body": slug], seconds) }
    }

    /// Years in which withheld entries end or their opening decrees fall due, without holiday data.
    private mutating func holidays(_ app: Application) async throws {
        let years = try await HolidayCoverage.missingYears(bodyID: nil, app: app, on: app.db)
        family("dikelola_holiday_years_missing", "gauge", "Years the register reaches for which the holiday file has no data.")
        sample([:], Double(years.count))
        family("dikelola_holiday_year_missing", "gauge", "1 for each such year.")
        for year in years { sample(["year": String(year)], 1) }
    }

    // MARK: The text format

    private mutating func family(_ name: String, _ type: String, _ help: String) {
        current = name
        text += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n"
    }

    private var current = ""

    private mutating func sample(_ labels: [String: String], _ value: Double) {
        let rendered = labels.sorted { $0.key < $1.key }.map { "\($0.key)=\"\(Self.escaped($0.value))\"" }
        let number = value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
        text += current + (rendered.isEmpty ? "" : "{\(rendered.joined(separator: ","))}") + " \(number)\n"
    }

    /// A label value as the format requires: backslash, double quote and line feed escaped.
    static func escaped(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }
}
