import DikelolaCore
import Fluent
import Foundation
import SQLKit

/// How a version's snapshot is stored (issue 16, item 1): the body, and for each entry the SHA-256
/// of its JSON; each entry's JSON is kept once in `published_entries`, shared by every version
/// holding it unchanged. Versions recorded before this are whole (`PublicRegister` as JSON) and
/// read as they are. `Publication.sha256` stays the digest of the whole register's JSON, so what
/// a version is does not depend on how it is stored.
struct StoredSnapshot: Codable {
    let body: PublicRegister.Body
    let entryDigests: [String]
}

/// Reads and writes published entries by digest, remembering what it read: reading the 21 versions
/// a publication's feed needs fetches each distinct entry once.
final class PublishedEntries {
    static let table = "published_entries"
    private let sql: any SQLDatabase
    private var known: [String: PublicRegister.Entry] = [:]

    init(on db: any Database) throws {
        guard let sql = db as? any SQLDatabase else { throw SearchIndexError.notSQL }
        self.sql = sql
    }

    /// The stored form of `register`, its new entries written (those already kept are skipped).
    func store(_ register: PublicRegister) async throws -> String {
        let stored = Set(known.keys)  // read from the table by `register(of:)`
        var digests: [String] = []
        var texts: [String: String] = [:]
        for entry in register.entries {
            let text = try Publisher.canonicalJSON(entry)
            let digest = RandomToken.sha256Hex(text)
            digests.append(digest)
            texts[digest] = text
            known[digest] = entry
        }
        let present = try await existing(texts.keys.filter { !stored.contains($0) })
            .union(stored)
        for batch in texts.filter({ !present.contains($0.key) }).sorted(by: { $0.key < $1.key }).chunked(into: 200) {
            var query = SQLQueryString("INSERT INTO \(ident: Self.table) (sha256, entry) VALUES ")
            for (index, item) in batch.enumerated() {
                query.appendLiteral(index == 0 ? "(" : ", (")
                query.appendInterpolation(bind: item.key)
                query.appendLiteral(", ")
                query.appendInterpolation(bind: item.value)
                query.appendLiteral(")")
            }
            query.appendLiteral(" ON CONFLICT (sha256) DO NOTHING")
            try await sql.raw(query).run()
        }
        return try Publisher.canonicalJSON(StoredSnapshot(body: register.body, entryDigests: digests))
    }

    private func existing(_ digests: [String]) async throws -> Set<String> {
        struct Row: Decodable { let sha256: String }
        var found = Set<String>()
        for batch in digests.chunked(into: 500) {
            for row in try await sql.raw("SELECT sha256 FROM \(ident: Self.table) WHERE sha256 IN (\(binds: batch))")
                .all(decoding: Row.self)
            {
                found.insert(row.sha256)
            }
        }
        return found
    }

    /// The register a version holds, whole or stored by digest.
    func register(of publication: Publication) async throws -> PublicRegister {
        let data = Data(publication.snapshot.utf8)
        guard let stored = try? JSONDecoder().decode(StoredSnapshot.self, from: data) else {
            return try JSONDecoder().decode(PublicRegister.self, from: data)
        }
        let missing = Array(Set(stored.entryDigests.filter { known[$0] == nil }))
        struct Row: Decodable {
            let sha256: String
            let entry: String
        }
        for batch in missing.chunked(into: 500) {
            for row in try await sql.raw("SELECT sha256, entry FROM \(ident: Self.table) WHERE sha256 IN (\(binds: batch))")
                .all(decoding: Row.self)
            {
                known[row.sha256] = try JSONDecoder().decode(PublicRegister.Entry.self, from: Data(row.entry.utf8))
            }
        }
        let entries = try stored.entryDigests.map { digest in
            guard let entry = known[digest] else { throw PublishedEntriesError(digest: digest, version: publication.version) }
            return entry
        }
        return PublicRegister(body: stored.body, entries: entries)
    }
}

struct PublishedEntriesError: Error, CustomStringConvertible {
    let digest: String
    let version: Int
    var description: String { "Entri terbit \(digest.prefix(12))… dari versi \(version) tidak ada di \(PublishedEntries.table)." }
}
