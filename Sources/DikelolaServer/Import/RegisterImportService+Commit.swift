import DikelolaCore
import Fluent
import Foundation
import Vapor

extension RegisterImportService {
    struct Outcome: Sendable {
        let entries: Int
        let opened: Int
        let decrees: [String]
        let version: Int?
    }

    /// Imports the accepted rows of a draft in one transaction: the earlier decrees registered as
    /// they were, an item with its test for each row, its register entry (keeping the decree's date
    /// for its period and expiry), one audit event for the import and one per entry, and one new
    /// published version. `progress` hears (done, total) every few hundred rows.
    /// `expecting`, when given, is the number of accepted rows the officer saw: a draft changed
    /// meanwhile (another officer's correction) is refused rather than imported unseen.
    static func confirm(
        _ importID: UUID, actor: Actor, expecting: Int? = nil, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) async throws -> Outcome {
        try await actor.write { db in
            guard let record = try await RegisterImport.find(importID, on: db),
                let body = try await PublicBody.find(record.$body.id, on: db),
                let unit = try await Unit.find(record.$unit.id, on: db)
            else { throw Refusal.notFound }
            guard record.status == .draft else {
                throw ProcedureError(
                    status: .conflict,
                    message: record.status == .imported ? "Impor ini sudah dijalankan." : "Impor ini sudah dibatalkan.")
            }
            let bodyID = try body.requireID()
            try await DecreeIssuer.lockNumbering(bodyID, on: db)
            try await refuseRepeat(sha256: record.fileSHA256, bodyID: bodyID, excluding: record.id, on: db)
            let (preview, known) = try await judgedPreview(record, services: actor.services, now: actor.now, on: db)
            let rows = preview.accepted
            if let expecting, expecting != rows.count {
                throw ProcedureError(
                    status: .conflict,
                    message:
                        "Pratinjau berubah sejak Anda melihatnya: kini \(rows.count) baris diterima, bukan \(expecting). "
                        + "Periksa pratinjaunya lagi; tidak ada yang diimpor.")
            }
            guard !rows.isEmpty else {
                throw ProcedureError(
                    status: .unprocessableEntity,
                    message: "Tidak ada baris yang dapat diimpor: setiap baris ditolak atau dilewati. Perbaiki barisnya dulu.")
            }
            let proposal = Proposal(
                bodyID: bodyID, unitID: try unit.requireID(),
                sopID: unit.sopID ?? actor.services.sopLibrary.definitions.first?.id ?? "",
                title: "Impor DIK dari SK terdahulu: \(record.fileName)", firstStep: 0, startedAt: actor.now, dueAt: nil,
                createdBy: actor.person?.id ?? UUID())
            proposal.status = .completed
            proposal.currentStep = nil
            try await proposal.create(on: db)
            var writer = EntryWriter(
                body: body, record: record, proposalID: try proposal.requireID(), known: known, actor: actor,
                today: body.zone.localDate(of: actor.now))
            var drafts: [AuditChain.Draft] = []
            for (index, row) in rows.enumerated() {
                drafts.append(try await writer.write(row, on: db))
                if index % EntryWriter.batch == EntryWriter.batch - 1 {
                    try await writer.flush(on: db)
                    progress?(index + 1, rows.count)
                }
            }
            try await writer.flush(on: db)
            progress?(rows.count, rows.count)
            let summary =
                "\(record.fileName) (SHA-256 \(record.fileSHA256)): \(rows.count) entri didaftarkan dari SK terdahulu "
                + writer.decrees.keys.sorted().joined(separator: ", ")
                + "; \(preview.refused.count) baris ditolak, \(preview.skipped.count) dilewati"
            drafts.insert(
                actor.draft(.importConfirm, targetType: .registerImport, targetID: record.id?.uuidString, bodyID: bodyID, after: summary),
                at: 0)
            try await AuditLog.recordAll(drafts, on: db)
            record.status = .imported
            record.importedAt = actor.now
            record.proposalID = proposal.id
            record.entryCount = rows.count
            try await record.save(on: db)
            let version = try await Publisher.record(
                services: actor.services, bodyID: bodyID, reason: "Impor DIK dari SK terdahulu (\(rows.count) entri)",
                now: actor.now, actor: actor.person?.id.uuidString ?? AuditLog.systemActor, on: db)
            return Outcome(
                entries: rows.count, opened: writer.opened, decrees: writer.decrees.keys.sorted(), version: version?.version)
        }
    }

    /// Leaves a draft unimported for good.
    static func discard(_ record: RegisterImport, actor: Actor) async throws {
        guard record.status == .draft else { throw ProcedureError(status: .conflict, message: "Impor ini bukan rancangan lagi.") }
        try await actor.write { db in
            record.status = .discarded
            try await record.save(on: db)
            try await AuditLog.record(
                actor.draft(
                    .importDiscard, targetType: .registerImport, targetID: record.id?.uuidString, bodyID: record.$body.id,
                    after: record.fileName), on: db)
        }
    }
}

/// Writes the rows of one import: decrees found or registered once, register numbers kept when
/// free or given in the body's sequence.
private struct EntryWriter {
    let body: PublicBody
    let record: RegisterImport
    let proposalID: UUID
    let known: RegisterKnowledge
    let actor: RegisterImportService.Actor
    let today: LocalDate
    var decrees: [String: Decree] = [:]
    var usedNumbers: Set<String> = []
    var serials: [Int: Int] = [:]
    var opened = 0
    /// Rows written in batches: one INSERT per table for every `batch` rows, not one per row.
    static let batch = 200
    var items: [ProposalItem] = []
    var entries: [RegisterEntry] = []
    var dips: [PublicInformationEntry] = []

    mutating func flush(on db: any Database) async throws {
        if !items.isEmpty { try await items.create(on: db) }
        if !entries.isEmpty { try await entries.create(on: db) }
        if !dips.isEmpty { try await dips.create(on: db) }
        items.removeAll(keepingCapacity: true)
        entries.removeAll(keepingCapacity: true)
        dips.removeAll(keepingCapacity: true)
    }

    init(
        body: PublicBody, record: RegisterImport, proposalID: UUID, known: RegisterKnowledge,
        actor: RegisterImportService.Actor, today: LocalDate
    ) {
        self.body = body
        self.record = record
        self.proposalID = proposalID
        self.known = known
        self.actor = actor
        self.today = today
        usedNumbers = Set(known.numbers.keys)
    }

    /// The earlier decree of a row: registered with the import's signer and scan when it is the
    /// import's decree, else with its number and date only.
    mutating func decree(
        number: String, date: LocalDate, kind: DecreeKind = .classification, on db: any Database
    ) async throws -> Decree {
        if let found = decrees[number] { return found }
        let bodyID = try body.requireID()
        if let existing = try await Decree.query(on: db).filter(\.$body.$id == bodyID).filter(\.$number == number).first() {
            decrees[number] = existing
            return existing
        }
        let decree = try await Decree.next(of: body, kind: kind, date: date, proposalID: proposalID, actionID: nil, on: db)
        decree.number = number
        let isImports = number == record.decreeNumber
        decree.signerName = isImports ? record.signerName ?? "" : ""
        decree.signerPosition = isImports ? record.signerPosition ?? "" : ""
        decree.signerNIP = isImports ? record.signerNIP : nil
        if isImports, let scan = record.$scan.id {
            decree.$signedScan.id = scan
            decree.signedScanSHA256 = record.scanSHA256
        }
        decree.registeredFromEarlier = true
        try await decree.create(on: db)
        try await AuditLog.record(
            actor.draft(
                .decreeRegister, targetType: .decree, targetID: decree.id?.uuidString, bodyID: bodyID,
                after: "\(number), \(IndonesianFormat.date(date)): didaftarkan dari SK terdahulu"
                    + (decree.signerName.isEmpty ? "" : "; ditandatangani \(decree.signerName)")
                    + (decree.signedScanSHA256.map { "; pindaian SHA-256 \($0)" } ?? "")), on: db)
        decrees[number] = decree
        return decree
    }

    mutating func number(for row: ImportRowReading, year: Int) -> String {
        if let kept = row.registerNumber, !usedNumbers.contains(kept) {
            usedNumbers.insert(kept)
            return kept
        }
        var serial = serials[year] ?? usedNumbers.filter { $0.hasPrefix("DIK-\(year)-") }.count
        var candidate: String
        repeat {
            serial += 1
            candidate = RegisterNumber.make(year: year, serial: serial)
        } while usedNumbers.contains(candidate)
        serials[year] = serial
        usedNumbers.insert(candidate)
        return candidate
    }

    /// One row: its item with the test, its entry, and the entry's history event (returned, so
    /// the events of the whole import are chained in one pass).
    mutating func write(_ row: ImportRowReading, on db: any Database) async throws -> AuditChain.Draft {
        guard let decreeNumber = row.decreeNumber, let decreeDate = row.decreeDate, let ground = row.test.ground,
            let period = row.test.period
        else { throw ProcedureError(status: .unprocessableEntity, message: "Baris \(row.sheetRow) belum lengkap.") }
        let decree = try await decree(number: decreeNumber, date: decreeDate, on: db)
        let unitID = known.unit(for: row.unit).unit.id
        let item = ProposalItem(
            proposalID: proposalID, title: row.title, description: row.description, holdingUnitID: unitID, form: .both)
        try item.store(row.test, at: actor.now)
        item.testedBy = actor.person?.id
        item.id = UUID()
        items.append(item)
        let entry = try RegisterEntry(
            bodyID: try body.requireID(), unitID: unitID, itemID: try item.requireID(), decreeID: try decree.requireID(),
            registerNumber: number(for: row, year: decreeDate.year), title: row.title, test: row.test, ground: ground,
            period: period)
        var note = "didaftarkan dari SK terdahulu \(decreeNumber) tanggal \(IndonesianFormat.date(decreeDate))"
        if let opening = row.opened, let on = opening.on {
            entry.status = .opened
            entry.openedOn = on
            entry.openedByLaw = opening.byLaw
            if !opening.byLaw, let number = opening.decreeNumber?.nilIfBlank {
                entry.openingDecreeID = try await self.decree(number: number, date: on, kind: .opening, on: db).id
            }
            note += "; terbuka sejak \(IndonesianFormat.date(on))"
            opened += 1
        } else {
            switch actor.services.expiryRules.assess(endDate: entry.endDate, reviewDate: entry.reviewDate, today: today).status {
            case let .endingSoon(_, due):
                entry.status = .endingSoon
                entry.openingDecreeDue = due
            case .reviewDue:
                entry.status = .reviewDue
            case .exempted, .expired:
                break
            }
        }
        entry.id = UUID()
        entries.append(entry)
        if let opening = row.opened, let on = opening.on {
            let dip = PublicInformationEntry()
            dip.$body.id = try body.requireID()
            dip.$unit.id = unitID
            dip.$item.id = try item.requireID()
            dip.summary = opening.summary ?? row.title
            dip.responsible = opening.responsible
            dip.retention = opening.retention
            dip.form = .both
            dip.source = opening.byLaw ? .openedByLaw : .openedByDecree
            dip.openedOn = on
            dip.decreeID = entry.openingDecreeID
            dips.append(dip)
        }
        return actor.draft(
            .registerAdd, targetType: .registerEntry, targetID: entry.id?.uuidString, bodyID: try body.requireID(),
            after: "\(entry.registerNumber) \(row.title); \(ground.citation); \(period.indonesianDescription); \(note) "
                + "(impor \(record.fileName), baris \(row.sheetRow))")
    }
}
