import DikelolaCore
import Fluent
import Foundation
import Vapor

/// The evidence of one register entry for a hearing (UU 14/2008 Ps 45: the body carries the burden
/// of proof): what it is, its consequence test with the meeting, its decree and signed scan, the
/// head's acknowledgements of the law's warnings, its objections and rulings, its whole history
/// with a check of the audit chain from its first event to the head, every published version it
/// was in, and how it ended. `DossierDocument` prints it; the ZIP carries the originals.
struct Dossier {
    let entry: RegisterEntry
    let unit: Unit
    let body: PublicBody
    let place: Authorization.Place
    let item: ProposalItem?
    let proposal: Proposal?
    let decree: Decree?
    let openingDecree: Decree?
    /// The decision that opened it: its own, or another entry's holding the same information.
    let openingRuling: Ruling?
    let replacement: RegisterEntry?
    let replaced: RegisterEntry?
    let acknowledgements: [WarningAcknowledgement]
    let disputes: [(dispute: InformationDispute, rulings: [Ruling])]
    let history: [AuditEvent]
    let chain: (checked: Int, problem: String?, head: AuditRecord?)
    let versions: [(number: Int, publishedAt: Date, status: String)]
    /// The stored files the dossier rests on, each with what it is.
    let originals: [(label: String, file: StoredFile)]
    let producedAt: Date
    let producedBy: String
    /// When and how the entry's test was made, when not in its proposal's meeting: a
    /// re-classification's new test, or a test made before Dikelola (an earlier decree).
    let testNote: String?
    /// The names of the people in the history, by their ids.
    let actors: [String: String]

    /// The originals' names in the ZIP: numbered, so two files of one name never collide.
    var originalNames: [String] {
        originals.enumerated().map { index, original in
            String(format: "asli/%02d-", index + 1) + PrintedDocument.safeName(original.file.originalName)
        }
    }

    static func load(_ entryID: UUID, for user: CurrentUser, now: Date, on db: any Database) async throws -> Dossier {
        let entitled = try await EntitledEntry.load(entryID, for: user, on: db)
        let entry = entitled.entry, unit = entitled.unit, body = entitled.body, place = entitled.place
        let item = try await ProposalItem.find(entry.$item.id, on: db)
        // Once archived, the item's stage decides who reads its records (UU 43/2009).
        if let item, case let .denied(reason) = try await ArchivePages.access(item, user: user, place: place, on: db) {
            throw ProcedureError(status: .forbidden, message: reason)
        }
        let proposal = try await item.asyncMap { try await Proposal.find($0.$proposal.id, on: db) } ?? nil
        let decree = try await Decree.find(entry.$decree.id, on: db)
        let disputes = try await RulingQueries.disputes(entryID: entryID, on: db)
        let documents = try await proposal.asyncMap { proposal in
            try await ProposalDocument.query(on: db).filter(\.$proposal.$id == proposal.requireID()).with(\.$file).all()
                .filter { $0.$item.id == nil || $0.$item.id == entry.$item.id }
        } ?? []
        var originals: [(String, StoredFile)] = []
        if let scanID = decree?.$signedScan.id, let scan = try await StoredFile.find(scanID, on: db) {
            originals.append(("Pindaian surat penetapan \(decree?.number ?? "") yang ditandatangani", scan))
        }
        for document in documents {
            originals.append((document.requirement ?? "Salinan lunak informasi", document.file))
        }
        let decreeIDs = [decree?.id, entry.openingDecreeID].compactMap { $0 }
        for signature in try await ElectronicSignature.query(on: db).filter(\.$decree.$id ~~ decreeIDs).with(\.$file).all() {
            originals.append(("Surat bertanda tangan elektronik (PAdES) oleh \(signature.signerName)", signature.file))
        }
        let openingRuling = try await entry.openingRulingID.asyncMap { try await Ruling.find($0, on: db) } ?? nil
        let rulings = disputes.flatMap(\.rulings)
        for ruling in rulings + [openingRuling].compactMap({ $0 }).filter({ opening in !rulings.contains { $0.id == opening.id } }) {
            if let file = try await StoredFile.find(ruling.$document.id, on: db) { originals.append((ruling.citation, file)) }
        }
        let history = try await Self.history(entry, item: item, proposal: proposal, decree: decree, on: db)
        let chain = try await AuditLog.verifySegment(from: history.first?.sequence ?? Int.max, on: db)
        return Dossier(
            entry: entry, unit: unit, body: body, place: place, item: item, proposal: proposal, decree: decree,
            openingDecree: try await entry.openingDecreeID.asyncMap { try await Decree.find($0, on: db) } ?? nil,
            openingRuling: openingRuling,
            replacement: try await entry.replacedByID.asyncMap { try await RegisterEntry.find($0, on: db) } ?? nil,
            replaced: try await entry.replacesID.asyncMap { try await RegisterEntry.find($0, on: db) } ?? nil,
            acknowledgements: try await WarningAcknowledgement.query(on: db).filter(\.$item.$id == entry.$item.id)
                .sort(\.$acknowledgedAt).all(),
            disputes: disputes, history: history, chain: chain,
            versions: try await Self.versions(of: entry, on: db), originals: originals, producedAt: now,
            producedBy: user.name, testNote: try await Self.testNote(entry, decree: decree, zone: body.zone, on: db),
            actors: try await Self.actors(history, on: db))
    }

    static func testNote(_ entry: RegisterEntry, decree: Decree?, zone: TimeZoneRegion, on db: any Database) async throws
        -> String?
    {
        if decree?.registeredFromEarlier == true {
            return "Diuji sebelum Dikelola; didaftarkan dari surat penetapan terdahulu \(decree?.number ?? "") tanggal \(decree.map { IndonesianFormat.date($0.decreeDate) } ?? "")."
        }
        guard let replaced = entry.replacesID else { return nil }
        let item = try await PeriodActionItem.query(on: db).filter(\.$entry.$id == replaced).with(\.$action).all()
            .first { $0.action.$decree.id == entry.$decree.id }
        return "Uji konsekuensi baru pada klasifikasi ulang (PP 61/2010 Pasal 10) dengan surat \(decree?.number ?? "")"
            + (item?.testedAt.map { ", diuji \(IndonesianFormat.dateTime($0, zone: zone))" } ?? "") + "; bukan rapat uji usulan semula."
    }

    static func actors(_ events: [AuditEvent], on db: any Database) async throws -> [String: String] {
        let ids = Set(events.compactMap { $0.actorID.flatMap(UUID.init(uuidString:)) })
        let users = try await User.query(on: db).filter(\.$id ~~ Array(ids)).all()
        return Dictionary(users.map { ($0.storedID.uuidString, $0.name) }, uniquingKeysWith: { first, _ in first })
    }

    /// Every event about the entry, its item, its proposal, its decrees and the openings or
    /// re-classifications it was part of, in the order of the chain.
    static func history(
        _ entry: RegisterEntry, item: ProposalItem?, proposal: Proposal?, decree: Decree?, on db: any Database
    ) async throws -> [AuditEvent] {
        let related = [try entry.requireID()] + [entry.replacesID, entry.replacedByID].compactMap { $0 }
        let actions = try await PeriodActionItem.query(on: db).filter(\.$entry.$id ~~ related).with(\.$action).all()
        let replacement = try await entry.replacedByID.asyncMap { try await RegisterEntry.find($0, on: db) } ?? nil
        let targets =
            [entry.id, item?.id, proposal?.id, decree?.id, entry.openingDecreeID, entry.replacedByID, entry.replacesID, replacement?.$decree.id]
            .compactMap { $0?.uuidString } + actions.map(\.$action.id.uuidString) + actions.compactMap { $0.action.$decree.id?.uuidString }
        return try await AuditEvent.query(on: db).filter(\.$targetID ~~ targets).sort(\.$sequence).all()
    }

    /// Each published version of the body that listed the entry, with its status there.
    static func versions(of entry: RegisterEntry, on db: any Database) async throws -> [(
        number: Int, publishedAt: Date, status: String
    )] {
        let publications = try await Publication.query(on: db).filter(\.$body.$id == entry.$body.id).sort(\.$version).all()
        let reader = try PublishedEntries(on: db)
        var found: [(Int, Date, String)] = []
        for publication in publications {
            let register = try await reader.register(of: publication)
            if let listed = register.entries.first(where: { $0.id == entry.registerNumber }) {
                found.append((publication.version, publication.publishedAt, PublicRegister.statusLabel(listed.status)))
            }
        }
        return found
    }
}
