/// The verdict of a registered entry's test: exempted whole, or in part (the rest is public).
public enum RegisterVerdict: String, Codable, Sendable, CaseIterable {
    case closed
    case partlyClosed
}
