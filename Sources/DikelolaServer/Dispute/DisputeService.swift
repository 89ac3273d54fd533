import DikelolaCore
import Fluent
import Foundation
import Vapor

extension InformationDispute: VersionedRecord {}

/// Objections and disputes over an exempted entry, and their decisions (UU 14/2008 Ps 35–50). The
/// PPID or the head records a refused request and the dates that follow; a decision is recorded
/// with its document. A decision ordering the information opened that binds the body opens the
/// entry into the DIP with the decision as its legal basis and publishes the register, in the same
/// transaction; the information is then barred from any later exemption (`OpenedByRuling`).
enum DisputeService {
    /// The dates of a dispute as typed (ISO dates; blank for a stage not reached).
    struct DisputeInput {
        var requestReference: String
        var refusedOn: String
        var objectionReceivedOn: String
        var commissionFiledOn: String
    }

    /// Records a refused request for `entryID`'s information, from which the objection's deadline runs.
    static func open(entryID: UUID, _ input: DisputeInput, acting: Acting) async throws -> InformationDispute {
        let (entry, place, role) = try await requireRecorder(entryID: entryID, acting: acting)
        let decree = try await Decree.find(entry.$decree.id, on: acting.db)
        let today = try await today(of: entry, acting: acting)
        let dates = try checkedDates(input, classifiedOn: decree?.decreeDate, today: today)
        guard entry.status.isExempted else { throw alreadyOpen(entry) }
        return try await acting.write { db in
            let dispute = InformationDispute()
            dispute.$body.id = entry.$body.id
            dispute.$unit.id = entry.$unit.id
            dispute.$entry.id = try entry.requireID()
            dispute.requestReference = dates.reference
            dispute.refusedOn = dates.refused
            dispute.objectionReceivedOn = dates.objection
            dispute.commissionFiledOn = dates.commission
            dispute.recordedBy = acting.person.id
            dispute.version = 1
            try await dispute.create(on: db)
            try await tellHead(dispute, entry: entry, place: place, acting: acting, db: db)
            try await AuditLog.record(
                acting.auditDraft(
                    .disputeRecord, targetType: .registerEntry, targetID: entry.id?.uuidString,
                    bodyID: entry.$body.id.uuidString, role: role,
                    after: "\(entry.registerNumber): " + describe(dates)), on: db)
            return dispute
        }
    }

    /// Changes a dispute's dates (the objection arrived, the dispute went to the Commission).
    static func update(disputeID: UUID, _ input: DisputeInput, expectedVersion: Int?, acting: Acting) async throws {
        guard let dispute = try await InformationDispute.find(disputeID, on: acting.db) else { throw Refusal.notFound }
        let (entry, place, role) = try await requireRecorder(entryID: dispute.$entry.id, acting: acting)
        if let expectedVersion, expectedVersion != dispute.version { throw ProcedureError.staleVersion }
        let decree = try await Decree.find(entry.$decree.id, on: acting.db)
        let dates = try checkedDates(input, classifiedOn: decree?.decreeDate, today: try await today(of: entry, acting: acting))
        let rulings = try await Ruling.query(on: acting.db).filter(\.$dispute.$id == disputeID).all()
        if let earliest = rulings.map(\.rulingDate).min(), earliest < dates.refused {
            throw ProcedureError.invalid([
                "refusedOn": "Sudah ada putusan tanggal \(IndonesianFormat.date(earliest)); penolakan tidak mungkin sesudahnya."
            ])
        }
        let before = describe((dispute.requestReference, dispute.refusedOn, dispute.objectionReceivedOn, dispute.commissionFiledOn))
        dispute.requestReference = dates.reference
        dispute.refusedOn = dates.refused
        dispute.objectionReceivedOn = dates.objection
        dispute.commissionFiledOn = dates.commission
        try await VersionedWrite.change(dispute, acting: acting) { db in
            try await tellHead(dispute, entry: entry, place: place, acting: acting, db: db)
            try await AuditLog.record(
                acting.auditDraft(
                    .disputeUpdate, targetType: .registerEntry, targetID: entry.id?.uuidString,
                    bodyID: entry.$body.id.uuidString, role: role, before: before,
                    after: "\(entry.registerNumber): " + describe(dates)), on: db)
        }
    }

    /// Records a decision in `disputeID` with its document. Returns the decision and whether it
    /// opened the entry.
    static func recordRuling(
        disputeID: UUID, _ draft: RulingDraft?, refused: [String: String], file: File?, acting: Acting
    ) async throws -> (ruling: Ruling, opened: Bool) {
        guard let dispute = try await InformationDispute.find(disputeID, on: acting.db) else { throw Refusal.notFound }
        let (entry, place, role) = try await requireRecorder(entryID: dispute.$entry.id, acting: acting)
        guard entry.status.isExempted else { throw alreadyOpen(entry) }
        let decree = try await Decree.find(entry.$decree.id, on: acting.db)
        let today = try await today(of: entry, acting: acting)
        var errors = refused
        if let draft {
            for problem in draft.problems(
                classifiedOn: decree?.decreeDate ?? .epoch, refusedOn: dispute.refusedOn, today: today)
            where errors[problem.field] == nil {
                errors[problem.field] = problem.description
            }
            let earlier = try await Ruling.query(on: acting.db).filter(\.$dispute.$id == disputeID).all()
            for (field, message) in stageProblems(draft, dispute: dispute, earlier: earlier) where errors[field] == nil {
                errors[field] = message
            }
            if draft.kind == .commissionRuling, draft.hasLegalForce, errors["date"] == nil,
                let early = try challengeStillOpen(draft.date, today: today, acting: acting)
            {
                errors["legalForce"] = early + " Catat sebagai belum berkekuatan hukum tetap sekarang."
            }
        }
        var checked: (type: SniffedType, data: Data)?
        if let file, !file.filename.isEmpty {
            do {
                checked = try FileIntake.check(file, allowed: [.pdf, .png, .jpeg], maxBytes: acting.maxUploadBytes)
            } catch { errors["file"] = error.description }
        } else {
            errors["file"] = "Lampirkan dokumen putusan atau surat tanggapan (PDF atau gambar pindaian)."
        }
        guard errors.isEmpty, let draft, let checked, let file else { throw ProcedureError.invalid(errors) }
        let stored = FileIntake.stored(checked.data, type: checked.type, name: file.filename, by: acting.person)
        let entryID = try entry.requireID()
        return try await acting.write { db in
            let entry = try await lockedEntry(entryID, on: db)
            guard entry.status.isExempted else { throw alreadyOpen(entry) }
            try await stored.create(on: db)
            let ruling = Ruling()
            ruling.$body.id = entry.$body.id
            ruling.$entry.id = entryID
            ruling.$dispute.id = disputeID
            ruling.kind = draft.kind
            ruling.number = draft.number
            ruling.rulingDate = draft.date
            ruling.issuer = draft.issuer
            ruling.order = draft.order
            ruling.orderText = draft.orderText
            ruling.hasLegalForce = draft.kind.bindsTheBodyAtOnce || draft.hasLegalForce
            ruling.$document.id = try stored.requireID()
            ruling.documentSHA256 = stored.sha256
            ruling.recordedBy = acting.person.id
            if draft.opensNow { ruling.openedOn = today }
            try await ruling.create(on: db)
            try await AuditLog.record(
                acting.auditDraft(
                    .rulingRecord, targetType: .registerEntry, targetID: entryID.uuidString, bodyID: entry.$body.id.uuidString,
                    role: role,
                    after:
                        "\(entry.registerNumber): \(ruling.citation) — \(draft.order.indonesian)"
                        + (draft.kind.bindsTheBodyAtOnce ? "" : draft.hasLegalForce ? "; berkekuatan hukum tetap" : "; belum berkekuatan hukum tetap")
                        + "; dokumen \(stored.originalName), SHA-256 \(stored.sha256)"),
                on: db)
            if draft.opensNow {
                try await open(entry, by: ruling, on: today, place: place, role: role, acting: acting, db: db)
            }
            return (ruling, draft.opensNow)
        }
    }

    /// Declares that a Commission's or a court's ruling now has legal force: one ordering the
    /// information opened opens the entry; one upholding the exemption ends the dispute.
    static func declareLegalForce(rulingID: UUID, acting: Acting) async throws -> Bool {
        guard let ruling = try await Ruling.find(rulingID, on: acting.db) else { throw Refusal.notFound }
        let (entry, place, role) = try await requireRecorder(entryID: ruling.$entry.id, acting: acting)
        guard !ruling.hasLegalForce else {
            throw ProcedureError(status: .conflict, message: "Putusan ini sudah tercatat berkekuatan hukum tetap.")
        }
        if ruling.order == .open, !entry.status.isExempted { throw alreadyOpen(entry) }
        let today = try await today(of: entry, acting: acting)
        if ruling.kind == .commissionRuling, let early = try challengeStillOpen(ruling.rulingDate, today: today, acting: acting) {
            throw ProcedureError(status: .conflict, message: early)
        }
        let entryID = try entry.requireID()
        return try await acting.write { db in
            let entry = try await lockedEntry(entryID, on: db)
            guard let ruling = try await Ruling.find(rulingID, on: db), !ruling.hasLegalForce else {
                throw ProcedureError.staleVersion
            }
            let opens = ruling.order == .open && entry.status.isExempted
            ruling.hasLegalForce = true
            ruling.legalForceOn = today
            if opens { ruling.openedOn = today }
            try await ruling.save(on: db)
            try await AuditLog.record(
                acting.auditDraft(
                    .rulingLegalForce, targetType: .registerEntry, targetID: entryID.uuidString,
                    bodyID: entry.$body.id.uuidString, role: role,
                    after: "\(entry.registerNumber): \(ruling.citation) berkekuatan hukum tetap sejak \(IndonesianFormat.date(today))"),
                on: db)
            if opens { try await open(entry, by: ruling, on: today, place: place, role: role, acting: acting, db: db) }
            return opens
        }
    }

    /// Opens an entry holding information another entry was opened for by a decision: the same
    /// decision is its legal basis (Ps 18(1)(g) jo. Ps 11(2)).
    static func openLikewise(entryID: UUID, acting: Acting) async throws -> Ruling {
        let (entry, place, role) = try await requireRecorder(entryID: entryID, acting: acting)
        guard entry.status.isExempted else { throw alreadyOpen(entry) }
        guard let ruling = try await RulingQueries.openedElsewhere(entry, on: acting.db)?.ruling else {
            throw ProcedureError(status: .conflict, message: "Tidak ada putusan yang membuka informasi yang sama dengan \(entry.registerNumber).")
        }
        let today = try await today(of: entry, acting: acting)
        return try await acting.write { db in
            let locked = try await lockedEntry(entryID, on: db)
            guard locked.status.isExempted else { throw alreadyOpen(locked) }
            try await open(locked, by: ruling, on: today, place: place, role: role, acting: acting, db: db)
            return ruling
        }
    }

    // MARK: Opening

    /// UU 14/2008 Ps 11(2): the entry opens into the DIP with the decision as its legal basis, and
    /// the register is published.
    private static func open(
        _ entry: RegisterEntry, by ruling: Ruling, on date: LocalDate, place: Authorization.Place, role: Role?,
        acting: Acting, db: any Database
    ) async throws {
        let previous = entry.status.rawValue
        try await entry.open(on: date, by: nil, ruling: ruling, dipFields: nil, information: nil, db: db)
        try await entry.save(on: db)
        try await AuditLog.record(
            acting.auditDraft(
                .registerOpenedByRuling, targetType: .registerEntry, targetID: entry.id?.uuidString,
                bodyID: entry.$body.id.uuidString, role: role, before: previous,
                after:
                    "\(entry.registerNumber): dibuka sejak \(IndonesianFormat.date(date)) berdasarkan \(ruling.citation); masuk DIP; "
                    + "tidak dapat dikecualikan lagi (\(OpenedByRuling.article))"),
            on: db)
        // Other entries holding the same information stay exempted only until someone opens them:
        // the PPID is told which, and each entry's page says so.
        let opened = OpenedByRuling(entry: entry, openedBy: ruling)
        let same = try await RegisterEntry.query(on: db).filter(\.$body.$id == entry.$body.id)
            .filter(\.$status ~~ [.exempted, .endingSoon, .reviewDue]).all()
            .filter { $0.id != entry.id && OpenedByRuling.barring(title: $0.title, among: [opened]) != nil }
        let alsoNamed = same.isEmpty ? "" : "; informasi yang sama masih dikecualikan pada \(same.map(\.registerNumber).sorted().joined(separator: ", "))"
        try await PeriodActionService.tellOpened(
            entry, bodyID: entry.$body.id, place: place, decreeNumber: nil,
            how: "dibuka berdasarkan \(ruling.citation)" + alsoNamed, now: acting.now, db: db)
        try await Publisher.record(
            services: acting.services, bodyID: entry.$body.id, reason: "Dibuka berdasarkan \(ruling.citation)", now: acting.now,
            actor: acting.person.id.uuidString, on: db)
    }

    /// Once an objection is received, the head is told it awaits an answer and by when (Ps 36(2)).
    static func tellHead(
        _ dispute: InformationDispute, entry: RegisterEntry, place: Authorization.Place, acting: Acting, db: any Database
    ) async throws {
        guard let received = dispute.objectionReceivedOn else { return }
        let due = try acting.calendar.adding(30, workingDaysTo: received, policy: .assumeWeekdaysOnly).value
        try await Notifier.tell(
            .init(
                kind: .actionAwaiting,
                text: "Keberatan atas \(entry.registerNumber) \(entry.title) diterima \(IndonesianFormat.date(received)); "
                    + "tanggapan atasan PPID paling lambat \(IndonesianFormat.date(due)) (UU 14/2008 Pasal 36 ayat 2)",
                link: SiteURL.registerEntry(entry.id).path,
                dedupeKey: "dispute:\(dispute.storedID.uuidString):objection:\(received.iso)"),
            roles: [.head], place: place, bodyID: entry.$body.id, on: db)
    }

    // MARK: Guards and checks

    /// The entry, where it sits, and the role the person records in: the PPID or the head of its unit.
    static func requireRecorder(entryID: UUID, acting: Acting) async throws -> (RegisterEntry, Authorization.Place, Role?) {
        let loaded = try await EntitledEntry.load(entryID, for: acting.person, on: acting.db)
        let entry = loaded.entry, place = loaded.place
        try acting.person.require(.recordRuling, on: place)
        let role = Authorization.roles(of: acting.person.person, covering: place)
            .intersection([.head, .assistantPPID, .mainPPID]).sorted { $0.rawValue < $1.rawValue }.first
        return (entry, place, role)
    }

    private static func today(of entry: RegisterEntry, acting: Acting) async throws -> LocalDate {
        guard let body = try await PublicBody.find(entry.$body.id, on: acting.db) else { throw Refusal.notFound }
        return body.zone.localDate(of: acting.now)
    }

    /// The entry re-read with its row held (PostgreSQL), so two decisions cannot both open it.
    private static func lockedEntry(_ id: UUID, on db: any Database) async throws -> RegisterEntry {
        try await VersionedWrite.lockRow(of: RegisterEntry.self, id, on: db)
        guard let entry = try await RegisterEntry.find(id, on: db) else { throw Refusal.notFound }
        return entry
    }

    static func alreadyOpen(_ entry: RegisterEntry) -> ProcedureError {
        ProcedureError(
            status: .conflict,
            message: entry.status == .reclassified
                ? "\(entry.registerNumber) sudah diklasifikasikan ulang; catat keberatan atau putusan pada entri penggantinya."
                : "\(entry.registerNumber) sudah terbuka sejak \(entry.openedOn.map(IndonesianFormat.date) ?? "—"); tidak ada lagi yang dikecualikan.")
    }
}
