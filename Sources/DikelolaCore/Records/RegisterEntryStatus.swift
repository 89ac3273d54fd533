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

extension RegisterEntryStatus {
    /// Late ("terlambat"): the opening decree's latest date (PP 61/2010 Ps 11(2)) has passed with
    /// the entry still ending, or the review date of an event-bound period has passed with the
    /// entry still awaiting its review.
    public func isOverdue(openingDecreeDue: LocalDate?, reviewDate: LocalDate?, today: LocalDate) -> Bool {
        switch self {
        case .endingSoon: openingDecreeDue.map { $0 < today } ?? false
        case .reviewDue: reviewDate.map { $0 < today } ?? false
        case .exempted, .opened, .reclassified: false
        }
    }
}

extension ExpiryRules.Status {
    /// What the law asks by now is late: see `RegisterEntryStatus.isOverdue`.
    public func isOverdue(on today: LocalDate) -> Bool {
        switch self {
        case let .endingSoon(_, due): due < today
        case let .reviewDue(since): since < today
        case .exempted, .expired: false
        }
    }
}
