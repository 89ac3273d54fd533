import DikelolaCore
import Fluent
import Foundation
import SQLKit

/// Full-text search over the current published version of every body's register: SQLite FTS5 on
/// the embedded default, PostgreSQL full-text search (`simple` configuration, which suits Bahasa
/// Indonesia) on PostgreSQL. Rows are replaced in the transaction that records a version, so search
/// always answers from exactly what is published, and nothing else is indexed.
struct SearchIndexError: Error, CustomStringConvertible {
    static let notSQL = SearchIndexError()
    var description: String { "Pencarian memerlukan basis data SQL (SQLite atau PostgreSQL)." }
}

enum SearchIndex {
    static let table = "public_search_entries"
    static let fts = "public_search_fts"

    /// Brings the body's rows to `register` (its newly published version): only the entries that
    /// changed since `previous`, or all of them for a first version — so a publication holds its
    /// transaction for milliseconds even for a body with thousands of entries.
    static func update(bodyID: UUID, register: PublicRegister, previous: PublicRegister?, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        let postgres = sql.dialect.name == "postgresql"
        let body = bodyID.uuidString
        let changes = register.changes(since: previous)
        let gone = Set(changes.opened.map(\.id) + changes.changed.map(\.after.id) + changes.removed.map(\.id))
        let fresh = changes.added + changes.opened + changes.changed.map(\.after)
        if previous == nil {
            if !postgres {
                try await sql.raw(
                    "DELETE FROM \(unsafeRaw: fts) WHERE rowid IN (SELECT row_id FROM \(unsafeRaw: table) WHERE body_id = \(bind: body))"
                ).run()
            }
            try await sql.raw("DELETE FROM \(unsafeRaw: table) WHERE body_id = \(bind: body)").run()
        } else {
            for ids in Array(gone).chunked(into: 200) {
                if !postgres {
                    try await sql.raw(
                        "DELETE FROM \(unsafeRaw: fts) WHERE rowid IN (SELECT row_id FROM \(unsafeRaw: table) WHERE body_id = \(bind: body) AND entry_id IN (\(binds: ids)))"
                    ).run()
                }
                try await sql.raw(
                    "DELETE FROM \(unsafeRaw: table) WHERE body_id = \(bind: body) AND entry_id IN (\(binds: ids))"
                ).run()
            }
        }
        for entry in fresh {
            let consequences = entry.ifOpened + " " + entry.ifClosed
            // Only published fields: the DIP's summary once opened; the item's description and the
            // test's reason are internal (`PublicRegister`), and their columns stay empty.
            let description = entry.summary ?? ""
            let reason = ""
            // The register's own order: by the end of the period, then by number.
            let sortKey = "\((entry.endDate ?? entry.reviewDate)?.iso ?? "9999-12-31") \(entry.id)"
            let values: [any Encodable & Sendable] = [
                body, register.body.slug, register.body.name, entry.id, entry.unit, entry.ground,
                String(entry.groundCode.prefix(1)), entry.endDate?.year, entry.status.rawValue, entry.title, description,
                reason, consequences, entry.endDate?.iso, sortKey,
            ]
            var query = SQLQueryString(
                "INSERT INTO \(unsafeRaw: table) (body_id, body_slug, body_name, entry_id, unit, ground, ground_letter, end_year, status, title, description, reason, consequences, end_date, sort_key) VALUES ("
            )
            for (position, value) in values.enumerated() {
                if position > 0 { query.appendLiteral(", ") }
                query.appendInterpolation(bind: value)
            }
            query.appendLiteral(")")
            if postgres {
                try await sql.raw(query).run()
            } else {
                query.appendLiteral(" RETURNING row_id")
                struct Row: Decodable { let row_id: Int }
                guard let row = try await sql.raw(query).first(decoding: Row.self) else { continue }
                try await sql.raw(
                    """
                    INSERT INTO \(unsafeRaw: fts) (rowid, title, description, reason, consequences, entry_id, facets)
                    VALUES (\(bind: row.row_id), \(bind: entry.title), \(bind: description), \(bind: reason), \(bind: consequences), \(bind: entry.id),
                      \(bind: SearchFacets.words(body: register.body.slug, unit: entry.unit, groundLetter: String(entry.groundCode.prefix(1)), endYear: entry.endDate?.year, status: entry.status.rawValue).joined(separator: " ")))
                    """
                ).run()
            }
        }
    }

    /// The filters as tokens of the full-text index (SQLite), in a column of their own
    /// (`SearchFacets`: `b<slug in hex> u<unit in hex> g<letter> y<year> s<status>`). Hex keeps every
    /// token one word for the tokenizer whatever the name holds; the migration `UpdateSearchIndexAddFacets`
    /// writes the same tokens in SQL.
    enum Facets {
        static let textColumns = "{title description reason consequences entry_id}"

        /// The facet terms of a search's filters, each `facets : "token"`.
        static func query(_ filters: Filters) -> [String] {
            SearchFacets.words(
                body: filters.body, unit: filters.unit, groundLetter: filters.groundLetter, endYear: filters.endYear,
                status: filters.status
            ).map { "facets : \"\($0)\"" }
        }
    }

    // MARK: Querying

    struct Filters: Hashable, Sendable {
        var text = ""
        var body: String?
        var unit: String?
        var groundLetter: String?
        var endYear: Int?
        var status: String?
        var page = 1

        static let pageSize = 20
        static let maximumPage = 500
        static let maximumTextLength = 200
        static let maximumTerms = 8

        /// The words searched for: letters and digits only, so quotes, FTS operators and SQL
        /// fragments are plain words; each matches as a prefix.
        var terms: [String] {
            Array(
                text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map { String($0.prefix(40)) }
                    .filter { !$0.isEmpty }.prefix(Self.maximumTerms))
        }

        /// Reads the query string; a wrong value is named in Bahasa Indonesia.
        static func parse(_ query: [String: String]) -> Result<Filters, SearchProblem> {
            var filters = Filters()
            func value(_ name: String) -> String? {
                query[name].map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
            }
            let text = value("q") ?? ""
            guard text.count <= maximumTextLength else {
                return .failure(
                    .init(
                        field: "q", message: "Kata pencarian terlalu panjang: paling banyak \(maximumTextLength) huruf.",
                        english: "The search words are too long: \(maximumTextLength) characters at most."))
            }
            filters.text = text
            filters.body = value("badan")
            filters.unit = value("unit")
            if let ground = value("dasar") {
                guard ground.count == 1, let letter = ExemptionGround.Letter(rawValue: ground.lowercased()) else {
                    return .failure(
                        .init(
                            field: "dasar", message: "Dasar hukum ditulis satu huruf Pasal 17, a sampai j.",
                            english: "The legal ground is one letter of Article 17, a to j."))
                }
                filters.groundLetter = letter.rawValue
            }
            if let year = value("tahun") {
                guard let number = Int(year), (1900...2200).contains(number) else {
                    return .failure(
                        .init(
                            field: "tahun", message: "Tahun berakhir harus tahun empat angka, misalnya 2030.",
                            english: "The end year is a year of four digits, e.g. 2030."))
                }
                filters.endYear = number
            }
            if let status = value("keadaan") {
                guard PublicRegister.Entry.Status(rawValue: status) != nil else {
                    return .failure(
                        .init(
                            field: "keadaan", message: "Keadaan harus salah satu dari: exempted, endingSoon, reviewDue, opened.",
                            english: "The status is one of: exempted, endingSoon, reviewDue, opened."))
                }
                filters.status = status
            }
            if let page = value("halaman") {
                guard let number = Int(page), (1...maximumPage).contains(number) else {
                    return .failure(
                        .init(
                            field: "halaman", message: "Nomor halaman harus bilangan 1 sampai \(maximumPage).",
                            english: "The page number is a whole number from 1 to \(maximumPage)."))
                }
                filters.page = number
            }
            return .success(filters)
        }
    }

    struct SearchProblem: Error, Equatable {
        let field: String
        let message: String
        let english: String
    }

    struct Hit: Decodable, Sendable {
        let body_slug: String
        let body_name: String
        let entry_id: String
        let unit: String
        let ground: String
        let status: String
        let title: String
        let end_date: String?
    }

    struct Results: Sendable {
        let hits: [Hit]
        let total: Int
    }

    static func search(_ filters: Filters, on db: any Database) async throws -> Results {
        guard let sql = db as? any SQLDatabase else { return Results(hits: [], total: 0) }
        let postgres = sql.dialect.name == "postgresql"
        let terms = filters.terms
        var conditions: [SQLQueryString] = []
        if let body = filters.body { conditions.append("e.body_slug = \(bind: body)") }
        if let unit = filters.unit { conditions.append("e.unit = \(bind: unit)") }
        if let letter = filters.groundLetter { conditions.append("e.ground_letter = \(bind: letter)") }
        if let year = filters.endYear { conditions.append("e.end_year = \(bind: year)") }
        if let status = filters.status { conditions.append("e.status = \(bind: status)") }
        var with: SQLQueryString = ""
        var from: SQLQueryString = "\(unsafeRaw: table) e"
        var order: SQLQueryString = "e.sort_key"
        if !terms.isEmpty {
            if postgres {
                let query = terms.map { "\($0):*" }.joined(separator: " & ")
                conditions.append("e.document @@ to_tsquery('simple', \(bind: query))")
                order = "ts_rank(e.document, to_tsquery('simple', \(bind: query))) DESC, e.sort_key"
            } else {
                // SQLite: the full-text match is evaluated once, then its rows are looked up by key and
                // filtered. Joined the other way, with a filter narrowing the table first, FTS5 was
                // asked to match again for every row (0.7 s at 100,000 entries).
                // The filters are facet tokens in the index too, so FTS5 ranks only the rows that pass them.
                let words = terms.map { "\"\($0)\"*" }.joined(separator: " ")
                let match = ([Facets.textColumns + " : (" + words + ")"] + Facets.query(filters)).joined(separator: " AND ")
                with =
                    "WITH f AS MATERIALIZED (SELECT rowid AS rid, bm25(\(unsafeRaw: fts)) AS rank FROM \(unsafeRaw: fts) WHERE \(unsafeRaw: fts) MATCH \(bind: match)) "
                from = "f JOIN \(unsafeRaw: table) e ON e.row_id = f.rid"
                order = "f.rank, e.sort_key"
            }
        }
        var whereClause: SQLQueryString = ""
        for (index, condition) in conditions.enumerated() {
            whereClause.appendLiteral(index == 0 ? " WHERE " : " AND ")
            whereClause.appendInterpolation(condition)
        }
        struct Count: Decodable { let total: Int }
        struct CountedHit: Decodable {
            let total: Int
            let hit: Hit
            init(from decoder: any Decoder) throws {
                total = try Count(from: decoder).total
                hit = try Hit(from: decoder)
            }
        }
        let offset = (filters.page - 1) * Filters.pageSize
        // One pass gives the page and the count of all matches.
        let rows = try await sql.raw(
            """
            \(with)SELECT e.body_slug, e.body_name, e.entry_id, e.unit, e.ground, e.status, e.title, e.end_date, COUNT(*) OVER () AS total
            FROM \(from)\(whereClause) ORDER BY \(order) LIMIT \(unsafeRaw: String(Filters.pageSize)) OFFSET \(unsafeRaw: String(offset))
            """
        ).all(decoding: CountedHit.self)
        if let first = rows.first { return Results(hits: rows.map(\.hit), total: first.total) }
        // A page past the last one: the count alone.
        let total =
            offset == 0
            ? 0 : try await sql.raw("\(with)SELECT COUNT(*) AS total FROM \(from)\(whereClause)").first(decoding: Count.self)?.total ?? 0
        return Results(hits: [], total: total)
    }
}

extension Array {
    func chunked(into size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
