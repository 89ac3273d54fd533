import Foundation

/// The time standard of an SOP step (waktu, mutu baku): "1 Minggu", "3 Hari", "15 Menit",
/// "2 Jam", or "Tentatif" for none.
public enum TimeStandard: Hashable, Sendable, CustomStringConvertible {
    case tentative
    case duration(amount: Int, unit: Unit)

    public enum Unit: String, Sendable, CaseIterable {
        case minutes, hours, workingDays, weeks

        var indonesian: String {
            switch self {
            case .minutes: "menit"
            case .hours: "jam"
            case .workingDays: "hari kerja"
            case .weeks: "minggu"
            }
        }
    }

    /// The largest amount an SOP may give ("9999 hari" is already absurd); it keeps every due-time
    /// computation far from overflow.
    public static let maximumAmount = 9_999

    /// A week of the civil service is five working days.
    public static let workingDaysPerWeek = 5

    /// Reads a time standard as SOPs write it. "Hari" in an SOP's time column is read as working
    /// days: the civil service counts its time standards in hari kerja (see Sanggau step 4, "30
    /// Hari" for the "30 hari kerja" of PP 61/2010 Ps 11).
    public static func parse(_ text: String) -> TimeStandard? {
        let words = text.lowercased()
            .replacingOccurrences(of: "-", with: " ")
            .split(whereSeparator: \.isWhitespace)
            .map(String.init)
        if words == ["tentatif"] || words == ["tentative"] { return .tentative }
        guard words.count >= 2, words[0].count <= 5, let amount = Int(words[0]), (1...maximumAmount).contains(amount)
        else { return nil }
        let unitWords = words.dropFirst().joined(separator: " ")
        let unit: Unit? =
            switch unitWords {
            case "menit", "minute", "minutes": .minutes
            case "jam", "hour", "hours": .hours
            case "hari", "hari kerja", "working day", "working days", "day", "days": .workingDays
            case "minggu", "pekan", "week", "weeks": .weeks
            default: nil
            }
        return unit.map { .duration(amount: amount, unit: $0) }
    }

    /// "1 minggu", "30 hari kerja", "tentatif".
    public var description: String {
        switch self {
        case .tentative: "tentatif"
        case let .duration(amount, unit): "\(amount) \(unit.indonesian)"
        }
    }

    /// When a step started at `start` is due, in the body's time zone and working hours: minutes
    /// and hours count working time only (a step started outside it starts counting when work
    /// opens); working days and weeks fall due when the last working day closes. Nil for a
    /// tentative step, which has no due time.
    public func due(
        from start: Date, in zone: TimeZoneRegion, calendar: WorkingDayCalendar, hours: WorkingHours,
        policy: WorkingDayCalendar.MissingDataPolicy = .refuse
    ) throws -> WorkingDayResult<Date>? {
        if case let .duration(amount, _) = self, !(0...Self.maximumAmount).contains(amount) {
            throw DateRangeError.outOfRange(from: zone.localDate(of: start), adding: description)
        }
        switch self {
        case .tentative:
            return nil
        case let .duration(amount, .minutes):
            return try calendar.adding(workingMinutes: amount, to: start, hours: hours, in: zone, policy: policy)
        case let .duration(amount, .hours):
            return try calendar.adding(workingMinutes: amount * 60, to: start, hours: hours, in: zone, policy: policy)
        case let .duration(amount, unit):
            let days = unit == .weeks ? amount * Self.workingDaysPerWeek : amount
            return try calendar.closing(afterWorkingDays: days, from: start, hours: hours, in: zone, policy: policy)
        }
    }
}
