import Fluent
import Foundation

/// The head's statement, on approving a decree, that they read one warning of one item's test
/// (a Ps 18 kind, a letter the words do not fit, an end beyond the horizon …). Kept with the
/// proposal, printed on the test sheet and recorded in the history.
final class WarningAcknowledgement: Model, @unchecked Sendable {
    static let schema = "warning_acknowledgements"

    @ID(key: .id) var id: UUID?
    @Parent(key: "proposal_id") var proposal: Proposal
    @Parent(key: "item_id") var item: ProposalItem
    /// `ConsequenceTest.Warning.code`, e.g. `neverExempt.budgetOrWorkPlan`.
    @Field(key: "code") var code: String
    /// The warning as the head read it.
    @Field(key: "text") var text: String
    @Field(key: "acknowledged_by") var acknowledgedBy: UUID
    @Field(key: "acknowledged_by_name") var acknowledgedByName: String
    @Field(key: "acknowledged_at") var acknowledgedAt: Date

    init() {}

    init(proposalID: UUID, itemID: UUID, code: String, text: String, by person: UUID, name: String, at instant: Date) {
        self.$proposal.id = proposalID
        self.$item.id = itemID
        self.code = code
        self.text = text
        self.acknowledgedBy = person
        self.acknowledgedByName = name
        self.acknowledgedAt = instant
    }

    /// The key a form or API sends for one warning of one item: "itemID:code".
    static func key(item: UUID, code: String) -> String { "\(item.uuidString):\(code)" }
    var key: String { Self.key(item: $item.id, code: code) }
}
