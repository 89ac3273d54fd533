import DikelolaCore
import Fluent
import Foundation
import SQLKit
import Vapor

/// The operations on proposals. Each checks who acts and when, writes in one transaction with its
/// audit event, and raises the proposal's version so a change made on an older view is refused.
enum ProposalService {

    // MARK: Opening

    static func open(unitID: UUID, title: String, acting: Acting) async throws -> Proposal {
        guard let unit = try await Unit.find(unitID, on: acting.db) else { throw Refusal.notFound }
        let place = try await AccessQueries.place(of: unit, on: acting.db)
        try acting.person.require(.prepareProposal, on: place)
        let cleanTitle = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !cleanTitle.isEmpty else { throw ProcedureError.invalid(["title": "Judul usulan wajib diisi."]) }
        guard let sopID = unit.sopID, let definition = acting.sopLibrary.definition(id: sopID) else {
            throw ProcedureError(
                status: .conflict,
                message: "Unit \(unit.name) belum memiliki SOP. Minta administrator memilih SOP yang dijalankan unit ini.")
        }
        let workflow = ProposalWorkflow(definition: definition)
        let first = workflow.firstStep
        let actor = workflow.opener
        let roles = Authorization.roles(of: acting.person.person, covering: place)
        guard roles.contains(actor.role) else {
            throw ProcedureError.workflow(.wrongRole(required: actor, held: roles))
        }
        guard let body = try await PublicBody.find(unit.$body.id, on: acting.db) else { throw Refusal.notFound }
        let now = acting.now
        let due = try workflow.due(
            first, startedAt: now, zone: body.zone, calendar: acting.calendar, hours: body.workingHours)?.value
        let proposal = Proposal(
            bodyID: try body.requireID(), unitID: unitID, sopID: sopID, title: cleanTitle, firstStep: first.number,
            startedAt: now, dueAt: due, createdBy: acting.person.id)
        try await acting.write { db in
            try await proposal.create(on: db)
            try await AuditLog.record(
                acting.auditDraft(
                    .proposalOpen, targetType: .proposal, targetID: try proposal.requireID().uuidString,
                    bodyID: body.id?.uuidString, role: actor.role,
                    after: "\(cleanTitle); SOP \(definition.identity.number); langkah \(first.number)"), on: db)
        }
        return proposal
    }

    // MARK: Memo, opinion, meeting, documents

    static func recordMemo(_ ctx: ProposalContext, number: String, text: String, acting: Acting) async throws {
        let (step, role) = try ctx.requireActor(acting.person, for: .prepareProposal)
        guard step.recordsMemo else { throw ProcedureError.notAllowedAtThisStep("Mencatat nota dinas") }
        guard let number = number.nilIfBlank else {
            throw ProcedureError.invalid(["memoNumber": "Nomor nota dinas wajib diisi."])
        }
        ctx.proposal.memoNumber = number
        ctx.proposal.memoText = text.nilIfBlank
        try await VersionedWrite.change(ctx.proposal, acting: acting) { db in
            try await AuditLog.record(
                acting.auditDraft(
                    .proposalMemo, targetType: .proposal, targetID: ctx.proposal.id?.uuidString,
                    bodyID: ctx.body.id?.uuidString, role: role, after: "Nota Dinas \(number)"), on: db)
        }
    }

    static func recordOpinion(_ ctx: ProposalContext, text: String, acting: Acting) async throws {
        let (step, role) = try ctx.requireActor(acting.person, for: .advise)
        guard step.recordsPanelOpinion else { throw ProcedureError.notAllowedAtThisStep("Mencatat pertimbangan") }
        guard let opinion = text.nilIfBlank else {
            throw ProcedureError.invalid(["panelOpinion": "Isi pertimbangan wajib diisi."])
        }
        ctx.proposal.panelOpinion = opinion
        try await VersionedWrite.change(ctx.proposal, acting: acting) { db in
            try await AuditLog.record(
                acting.auditDraft(
                    .proposalOpinion, targetType: .proposal, targetID: ctx.proposal.id?.uuidString,
                    bodyID: ctx.body.id?.uuidString, role: role, after: opinion), on: db)
        }
    }

    /// The test meeting: when, where, who took part ("Nama — Jabatan", one per line).
    static func recordMeeting(
        _ ctx: ProposalContext, date: String, place: String, participants: String, acting: Acting
    ) async throws {
        // Said first: at a later step no one records the meeting, whatever their role.
        guard ctx.currentStep?.effect.allowsEditingItems ?? false else {
            throw ProcedureError.notAllowedAtThisStep("Mencatat rapat uji")
        }
        let (_, role) = try ctx.requireActor(acting.person, for: ctx.currentStep?.effect.action ?? .testItem)
        var errors: [String: String] = [:]
        let day = LocalDate(iso: date)
        if day == nil { errors["meetingDate"] = "Tanggal rapat wajib diisi (TTTT-BB-HH)." }
        if place.nilIfBlank == nil { errors["meetingPlace"] = "Tempat rapat wajib diisi." }
        let people = participants.split(whereSeparator: \.isNewline).compactMap { String($0).nilIfBlank }
        if people.isEmpty {
            errors["meetingParticipants"] = "Sebut peserta rapat, satu per baris: Nama — Jabatan."
        } else if let day {
            // An old meeting may be recorded (a paper test being entered); it cannot carry a decree.
            let problems = TestMeeting(date: day, place: place, participants: people).problems(decreeDate: ctx.today(acting.now))
            for problem in problems where !problem.isAge {
                errors[problem.field] = problem.description
            }
        }
        guard errors.isEmpty, let day else { throw ProcedureError.invalid(errors) }
        ctx.proposal.meetingDate = day
        ctx.proposal.meetingPlace = place.nilIfBlank
        ctx.proposal.meetingParticipants = people.joined(separator: "\n")
        try await VersionedWrite.change(ctx.proposal, acting: acting) { db in
            try await AuditLog.record(
                acting.auditDraft(
                    .proposalMeeting, targetType: .proposal, targetID: ctx.proposal.id?.uuidString,
                    bodyID: ctx.body.id?.uuidString, role: role,
                    after: "\(date), \(place), \(people.count) peserta"), on: db)
        }
    }

    /// The test sheet signed by the meeting's participants, which any SOP may keep.
    static let signedTestSheet = "Lembar pengujian konsekuensi bertanda tangan"
    /// The blacked-out version of a partly exempted item, given on request (UU 14/2008 Ps 22(7)(e)).
    static let redactedVersion = "Versi yang dihitamkan"

    static let documentTypes: [SniffedType] = [.pdf, .png, .jpeg, .officeOpenXML, .officeLegacy, .openDocument]

    /// Attaches a file: a required document of the SOP (`requirement`) or an item's soft copy (`itemID`).
    static func attach(
        _ ctx: ProposalContext, file: File, requirement: String?, itemID: UUID?, acting: Acting
    ) async throws -> ProposalDocument {
        let (_, role) = try ctx.requireActor(acting.person, for: ctx.currentStep?.effect.action ?? .archive)
        let requirement = requirement?.nilIfBlank
        var errors: [String: String] = [:]
        if requirement == nil, itemID == nil {
            errors["requirement"] = "Sebut kelengkapan yang dipenuhi berkas ini, atau informasi yang disalin."
        }
        if requirement == redactedVersion {
            let partly = ctx.items.first { $0.id == itemID }.flatMap { ctx.test(of: $0) }.map { $0.verdict != .closed && $0.verdict.exempts }
            if partly != true { errors["itemID"] = "Versi yang dihitamkan hanya untuk informasi yang dikecualikan sebagian." }
        } else if let requirement, requirement != signedTestSheet,
            !ctx.definition.steps.contains(where: {
                $0.requiredDocuments.contains { $0.name == requirement && $0.kind.acceptsUpload }
            })
        {
            errors["requirement"] =
                "'\(requirement)' bukan kelengkapan yang diunggah dalam SOP \(ctx.definition.identity.number)."
        }
        if let itemID, !ctx.items.contains(where: { $0.id == itemID }) {
            errors["itemID"] = "Informasi ini tidak ada dalam usulan."
        }
        let checked: (type: SniffedType, data: Data)
        do {
            checked = try FileIntake.check(
                file, allowed: documentTypes, maxBytes: acting.maxUploadBytes)
        } catch {
            errors["file"] = error.description
            throw ProcedureError.invalid(errors)
        }
        guard errors.isEmpty else { throw ProcedureError.invalid(errors) }
        let stored = FileIntake.stored(checked.data, type: checked.type, name: file.filename, by: acting.person)
        let document = ProposalDocument(
            proposalID: try ctx.proposal.requireID(), itemID: itemID, requirement: requirement,
            fileID: UUID(), uploadedBy: acting.person.id)
        try await VersionedWrite.change(ctx.proposal, acting: acting) { db in
            try await stored.create(on: db)
            document.$file.id = try stored.requireID()
            try await document.create(on: db)
            try await AuditLog.record(
                acting.auditDraft(
                    .documentUpload, targetType: .document, targetID: try document.requireID().uuidString,
                    bodyID: ctx.body.id?.uuidString, role: role,
                    after:
                        "\(stored.originalName) (\(requirement ?? "salinan informasi")), \(stored.size) bita, SHA-256 \(stored.sha256)"
                ),
                on: db)
        }
        return document
    }

    // MARK: Steps

    /// Completes the current step. With `expectedVersion`, a proposal changed since the actor's
    /// view is refused, so two officers acting at once cannot both apply.
    /// At the step that issues the decree, `acknowledgements` are the keys ("itemID:code") of the
    /// warnings the head declares read; every warning must be among them to agree.
    static func completeStep(
        _ proposalID: UUID, stepNumber: Int, decision: ProposalWorkflow.Decision?, expectedVersion: Int?,
        acknowledgements: Set<String> = [], acting: Acting
    ) async throws -> ProposalWorkflow.Outcome {
        let library = acting.sopLibrary
        return try await acting.write { db in
            try await VersionedWrite.lock(Proposal.self, proposalID, on: db)
            let ctx = try await ProposalContext.load(proposalID, library: library, on: db)
            if let expectedVersion, expectedVersion != ctx.proposal.version { throw ProcedureError.staleVersion }
            guard let step = ctx.definition.step(number: stepNumber) else {
                throw ProcedureError.workflow(.unknownStep(stepNumber))
            }
            try acting.person.require(step.effect.action, on: ctx.place)
            let now = acting.now
            let outcome: ProposalWorkflow.Outcome
            do {
                outcome = try ctx.workflow.complete(
                    current: ctx.proposal.currentStep, stepNumber: stepNumber, roles: ctx.roles(of: acting.person),
                    decision: decision,
                    facts: ctx.facts(now: now, expiry: acting.services.expiryRules, acknowledging: acknowledgements))
            } catch let error as WorkflowError {
                throw ProcedureError.workflow(error)
            }
            let role = ctx.definition.actor(for: step).role
            let (decisionCode, note): (String?, String?) =
                switch decision {
                case .agree: ("agree", nil)
                case let .disagree(text): ("disagree", text.trimmingCharacters(in: .whitespacesAndNewlines))
                case nil: (nil, nil)
                }
            let record = ProposalStep(
                proposalID: proposalID, stepNumber: stepNumber, startedAt: ctx.proposal.currentStepStartedAt ?? now,
                dueAt: ctx.proposal.currentStepDueAt, completedAt: now, actorID: acting.person.id, actorRole: role.rawValue,
                decision: decisionCode, note: note)
            (record.actorName, record.actorPosition) = (acting.person.name, acting.person.position)
            try await record.create(on: db)
            let nextNumber: Int? =
                switch outcome.next {
                case let .step(number), let .returned(to: number): number
                case .finished: nil
                }
            ctx.proposal.currentStep = nextNumber
            ctx.proposal.currentStepStartedAt = nextNumber == nil ? nil : now
            ctx.proposal.currentStepDueAt = try nextNumber.flatMap(ctx.definition.step(number:)).flatMap {
                try ctx.workflow.due(
                    $0, startedAt: now, zone: ctx.zone, calendar: acting.calendar, hours: ctx.body.workingHours)?.value
            }
            ctx.proposal.status = nextNumber == nil ? .completed : .inProgress
            ctx.proposal.version += 1
            try await ctx.proposal.save(on: db)
            let summary =
                switch outcome.next {
                case let .step(number): "langkah \(step.label) selesai; lanjut ke langkah \(ctx.definition.label(of: number))"
                case let .returned(to: number):
                    "langkah \(step.label): tidak setuju, dikembalikan ke langkah \(ctx.definition.label(of: number)). "
                        + "Catatan: \(note ?? "")"
                case .finished: "langkah \(step.label) selesai; usulan selesai"
                }
            try await AuditLog.record(
                acting.auditDraft(
                    decisionCode == "disagree" ? .proposalReturn : .proposalStep, targetType: .proposal,
                    targetID: proposalID.uuidString, bodyID: ctx.body.id?.uuidString, role: role,
                    before: "langkah \(step.label)", after: summary), on: db)
            try await tellNextActors(ctx, after: step, outcome: outcome, acting: acting, on: db)
            if outcome.issuesDecree {
                try await recordAcknowledgements(ctx, role: role, acting: acting, on: db)
                try await DecreeIssuer.issue(ctx, date: ctx.today(now), acting: acting, on: db)
            }
            return outcome
        }
    }

    /// Keeps, with the decree's approval, the head's acknowledgement of every warning not yet
    /// acknowledged (the engine refused the approval unless each was), and records it in the history.
    private static func recordAcknowledgements(
        _ ctx: ProposalContext, role: Role, acting: Acting, on db: any Database
    ) async throws {
        let stored = Set(ctx.acknowledgements.map(\.key))
        let fresh = ctx.warnings(on: ctx.today(acting.now), expiry: acting.services.expiryRules)
            .filter { !stored.contains($0.key) }
        guard !fresh.isEmpty else { return }
        let proposalID = try ctx.proposal.requireID()
        for warning in fresh {
            try await WarningAcknowledgement(
                proposalID: proposalID, itemID: warning.item.storedID, code: warning.warning.code,
                text: warning.warning.description, by: acting.person.id, name: acting.person.name, at: acting.now
            ).create(on: db)
        }
        try await AuditLog.record(
            acting.auditDraft(
                .warningAcknowledge, targetType: .proposal, targetID: proposalID.uuidString, bodyID: ctx.body.id?.uuidString,
                role: role,
                after: "\(fresh.count) peringatan dinyatakan telah dibaca: "
                    + fresh.map { "\($0.item.title) — \($0.warning.code)" }.joined(separator: "; ")),
            on: db)
    }
}
