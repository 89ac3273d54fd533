import Foundation

/// The hours of a civil-service working day, in the body's local time. An SOP's time standard in
/// hours or minutes ("4 jam", "15 menit") counts these hours only; one in days falls due when the
/// last working day closes. The common schedule, and the default, is Monday–Thursday 07.30–16.00
/// and Friday 07.30–16.30 (37.5 hours a week); a body with other hours sets its own.
public struct WorkingHours: Hashable, Sendable, CustomStringConvertible {
    /// Opening and closing, in minutes after midnight.
    public struct Span: Hashable, Sendable {
        public let opens: Int
        public let closes: Int

        public init?(opens: Int, closes: Int) {
            guard (0..<1440).contains(opens), (1...1440).contains(closes), opens < closes else { return nil }
            self.init(checked: opens, closes)
        }

        /// For spans known to be valid, as the defaults below.
        private init(checked opens: Int, _ closes: Int) {
            self.opens = opens
            self.closes = closes
        }

        /// 07.30–16.00 and 07.30–16.30.
        static let mondayToThursday = Span(checked: 450, 960)
        static let friday = Span(checked: 450, 990)

        /// "07.30–16.00".
        public var description: String { "\(Self.clock(opens))–\(Self.clock(closes))" }

        static func clock(_ minutes: Int) -> String { String(format: "%02d.%02d", minutes / 60, minutes % 60) }
    }

    public let mondayToThursday: Span
    public let friday: Span

    public init(mondayToThursday: Span, friday: Span) {
        self.mondayToThursday = mondayToThursday
        self.friday = friday
    }

    /// Monday–Thursday 07.30–16.00, Friday 07.30–16.30.
    public static let civilService = WorkingHours(mondayToThursday: .mondayToThursday, friday: .friday)

    /// The hours of a weekday; nil on Saturday and Sunday.
    public func span(on weekday: Weekday) -> Span? {
        switch weekday {
        case .saturday, .sunday: nil
        case .friday: friday
        default: mondayToThursday
        }
    }

    /// "Senin–Kamis 07.30–16.00; Jumat 07.30–16.30": also how it is stored and typed.
    public var description: String { "Senin–Kamis \(mondayToThursday.description); Jumat \(friday.description)" }

    /// Reads the stored or typed form: two spans, Monday–Thursday then Friday, each "HH.MM–HH.MM"
    /// (a colon, a hyphen or an en dash will do), with or without the day names.
    public static func parse(_ text: String) throws(WorkingHoursError) -> WorkingHours {
        // Day names may be written; anything else but digits and separators is a typo.
        var rest = text.lowercased()
        for word in ["senin", "kamis", "jumat", "jum'at", "sampai", "pukul", "s/d", "sd", "dan"] {
            rest = rest.replacingOccurrences(of: word, with: " ")
        }
        guard rest.allSatisfy({ $0.isNumber || " .:-–—;,\t".contains($0) }), text.utf8.count <= 200 else {
            throw .unreadable(text)
        }
        let numbers = text.split { !$0.isNumber }.map(String.init)
        guard numbers.count == 8, numbers.allSatisfy({ $0.count <= 2 }) else { throw .unreadable(text) }
        let values = numbers.compactMap { Int($0) }
        func span(_ at: Int) throws(WorkingHoursError) -> Span {
            let (h1, m1, h2, m2) = (values[at], values[at + 1], values[at + 2], values[at + 3])
            guard h1 < 24, h2 <= 24, m1 < 60, m2 < 60, let span = Span(opens: h1 * 60 + m1, closes: h2 * 60 + m2) else {
                throw .unreadable(text)
            }
            return span
        }
        return WorkingHours(mondayToThursday: try span(0), friday: try span(4))
    }
}

public enum WorkingHoursError: Error, Equatable, Sendable, CustomStringConvertible {
    case unreadable(String)

    public var description: String {
        switch self {
        case let .unreadable(text):
            "Jam kerja \"\(text)\" tidak terbaca; tulis misalnya \"Senin–Kamis 07.30–16.00; Jumat 07.30–16.30\" "
                + "(jam buka sebelum jam tutup)."
        }
    }
}

extension WorkingDayCalendar {
    /// The instant `minutes` working minutes after `start`: counted only within `hours` on working
    /// days, so a "4 jam" step started at 15.00 on a Monday is due at 11.00 on Tuesday, and one
    /// started outside working hours starts counting when the next working period opens.
    public func adding(
        workingMinutes minutes: Int, to start: Date, hours: WorkingHours, in zone: TimeZoneRegion,
        policy: MissingDataPolicy = .refuse
    ) throws -> WorkingDayResult<Date> {
        var day = zone.localDate(of: start)
        var minute = max(0, Int((start.timeIntervalSince(zone.startOfDay(day)) / 60).rounded(.down)))
        var remaining = minutes
        var years: [Int] = []
        while true {
            let (open, unknownYear) = try isOpen(day, policy: policy)
            if unknownYear, !years.contains(day.year) { years.append(day.year) }
            if open, let span = hours.span(on: day.weekday) {
                let from = max(minute, span.opens)
                if from < span.closes {
                    let available = span.closes - from
                    if remaining <= available {
                        let instant = zone.startOfDay(day).addingTimeInterval(TimeInterval((from + remaining) * 60))
                        return WorkingDayResult(value: instant, yearsWithoutData: years)
                    }
                    remaining -= available
                }
            }
            day = try day.adding(days: 1)  // throws at the calendar's edge: the loop always ends
            minute = 0
        }
    }

    /// When a day standard ends: the closing time of the working day `count` working days after
    /// `start`'s day ("3 hari" started on Monday is due on Thursday at 16.00).
    public func closing(
        afterWorkingDays count: Int, from start: Date, hours: WorkingHours, in zone: TimeZoneRegion,
        policy: MissingDataPolicy = .refuse
    ) throws -> WorkingDayResult<Date> {
        let last = try adding(count, workingDaysTo: zone.localDate(of: start), policy: policy)
        let closes = hours.span(on: last.value.weekday)?.closes ?? 24 * 60
        return WorkingDayResult(
            value: zone.startOfDay(last.value).addingTimeInterval(TimeInterval(closes * 60)),
            yearsWithoutData: last.yearsWithoutData)
    }

    /// Whether work is done on `day`, and whether that was assumed for a year without data.
    private func isOpen(_ day: LocalDate, policy: MissingDataPolicy) throws -> (Bool, Bool) {
        switch status(of: day) {
        case .workingDay: return (true, false)
        case .weekend, .dayOff: return (false, false)
        case .unknown:
            if policy == .refuse { throw WorkingDayError.noHolidayData(year: day.year, reached: day) }
            return (true, true)
        }
    }
}
