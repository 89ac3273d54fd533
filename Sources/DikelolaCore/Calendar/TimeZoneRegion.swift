import Foundation

/// Indonesia's three civil time zones. None observes daylight saving, so each is a fixed offset.
public enum TimeZoneRegion: String, Sendable, CaseIterable, Codable {
    /// Waktu Indonesia Barat, UTC+7 (Sumatra, Java, West and Central Kalimantan).
    case wib = "WIB"
    /// Waktu Indonesia Tengah, UTC+8 (Bali, Nusa Tenggara, South/East/North Kalimantan, Sulawesi).
    case wita = "WITA"
    /// Waktu Indonesia Timur, UTC+9 (Maluku, Papua).
    case wit = "WIT"

    public var secondsFromUTC: Int {
        switch self {
        case .wib: 7 * 3600
        case .wita: 8 * 3600
        case .wit: 9 * 3600
        }
    }

    /// The IANA identifier, for software that wants one.
    public var identifier: String {
        switch self {
        case .wib: "Asia/Jakarta"
        case .wita: "Asia/Makassar"
        case .wit: "Asia/Jayapura"
        }
    }

    /// The civil date an instant falls on in this zone.
    /// Instants are the clock's or the database's, never typed; one outside years 1–9999 (which
    /// no clock gives) is held at the calendar's edge rather than trapping.
    public func localDate(of instant: Date) -> LocalDate {
        let days = ((instant.timeIntervalSince1970 + Double(secondsFromUTC)) / 86_400).rounded(.down)
        let range = LocalDate.representableDayNumbers
        let number = days.isNaN ? 0 : Int(min(max(days, Double(range.lowerBound)), Double(range.upperBound)))
        return LocalDate(dayNumber: number) ?? LocalDate.epoch
    }

    /// The instant at which `date` begins (00:00) in this zone.
    public func startOfDay(_ date: LocalDate) -> Date {
        Date(timeIntervalSince1970: TimeInterval(date.dayNumber * 86_400 - secondsFromUTC))
    }
}
