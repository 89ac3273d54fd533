import DikelolaCore
import Fluent
import Foundation

/// An opening or a re-classification of register entries whose period is ending or due for
/// review (PP 61/2010 Ps 10–11), in one unit: the PPID prepares it, the head approves it, and the
/// approval issues its decree.
final class PeriodAction: Model, @unchecked Sendable {
    static let schema = "period_actions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "body_id") var body: PublicBody
    @Parent(key: "unit_id") var unit: Unit
    /// `opening` or `reclassification` (`PeriodActionKind`).
    @Field(key: "kind") var kind: PeriodActionKind
    /// `preparing`, `awaitingApproval`, `approved` or `cancelled` (`PeriodActionStage`).
    @Field(key: "stage") var stage: PeriodActionStage
    @Field(key: "prepared_by") var preparedBy: UUID
    /// The latest lawful date of the decree (the earliest of its entries' PP 61 Ps 11(2) dates).
    @OptionalField(key: "legal_due") var legalDue: LocalDate?
    /// When the current stage is due by the SOP's time standard.
    @OptionalField(key: "stage_due_at") var stageDueAt: Date?
    @OptionalField(key: "submitted_at") var submittedAt: Date?
    @OptionalField(key: "decided_at") var decidedAt: Date?
    @OptionalField(key: "decided_by") var decidedBy: UUID?
    /// The head's note when returning it, kept until it is sent again.
    @OptionalField(key: "return_note") var returnNote: String?
    @OptionalParent(key: "decree_id") var decree: Decree?
    /// Raised by every change; a form carrying an older version is refused (double submission).
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}

/// A register entry in an opening or re-classification, with what the decision needs: for an
/// opening the DIP's fields, for a re-classification the new consequence test.
final class PeriodActionItem: Model, @unchecked Sendable {
    static let schema = "period_action_items"

    @ID(key: .id) var id: UUID?
    @Parent(key: "action_id") var action: PeriodAction
    @Parent(key: "entry_id") var entry: RegisterEntry
    // The DIP's fields (opening).
    @OptionalField(key: "summary") var summary: String?
    @OptionalField(key: "responsible") var responsible: String?
    @OptionalField(key: "retention") var retention: String?
    // The new consequence test (re-classification).
    @OptionalField(key: "ground_code") var groundCode: String?
    @OptionalField(key: "other_statute") var otherStatute: String?
    @OptionalField(key: "if_opened") var ifOpened: String?
    @OptionalField(key: "if_closed") var ifClosed: String?
    @OptionalField(key: "verdict") var verdict: String?
    @OptionalField(key: "parts") var parts: String?
    /// What stays open of a partly exempted item (UU 14/2008 Ps 22(7)(e)).
    @OptionalField(key: "open_part") var openPart: String?
    @OptionalField(key: "period") var period: String?
    @OptionalField(key: "reason") var reason: String?
    @OptionalField(key: "tested_at") var testedAt: Date?

    init() {}
}
