/// A day off for the civil service that falls on a date: a national holiday (libur nasional) or a
/// collective leave day (cuti bersama). Both are set each year by the joint decree of three
/// ministers (SKB 3 Menteri), so they are data an administrator keeps, never code.
public struct Holiday: Hashable, Sendable {
    public enum Kind: String, Sendable, Hashable {
        /// Libur nasional.
        case nationalHoliday = "libur"
        /// Cuti bersama: a day off for civil servants by the usual reading; a setting decides.
        case collectiveLeave = "cutiBersama"
    }

    public let date: LocalDate
    public let name: String
    public let kind: Kind

    public init(date: LocalDate, name: String, kind: Kind) {
        self.date = date
        self.name = name
        self.kind = kind
    }
}

/// The holidays of the years for which a decree is known. A year that is absent has no data:
/// computations that reach it say so instead of assuming it has no holidays.
public struct HolidayList: Sendable {
    /// The years with data, each with the decree it comes from.
    public let years: [Int: YearEntry]

    public struct YearEntry: Sendable {
        public let year: Int
        /// The decree the dates come from, e.g. "SKB 3 Menteri No. 1497/2025, 2/2025, 5/2025".
        public let source: String
        public let holidays: [Holiday]
    }

    public init(years: [YearEntry]) {
        self.years = Dictionary(years.map { ($0.year, $0) }, uniquingKeysWith: { a, _ in a })
    }

    public func hasData(for year: Int) -> Bool { years[year] != nil }

    public var allHolidays: [Holiday] { years.values.flatMap(\.holidays).sorted { $0.date < $1.date } }
}
