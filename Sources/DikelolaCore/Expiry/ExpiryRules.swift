/// Where an exemption stands on a given day, by PP 61/2010 Ps 11: the decree opening it is due at
/// the latest 30 working days before its period ends (ayat 2), and without one the information is
/// public on the end date (ayat 3). Event-based periods are reviewed on their review date.
public struct ExpiryRules: Sendable {
    public let calendar: WorkingDayCalendar
    /// How many working days before the end an entry is flagged as ending soon (a body's setting;
    /// by default the law's 30, so the flag rises on the day the opening decree falls due).
    public var noticeWorkingDays: Int

    /// PP 61/2010 Ps 11(2).
    public static let openingDecreeLeadWorkingDays = 30

    public init(calendar: WorkingDayCalendar, noticeWorkingDays: Int = ExpiryRules.openingDecreeLeadWorkingDays) {
        self.calendar = calendar
        self.noticeWorkingDays = noticeWorkingDays
    }

    public enum Status: Equatable, Sendable {
        case exempted
        /// The period ends soon; the opening decree is due by `openingDecreeDue`.
        case endingSoon(endsOn: LocalDate, openingDecreeDue: LocalDate)
        /// An event-based period whose review date has come: check whether the event happened.
        case reviewDue(since: LocalDate)
        /// The period has ended: the information is public by law since `openedOn`.
        case expired(openedOn: LocalDate)
    }

    public struct Assessment: Equatable, Sendable {
        public let status: Status
        /// Years whose holidays are unknown, counted as Monday–Friday only: show a warning.
        public let provisionalYears: [Int]
    }

    /// The latest date of the opening decree for a period ending on `end`.
    public func openingDecreeDue(endingOn end: LocalDate) -> WorkingDayResult<LocalDate> {
        // A year without holiday data is counted on weekdays only and reported, never guessed silently.
        (try? calendar.adding(-Self.openingDecreeLeadWorkingDays, workingDaysTo: end, policy: .assumeWeekdaysOnly))
            ?? WorkingDayResult(value: end, yearsWithoutData: [])
    }

    /// Years without holiday data that an exemption ending on `end` reaches: the year it ends, and
    /// those its opening decree's deadline is counted across.
    public func yearsWithoutHolidays(endingOn end: LocalDate) -> Set<Int> {
        var years = Set(openingDecreeDue(endingOn: end).yearsWithoutData)
        if !calendar.holidays.hasData(for: end.year) { years.insert(end.year) }
        return years
    }

    /// The latest end date a sweep on `today` can find ending soon (or ended): an entry ending later
    /// is `exempted` whatever else is true, unless its review date has come. A sweep reads only
    /// entries ending by this date, or due for review, through an index, instead of the whole
    /// register. One working day and a week to spare; nil when the dates run out of range.
    public func sweepHorizon(on today: LocalDate) -> LocalDate? {
        guard let ahead = try? calendar.adding(noticeWorkingDays + 1, workingDaysTo: today, policy: .assumeWeekdaysOnly)
        else { return nil }
        return try? ahead.value.adding(days: 7)
    }

    public func assess(endDate: LocalDate?, reviewDate: LocalDate?, today: LocalDate) -> Assessment {
        if let end = endDate {
            // PP 61/2010 Ps 11(3): public on the end date when no opening decree came before.
            if end <= today { return Assessment(status: .expired(openedOn: end), provisionalYears: []) }
            let flag = (try? calendar.adding(-noticeWorkingDays, workingDaysTo: end, policy: .assumeWeekdaysOnly))
            let due = openingDecreeDue(endingOn: end)
            let years = Array(Set((flag?.yearsWithoutData ?? []) + due.yearsWithoutData)).sorted()
            if let flag, today >= flag.value {
                return Assessment(status: .endingSoon(endsOn: end, openingDecreeDue: due.value), provisionalYears: years)
            }
            if let review = reviewDate, review <= today {
                return Assessment(status: .reviewDue(since: review), provisionalYears: years)
            }
            return Assessment(status: .exempted, provisionalYears: years)
        }
        if let review = reviewDate, review <= today { return Assessment(status: .reviewDue(since: review), provisionalYears: []) }
        return Assessment(status: .exempted, provisionalYears: [])
    }
}
