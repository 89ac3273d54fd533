/// Where a proposal is: running through its SOP's steps, or finished (its last step done).
public enum ProposalStatus: String, Codable, Sendable, CaseIterable {
    case inProgress
    case completed
}
