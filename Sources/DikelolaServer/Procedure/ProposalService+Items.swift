import DikelolaCore
import Fluent
import Foundation
import Vapor

/// The items of a proposal and their tests and locations (see `ProposalService`).
extension ProposalService {
    // MARK: Items and their tests

    struct ItemInput: Content {
        var title: String
        var description: String
        var holdingUnitID: UUID?
        var form: String
        var madeWhen: String?
        var madeWhere: String?
        var archiveCode: String?
    }

    static func addItem(_ ctx: ProposalContext, _ input: ItemInput, acting: Acting) async throws -> ProposalItem
    {
        let (step, role) = try ctx.requireActor(acting.person, for: ctx.currentStep?.effect.action ?? .prepareProposal)
        guard step.effect.allowsEditingItems else {
            throw ProcedureError.notAllowedAtThisStep("Menambah informasi")
        }
        let errors = try await itemErrors(ctx, input, user: acting.person, on: acting.db)
        let title = input.title.trimmingCharacters(in: .whitespacesAndNewlines)
        let holdingUnitID = input.holdingUnitID ?? ctx.unit.storedID
        guard errors.isEmpty, let form = InformationForm(rawValue: input.form) else { throw ProcedureError.invalid(errors) }
        let item = ProposalItem(
            proposalID: try ctx.proposal.requireID(), title: title,
            description: input.description.trimmingCharacters(in: .whitespacesAndNewlines),
            holdingUnitID: holdingUnitID, form: form)
        item.madeWhen = input.madeWhen?.nilIfBlank
        item.madeWhere = input.madeWhere?.nilIfBlank
        item.archiveCode = input.archiveCode?.nilIfBlank
        try await VersionedWrite.change(ctx.proposal, acting: acting) { db in
            try await item.create(on: db)
            try await AuditLog.record(
                acting.auditDraft(
                    .itemAdd, targetType: .item, targetID: try item.requireID().uuidString,
                    bodyID: ctx.body.id?.uuidString, role: role, after: title), on: db)
        }
        return item
    }

    /// Corrects an item while the list is still being made.
    static func updateItem(_ ctx: ProposalContext, itemID: UUID, _ input: ItemInput, acting: Acting) async throws
    {
        let (step, role) = try ctx.requireActor(acting.person, for: ctx.currentStep?.effect.action ?? .prepareProposal)
        guard step.effect.allowsEditingItems else {
            throw ProcedureError.notAllowedAtThisStep("Mengubah informasi")
        }
        guard let item = ctx.items.first(where: { $0.id == itemID }) else { throw Refusal.notFound }
        let errors = try await itemErrors(ctx, input, user: acting.person, on: acting.db)
        guard errors.isEmpty, let form = InformationForm(rawValue: input.form) else { throw ProcedureError.invalid(errors) }
        let before = "\(item.title); \(item.form)"
        item.title = input.title.trimmingCharacters(in: .whitespacesAndNewlines)
        item.description = input.description.trimmingCharacters(in: .whitespacesAndNewlines)
        item.$holdingUnit.id = input.holdingUnitID ?? item.$holdingUnit.id
        item.form = form
        item.madeWhen = input.madeWhen?.nilIfBlank
        item.madeWhere = input.madeWhere?.nilIfBlank
        item.archiveCode = input.archiveCode?.nilIfBlank
        try await VersionedWrite.change(ctx.proposal, acting: acting) { db in
            try await item.save(on: db)
            try await AuditLog.record(
                acting.auditDraft(
                    .itemUpdate, targetType: .item, targetID: itemID.uuidString, bodyID: ctx.body.id?.uuidString,
                    role: role, before: before, after: "\(item.title); \(item.form)"), on: db)
        }
    }

    /// Takes an item off the list while the list is still being made; its copies go with it.
    static func removeItem(_ ctx: ProposalContext, itemID: UUID, acting: Acting) async throws {
        let (step, role) = try ctx.requireActor(acting.person, for: ctx.currentStep?.effect.action ?? .prepareProposal)
        guard step.effect.allowsEditingItems else {
            throw ProcedureError.notAllowedAtThisStep("Menghapus informasi")
        }
        guard let item = ctx.items.first(where: { $0.id == itemID }) else { throw Refusal.notFound }
        let copies = ctx.documents.filter { $0.$item.id == itemID }
        try await VersionedWrite.change(ctx.proposal, acting: acting) { db in
            for copy in copies { try await copy.delete(on: db) }
            try await item.delete(on: db)
            try await AuditLog.record(
                acting.auditDraft(
                    .itemRemove, targetType: .item, targetID: itemID.uuidString, bodyID: ctx.body.id?.uuidString,
                    role: role, before: item.title), on: db)
        }
    }

    static let formError = "Bentuk harus softcopy, hardcopy, atau keduanya (soft, hard, both)."

    static func itemErrors(_ ctx: ProposalContext, _ input: ItemInput, user: CurrentUser, on db: any Database) async throws
        -> [String: String]
    {
        var errors: [String: String] = [:]
        if input.title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            errors["title"] = "Judul informasi wajib diisi."
        }
        if input.description.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            errors["description"] = "Uraian informasi wajib diisi."
        }
        if InformationForm(rawValue: input.form) == nil { errors["form"] = formError }
        if let holdingUnitID = input.holdingUnitID {
            let holder = try await Unit.find(holdingUnitID, on: db)
            if let holder, holder.$body.id == ctx.body.id {
                // Filing an item under a unit puts it in that unit's register: only someone who acts for
                // that unit (its own officers, or a PPID covering it) may do so.
                let place = try await AccessQueries.place(of: holder, on: db)
                if holdingUnitID != ctx.unit.id, !user.may(.viewExemptedContent, on: place).isAllowed {
                    errors["holdingUnitID"] =
                        "Anda tidak bertindak untuk unit \(holder.name); informasi hanya dapat dicatat atas unit yang Anda tangani."
                }
            } else {
                errors["holdingUnitID"] = "Unit penguasa informasi harus unit badan publik ini."
            }
        }
        return errors
    }

    struct TestInput: Content {
        /// A citation as officers write it, e.g. "Pasal 17 huruf h angka 2".
        var ground: String?
        var otherStatute: String?
        var consequenceIfOpened: String
        var consequenceIfClosed: String
        /// `closed`, `partlyClosed` or `open`.
        var verdict: String
        var parts: [String]?
        var period: ExemptionPeriod?
        var reason: String
        /// For `partlyClosed`: what stays open and is given.
        var openPart: String?
    }

    /// Records an item's test. A test that breaks the law is refused whole, every field at fault named
    /// at once (with `refused`, what the form itself could not read); its warnings are kept.
    static func recordTest(
        _ ctx: ProposalContext, itemID: UUID, _ input: TestInput, refused: [String: String] = [:],
        fieldOf: @escaping (ConsequenceTest.Problem) -> String = \.field, acting: Acting
    ) async throws -> [ConsequenceTest.Finding] {
        let (step, role) = try ctx.requireActor(acting.person, for: ctx.currentStep?.effect.action ?? .testItem)
        guard step.effect.allowsTesting else {
            throw ProcedureError.notAllowedAtThisStep("Mengisi uji konsekuensi")
        }
        guard let item = ctx.items.first(where: { $0.id == itemID }) else { throw Refusal.notFound }
        var findings: [ConsequenceTest.Finding] = []
        let test = try checkedTest(input, refused: refused, fieldOf: fieldOf) { test in
            findings = test.findings(
                itemTitle: item.title, itemDescription: item.description, itemID: item.storedID.uuidString,
                classifiedOn: ctx.today(acting.now), policy: ctx.body.periodPolicy, expiry: acting.services.expiryRules,
                openedByRuling: ctx.openedByRuling)
            return findings.compactMap { finding -> ConsequenceTest.Problem? in
                if case let .error(problem) = finding { return problem }
                return nil
            }
        }
        let before = ctx.test(of: item).map(summary)
        try item.store(test, at: acting.now)
        item.testedBy = acting.person.id
        try await VersionedWrite.change(ctx.proposal, acting: acting) { db in
            try await item.save(on: db)
            try await AuditLog.record(
                acting.auditDraft(
                    .itemTest, targetType: .item, targetID: itemID.uuidString,
                    bodyID: ctx.body.id?.uuidString, role: role, before: before, after: summary(test)),
                on: db)
        }
        return findings
    }

    /// A test as typed and judged: the citation parsed, the verdict known, and the law's `problems`
    /// with it. Refuses once with every field at fault: what could not be read (`refused`, the
    /// citation, the verdict) stands in for what the law would say of the same field.
    static func checkedTest(
        _ input: TestInput, refused: [String: String] = [:], fieldOf: (ConsequenceTest.Problem) -> String = \.field,
        problems: (ConsequenceTest) -> [ConsequenceTest.Problem]
    ) throws -> ConsequenceTest {
        var errors = refused
        var ground: ExemptionGround?
        if let text = input.ground?.nilIfBlank {
            do { ground = try GroundCitation.parse(text).ground } catch { errors["ground"] = error.description }
        }
        let verdict: ConsequenceTest.Verdict? =
            switch input.verdict {
            case "closed": .closed
            case "partlyClosed": .partlyClosed(parts: (input.parts ?? []).compactMap(\.nilIfBlank))
            case "open": .open
            default: nil
            }
        if verdict == nil { errors["verdict"] = "Kesimpulan uji harus dikecualikan, dikecualikan sebagian, atau terbuka." }
        let test = verdict.map { verdict in
            ConsequenceTest(
                ground: ground, otherStatute: input.otherStatute?.nilIfBlank,
                consequenceIfOpened: input.consequenceIfOpened, consequenceIfClosed: input.consequenceIfClosed,
                verdict: verdict, period: verdict.exempts ? input.period : nil, reason: input.reason,
                openPart: input.openPart ?? "")
        }
        // A period the form could not read is named on its own field, not again as "missing".
        let periodUnread = !Set(refused.keys).isDisjoint(with: PeriodFields.fieldNames)
        let judged = Dictionary(
            (test.map(problems) ?? []).map { (fieldOf($0), $0.description) }, uniquingKeysWith: { "\($0) \($1)" })
        for (field, message) in judged
        where errors[field] == nil && !(periodUnread && (field == "period" || PeriodFields.fieldNames.contains(field))) {
            errors[field] = message
        }
        guard errors.isEmpty, let test else { throw ProcedureError.invalid(errors) }
        return test
    }

    static func summary(_ test: ConsequenceTest) -> String {
        [test.verdict.indonesian, test.ground?.citation, test.period?.indonesianDescription].compactMap { $0 }.joined(
            separator: "; ")
    }

    struct LocationInput: Content {
        var building: String?
        var room: String?
        var cabinet: String?
        var box: String?
        var folder: String?
    }

    static func setLocation(_ ctx: ProposalContext, itemID: UUID, _ input: LocationInput, acting: Acting)
        async throws
    {
        let (_, role) = try ctx.requireActor(acting.person, for: ctx.currentStep?.effect.action ?? .archive)
        guard let item = ctx.items.first(where: { $0.id == itemID }) else { throw Refusal.notFound }
        let values = [input.building, input.room, input.cabinet, input.box, input.folder].map { $0?.nilIfBlank }
        guard values.contains(where: { $0 != nil }) else {
            throw ProcedureError.invalid([
                "location": "Isi sekurang-kurangnya satu bagian lokasi: gedung, ruang, lemari, boks, atau map."
            ])
        }
        (item.locationBuilding, item.locationRoom, item.locationCabinet, item.locationBox, item.locationFolder) =
            (values[0], values[1], values[2], values[3], values[4])
        try await VersionedWrite.change(ctx.proposal, acting: acting) { db in
            try await item.save(on: db)
            try await AuditLog.record(
                acting.auditDraft(
                    .itemLocation, targetType: .item, targetID: itemID.uuidString,
                    bodyID: ctx.body.id?.uuidString, role: role,
                    after: values.compactMap { $0 }.joined(separator: " / ")), on: db)
        }
    }
}
