import Foundation

/// What the reading of one brought-in row found: a refusal (the row never enters the register as it
/// is), a warning (it may, once the officer has looked), or a note (how a cell was read).
public struct ImportFinding: Hashable, Sendable, Codable {
    public enum Severity: String, Codable, Sendable, CaseIterable, Comparable {
        case refused, warning, note

        public var indonesian: String {
            switch self {
            case .refused: "Ditolak"
            case .warning: "Perhatian"
            case .note: "Catatan"
            }
        }

        public static func < (a: Severity, b: Severity) -> Bool {
            allCases.firstIndex(of: a) ?? 0 < allCases.firstIndex(of: b) ?? 0
        }
    }

    public var severity: Severity
    public var field: ImportColumn?
    /// The article the finding rests on ("UU 14/2008 Pasal 20 ayat 1"), when it rests on one.
    public var article: String?
    public var message: String

    public init(_ severity: Severity, field: ImportColumn? = nil, article: String? = nil, _ message: String) {
        self.severity = severity
        self.field = field
        self.article = article
        self.message = message
    }
}

extension ConsequenceTest.Finding {
    /// The article a consequence test's finding rests on.
    public var article: String? {
        switch self {
        case let .error(problem): problem.article
        case let .warning(warning): warning.article
        }
    }
}

extension ConsequenceTest.Problem {
    public var article: String? {
        switch self {
        case .groundMissing: "UU 14/2008 Pasal 17"
        case let .otherStatuteMissing(letter):
            // j names the statute itself; b, g and i last "as the relevant statute sets" (PP 61/2010).
            letter == .j ? "UU 14/2008 Pasal 17 huruf j" : "PP 61/2010 Pasal 6, 8 ayat 1 dan 9"
        case .otherStatute(.notAStatute): "UU 14/2008 Pasal 17 huruf j"
        case .otherStatute: "UU 14/2008 Pasal 17; PP 61/2010 Pasal 6, 8 dan 9"
        case .consequenceIfOpenedMissing: "UU 14/2008 Pasal 19"
        case .consequenceIfClosedMissing: "UU 14/2008 Pasal 2 ayat 4"
        case .reasonMissing: "UU 14/2008 Pasal 19"
        case .partsMissing, .openPartMissing: "UU 14/2008 Pasal 22 ayat 7 huruf e"
        case .periodMissing: "PP 61/2010 Pasal 4"
        case let .period(violation): violation.article
        case .reclassificationMustExempt: "PP 61/2010 Pasal 10"
        case .openedByRuling: OpenedByRuling.article
        }
    }
}

extension ConsequenceTest.Warning {
    public var article: String? {
        switch self {
        case let .mayNeverBeExempted(kind): kind.article
        case .opensWithConsent: "UU 14/2008 Pasal 18 ayat 2"
        case .period(.beyondHorizon): "UU 14/2008 Pasal 20 ayat 1"
        case .period(.openingDecreeAlreadyDue): "PP 61/2010 Pasal 11 ayat 2"
        case .groundHint: "UU 14/2008 Pasal 17"
        }
    }
}

extension ExemptionPeriodViolation {
    public var article: String {
        switch self {
        case .emptyLength, .negativeLength, .lengthTooLong, .outsideCalendar, .endNotAfterStart, .reviewNotAfterStart,
            .eventMissing, .eventUnreadable, .reviewAfterLatestEnd, .statuteMissing:
            "PP 61/2010 Pasal 4"
        case let .eventNeedsLatestEnd(letter): letter == .a ? "PP 61/2010 Pasal 5" : "UU 14/2008 Pasal 20 ayat 1"
        case .mustNotBeOpenEnded, .beyondHorizon, .eventMeansForever: "UU 14/2008 Pasal 20 ayat 1"
        case .exceedsThirtyYears: "PP 61/2010 Pasal 5"
        case .startsAfterClassification, .startsImplausiblyEarly: "PP 61/2010 Pasal 4 dan 5"
        case .alreadyEnded: "PP 61/2010 Pasal 11 ayat 3"
        case .statuteNotRecognised: "UU 14/2008 Pasal 17; PP 61/2010 Pasal 6, 8 dan 9"
        }
    }
}
