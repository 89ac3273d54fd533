/// How an item came into the list of public information (DIP): found open by its consequence test,
/// given as its blacked-out version when exempted only in part (UU 14/2008 Ps 22(7)(e)), opened by
/// an opening decree (PP 61/2010 Ps 11(2)), opened by law on its end date (Ps 11(3)), or opened by
/// an objection decision or a ruling of the Information Commission or a court (UU 14/2008 Ps 11(2)).
public enum PublicInformationSource: String, Codable, Sendable, CaseIterable {
    case testedOpen
    case partlyOpen
    case openedByDecree
    case openedByLaw
    case openedByRuling
}
