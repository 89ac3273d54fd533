import DikelolaCore
import Fluent
import Foundation
import SQLKit

/// The words a correction of published versions leaves on them, in both languages.
enum PublicationCorrection {
    static let internalFields =
        "Versi ini ditulis ulang tanpa uraian informasi dan alasan uji konsekuensi: keduanya catatan internal, "
        + "bukan bagian dari Daftar Informasi yang Dikecualikan yang diumumkan. Isi daftar yang lain tidak berubah."
    static let internalFieldsEnglish =
        "This version was rewritten without the items' descriptions and the tests' reasons: both are internal notes, "
        + "not part of the published register. Nothing else in it changed."

    static func english(for text: String) -> String { text == internalFields ? internalFieldsEnglish : text }
}

/// Versions published before the public set was fixed carried two internal fields: the item's
/// description and the test's reason (`PublicRegister`). Each such version's snapshot is rewritten
/// without them (decoding drops what `PublicRegister.Entry` no longer holds), marked corrected, and
/// its files are written again by `PublicSite` (which rewrites a corrected version's folder once);
/// the search index is rebuilt from the corrected current versions, and the audit history records
/// the correction per body. Revert removes the columns only: the removed text is not put back.
struct UpdatePublicationRemoveInternalFields: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds one at a time.
        try await database.schema(Publication.schema).field("corrected_at", .datetime).update()
        try await database.schema(Publication.schema).field("correction", .string).update()
        try await Self.correct(on: database, now: Date())
    }

    /// The stored versions, with only the columns that existed when this migration was written:
    /// later migrations add columns this one must not ask for.
    static func versions(on database: any Database) -> QueryBuilder<Publication> {
        Publication.query(on: database).field(\.$id).field(\.$body.$id).field(\.$version).field(\.$snapshot)
            .field(\.$sha256).field(\.$correctedAt).field(\.$correction)
    }

    /// Rewrites every stored version that carries an internal field; returns how many.
    @discardableResult
    static func correct(on database: any Database, now: Date) async throws -> Int {
        var corrected: [UUID: [Int]] = [:]
        // The DIP row of an entry opened by law took its summary from the item's description.
        // Only the columns this migration knows: later ones add columns it must not ask for.
        let dips = try await PublicInformationEntry.query(on: database).filter(\.$source == .openedByLaw)
            .field(\.$id).field(\.$item.$id).field(\.$summary).all()
        for dip in dips {
            guard
                let entry = try await RegisterEntry.query(on: database).filter(\.$item.$id == dip.$item.id)
                    .field(\.$id).field(\.$title).first(),
                dip.summary != entry.title
            else { continue }
            dip.summary = entry.title
            try await dip.save(on: database)
        }
        for publication in try await Self.versions(on: database).sort(\.$version).all() {
            guard Self.carriesInternalFields(publication.snapshot) else { continue }
            // Only whole snapshots carry them: versions stored by digest were made without them.
            var register = try JSONDecoder().decode(PublicRegister.self, from: Data(publication.snapshot.utf8))
            for index in register.entries.indices where register.entries[index].openedByLaw {
                register.entries[index].summary = register.entries[index].title
            }
            let text = try Publisher.encode(register)
            publication.snapshot = text
            publication.sha256 = RandomToken.sha256Hex(text)
            publication.correctedAt = now
            publication.correction = PublicationCorrection.internalFields
            try await publication.save(on: database)
            corrected[publication.$body.id, default: []].append(publication.version)
        }
        for (bodyID, versions) in corrected.sorted(by: { $0.key.uuidString < $1.key.uuidString }) {
            if let latest = try await Self.versions(on: database).filter(\.$body.$id == bodyID).sort(\.$version, .descending)
                .first()
            {
                try await SearchIndex.update(
                    bodyID: bodyID, register: try await Publisher.register(of: latest, on: database), previous: nil, on: database)
            }
            try await AuditLog.record(
                AuditChain.Draft(
                    occurredAt: now, actorID: AuditLog.systemActor, actorRole: nil, action: .publicationCorrection,
                    targetType: .publicBody, targetID: bodyID.uuidString, bodyID: bodyID.uuidString,
                    summaryAfter: "versi \(versions.map(String.init).joined(separator: ", ")) ditulis ulang tanpa uraian dan alasan"),
                on: database)
        }
        return corrected.values.map(\.count).reduce(0, +)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Publication.schema).deleteField("corrected_at").update()
        try await database.schema(Publication.schema).deleteField("correction").update()
    }

    /// Whether a stored snapshot has an entry with a `description` or `reason`, or an entry opened
    /// by law whose DIP summary is more than its title (it was the title and the description).
    static func carriesInternalFields(_ snapshot: String) -> Bool {
        guard let object = try? JSONSerialization.jsonObject(with: Data(snapshot.utf8)) as? [String: Any],
            let entries = object["entries"] as? [[String: Any]]
        else { return false }
        return entries.contains { entry in
            if entry["description"] != nil || entry["reason"] != nil { return true }
            guard entry["openedByLaw"] as? Bool == true, let summary = entry["summary"] as? String else { return false }
            return summary != entry["title"] as? String
        }
    }
}
