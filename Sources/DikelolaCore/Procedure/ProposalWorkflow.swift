import Foundation

/// Runs a proposal through its unit's SOP: which step is current, who may complete it, what is
/// still missing, and where "setuju" and "tidak setuju" lead. One engine for every definition; the
/// differences between bodies live in their SOP files.
///
/// The engine is pure: the caller tells it the facts of the proposal (`Facts`) and applies the
/// outcome. The step that opens expired items is not part of a proposal (see
/// `SOPDefinition.proposalSteps`).
public struct ProposalWorkflow: Sendable {
    public let definition: SOPDefinition

    public init(definition: SOPDefinition) { self.definition = definition }

    /// The step a new proposal starts at.
    public var firstStep: SOPDefinition.Step { definition.proposalSteps[0] }

    /// Who starts a proposal: the actor of its first step.
    public var opener: SOPDefinition.Actor { definition.actor(for: firstStep) }

    /// What the caller knows about the proposal.
    public struct Facts: Sendable {
        public var itemCount: Int
        /// Titles of items without a test.
        public var untestedItems: [String]
        /// Titles of items whose test has errors (see `ConsequenceTest.findings`).
        public var itemsWithTestErrors: [String]
        /// Titles of exempted items with neither a soft copy nor a hard-copy location.
        public var exemptedItemsWithoutDocuments: [String]
        public var hasDecree: Bool
        public var hasMemo: Bool
        public var hasPanelOpinion: Bool
        /// Requirement names for which a file was uploaded.
        public var uploadedRequirements: Set<String>
        /// What keeps the recorded test meeting from supporting a decree today (UU 14/2008 Ps 19).
        public var meetingProblems: [TestMeeting.Problem]
        /// Warnings of the items' tests that the head has not acknowledged, as "Item: warning".
        public var unacknowledgedWarnings: [String]
        /// Titles of partly exempted items whose blacked-out version is not uploaded.
        public var partlyExemptedWithoutRedaction: [String]

        public init(
            itemCount: Int = 0, untestedItems: [String] = [], itemsWithTestErrors: [String] = [],
            exemptedItemsWithoutDocuments: [String] = [], hasDecree: Bool = false, hasMemo: Bool = false,
            hasPanelOpinion: Bool = false, uploadedRequirements: Set<String> = [],
            meetingProblems: [TestMeeting.Problem] = [], unacknowledgedWarnings: [String] = [],
            partlyExemptedWithoutRedaction: [String] = []
        ) {
            self.partlyExemptedWithoutRedaction = partlyExemptedWithoutRedaction
            self.itemCount = itemCount
            self.untestedItems = untestedItems
            self.itemsWithTestErrors = itemsWithTestErrors
            self.exemptedItemsWithoutDocuments = exemptedItemsWithoutDocuments
            self.hasDecree = hasDecree
            self.hasMemo = hasMemo
            self.hasPanelOpinion = hasPanelOpinion
            self.uploadedRequirements = uploadedRequirements
            self.meetingProblems = meetingProblems
            self.unacknowledgedWarnings = unacknowledgedWarnings
        }
    }

    /// Why a step cannot be completed yet.
    public enum Blocker: Hashable, Sendable, CustomStringConvertible {
        case missingDocument(String)
        case noItems
        case untested([String])
        case testErrors([String])
        case documentsMissing([String])
        case memoMissing
        case panelOpinionMissing
        case testMeeting(TestMeeting.Problem)
        case warningsNotAcknowledged([String])
        case redactedVersionsMissing([String])

        public var description: String {
            switch self {
            case let .missingDocument(name): "Kelengkapan belum ada: \(name)."
            case .noItems: "Belum ada informasi dalam daftar."
            case let .untested(titles): "Belum diuji konsekuensi: \(titles.joined(separator: "; "))."
            case let .testErrors(titles):
                "Uji konsekuensi belum lengkap atau melanggar ketentuan: \(titles.joined(separator: "; "))."
            case let .documentsMissing(titles):
                "Belum ada berkas digital atau lokasi arsip fisik: \(titles.joined(separator: "; "))."
            case .memoMissing: "Nota dinas belum dicatat."
            case .panelOpinionMissing: "Pertimbangan Tim Pertimbangan belum dicatat."
            case let .testMeeting(problem): problem.description
            case let .redactedVersionsMissing(titles):
                "Versi yang dihitamkan belum diunggah: \(titles.joined(separator: "; ")). Bagian yang terbuka dari informasi "
                    + "yang dikecualikan sebagian diberikan dalam versi itu (UU 14/2008 Pasal 22 ayat 7 huruf e)."
            case let .warningsNotAcknowledged(warnings):
                "Pimpinan wajib menyatakan telah membaca setiap peringatan uji konsekuensi sebelum menyetujui: "
                    + warnings.joined(separator: " ")
            }
        }
    }

    /// Everything that keeps `step` from being completed; empty when it can be.
    public func blockers(for step: SOPDefinition.Step, facts: Facts) -> [Blocker] {
        var found: [Blocker] = []
        for requirement in step.requiredDocuments where !isSatisfied(requirement, at: step, facts: facts) {
            found.append(.missingDocument(requirement.name))
        }
        // A step that instructs, or whose output is the memo, records the memo; likewise the opinion.
        if step.recordsMemo, !facts.hasMemo { found.append(.memoMissing) }
        if step.recordsPanelOpinion, !facts.hasPanelOpinion { found.append(.panelOpinionMissing) }
        switch step.effect {
        case .collectItems:
            if facts.itemCount == 0 { found.append(.noItems) }
        case .consequenceTest, .classifyByPeriod:
            if facts.itemCount == 0 { found.append(.noItems) }
            if !facts.untestedItems.isEmpty { found.append(.untested(facts.untestedItems)) }
            if !facts.itemsWithTestErrors.isEmpty { found.append(.testErrors(facts.itemsWithTestErrors)) }
        case .archive:
            if !facts.exemptedItemsWithoutDocuments.isEmpty {
                found.append(.documentsMissing(facts.exemptedItemsWithoutDocuments))
            }
            if !facts.partlyExemptedWithoutRedaction.isEmpty {
                found.append(.redactedVersionsMissing(facts.partlyExemptedWithoutRedaction))
            }
        case .instruct, .advise, .review, .approveAndSign, .openExpired, .publish:
            break
        }
        // No exemption is decreed on untested or unlawful items (UU 14/2008 Ps 19; PP 61/2010 Ps 4).
        if step.issuesDecree, ![.consequenceTest, .classifyByPeriod].contains(step.effect) {
            if !facts.untestedItems.isEmpty { found.append(.untested(facts.untestedItems)) }
            if !facts.itemsWithTestErrors.isEmpty { found.append(.testErrors(facts.itemsWithTestErrors)) }
        }
        // UU 14/2008 Ps 19: the test is the PPID's, done at a meeting the sheet records: checked
        // where the test is done, so the officer learns it there, not when the head cannot approve.
        if step.issuesDecree || step.effect == .consequenceTest { found += facts.meetingProblems.map { .testMeeting($0) } }
        // The warnings (Ps 18, Ps 9, Ps 11, the letter, the horizon) are the head's to weigh, each one.
        if step.issuesDecree, !facts.unacknowledgedWarnings.isEmpty {
            found.append(.warningsNotAcknowledged(facts.unacknowledgedWarnings))
        }
        return found
    }

    /// Whether the proposal already has a document `step` requires, or a later step makes it.
    public func isSatisfied(_ requirement: SOPDefinition.Requirement, at step: SOPDefinition.Step, facts: Facts) -> Bool {
        if definition.isMadeLater(requirement, than: step) { return true }
        if requirement.kind.acceptsUpload, facts.uploadedRequirements.contains(requirement.name) { return true }
        switch requirement.kind {
        case .itemList: return facts.itemCount > 0
        case .testSheets: return facts.itemCount > 0 && facts.untestedItems.isEmpty
        case .decree: return facts.hasDecree
        case .memo: return facts.hasMemo
        case .panelOpinion: return facts.hasPanelOpinion
        case .itemDocuments: return facts.itemCount > 0 && facts.exemptedItemsWithoutDocuments.isEmpty
        case .upload: return false
        }
    }

    public enum Decision: Hashable, Sendable {
        case agree
        case disagree(note: String)
    }

    public enum Next: Hashable, Sendable {
        case step(Int)
        /// "Tidak setuju": back to an earlier step, with the note.
        case returned(to: Int)
        case finished
    }

    public struct Outcome: Hashable, Sendable {
        public let next: Next
        /// The classification decree is produced now.
        public let issuesDecree: Bool
    }

    /// Completes the current step, acted by someone holding `roles` (for this proposal's unit).
    public func complete(
        current: Int?, stepNumber: Int, roles: Set<Role>, decision: Decision?,
        facts: Facts
    ) throws(WorkflowError) -> Outcome {
        guard let current else { throw .finished }
        guard stepNumber == current else {
            throw .notCurrentStep(current: definition.label(of: current), attempted: definition.label(of: stepNumber))
        }
        guard let step = definition.step(number: stepNumber) else { throw .unknownStep(stepNumber) }
        let actor = definition.actor(for: step)
        guard roles.contains(actor.role) else { throw .wrongRole(required: actor, held: roles) }
        if step.decision != nil, decision == nil { throw .decisionRequired }
        if step.decision == nil, decision != nil { throw .decisionNotOffered }
        if case let .disagree(note) = decision, let offered = step.decision {
            guard !note.trimmingWhitespace.isEmpty else { throw .noteRequired }
            // Returning needs nothing complete: that is the point of returning.
            return Outcome(next: .returned(to: offered.onDisagree), issuesDecree: false)
        }
        let blockers = blockers(for: step, facts: facts)
        guard blockers.isEmpty else { throw .blocked(blockers) }
        let next: Next = definition.next(after: stepNumber).map { .step($0) } ?? .finished
        return Outcome(next: next, issuesDecree: step.issuesDecree)
    }

    /// When a step started at `start` is due, in the body's zone and working hours; nil for a
    /// tentative step.
    public func due(
        _ step: SOPDefinition.Step, startedAt start: Date, zone: TimeZoneRegion,
        calendar: WorkingDayCalendar, hours: WorkingHours
    ) throws -> WorkingDayResult<Date>? {
        try step.time.due(from: start, in: zone, calendar: calendar, hours: hours, policy: .assumeWeekdaysOnly)
    }
}

public enum WorkflowError: Error, Hashable, Sendable, CustomStringConvertible {
    case finished
    /// The steps by their labels ("3a").
    case notCurrentStep(current: String, attempted: String)
    case unknownStep(Int)
    case wrongRole(required: SOPDefinition.Actor, held: Set<Role>)
    case decisionRequired
    case decisionNotOffered
    case noteRequired
    case blocked([ProposalWorkflow.Blocker])

    public var description: String {
        switch self {
        case .finished:
            "Usulan ini sudah selesai diproses."
        case let .notCurrentStep(current, attempted):
            "Langkah \(attempted) bukan langkah yang sedang berjalan (sekarang langkah \(current)); mungkin sudah diproses orang lain. Muat ulang halaman."
        case let .unknownStep(number):
            "Langkah \(number) tidak ada dalam SOP."
        case let .wrongRole(required, _):
            "Langkah ini dilakukan oleh \(required.title); Anda tidak memegang peran itu untuk unit ini."
        case .decisionRequired:
            "Pilih setuju atau tidak setuju."
        case .decisionNotOffered:
            "Langkah ini bukan langkah keputusan."
        case .noteRequired:
            "Catatan wajib diisi bila tidak setuju: jelaskan apa yang harus diperbaiki."
        case let .blocked(blockers):
            "Langkah belum dapat diselesaikan: " + blockers.map(\.description).joined(separator: " ")
        }
    }
}
