import DikelolaCore
import Fluent
import Foundation
import Vapor

/// Bringing a body's existing register in (issue 19), for the pages, the API and the command line
/// alike: a file is uploaded and kept as a draft; its preview reads every row as the core does and
/// adds what only the database knows (the units, entries already registered, decree numbers in
/// use); the officer corrects; the import is one transaction with its audit event and one new
/// published version. Nothing is written to the register before the officer confirms.
enum RegisterImportService {
    /// Who imports: a signed-in PPID, or the command line (no person; the audit names the system).
    struct Actor: Sendable {
        let person: CurrentUser?
        let now: Date
        let clientAddress: String
        let db: any Database
        let services: CoreServices

        init(_ acting: Acting) {
            person = acting.person
            now = acting.now
            clientAddress = acting.clientAddress
            db = acting.db
            services = acting.services
        }

        /// A person's import running on after their request, in the background.
        init(background app: Application, from acting: Acting) {
            person = acting.person
            now = acting.now
            clientAddress = acting.clientAddress
            db = app.db
            services = app.dikelola
        }

        init(commandLine app: Application, person: CurrentUser?) {
            self.person = person
            now = app.dikelola.clock.now()
            clientAddress = "baris perintah"
            db = app.db
            services = app.dikelola
        }

        func draft(
            _ action: AuditAction, targetType: AuditTarget, targetID: String?, bodyID: UUID, before: String? = nil,
            after: String? = nil
        ) -> AuditChain.Draft {
            guard let person else {
                return AuditChain.Draft(
                    occurredAt: now, actorID: AuditLog.systemActor, actorRole: nil, action: action, targetType: targetType,
                    targetID: targetID, bodyID: bodyID.uuidString, summaryBefore: before, summaryAfter: after,
                    clientAddress: clientAddress)
            }
            return AuditDraft.make(
                person, at: now, from: clientAddress, action, targetType: targetType, targetID: targetID,
                bodyID: bodyID.uuidString, role: nil, before: before, after: after)
        }

        func write<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
            try await WriteTransaction.run(on: db, services: services, body)
        }
    }

    /// The earlier decree the rows came from, as the PPID enters it.
    struct EarlierDecree: Sendable, Equatable {
        var number: String?
        var date: LocalDate?
        var signerName: String?
        var signerPosition: String?
        var signerNIP: String?
    }

    // MARK: Upload

    /// Keeps an uploaded file as a draft import of `unit`, once it reads as a register. The same
    /// file imported before is refused, naming when.
    static func upload(
        fileName: String, data: Data, unit: Unit, decree: EarlierDecree, scan: StoredFile?, actor: Actor
    ) async throws -> RegisterImport {
        guard data.count <= actor.services.configuration.maxUploadBytes else {
            throw ProcedureError.invalid(
                ["file": "Berkas lebih besar dari \(actor.services.configuration.maxUploadBytes / 1_048_576) MB."])
        }
        let grid: SheetGrid
        do {
            grid = try SpreadsheetFile.read(data)
            _ = try ImportTable.read(grid)
        } catch {
            throw ProcedureError.invalid(["file": error.description])
        }
        try check(decree)
        let sha = FileIntake.sha256(data)
        let bodyID = unit.$body.id
        try await refuseRepeat(sha256: sha, bodyID: bodyID, on: actor.db)
        let name = TextInput.fileName(fileName)
        let stored = StoredFile(
            sha256: sha, size: data.count, contentType: "application/octet-stream", originalName: name, data: data,
            createdBy: actor.person?.id.uuidString)
        let record = RegisterImport()
        record.$body.id = bodyID
        record.$unit.id = try unit.requireID()
        record.fileName = name
        record.fileSHA256 = sha
        record.status = .draft
        record.storedCorrections = .init()
        apply(decree, to: record)
        record.createdBy = actor.person?.id
        try await actor.write { db in
            try await stored.create(on: db)
            if let scan {
                try await scan.create(on: db)
                record.$scan.id = try scan.requireID()
                record.scanSHA256 = scan.sha256
            }
            record.$file.id = try stored.requireID()
            try await record.create(on: db)
            try await AuditLog.record(
                actor.draft(
                    .importUpload, targetType: .registerImport, targetID: record.id?.uuidString, bodyID: bodyID,
                    after: "\(name), SHA-256 \(sha), \(IndonesianFormat.number(data.count)) bita; \(grid.readAs)"),
                on: db)
        }
        return record
    }

    static func apply(_ decree: EarlierDecree, to record: RegisterImport) {
        record.decreeNumber = decree.number?.nilIfBlank
        record.decreeDate = decree.date
        record.signerName = decree.signerName?.nilIfBlank
        record.signerPosition = decree.signerPosition?.nilIfBlank
        record.signerNIP = decree.signerNIP?.nilIfBlank
    }

    static func check(_ decree: EarlierDecree) throws {
        var fields: [String: String] = [:]
        if let nip = decree.signerNIP?.nilIfBlank {
            do { _ = try NIP(nip) } catch { fields["signerNIP"] = "NIP penandatangan: \(error.description)" }
        }
        if let date = decree.date, !LocalDate.inputYears.contains(date.year) { fields["decreeDate"] = "Tanggal SK tidak sah." }
        if !fields.isEmpty { throw ProcedureError.invalid(fields) }
    }

    static func refuseRepeat(sha256: String, bodyID: UUID, excluding id: UUID? = nil, on db: any Database) async throws {
        let earlier = try await RegisterImport.query(on: db).filter(\.$body.$id == bodyID).filter(\.$fileSHA256 == sha256)
            .filter(\.$status == .imported).first()
        if let earlier, earlier.id != id {
            let zone = try await PublicBody.find(bodyID, on: db)?.zone ?? .wib
            let when = earlier.importedAt.map { IndonesianFormat.dateTime($0, zone: zone) } ?? "sebelumnya"
            throw ProcedureError(
                status: .conflict,
                message:
                    "Berkas ini (SHA-256 \(sha256.prefix(12))…) sudah diimpor pada \(when): \(earlier.entryCount ?? 0) entri. "
                    + "Tidak diimpor lagi, agar entri tidak ganda.")
        }
    }

    // MARK: Preview

    /// Every row of a stored draft as it would be imported now. The sheet's reading is kept for
    /// the draft as it stands (file, corrections, decree), so viewing it again costs only what the
    /// database may have changed meanwhile (entries registered since, units).
    static func preview(_ record: RegisterImport, services: CoreServices, now: Date, on db: any Database) async throws
        -> ImportPreview
    {
        try await judgedPreview(record, services: services, now: now, on: db).preview
    }

    /// The preview, and the knowledge of the register it was judged against (the import reuses it).
    static func judgedPreview(_ record: RegisterImport, services: CoreServices, now: Date, on db: any Database) async throws
        -> (preview: ImportPreview, known: RegisterKnowledge)
    {
        guard let body = try await PublicBody.find(record.$body.id, on: db) else { throw Refusal.notFound }
        let context = try await context(
            body: body, number: record.decreeNumber, date: record.decreeDate, services: services, now: now, on: db)
        let key = cacheKey(record, body: body, context: context)
        var preview: ImportPreview
        if let kept = await ImportPreviewCache.shared.preview(for: key) {
            preview = kept
        } else {
            guard let file = try await StoredFile.find(record.$file.id, on: db) else { throw Refusal.notFound }
            preview = try read(file.data, corrections: record.storedCorrections, context: context)
            await ImportPreviewCache.shared.keep(preview, for: key)
        }
        let known = try await RegisterKnowledge.load(bodyID: try body.requireID(), defaultUnitID: record.$unit.id, on: db)
        known.judge(&preview)
        return (preview, known)
    }

    /// What a row is read against: the earlier decree given, the body's period policy, today in its zone.
    /// and the information opened through an objection or a dispute, which no row may exempt again.
    static func context(
        body: PublicBody, number: String?, date: LocalDate?, services: CoreServices, now: Date, on db: any Database
    ) async throws -> ImportRowReading.Context {
        ImportRowReading.Context(
            decreeNumber: number, decreeDate: date, policy: body.periodPolicy, expiry: services.expiryRules,
            today: body.zone.localDate(of: now),
            openedByRuling: try await RulingQueries.openedByRuling(bodyID: try body.requireID(), on: db))
    }

    /// What a draft's sheet reading depends on.
    static func cacheKey(_ record: RegisterImport, body: PublicBody, context: ImportRowReading.Context) -> String {
        [
            record.id?.uuidString ?? "", record.corrections, record.decreeNumber ?? "", record.decreeDate?.iso ?? "",
            context.today.iso, String(body.periodHorizonYears), context.openedByRuling.map(\.registerNumber).joined(separator: ","),
        ].joined(separator: "|")
    }

    static func read(_ data: Data, corrections: ImportPreview.Corrections, context: ImportRowReading.Context) throws
        -> ImportPreview
    {
        do {
            return try ImportPreview.make(try SpreadsheetFile.read(data), corrections: corrections, context: context)
        } catch {
            throw ProcedureError.invalid(["file": error.description])
        }
    }
}

/// The sheet readings of the drafts viewed last, by everything they depend on.
actor ImportPreviewCache {
    static let shared = ImportPreviewCache()
    private var kept: [(key: String, preview: ImportPreview)] = []

    func preview(for key: String) -> ImportPreview? { kept.first { $0.key == key }?.preview }

    func keep(_ preview: ImportPreview, for key: String) {
        kept.removeAll { $0.key == key }
        kept.insert((key, preview), at: 0)
        if kept.count > 4 { kept.removeLast() }
    }
}
