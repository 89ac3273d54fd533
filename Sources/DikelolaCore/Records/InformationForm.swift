/// The form in which a body holds an item: a soft copy, a hard copy, or both. It decides what the
/// archive step must record (a file, a location, or both).
public enum InformationForm: String, Codable, Sendable, CaseIterable {
    case soft
    case hard
    case both

    public var hasSoftCopy: Bool { self != .hard }
    public var hasHardCopy: Bool { self != .soft }
}
