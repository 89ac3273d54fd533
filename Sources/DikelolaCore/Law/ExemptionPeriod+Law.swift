/// How far ahead a body lets an exemption run: UU 14/2008 Ps 20(1) forbids permanent exemptions
/// under grounds a–f, and an end date centuries away ("31 Desember 2999") is one in all but name.
/// The horizon is the body's setting; by default 30 years after the decree, the longest period
/// the law names (PP 61/2010 Ps 5).
public struct PeriodPolicy: Hashable, Sendable {
    /// Years after the decree's date an end date may lie: refused beyond it for a–f, warned for g–j.
    public let horizonYears: Int

    public static let horizonYearsRange = 1...100
    public static let standard = PeriodPolicy(clamping: 30)

    /// A policy whose horizon is `years`, brought into `horizonYearsRange`.
    public init(clamping years: Int) {
        horizonYears = min(max(years, Self.horizonYearsRange.lowerBound), Self.horizonYearsRange.upperBound)
    }
}

extension ExemptionPeriod {
    /// PP 61/2010 Ps 5.
    public static let maximumYearsForGroundA = 30

    /// Whether an event's words say it never comes ("tidak terbatas", "selamanya", "permanen",
    /// "selama diperlukan"): such an "event" leaves the period open-ended.
    public static func meansForever(_ event: String) -> Bool {
        let words = " " + event.lowercased().split(whereSeparator: { !$0.isLetter }).joined(separator: " ") + " "
        return foreverPhrases.contains { words.contains(" \($0) ") }
    }

    /// The phrases officers write for "no end", as found in published DIKs.
    public static let foreverPhrases = [
        "tidak terbatas", "tak terbatas", "tanpa batas", "tanpa batas waktu", "tidak ada batas", "tidak ada batas waktu",
        "selamanya", "untuk selamanya", "selama lamanya", "permanen", "selama diperlukan", "selama masih diperlukan", "seterusnya",
        "sepanjang masa", "tidak ditentukan", "tidak dapat ditentukan", "belum ditentukan", "tidak berbatas",
        "tidak terhingga", "abadi", "forever", "permanent", "indefinitely", "unlimited",
    ]

    /// Checks the period against the law for `ground`, classified on `classifiedOn` (the decree's
    /// date) under the body's `policy`. Returns every violation; empty means lawful.
    public func violations(
        for ground: ExemptionGround, classifiedOn: LocalDate, policy: PeriodPolicy
    ) -> [ExemptionPeriodViolation] {
        var found = shapeViolations(for: ground, classifiedOn: classifiedOn, policy: policy)
        // UU 14/2008 Ps 20(1): exemptions under a–f are not permanent.
        if ground.letter.neverPermanent, isOpenEnded, !found.contains(where: \.isAboutForever) {
            found.append(.mustNotBeOpenEnded(ground.letter))
        }
        let end: LocalDate?
        do {
            end = try endDate
        } catch {
            return found + [.outsideCalendar(error)]
        }
        guard let end else { return found }
        // PP 61/2010 Ps 5: at most 30 years for ground a, counted from the classification.
        if ground.letter == .a, let limit = try? classifiedOn.adding(years: Self.maximumYearsForGroundA), end > limit {
            found.append(.exceedsThirtyYears(end: end, limit: limit))
        } else if ground.letter.neverPermanent, let limit = horizonLimit(classifiedOn, policy), end > limit {
            found.append(.beyondHorizon(end: end, limit: limit, years: policy.horizonYears))
        }
        return found
    }

    /// What is lawful but deserves a second look: an end beyond the horizon under grounds g–j,
    /// whose periods follow their own statutes.
    public func cautions(
        for ground: ExemptionGround, classifiedOn: LocalDate, policy: PeriodPolicy
    ) -> [ExemptionPeriodCaution] {
        guard !ground.letter.neverPermanent, let end = try? endDate, let limit = horizonLimit(classifiedOn, policy),
            end > limit
        else { return [] }
        return [.beyondHorizon(end: end, limit: limit, years: policy.horizonYears)]
    }

    private func horizonLimit(_ classifiedOn: LocalDate, _ policy: PeriodPolicy) -> LocalDate? {
        try? classifiedOn.adding(years: policy.horizonYears)
    }

    /// The rules of each form of period on its own: a length that can be counted, from a start
    /// no later than the decree, ending after it; an event named, reviewed and (for a–f) bounded.
    private func shapeViolations(
        for ground: ExemptionGround, classifiedOn: LocalDate, policy: PeriodPolicy
    ) -> [ExemptionPeriodViolation] {
        var found: [ExemptionPeriodViolation] = []
        switch self {
        case let .length(length, from):
            if length.isEmpty { found.append(.emptyLength) }
            if length.years < 0 || length.months < 0 || length.days < 0 { found.append(.negativeLength) }
            if !length.isWithinBounds { found.append(.lengthTooLong) }
            if from > classifiedOn { found.append(.startsAfterClassification(start: from, classifiedOn: classifiedOn)) }
            if let earliest = try? classifiedOn.adding(years: -policy.horizonYears), from < earliest {
                found.append(.startsImplausiblyEarly(start: from, earliest: earliest))
            } else if !length.isEmpty, length.isWithinBounds, let end = try? length.added(to: from), end <= classifiedOn {
                found.append(.alreadyEnded(end: end, classifiedOn: classifiedOn))
            }
        case let .until(end):
            if end <= classifiedOn { found.append(.endNotAfterStart(end: end, start: classifiedOn)) }
        case let .untilEvent(event, reviewOn, latestEnd):
            let letters = event.filter(\.isLetter).count
            if event.trimmingWhitespace.isEmpty {
                found.append(.eventMissing)
            } else if letters < 3 {
                found.append(.eventUnreadable(event.trimmingWhitespace))
            }
            if let latestEnd, reviewOn > latestEnd {
                found.append(.reviewAfterLatestEnd(review: reviewOn, latestEnd: latestEnd))
            }
            if reviewOn <= classifiedOn { found.append(.reviewNotAfterStart(review: reviewOn, start: classifiedOn)) }
            if let latestEnd, latestEnd <= classifiedOn {
                found.append(.endNotAfterStart(end: latestEnd, start: classifiedOn))
            }
            // Ps 20(1) and, for a, PP 61/2010 Ps 5: every a–f period has a concrete latest end, and
            // an "event" that never comes is no event even with one.
            if ground.letter.neverPermanent, Self.meansForever(event) {
                found.append(.eventMeansForever(event.trimmingWhitespace))
            } else if ground.letter.neverPermanent, latestEnd == nil {
                found.append(.eventNeedsLatestEnd(ground.letter))
            }
        case let .asStatuteSets(statute, end):
            if statute.trimmingWhitespace.isEmpty {
                found.append(.statuteMissing)
            } else if let problem = OtherStatuteProblem.check(statute, for: ground.letter) {
                found.append(.statuteNotRecognised(problem))
            }
            if let end, end <= classifiedOn { found.append(.endNotAfterStart(end: end, start: classifiedOn)) }
        }
        return found
    }
}

extension ExemptionPeriodViolation {
    /// Already says the period may not be for ever, so "tidak boleh permanen" would repeat it.
    var isAboutForever: Bool {
        switch self {
        case .eventMeansForever, .eventNeedsLatestEnd: true
        default: false
        }
    }
}

/// A lawful period that the officers should look at again before the head signs.
public enum ExemptionPeriodCaution: Hashable, Sendable, CustomStringConvertible {
    case beyondHorizon(end: LocalDate, limit: LocalDate, years: Int)
    /// The opening decree (30 working days before the end, PP 61/2010 Ps 11(2)) is already due.
    case openingDecreeAlreadyDue(due: LocalDate, end: LocalDate)

    public var description: String {
        switch self {
        case let .beyondHorizon(end, limit, years):
            "Perhatian: berakhir \(IndonesianFormat.date(end)), lebih dari \(years) tahun sejak penetapan "
                + "(\(IndonesianFormat.date(limit))). Pastikan peraturan yang dirujuk memang menetapkan selama itu."
        case let .openingDecreeAlreadyDue(due, end):
            "Perhatian: jangka waktu berakhir \(IndonesianFormat.date(end)) dan surat penetapan pembukaan sudah harus "
                + "dibuat paling lambat \(IndonesianFormat.date(due)) (PP 61/2010 Pasal 11 ayat 2): tanggal itu sudah lewat."
        }
    }
}
