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
    public func localDate(of instant: Date) -> LocalDate {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) + secondsFromUTC
        return LocalDate(dayNumber: Int((Double(seconds) / 86_400).rounded(.down)))
    }

    /// The instant at which `date` begins (00:00) in this zone.
    public func startOfDay(_ date: LocalDate) -> Date {
        Date(timeIntervalSince1970: TimeInterval(date.dayNumber * 86_400 - secondsFromUTC))
    }
}
