/// What a decree decides: the classification of a proposal's items (PP 61/2010 Ps 4 and 5), the
/// opening of entries before their end (Ps 11(2)), or their re-classification (Ps 10).
public enum DecreeKind: String, Codable, Sendable, CaseIterable {
    case classification
    case opening
    case reclassification

    public init(_ kind: PeriodActionKind) {
        switch kind {
        case .opening: self = .opening
        case .reclassification: self = .reclassification
        }
    }
}

extension DecreeKind {
    public var indonesian: String {
        switch self {
        case .classification: "Penetapan klasifikasi"
        case .opening: PeriodActionKind.opening.indonesian
        case .reclassification: PeriodActionKind.reclassification.indonesian
        }
    }

    public var english: String {
        switch self {
        case .classification: "Classification"
        case .opening: PeriodActionKind.opening.english
        case .reclassification: PeriodActionKind.reclassification.english
        }
    }
}
