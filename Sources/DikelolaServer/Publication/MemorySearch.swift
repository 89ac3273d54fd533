import DikelolaCore
import Fluent
import Foundation
import NIOConcurrencyHelpers
import SQLKit

/// The public search answered from memory (`RegisterSearch`), loaded from the search table and kept
/// current by publication: a version recorded here is seen by the next search, and one recorded by
/// another instance within `interval` seconds, when a search compares each body's latest version
/// number with the one it loaded. Until it is loaded, or if loading fails, searches are answered by
/// the database (`SearchIndex.search`), which gives the same answers, slower.
final class MemorySearch: Sendable {
    static let interval: TimeInterval = 2
    /// How long a version recorded here keeps each search looking: its transaction may still be open.
    static let pending: TimeInterval = 5

    private struct State {
        var index: RegisterSearch?
        var versions: [UUID: Int] = [:]
        var checkedAt = Date.distantPast
        var recordedAt: Date?
        var checking = false
    }

    private let state = NIOLockedValueBox(State())
    private let changed: @Sendable () -> Void

    init(changed: @escaping @Sendable () -> Void = {}) { self.changed = changed }

    /// A version was recorded here: the next searches look for it.
    func markRecorded(now: Date = Date()) { state.withLockedValue { $0.recordedAt = now } }

    var loaded: RegisterSearch? { state.withLockedValue { $0.index } }

    /// The index brought up to date when a look is due; nil when none is loaded and another search
    /// is loading it (that search's caller answers from the database meanwhile).
    func current(on db: any Database, now: Date = Date()) async throws -> RegisterSearch? {
        let due: Bool = state.withLockedValue { state in
            let recent = state.recordedAt.map { now.timeIntervalSince($0) < Self.pending } ?? false
            let due = state.index == nil || recent || now.timeIntervalSince(state.checkedAt) >= Self.interval || now < state.checkedAt
            guard due, !state.checking else { return false }
            state.checking = true
            return true
        }
        guard due else { return loaded }
        do {
            try await refresh(on: db, now: now)
        } catch {
            state.withLockedValue { $0.checking = false }
            throw error
        }
        return loaded
    }

    /// Loads the bodies whose latest version differs from the one loaded (every body the first time).
    private func refresh(on db: any Database, now: Date) async throws {
        guard let sql = db as? any SQLDatabase else { throw SearchIndexError.notSQL }
        struct Latest: Decodable {
            let body_id: UUID
            let version: Int
        }
        let latest = try await sql.raw("SELECT body_id, MAX(version) AS version FROM publications GROUP BY body_id")
            .all(decoding: Latest.self)
        let versions = Dictionary(latest.map { ($0.body_id, $0.version) }, uniquingKeysWith: max)
        let (known, index) = state.withLockedValue { ($0.versions, $0.index) }
        let updated = versions.filter { known[$0.key] != $0.value }.map(\.key)
        let gone = known.keys.filter { versions[$0] == nil }
        var next = index
        if index == nil || !updated.isEmpty {
            // The rows are read after the versions: a version recorded between the two is loaded
            // now and loaded again at the next look, never missed.
            let segments = try await Self.segments(of: index == nil ? nil : updated, on: sql)
            if var replaced = index {
                for key in updated { replaced = replaced.replacing(key.uuidString, with: segments[key.uuidString]) }
                next = replaced
            } else {
                next = RegisterSearch(segments: segments.map { (key: $0.key, segment: $0.value) })
            }
        }
        for key in gone { next = next?.replacing(key.uuidString, with: nil) }
        if index == nil || !updated.isEmpty || !gone.isEmpty { changed() }
        state.withLockedValue { state in
            state.index = next
            state.versions = versions
            state.checkedAt = now
            state.checking = false
            if !updated.isEmpty { state.recordedAt = nil }
        }
    }

    /// The search table's rows, of the given bodies or of all, as one segment per body: read a body
    /// at a time, so loading holds one body's rows beside the index, with repeated names shared.
    static func segments(of bodies: [UUID]?, on sql: any SQLDatabase) async throws -> [String: SearchSegment] {
        struct Body: Decodable { let body_id: String }
        let keys: [String]
        if let bodies {
            keys = bodies.map(\.uuidString)
        } else {
            keys = try await sql.raw("SELECT DISTINCT body_id FROM \(unsafeRaw: SearchIndex.table)").all(decoding: Body.self).map(\.body_id)
        }
        var segments: [String: SearchSegment] = [:]
        for key in keys {
            // A body whose version has no rows (every entry withdrawn) is an empty segment, not a stale one.
            segments[key] = SearchSegment(documents: try await documents(of: key, on: sql))
        }
        return segments
    }

    static func documents(of body: String, on sql: any SQLDatabase) async throws -> [SearchDocument] {
        struct Row: Decodable {
            let body_slug: String
            let body_name: String
            let entry_id: String
            let unit: String
            let ground: String
            let ground_letter: String
            let end_year: Int?
            let status: String
            let title: String
            let description: String
            let reason: String
            let consequences: String
            let end_date: String?
            let sort_key: String
        }
        var shared: [String: String] = [:]
        func one(_ text: String) -> String {
            if let known = shared[text] { return known }
            shared[text] = text
            return text
        }
        return try await sql.raw(
            """
            SELECT body_slug, body_name, entry_id, unit, ground, ground_letter, end_year, status, title, description, reason,
              consequences, end_date, sort_key FROM \(unsafeRaw: SearchIndex.table) WHERE body_id = \(bind: body)
            """
        ).all(decoding: Row.self).map { row in
            SearchDocument(
                bodySlug: one(row.body_slug), bodyName: one(row.body_name), entryID: row.entry_id, unit: one(row.unit),
                ground: one(row.ground), groundLetter: one(row.ground_letter), endYear: row.end_year, status: one(row.status),
                title: row.title, description: row.description, reason: row.reason, consequences: row.consequences,
                endDate: row.end_date.map(one), sortKey: row.sort_key)
        }
    }

    /// The answer to `filters` from `index`, in the shape of the database's answer.
    static func answer(_ filters: SearchIndex.Filters, from index: RegisterSearch) -> SearchIndex.Results {
        let answer = index.search(
            RegisterSearch.Query(
                terms: filters.terms, body: filters.body, unit: filters.unit, groundLetter: filters.groundLetter,
                endYear: filters.endYear, status: filters.status, offset: (filters.page - 1) * SearchIndex.Filters.pageSize,
                limit: SearchIndex.Filters.pageSize))
        return SearchIndex.Results(
            hits: answer.documents.map {
                SearchIndex.Hit(
                    body_slug: $0.bodySlug, body_name: $0.bodyName, entry_id: $0.entryID, unit: $0.unit, ground: $0.ground,
                    status: $0.status, title: $0.title, end_date: $0.endDate)
            }, total: answer.total)
    }
}
