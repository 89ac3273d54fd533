import DikelolaCore
import Fluent
import Foundation
import SQLKit
import Vapor

/// The procedure at the end of a period (PP 61/2010 Ps 10–11): the PPID prepares an opening or a
/// re-classification of entries ending soon or due for review, the head approves it — which issues
/// its decree and opens or re-classifies the entries — or returns it with a note. Every change is
/// one transaction with its audit event, notifications and webhook events.
enum PeriodActionService {
    /// Starts an opening or re-classification of `entryIDs` in `unitID`.
    static func start(
        unitID: UUID, kind: PeriodActionKind, entryIDs: [UUID], acting: Acting
    ) async throws -> PeriodAction {
        guard let unit = try await Unit.find(unitID, on: acting.db) else { throw Refusal.notFound }
        let place = try await AccessQueries.place(of: unit, on: acting.db)
        let procedure = PeriodEndProcedure(definition: unit.sopID.flatMap(acting.sopLibrary.definition(id:)))
        let role = try requirePreparer(acting.person, place: place, procedure: procedure)
        guard !entryIDs.isEmpty else {
            throw ProcedureError.invalid(["entries": "Pilih sekurang-kurangnya satu informasi dari daftar."])
        }
        let now = acting.now
        let calendar = acting.calendar
        let action = try await acting.write { db -> PeriodAction in
            let entries = try await RegisterEntry.query(on: db).filter(\.$id ~~ entryIDs).all()
            guard entries.count == Set(entryIDs).count, entries.allSatisfy({ $0.$unit.id == unitID }) else {
                throw ProcedureError.invalid(["entries": "Ada informasi yang tidak ada di DIK unit ini."])
            }
            var problems = entries.compactMap {
                PeriodEndProcedure.refusal(entryStatus: $0.status, registerNumber: $0.registerNumber, kind: kind)
            }
            let busy = try await PeriodActionItem.query(on: db).filter(\.$entry.$id ~~ entryIDs).with(\.$action).all()
                .filter { $0.action.stage.isOpen }
            for item in busy {
                let number = entries.first { $0.id == item.$entry.id }?.registerNumber ?? ""
                problems.append("\(number) sudah ada dalam pembukaan atau klasifikasi ulang yang sedang berjalan.")
            }
            guard problems.isEmpty else { throw ProcedureError.invalid(["entries": problems.joined(separator: " ")]) }

            let body = try await unit.$body.get(on: db)
            let zone = body.zone
            let action = PeriodAction()
            action.$body.id = unit.$body.id
            action.$unit.id = unitID
            action.kind = kind
            action.stage = .preparing
            action.preparedBy = acting.person.id
            action.legalDue = PeriodEndProcedure.legalDeadline(entries.map { $0.openingDecreeDue })
            action.stageDueAt = try procedure.timeStandard.due(
                from: now, in: zone, calendar: calendar, hours: body.workingHours, policy: .assumeWeekdaysOnly)?.value
            action.version = 1
            try await action.create(on: db)
            let rules = try await RetentionQueries.rules(bodyID: unit.$body.id, on: db)
            for entry in entries {
                let information = try await ProposalItem.find(entry.$item.id, on: db)
                let item = PeriodActionItem()
                item.$action.id = try action.requireID()
                item.$entry.id = try entry.requireID()
                if kind == .opening {
                    item.summary = entry.title
                    item.retention = information?.archiveCode.flatMap { rules[$0] }?.indonesianDescription
                }
                try await item.create(on: db)
            }
            try await AuditLog.record(
                acting.auditDraft(
                    .periodActionStart, targetType: .periodAction, targetID: try action.requireID().uuidString,
                    bodyID: unit.$body.id.uuidString, role: role,
                    after: "\(kind.indonesian): \(entries.map(\.registerNumber).sorted().joined(separator: ", "))"),
                on: db)
            return action
        }
        return action
    }

    struct OpeningFields {
        var summary: String
        var responsible: String
        var retention: String
    }

    /// The DIP's fields of one entry being opened.
    static func setOpeningFields(
        _ ctx: PeriodActionContext, itemID: UUID, _ fields: OpeningFields, acting: Acting
    )
        async throws
    {
        let role = try requirePreparing(ctx, acting.person)
        guard ctx.kind == .opening, let item = ctx.items.first(where: { $0.id == itemID }) else { throw Refusal.notFound }
        var errors: [String: String] = [:]
        if fields.summary.nilIfBlank == nil { errors["summary"] = "Ringkasan isi informasi wajib diisi (kolom DIP)." }
        if fields.responsible.nilIfBlank == nil {
            errors["responsible"] = "Penanggung jawab pembuatan atau penerbitan informasi wajib diisi (kolom DIP)."
        }
        if fields.retention.nilIfBlank == nil { errors["retention"] = "Jangka waktu penyimpanan (retensi arsip) wajib diisi." }
        guard errors.isEmpty else { throw ProcedureError.invalid(errors) }
        item.summary = fields.summary.nilIfBlank
        item.responsible = fields.responsible.nilIfBlank
        item.retention = fields.retention.nilIfBlank
        try await VersionedWrite.change(ctx.action, acting: acting) { db in
            try await item.save(on: db)
            try await AuditLog.record(
                acting.auditDraft(
                    .periodActionFields, targetType: .periodAction, targetID: ctx.action.id?.uuidString,
                    bodyID: ctx.body.id?.uuidString, role: role,
                    after:
                        "\(ctx.entry(of: item)?.registerNumber ?? ""): penanggung jawab \(fields.responsible); retensi \(fields.retention)"
                ),
                on: db)
        }
    }

    /// The new consequence test of one entry being re-classified (PP 61/2010 Ps 10).
    static func recordTest(
        _ ctx: PeriodActionContext, itemID: UUID, _ input: ProposalService.TestInput, refused: [String: String] = [:],
        acting: Acting
    ) async throws {
        let role = try requirePreparing(ctx, acting.person)
        guard ctx.kind == .reclassification, let item = ctx.items.first(where: { $0.id == itemID }),
            let entry = ctx.entry(of: item)
        else { throw Refusal.notFound }
        let information = ctx.informationItems[entry.$item.id]
        let opened = try await RulingQueries.openedByRuling(bodyID: try ctx.body.requireID(), on: acting.db)
        let test = try ProposalService.checkedTest(input, refused: refused) { test in
            PeriodEndProcedure.reclassificationProblems(
                test, itemTitle: entry.title, itemDescription: information?.description ?? "",
                itemID: entry.$item.id.uuidString, on: ctx.zone.localDate(of: acting.now), policy: ctx.body.periodPolicy,
                openedByRuling: opened)
        }
        try item.store(test, at: acting.now)
        try await VersionedWrite.change(ctx.action, acting: acting) { db in
            try await item.save(on: db)
            try await AuditLog.record(
                acting.auditDraft(
                    .periodActionTest, targetType: .periodAction, targetID: ctx.action.id?.uuidString,
                    bodyID: ctx.body.id?.uuidString, role: role,
                    after: "\(entry.registerNumber): \(ProposalService.summary(test))"),
                on: db)
        }
    }

    /// Takes an entry out while the list is being prepared.
    static func removeItem(_ ctx: PeriodActionContext, itemID: UUID, acting: Acting) async throws {
        let role = try requirePreparing(ctx, acting.person)
        guard let item = ctx.items.first(where: { $0.id == itemID }) else { throw Refusal.notFound }
        guard ctx.items.count > 1 else {
            throw ProcedureError(
                status: .conflict, message: "Ini informasi terakhir dalam daftar; batalkan saja bila tidak jadi diproses.")
        }
        try await VersionedWrite.change(ctx.action, acting: acting) { db in
            try await item.delete(on: db)
            try await AuditLog.record(
                acting.auditDraft(
                    .periodActionRemove, targetType: .periodAction, targetID: ctx.action.id?.uuidString,
                    bodyID: ctx.body.id?.uuidString, role: role, after: ctx.entry(of: item)?.registerNumber), on: db)
        }
    }

    /// The PPID sends the list to the head, or withdraws it.
    static func submit(_ ctx: PeriodActionContext, expectedVersion: Int?, acting: Acting) async throws {
        let role = try requirePreparing(ctx, acting.person)
        if let expectedVersion, expectedVersion != ctx.action.version { throw ProcedureError.staleVersion }
        let missing = ctx.missing
        guard missing.isEmpty else {
            throw ProcedureError(status: .conflict, message: "Belum dapat diajukan: " + missing.joined(separator: "; ") + ".")
        }
        let action = ctx.action
        action.stage = .awaitingApproval
        action.submittedAt = acting.now
        action.stageDueAt = nil
        action.returnNote = nil
        let bodyID = try ctx.body.requireID()
        try await VersionedWrite.change(ctx.action, acting: acting) { db in
            try await AuditLog.record(
                acting.auditDraft(
                    .periodActionSubmit, targetType: .periodAction, targetID: action.id?.uuidString,
                    bodyID: bodyID.uuidString, role: role, before: "preparing", after: "diajukan kepada pimpinan"),
                on: db)
            try await Notifier.tell(
                .init(
                    kind: .actionAwaiting,
                    text: "\(ctx.kind.indonesian) \(ctx.unit.name) (\(ctx.items.count) informasi) menunggu persetujuan Anda"
                        + (action.legalDue.map { "; paling lambat \(IndonesianFormat.date($0))" }
                            ?? ""),
                    link: SiteURL.periodAction(action.id).path,
                    dedupeKey: "action:\(action.storedID.uuidString):submitted:\(action.version)"),
                roles: [PeriodEndProcedure.approverRole], place: ctx.place, bodyID: bodyID, on: db)
        }
    }

    static func cancel(_ ctx: PeriodActionContext, expectedVersion: Int?, acting: Acting) async throws {
        let role = try requirePreparing(ctx, acting.person)
        if let expectedVersion, expectedVersion != ctx.action.version { throw ProcedureError.staleVersion }
        ctx.action.stage = .cancelled
        ctx.action.stageDueAt = nil
        try await VersionedWrite.change(ctx.action, acting: acting) { db in
            try await AuditLog.record(
                acting.auditDraft(
                    .periodActionCancel, targetType: .periodAction, targetID: ctx.action.id?.uuidString,
                    bodyID: ctx.body.id?.uuidString, role: role, before: "preparing", after: "dibatalkan"), on: db)
        }
    }

    /// The head decides: approval issues the decree and opens or re-classifies every entry;
    /// a return (with a note) sends it back to the PPID.
    static func decide(
        _ actionID: UUID, approve: Bool, note: String, expectedVersion: Int?, acting: Acting
    ) async throws -> Decree? {
        let library = acting.sopLibrary
        return try await acting.write { db -> Decree? in
            try await VersionedWrite.lock(PeriodAction.self, actionID, on: db)
            let ctx = try await PeriodActionContext.load(actionID, library: library, on: db)
            try acting.person.require(.signDecree, on: ctx.place)
            guard Authorization.roles(of: acting.person.person, covering: ctx.place).contains(PeriodEndProcedure.approverRole) else {
                throw ProcedureError(
                    status: .forbidden, message: "Persetujuan diberikan oleh pimpinan (Atasan PPID) unit ini atau badan publik.")
            }
            guard ctx.stage == .awaitingApproval else {
                throw ProcedureError(status: .conflict, message: "Tidak sedang menunggu persetujuan (\(stageLabel(ctx.stage))).")
            }
            if let expectedVersion, expectedVersion != ctx.action.version { throw ProcedureError.staleVersion }
            let bodyID = try ctx.body.requireID()
            let action = ctx.action
            action.version += 1
            action.decidedAt = acting.now
            action.decidedBy = acting.person.id
            guard approve else {
                guard let note = note.nilIfBlank else {
                    throw ProcedureError.invalid(["note": WorkflowError.noteRequired.description])
                }
                action.stage = .preparing
                action.returnNote = note
                try await action.save(on: db)
                try await AuditLog.record(
                    acting.auditDraft(
                        .periodActionReturn, targetType: .periodAction, targetID: actionID.uuidString,
                        bodyID: bodyID.uuidString, role: .head, before: "awaitingApproval",
                        after: "dikembalikan kepada PPID. Catatan: \(note)"), on: db)
                try await Notifier.tell(
                    .init(
                        kind: .actionReturned, text: "\(ctx.kind.indonesian) \(ctx.unit.name) dikembalikan: \(note)",
                        link: SiteURL.periodAction(actionID).path,
                        dedupeKey: "action:\(actionID.uuidString):returned:\(action.version)"),
                    userID: action.preparedBy, bodyID: bodyID, on: db)
                return nil
            }
            let today = ctx.zone.localDate(of: acting.now)
            // By law an entry whose end date has come is already public: it cannot be kept exempted,
            // and there is nothing left for an opening decree to open.
            let lapsed = ctx.items.compactMap(ctx.entry(of:)).filter { entry in
                entry.status == .opened || (entry.endDate.map { $0 <= today } ?? false)
            }
            guard lapsed.isEmpty else {
                throw ProcedureError(
                    status: .conflict,
                    message: "Jangka waktu \(lapsed.map(\.registerNumber).joined(separator: ", ")) sudah berakhir; informasinya terbuka demi hukum (PP 61/2010 Pasal 11 ayat 3). Kembalikan kepada PPID untuk mengeluarkannya dari daftar.")
            }
            try await DecreeIssuer.lockNumbering(bodyID, on: db)
            let signer = try await DecreeIssuer.signer(unit: ctx.unit, bodyID: bodyID, actorIsHead: true, actor: acting.person, on: db)
            let decree = try await DecreeIssuer.makeDecree(
                body: ctx.body, unitID: try ctx.unit.requireID(), kind: DecreeKind(ctx.kind), date: today, signer: signer,
                proposalID: nil, actionID: actionID, on: db)
            action.stage = .approved
            action.$decree.id = try decree.requireID()
            try await action.save(on: db)
            try await AuditLog.record(
                acting.auditDraft(
                    .decreeIssue, targetType: .decree, targetID: try decree.requireID().uuidString, bodyID: bodyID.uuidString,
                    role: .head,
                    after:
                        "\(decree.number) (\(ctx.kind.indonesian)), \(IndonesianFormat.date(today)), \(ctx.items.count) informasi; ditandatangani \(signer.name)"
                ),
                on: db)
            switch ctx.kind {
            case .opening: try await open(ctx, decree: decree, on: today, acting: acting, db: db)
            case .reclassification: try await reclassify(ctx, decree: decree, on: today, acting: acting, db: db)
            }
            try await Publisher.record(
                services: acting.services,
                bodyID: bodyID, reason: "\(ctx.kind.indonesian) \(decree.number)", now: acting.now, actor: acting.person.id.uuidString,
                on: db)
            return decree
        }
    }

    /// PP 61/2010 Ps 11(2): the entries become public information and enter the DIP with its fields.
    private static func open(_ ctx: PeriodActionContext, decree: Decree, on date: LocalDate, acting: Acting, db: any Database)
        async throws
    {
        let bodyID = try ctx.body.requireID()
        for item in ctx.items {
            guard let entry = ctx.entry(of: item) else { continue }
            let previous = entry.status.rawValue
            try await entry.open(
                on: date, by: decree, dipFields: item, information: ctx.informationItems[entry.$item.id], db: db)
            try await entry.save(on: db)
            try await AuditLog.record(
                acting.auditDraft(
                    .registerOpened, targetType: .registerEntry, targetID: entry.id?.uuidString, bodyID: bodyID.uuidString,
                    role: .head, before: previous,
                    after:
                        "\(entry.registerNumber): dibuka dengan \(decree.number) sejak \(IndonesianFormat.date(date)); masuk DIP"),
                on: db)
            try await tellOpened(
                entry, bodyID: bodyID, place: ctx.place, decreeNumber: decree.number, how: "dibuka dengan surat \(decree.number)",
                now: acting.now, db: db)
        }
    }

    /// PP 61/2010 Ps 10: each entry ends as `reclassified` and a new entry, on the new test and the
    /// new decree, takes its place; both stay linked in the item's history.
    private static func reclassify(_ ctx: PeriodActionContext, decree: Decree, on date: LocalDate, acting: Acting, db: any Database)
        async throws
    {
        let bodyID = try ctx.body.requireID()
        var serial = try await DecreeIssuer.registerSerials(bodyID: bodyID, year: date.year, on: db)
        for item in ctx.items {
            guard let old = ctx.entry(of: item), let test = ctx.test(of: item), let ground = test.ground,
                let period = test.period
            else { continue }
            serial += 1
            let entry = try RegisterEntry(
                bodyID: bodyID, unitID: old.$unit.id, itemID: old.$item.id, decreeID: try decree.requireID(),
                registerNumber: RegisterNumber.make(year: date.year, serial: serial), title: old.title, test: test,
                ground: ground, period: period)
            entry.replacesID = old.id
            try await entry.create(on: db)
            let previous = old.status
            old.status = .reclassified
            old.replacedByID = entry.id
            try await old.save(on: db)
            try await AuditLog.record(
                acting.auditDraft(
                    .registerReclassified, targetType: .registerEntry, targetID: old.id?.uuidString,
                    bodyID: bodyID.uuidString, role: .head, before: "\(old.registerNumber) (\(previous))",
                    after: "\(entry.registerNumber) dengan \(decree.number): \(ground.citation); \(period.indonesianDescription)"),
                on: db)
            try await Notifier.emit(
                "register.reclassified",
                data: [
                    "registerNumber": old.registerNumber, "newRegisterNumber": entry.registerNumber, "title": old.title,
                    "decreeNumber": decree.number, "endDate": entry.endDate?.iso ?? "",
                ], bodyID: bodyID, now: acting.now, on: db)
        }
    }

    /// Tells the unit's people and the PPID that an entry opened, and the webhook.
    static func tellOpened(
        _ entry: RegisterEntry, bodyID: UUID, place: Authorization.Place, decreeNumber: String?, how: String, now: Date,
        db: any Database
    ) async throws {
        try await Notifier.tell(
            .init(
                kind: .opened, text: "\(entry.registerNumber) \(entry.title) terbuka: \(how)",
                link: SiteURL.unitEnding(entry.$unit.id).path, dedupeKey: "entry:\(entry.storedID.uuidString):opened"),
            roles: [.mainPPID, .assistantPPID, .head, .operator], place: place, bodyID: bodyID, on: db)
        try await Notifier.emit(
            "register.opened",
            data: [
                "registerNumber": entry.registerNumber, "title": entry.title, "openedOn": entry.openedOn?.iso ?? "",
                "decreeNumber": decreeNumber ?? "", "how": how,
            ], bodyID: bodyID, now: now, on: db)
    }

    static func stageLabel(_ stage: PeriodActionStage) -> String {
        switch stage {
        case .preparing: "sedang disiapkan PPID"
        case .awaitingApproval: "menunggu persetujuan pimpinan"
        case .approved: "sudah disetujui"
        case .cancelled: "dibatalkan"
        }
    }

    // MARK: Guards

    /// The person must be allowed to open expired items here and hold the preparer's role of the SOP.
    static func requirePreparer(_ user: CurrentUser, place: Authorization.Place, procedure: PeriodEndProcedure) throws -> Role {
        try user.require(.openExpired, on: place)
        guard let role = Authorization.roles(of: user.person, covering: place).intersection(procedure.preparerRoles).first
        else {
            throw ProcedureError(
                status: .forbidden,
                message: "Pembukaan dan klasifikasi ulang disiapkan oleh \(procedure.preparerTitle)"
                    + (procedure.step.map { " (langkah \($0.number) SOP)" } ?? "") + ".")
        }
        return role
    }

    private static func requirePreparing(_ ctx: PeriodActionContext, _ user: CurrentUser) throws -> Role {
        let role = try requirePreparer(user, place: ctx.place, procedure: ctx.procedure)
        guard ctx.stage == .preparing else {
            throw ProcedureError(status: .conflict, message: "Daftar ini tidak dapat diubah lagi: \(stageLabel(ctx.stage)).")
        }
        return role
    }
}
