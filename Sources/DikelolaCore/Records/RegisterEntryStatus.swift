/// The state of an entry of the register (DIK). The day's sweep moves an exempted entry to ending
/// soon (its opening decree is due, PP 61/2010 Ps 11(2)) or due for review (an event-bound period),
/// and to opened on its end date (Ps 11(3)); an opening decree opens it earlier; a
/// re-classification ends it and starts a new entry (Ps 10).
public enum RegisterEntryStatus: String, Codable, Sendable, CaseIterable {
    case exempted
    case endingSoon
    case reviewDue
    case opened
    case reclassified

    /// Still withheld from the public: in the register as published.
    public var isExempted: Bool { self == .exempted || self == .endingSoon || self == .reviewDue }

    /// Awaiting a decision at the end of its period: only these may be opened or re-classified.
    public var awaitsDecision: Bool { self == .endingSoon || self == .reviewDue }
}
