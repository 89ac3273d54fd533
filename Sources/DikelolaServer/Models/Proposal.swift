import DikelolaCore
import Fluent
import Foundation

/// A proposal of a unit: the "Form daftar informasi yang akan dikecualikan" travelling through
/// the steps of the unit's SOP.
final class Proposal: Model, @unchecked Sendable {
    static let schema = "proposals"

    @ID(key: .id) var id: UUID?
    @Parent(key: "body_id") var body: PublicBody
    @Parent(key: "unit_id") var unit: Unit
    /// The SOP definition it runs, fixed when it opens.
    @Field(key: "sop_id") var sopID: String
    @Field(key: "title") var title: String
    /// `inProgress` or `completed`.
    @Field(key: "status") var status: ProposalStatus
    @OptionalField(key: "current_step") var currentStep: Int?
    @OptionalField(key: "current_step_started_at") var currentStepStartedAt: Date?
    @OptionalField(key: "current_step_due_at") var currentStepDueAt: Date?
    /// Nota dinas of an instruct step.
    @OptionalField(key: "memo_number") var memoNumber: String?
    @OptionalField(key: "memo_text") var memoText: String?
    /// Pertimbangan of the Tim Pertimbangan.
    @OptionalField(key: "panel_opinion") var panelOpinion: String?
    /// The test meeting: ISO date, place, participants (one per line: name — position).
    @OptionalField(key: "meeting_date") var meetingDate: LocalDate?
    @OptionalField(key: "meeting_place") var meetingPlace: String?
    @OptionalField(key: "meeting_participants") var meetingParticipants: String?
    @Field(key: "created_by") var createdBy: UUID
    /// Raised by every change; a change based on an older version is refused (two officers at once).
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    @Children(for: \.$proposal) var items: [ProposalItem]

    init() {}

    init(bodyID: UUID, unitID: UUID, sopID: String, title: String, firstStep: Int, startedAt: Date, dueAt: Date?, createdBy: UUID)
    {
        self.$body.id = bodyID
        self.$unit.id = unitID
        self.sopID = sopID
        self.title = title
        self.status = .inProgress
        self.currentStep = firstStep
        self.currentStepStartedAt = startedAt
        self.currentStepDueAt = dueAt
        self.createdBy = createdBy
        self.version = 1
    }
}

/// One information item of a proposal, with its consequence test and where its copies are.
final class ProposalItem: Model, @unchecked Sendable {
    static let schema = "proposal_items"

    @ID(key: .id) var id: UUID?
    @Parent(key: "proposal_id") var proposal: Proposal
    @Field(key: "title") var title: String
    @Field(key: "description") var description: String
    @Parent(key: "holding_unit_id") var holdingUnit: Unit
    /// `soft`, `hard` or `both`.
    @Field(key: "form") var form: InformationForm
    @OptionalField(key: "made_when") var madeWhen: String?
    @OptionalField(key: "made_where") var madeWhere: String?
    @OptionalField(key: "archive_code") var archiveCode: String?
    /// `aktif`, `inaktif`, `statis` or `vital` (`ArchiveStage`).
    @Field(key: "archive_stage") var archiveStage: String
    // Hard-copy location.
    @OptionalField(key: "location_building") var locationBuilding: String?
    @OptionalField(key: "location_room") var locationRoom: String?
    @OptionalField(key: "location_cabinet") var locationCabinet: String?
    @OptionalField(key: "location_box") var locationBox: String?
    @OptionalField(key: "location_folder") var locationFolder: String?
    // The consequence test.
    @OptionalField(key: "ground_code") var groundCode: String?
    @OptionalField(key: "other_statute") var otherStatute: String?
    @OptionalField(key: "if_opened") var ifOpened: String?
    @OptionalField(key: "if_closed") var ifClosed: String?
    @OptionalField(key: "verdict") var verdict: String?
    /// JSON array of the parts blacked out, for a partial exemption.
    @OptionalField(key: "parts") var parts: String?
    /// What stays open of a partly exempted item (UU 14/2008 Ps 22(7)(e)).
    @OptionalField(key: "open_part") var openPart: String?
    /// JSON of `ExemptionPeriod`.
    @OptionalField(key: "period") var period: String?
    @OptionalField(key: "reason") var reason: String?
    @OptionalField(key: "tested_at") var testedAt: Date?
    @OptionalField(key: "tested_by") var testedBy: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(proposalID: UUID, title: String, description: String, holdingUnitID: UUID, form: InformationForm) {
        self.$proposal.id = proposalID
        self.title = title
        self.description = description
        self.$holdingUnit.id = holdingUnitID
        self.form = form
        self.archiveStage = ArchiveStage.active.rawValue
    }

    var hasHardCopyLocation: Bool {
        [locationBuilding, locationRoom, locationCabinet, locationBox, locationFolder].contains { !($0 ?? "").isEmpty }
    }
}

/// A step taken: who, in which role, when, with which decision and note.
final class ProposalStep: Model, @unchecked Sendable {
    static let schema = "proposal_steps"

    @ID(key: .id) var id: UUID?
    @Parent(key: "proposal_id") var proposal: Proposal
    @Field(key: "step_number") var stepNumber: Int
    @Field(key: "started_at") var startedAt: Date
    @OptionalField(key: "due_at") var dueAt: Date?
    @Field(key: "completed_at") var completedAt: Date
    @Field(key: "actor_id") var actorID: UUID
    @Field(key: "actor_role") var actorRole: String
    /// `agree`, `disagree`, or nil for a step without a decision.
    @OptionalField(key: "decision") var decision: String?
    @OptionalField(key: "note") var note: String?
    /// The actor as named when the step was done (nil for steps recorded before this was kept).
    @OptionalField(key: "actor_name") var actorName: String?
    @OptionalField(key: "actor_position") var actorPosition: String?

    init() {}

    init(
        proposalID: UUID, stepNumber: Int, startedAt: Date, dueAt: Date?, completedAt: Date, actorID: UUID, actorRole: String,
        decision: String?, note: String?
    ) {
        self.$proposal.id = proposalID
        self.stepNumber = stepNumber
        self.startedAt = startedAt
        self.dueAt = dueAt
        self.completedAt = completedAt
        self.actorID = actorID
        self.actorRole = actorRole
        self.decision = decision
        self.note = note
    }
}

/// A file attached to a proposal: a required document of a step, or an item's soft copy.
final class ProposalDocument: Model, @unchecked Sendable {
    static let schema = "proposal_documents"

    @ID(key: .id) var id: UUID?
    @Parent(key: "proposal_id") var proposal: Proposal
    @OptionalParent(key: "item_id") var item: ProposalItem?
    /// The SOP's requirement name it satisfies, or nil for an item's copy.
    @OptionalField(key: "requirement") var requirement: String?
    @Parent(key: "file_id") var file: StoredFile
    @Field(key: "uploaded_by") var uploadedBy: UUID
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(proposalID: UUID, itemID: UUID?, requirement: String?, fileID: UUID, uploadedBy: UUID) {
        self.$proposal.id = proposalID
        self.$item.id = itemID
        self.requirement = requirement
        self.$file.id = fileID
        self.uploadedBy = uploadedBy
    }
}
