import DikelolaCore
import Fluent
import Foundation
import SQLKit
import Vapor

/// Publishes a body's register: reads the public fields of its entries (and nothing else) into a
/// `PublicRegister`, and records a new numbered version when it differs from the last one — in the
/// transaction of the change that caused it, so a register change and its publication are saved
/// together. The public site's files are made from these versions (`PublicSite`).
enum Publisher {
    static func snapshot(bodyID: UUID, on db: any Database) async throws -> PublicRegister {
        guard let body = try await PublicBody.find(bodyID, on: db) else { throw Refusal.notFound }
        let entries = try await RegisterEntry.query(on: db).filter(\.$body.$id == bodyID)
            .filter(\.$status ~~ [.exempted, .endingSoon, .reviewDue, .opened])
            .with(\.$unit).with(\.$decree).all()
        let openingDecrees = Dictionary(
            uniqueKeysWithValues: try await Decree.query(on: db).filter(\.$id ~~ entries.compactMap(\.openingDecreeID)).all()
                .map { ($0.storedID, $0.number) })
        let openingRulings = Dictionary(
            try await Ruling.query(on: db).filter(\.$id ~~ entries.compactMap(\.openingRulingID)).all()
                .map { ($0.storedID, "\($0.citation) (UU 14/2008 Pasal 11 ayat 2)") },
            uniquingKeysWith: { first, _ in first })
        let dip = Dictionary(
            try await PublicInformationEntry.query(on: db).filter(\.$body.$id == bodyID)
                .filter(\.$item.$id ~~ entries.map { $0.$item.id }).all().map { ($0.$item.id, $0) },
            uniquingKeysWith: { first, _ in first })
        return PublicRegister(
            body: .init(slug: body.slug, name: body.name, timeZone: body.timeZone),
            entries: entries.map { entry in
                let ground = ExemptionGround(code: entry.groundCode)
                let period = try? JSONDecoder().decode(ExemptionPeriod.self, from: Data(entry.period.utf8))
                let opened = dip[entry.$item.id]
                return PublicRegister.Entry(
                    id: entry.registerNumber, title: entry.title,
                    unit: entry.unit.name, ground: ground?.citation ?? entry.groundCode, groundCode: entry.groundCode,
                    otherStatute: entry.otherStatute, partly: entry.verdict == .partlyClosed, ifOpened: entry.ifOpened,
                    ifClosed: entry.ifClosed, period: period?.indonesianDescription ?? "",
                    endDate: entry.endDate,
                    reviewDate: entry.reviewDate,
                    decreeNumber: entry.decree.number,
                    decreeDate: Optional(entry.decree.decreeDate) ?? LocalDate.epoch,
                    status: PublicRegister.Entry.Status(rawValue: entry.status.rawValue) ?? .exempted,
                    openedOn: entry.openedOn, openedByLaw: entry.openedByLaw,
                    openingDecreeNumber: entry.openingDecreeID.flatMap { openingDecrees[$0] },
                    summary: entry.status == .opened ? opened?.summary : nil,
                    responsible: entry.status == .opened ? opened?.responsible : nil,
                    retention: entry.status == .opened ? opened?.retention : nil, openPart: entry.openPart,
                    registeredFromEarlier: entry.decree.registeredFromEarlier,
                    openingRuling: entry.openingRulingID.flatMap { openingRulings[$0] })
            })
    }

    static func encode(_ register: PublicRegister) throws -> String { try canonicalJSON(register) }

    /// JSON with sorted keys, the form every stored snapshot and entry is digested in.
    static func canonicalJSON(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// The register a version holds (`PublishedEntries` reads it, whole or stored by digest).
    static func register(of publication: Publication, on db: any Database) async throws -> PublicRegister {
        try await PublishedEntries(on: db).register(of: publication)
    }

    /// Records a new version of the body's public register when it differs from the latest; call it
    /// in the transaction of the change. Returns the new version, or nil when nothing public changed.
    @discardableResult
    static func record(services: CoreServices, bodyID: UUID, reason: String, now: Date, actor: String?, on db: any Database)
        async throws
        -> Publication?
    {
        if let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" {
            // One publisher per body at a time across instances; waits rather than fails.
            try await sql.raw("SELECT pg_advisory_xact_lock(hashtext(\(bind: "publication:" + bodyID.uuidString)))").run()
        }
        let register = try await snapshot(bodyID: bodyID, on: db)
        let text = try encode(register)
        let hash = RandomToken.sha256Hex(text)
        let latest = try await Publication.query(on: db).filter(\.$body.$id == bodyID).sort(\.$version, .descending).first()
        if let latest, latest.sha256 == hash {
            if latest.format != PublicRegister.format {
                // The same snapshot in this release's format: the next start need not look again.
                latest.format = PublicRegister.format
                try await latest.save(on: db)
            }
            return nil
        }
        // The previous version first: its entries are known to be stored, and only the others are looked up.
        let entries = try PublishedEntries(on: db)
        var previous: PublicRegister?
        if let latest { previous = try await entries.register(of: latest) }
        let publication = Publication(
            bodyID: bodyID, version: (latest?.version ?? 0) + 1, publishedAt: now, reason: reason,
            snapshot: try await entries.store(register), sha256: hash, exemptedCount: register.exempted.count)
        publication.format = PublicRegister.format
        try await publication.create(on: db)
        try await SearchIndex.update(bodyID: bodyID, register: register, previous: previous, on: db)
        services.publicSite.markStale(register.body.slug)
        try await AuditLog.record(
            AuditChain.Draft(
                occurredAt: now, actorID: actor ?? AuditLog.systemActor, actorRole: nil, action: .publicationVersion,
                targetType: .publicBody, targetID: bodyID.uuidString, bodyID: bodyID.uuidString,
                summaryBefore: latest.map { "versi \($0.version)" }, summaryAfter: "versi \(publication.version): \(reason)"),
            on: db)
        return publication
    }

    /// Publishes every body whose register differs from its latest version (after an upgrade, or a
    /// change made outside the application); nothing when all are current.
    static func catchUp(app: Application, now: Date, onlyOlderFormats: Bool = false) async throws -> Int {
        var count = 0
        for body in try await PublicBody.query(on: app.db).all() {
            let bodyID = try body.requireID()
            if onlyOlderFormats {
                let latest = try await Publication.query(on: app.db).filter(\.$body.$id == bodyID)
                    .sort(\.$version, .descending).field(\.$version).field(\.$format).first()
                // Every change made through Dikelola publishes in its own transaction: only a
                // snapshot of an older release (or none yet) needs a look.
                if let latest, latest.format == PublicRegister.format { continue }
            }
            if try await app.writeTransaction({ db in
                try await record(services: app.dikelola, bodyID: bodyID, reason: "penyesuaian", now: now, actor: nil, on: db)
            }) != nil {
                count += 1
            }
        }
        return count
    }
}
