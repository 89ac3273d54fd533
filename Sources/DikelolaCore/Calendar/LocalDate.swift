/// A civil date (year, month, day) with no time and no time zone: the kind of date that appears
/// in a decree, a holiday list or an exemption period.
///
/// Deadlines are computed on `LocalDate`s in the body's time zone (WIB, WITA, WIT); instants are
/// converted to a `LocalDate` only at the edge, with `TimeZoneRegion`.
public struct LocalDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// The years a `LocalDate` can hold. Arithmetic that would leave them throws
    /// `DateRangeError` instead of trapping, whatever number it is given.
    public static let representableYears = 1...9999
    /// The years a person may type (a form, the API, an imported file): nothing in this domain is
    /// older than 1900, and a four-digit year is what a date field holds.
    public static let inputYears = 1900...9999

    /// Creates a date, or returns nil when the day does not exist (31 April, 29 February 2026).
    public init?(year: Int, month: Int, day: Int) {
        guard LocalDate.representableYears.contains(year), (1...12).contains(month),
            (1...LocalDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses an ISO 8601 calendar date, `2026-11-21`, of a year in `inputYears`.
    public init?(iso string: String) {
        guard string.utf8.count == 10 else { return nil }
        let parts = string.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), LocalDate.inputYears.contains(y)
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// `2026-11-21`.
    public var iso: String {
        let y = String(year), m = month < 10 ? "0\(month)" : "\(month)", d = day < 10 ? "0\(day)" : "\(day)"
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-" + m + "-" + d
    }

    public var description: String { iso }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // MARK: Day arithmetic

    /// Days since 1970-01-01 (H. Hinnant's days-from-civil algorithm).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// 1 January 1970, day number 0.
    public static let epoch = LocalDate(validYear: 1970, month: 1, day: 1)
    /// 31 December 9999, the last day a date field can hold.
    public static let lastRepresentable = LocalDate(validYear: 9999, month: 12, day: 31)

    private init(validYear year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day numbers of 0001-01-01 and 9999-12-31.
    public static let representableDayNumbers = -719_162...2_932_896

    /// The date `z0` days after 1970-01-01, or nil outside the representable years.
    public init?(dayNumber z0: Int) {
        guard LocalDate.representableDayNumbers.contains(z0) else { return nil }
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    /// The date `days` calendar days later (earlier when negative).
    public func adding(days: Int) throws(DateRangeError) -> LocalDate {
        let (sum, overflow) = dayNumber.addingReportingOverflow(days)
        guard !overflow, let date = LocalDate(dayNumber: sum) else { throw .outOfRange(from: self, adding: "\(days) hari") }
        return date
    }

    /// Adds calendar months, keeping the day where it exists and otherwise taking the last day of
    /// the month (31 January + 1 month = 28 or 29 February), as officers count "sebulan".
    public func adding(months: Int) throws(DateRangeError) -> LocalDate {
        let (base, o1) = year.multipliedReportingOverflow(by: 12)
        let (total, o2) = (base + (month - 1)).addingReportingOverflow(months)
        guard !o1, !o2, total >= 0 else { throw .outOfRange(from: self, adding: "\(months) bulan") }
        let y = total / 12, m = total % 12 + 1
        guard LocalDate.representableYears.contains(y),
            let date = LocalDate(year: y, month: m, day: min(day, LocalDate.daysIn(month: m, year: y)))
        else { throw .outOfRange(from: self, adding: "\(months) bulan") }
        return date
    }

    public func adding(years: Int) throws(DateRangeError) -> LocalDate {
        let (months, overflow) = years.multipliedReportingOverflow(by: 12)
        guard !overflow else { throw .outOfRange(from: self, adding: "\(years) tahun") }
        return try adding(months: months)
    }

    /// Calendar days from `self` to `other` (positive when `other` is later).
    public func days(to other: LocalDate) -> Int { other.dayNumber - dayNumber }

    /// 1970-01-01 was a Thursday; the index is always 0...6.
    public var weekday: Weekday { Weekday.allCases[((dayNumber % 7) + 7 + 4) % 7] }
}

/// Date arithmetic that would leave the calendar `LocalDate` can hold (years 1–9999): a period of
/// a billion years, a working-day count that never ends. Thrown, never trapped, so no number a
/// person types can stop the process.
public enum DateRangeError: Error, Hashable, Sendable, CustomStringConvertible {
    case outOfRange(from: LocalDate, adding: String)

    public var description: String {
        switch self {
        case let .outOfRange(from, adding):
            "\(IndonesianFormat.date(from)) ditambah \(adding) berada di luar kalender yang didukung (tahun 1–9999)."
        }
    }
}

/// Days of the week, numbered as ISO does not: Sunday is 0, as Indonesian calendars print it.
public enum Weekday: Int, Sendable, CaseIterable {
    case sunday = 0, monday, tuesday, wednesday, thursday, friday, saturday

    /// Minggu, Senin, Selasa, Rabu, Kamis, Jumat, Sabtu.
    public var indonesianName: String {
        ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"][rawValue]
    }

    public var isWeekend: Bool { self == .saturday || self == .sunday }
}

/// Written as its ISO form, `2026-11-21`, in JSON and the published files.
extension LocalDate: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = LocalDate(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a date: \(text)"))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}
