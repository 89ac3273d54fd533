/// A body's SOP "Pendokumentasian Informasi yang Dikecualikan", as data: who acts, in which
/// steps, with which documents, in what time, producing what. One engine runs every definition;
/// the four seed SOPs ship as files in `Resources/sops/`, and an administrator adds a fifth as a
/// file, with no code change.
public struct SOPDefinition: Hashable, Sendable {
    /// A stable key, e.g. `sanggau-kominfo-2021`.
    public let id: String
    public let identity: Identity
    public let legalBasis: [String]
    public let qualifications: [String]
    public let equipment: [String]
    public let warnings: [String]
    /// Pencatatan dan pendataan: how records are kept.
    public let records: [String]
    /// Keterkaitan: related SOPs.
    public let related: [String]
    public let actors: [Actor]
    public let steps: [Step]

    public struct Identity: Hashable, Sendable {
        public let number: String
        public let name: String
        public let body: String
        public let unit: String?
        public let made: SOPDate?
        public let revised: SOPDate?
        public let effective: SOPDate?
        public let approvedBy: Signatory?
    }

    public struct Signatory: Hashable, Sendable {
        public let name: String
        public let position: String
        public let rank: String?
        public let nip: NIP?
    }

    /// A column of the SOP's "Pelaksana" table, mapped to a role of the system.
    public struct Actor: Hashable, Sendable {
        public let key: String
        /// The title the SOP uses, e.g. "Petugas Teknis PPID".
        public let title: String
        public let role: Role
    }

    public struct Step: Hashable, Sendable {
        /// 1-based, in the order of the SOP.
        public let number: Int
        public let activity: String
        /// Who does it, one of the SOP's actors (the loader refuses a step naming another).
        public let actor: Actor
        public var actorKey: String { actor.key }
        public let effect: StepEffect
        /// Kelengkapan / persyaratan: documents without which the step cannot be completed.
        public let requiredDocuments: [Requirement]
        public let time: TimeStandard
        public let output: String
        /// What kind of document the output is, when the definition says: a step whose output is
        /// the memo or the panel's opinion records it before it completes.
        public let outputKind: DocumentRequirement?
        /// For decision steps: where "setuju" and "tidak setuju" lead.
        public let decision: Decision?
        /// The classification decree (SK) is produced when this step completes (or agrees).
        public let issuesDecree: Bool
        public let note: String?
        /// How the step is named to people: its number in the SOP ("3"), or for a step the law
        /// adds, the number of the SOP's step it follows and a letter ("3a").
        public let label: String
        /// The law added this step where the SOP is silent or wrong (see `HeadApproval`); the
        /// definition cannot remove it.
        public let isStatutory: Bool

        public init(
            number: Int, activity: String, actor: Actor, effect: StepEffect, requiredDocuments: [Requirement],
            time: TimeStandard, output: String, outputKind: DocumentRequirement? = nil, decision: Decision?,
            issuesDecree: Bool, note: String?, label: String? = nil, isStatutory: Bool = false
        ) {
            self.outputKind = outputKind
            self.number = number
            self.activity = activity
            self.actor = actor
            self.effect = effect
            self.requiredDocuments = requiredDocuments
            self.time = time
            self.output = output
            self.decision = decision
            self.issuesDecree = issuesDecree
            self.note = note
            self.label = label ?? String(number)
            self.isStatutory = isStatutory
        }

        /// The memo (nota dinas) is recorded at this step: it instructs, or its output is the memo.
        public var recordsMemo: Bool { effect == .instruct || outputKind == .memo }
        /// The panel's opinion is recorded here: it advises, or its output is the opinion.
        public var recordsPanelOpinion: Bool { effect == .advise || outputKind == .panelOpinion }
    }

    /// A document a step requires: its name as the SOP writes it, and its kind.
    /// (See also `Step.recordsMemo` and `Step.recordsPanelOpinion`.)
    public struct Requirement: Hashable, Sendable {
        public let name: String
        public let kind: DocumentRequirement

        public init(name: String, kind: DocumentRequirement) {
            self.name = name
            self.kind = kind
        }
    }

    public struct Decision: Hashable, Sendable {
        /// The step that follows "setuju"; nil ends the procedure.
        public let onAgree: Int?
        /// The step "tidak setuju" returns the proposal to, with a mandatory note.
        public let onDisagree: Int
    }

    public func actor(for step: Step) -> Actor { step.actor }

    public func step(number: Int) -> Step? { steps.first { $0.number == number } }

    /// The steps a proposal walks through; opening expired items is a procedure of its own.
    public var proposalSteps: [Step] { steps.filter { $0.effect != .openExpired } }

    /// The step after `number` when it completes without a decision (or with "setuju"): the next
    /// in the SOP's order, where a step the law adds sits after the step it follows.
    public func next(after number: Int) -> Int? {
        guard let step = step(number: number) else { return nil }
        if let decision = step.decision { return decision.onAgree }
        let order = proposalSteps
        guard let index = order.firstIndex(where: { $0.number == number }), index + 1 < order.count else { return nil }
        return order[index + 1].number
    }

    /// The first step, in the proposal's order, that makes a document of `kind`: the decree step,
    /// the step that records the memo or the panel's opinion, the testing step, the list's step.
    public func producer(of kind: DocumentRequirement) -> Step? {
        proposalSteps.first { step in
            switch kind {
            case .decree: step.issuesDecree
            case .memo: step.effect == .instruct || step.outputKind == .memo
            case .panelOpinion: step.effect == .advise || step.outputKind == .panelOpinion
            case .testSheets: step.effect == .consequenceTest
            case .itemList: step.effect.allowsEditingItems
            case .itemDocuments: step.effect == .archive
            case .upload: false
            }
        }
    }

    /// Whether a requirement of `step` is a document a later step makes: it is satisfied by that
    /// step and does not hold this one up ("SK" named before the decree exists).
    public func isMadeLater(_ requirement: Requirement, than step: Step) -> Bool {
        guard let producer = producer(of: requirement.kind), producer.number != step.number else { return false }
        let order = proposalSteps.map(\.number)
        guard let made = order.firstIndex(of: producer.number), let here = order.firstIndex(of: step.number) else { return false }
        return made > here
    }

    /// The step's label ("3", "3a"), or its number when unknown.
    public func label(of number: Int) -> String { step(number: number)?.label ?? String(number) }
}

/// What a step does to a proposal, from a small fixed vocabulary, so one engine runs every SOP.
public enum StepEffect: String, CaseIterable, Sendable, Hashable {
    /// Identify and gather the information items (Form daftar informasi yang akan dikecualikan).
    case collectItems
    /// Order the coordination and the testing (Nota Dinas).
    case instruct
    /// Test each item (lembar pengujian konsekuensi); cannot complete while an item is untested.
    case consequenceTest
    /// The Tim Pertimbangan gives its opinion.
    case advise
    /// Check the list; with a decision, "tidak setuju" returns it.
    case review
    /// The head approves and signs.
    case approveAndSign
    /// Clarify and sort the items by exemption period.
    case classifyByPeriod
    /// Store soft and hard copies; record where.
    case archive
    /// Open items whose period has ended (PP 61/2010 Ps 11).
    case openExpired
    /// Upload the register (DIK) to the PPID website.
    case publish

    public var indonesian: String {
        switch self {
        case .collectItems: "Menghimpun informasi"
        case .instruct: "Memerintahkan koordinasi (nota dinas)"
        case .consequenceTest: "Uji konsekuensi"
        case .advise: "Pertimbangan Tim Pertimbangan"
        case .review: "Pemeriksaan"
        case .approveAndSign: "Persetujuan dan penandatanganan"
        case .classifyByPeriod: "Klasifikasi menurut jangka waktu"
        case .archive: "Pengarsipan"
        case .openExpired: "Pembukaan informasi yang habis jangka waktunya"
        case .publish: "Publikasi DIK"
        }
    }

    /// Items are added, corrected or removed, and the test meeting recorded, only while the list is
    /// being made: at the gathering step and at the testing step.
    public var allowsEditingItems: Bool { self == .collectItems || self == .consequenceTest }

    /// An item's consequence test is filled in while the list is made, and may still be corrected
    /// when the items are sorted by period (the period is part of the test).
    public var allowsTesting: Bool { allowsEditingItems || self == .classifyByPeriod }
}

/// A date in an SOP's header, which may name only a month ("Mei 2022").
public enum SOPDate: Hashable, Sendable, CustomStringConvertible {
    case day(LocalDate)
    case month(year: Int, month: Int)

    /// Reads `2022-05-25` or `2022-05`.
    public init?(_ text: String) {
        if let date = LocalDate(iso: text) {
            self = .day(date)
        } else if let date = LocalDate(iso: text + "-01") {
            self = .month(year: date.year, month: date.month)
        } else {
            return nil
        }
    }

    public var description: String {
        switch self {
        case let .day(date): IndonesianFormat.date(date)
        case let .month(year, month): "\(IndonesianFormat.monthNames[month - 1]) \(year)"
        }
    }
}
