/// The civil-service working-day calendar: Monday to Friday (Perpres 21/2023), less national
/// holidays and, when the body counts them as days off, collective leave days (cuti bersama).
///
/// Every deadline of the law that is counted in "hari kerja" goes through here — the opening decree
/// due 30 working days before an exemption ends (PP 61/2010 Ps 11(2)), the 10-day answer to a
/// request (UU 14/2008 Ps 22) — so there is one place that decides what a working day is.
public struct WorkingDayCalendar: Sendable {
    public let holidays: HolidayList
    /// Whether cuti bersama is a day off. The usual reading, and the default, is yes.
    public let collectiveLeaveIsDayOff: Bool
    private let daysOff: [Int: Holiday]

    public init(holidays: HolidayList, collectiveLeaveIsDayOff: Bool = true) {
        self.holidays = holidays
        self.collectiveLeaveIsDayOff = collectiveLeaveIsDayOff
        var daysOff: [Int: Holiday] = [:]
        for holiday in holidays.allHolidays where holiday.kind == .nationalHoliday || collectiveLeaveIsDayOff {
            // A national holiday wins over a leave day on the same date, for its name.
            if daysOff[holiday.date.dayNumber]?.kind != .nationalHoliday {
                daysOff[holiday.date.dayNumber] = holiday
            }
        }
        self.daysOff = daysOff
    }

    /// What to do when a computation reaches a year with no holiday data.
    public enum MissingDataPolicy: Sendable {
        /// Throw `WorkingDayError.noHolidayData`: for anything that becomes a legal deadline.
        case refuse
        /// Count that year's weekdays less its fixed-date national holidays, and mark the result
        /// provisional, so the caller shows it as such (a preview, a due date, a report).
        case assumeWeekdaysOnly
    }

    public enum DayStatus: Equatable, Sendable {
        case workingDay
        case weekend
        case dayOff(Holiday)
        /// A weekday in a year for which no holidays are known.
        case unknown
    }

    public func status(of date: LocalDate) -> DayStatus {
        if date.weekday.isWeekend { return .weekend }
        if let holiday = daysOff[date.dayNumber] { return .dayOff(holiday) }
        if holidays.hasData(for: date.year) { return .workingDay }
        // A year not yet decreed still has its fixed-date national holidays.
        if let fixed = Self.fixedHolidays.first(where: { $0.month == date.month && $0.day == date.day }) {
            return .dayOff(Holiday(date: date, name: fixed.name + " (tanggal tetap; tahun ini belum ditetapkan)", kind: .nationalHoliday))
        }
        return .unknown
    }

    /// The national holidays whose date never moves, assumed in a year whose holidays are not yet
    /// decreed: New Year, Labour Day, Pancasila Day, Independence Day and Christmas. The rest of
    /// such a year is counted on weekdays and every result reached through it is provisional.
    public static let fixedHolidays: [(month: Int, day: Int, name: String)] = [
        (1, 1, "Tahun Baru Masehi"), (5, 1, "Hari Buruh Internasional"), (6, 1, "Hari Lahir Pancasila"),
        (8, 17, "Hari Kemerdekaan Republik Indonesia"), (12, 25, "Hari Raya Natal"),
    ]

    /// The years from `start` through `end` whose holidays are not yet known: a deadline counted
    /// across them is provisional and is shown so.
    public func yearsWithoutData(from start: LocalDate, through end: LocalDate) -> [Int] {
        guard start.year <= end.year else { return [] }
        return (start.year...end.year).filter { !holidays.hasData(for: $0) }
    }

    /// Whether `date` is a working day; throws for a weekday of a year with no data.
    public func isWorkingDay(_ date: LocalDate) throws -> Bool {
        var tracker = MissingYears(policy: .refuse)
        return try tracker.isWorkingDay(date, in: self)
    }

    /// The date `count` working days after `date` (before it when `count` is negative). The start
    /// date itself is never counted, so `adding(1, …)` to a Friday gives the next Monday and
    /// `adding(-30, workingDaysTo: end)` gives the latest date of PP 61/2010 Ps 11(2).
    /// `count == 0` returns `date` unchanged.
    public func adding(
        _ count: Int, workingDaysTo date: LocalDate,
        policy: MissingDataPolicy = .refuse
    ) throws -> WorkingDayResult<LocalDate> {
        var tracker = MissingYears(policy: policy)
        var current = date
        var remaining = count.magnitude  // abs(Int.min) would trap
        let step = count < 0 ? -1 : 1
        while remaining > 0 {
            current = try current.adding(days: step)  // throws at the calendar's edge: the loop always ends
            if try tracker.isWorkingDay(current, in: self) { remaining -= 1 }
        }
        return WorkingDayResult(value: current, yearsWithoutData: tracker.years)
    }

    /// The number of working days from `start` to `end`, both included ("dari 1 Januari sampai
    /// dengan 31 Maret"). Zero when `end` is before `start`.
    public func workingDays(
        from start: LocalDate, through end: LocalDate,
        policy: MissingDataPolicy = .refuse
    ) throws -> WorkingDayResult<Int> {
        var tracker = MissingYears(policy: policy)
        var count = 0
        var current = start
        while current <= end {
            if try tracker.isWorkingDay(current, in: self) { count += 1 }
            if current == end { break }
            current = try current.adding(days: 1)
        }
        return WorkingDayResult(value: count, yearsWithoutData: tracker.years)
    }

    /// Remembers the years without data that a computation met, or refuses them.
    private struct MissingYears {
        let policy: MissingDataPolicy
        var years: [Int] = []

        mutating func isWorkingDay(_ date: LocalDate, in calendar: WorkingDayCalendar) throws -> Bool {
            switch calendar.status(of: date) {
            case .workingDay: return true
            case .weekend, .dayOff: return false
            case .unknown:
                if policy == .refuse { throw WorkingDayError.noHolidayData(year: date.year, reached: date) }
                if !years.contains(date.year) { years.append(date.year) }
                return true
            }
        }
    }
}

/// A computed value with the years it had to assume, if any; non-empty means provisional.
public struct WorkingDayResult<Value: Sendable>: Sendable {
    public let value: Value
    /// Years reached that have no holiday data, in the order met. Empty for a certain result.
    public let yearsWithoutData: [Int]

    public var isProvisional: Bool { !yearsWithoutData.isEmpty }
}

extension WorkingDayResult: Equatable where Value: Equatable {}

public enum WorkingDayError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The computation reached `reached`, a weekday of a year whose holidays are not yet known.
    case noHolidayData(year: Int, reached: LocalDate)

    public var description: String {
        switch self {
        case let .noHolidayData(year, reached):
            "Belum ada data hari libur tahun \(year) (perhitungan mencapai \(IndonesianFormat.date(reached))). "
                + "Tambahkan hari libur nasional dan cuti bersama tahun \(year) dari SKB 3 Menteri ke daftar hari libur; "
                + "Dikelola tidak menebak hari kerja."
        }
    }
}
