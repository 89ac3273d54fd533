import Foundation

/// How dates and numbers are written in Indonesian official documents (Tata Naskah Dinas).
public enum IndonesianFormat {
    public static let monthNames = [
        "Januari", "Februari", "Maret", "April", "Mei", "Juni",
        "Juli", "Agustus", "September", "Oktober", "November", "Desember",
    ]

    public static let englishMonthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    /// `21 November 2026`: the day without a leading zero and the month in full.
    public static func date(_ date: LocalDate) -> String {
        "\(date.day) \(monthNames[date.month - 1]) \(date.year)"
    }

    /// `21 November 2026` in English.
    public static func englishDate(_ date: LocalDate) -> String {
        "\(date.day) \(englishMonthNames[date.month - 1]) \(date.year)"
    }

    /// "29 Desember 2026 pukul 16.00 WIB": an instant on the clock of the body's zone.
    public static func dateTime(_ instant: Date, zone: TimeZoneRegion) -> String {
        "\(date(zone.localDate(of: instant))) pukul \(clock(instant, zone: zone)) \(zone.rawValue)"
    }

    /// "29 December 2026 at 16.00 WIB".
    public static func englishDateTime(_ instant: Date, zone: TimeZoneRegion) -> String {
        "\(englishDate(zone.localDate(of: instant))) at \(clock(instant, zone: zone)) \(zone.rawValue)"
    }

    /// "16.00": hours and minutes in the zone, with the point Indonesian uses.
    static func clock(_ instant: Date, zone: TimeZoneRegion) -> String {
        let seconds = Int((instant.timeIntervalSince1970 + Double(zone.secondsFromUTC)).rounded(.down))
        let ofDay = ((seconds % 86_400) + 86_400) % 86_400
        let (hh, mm) = (ofDay / 3600, (ofDay % 3600) / 60)
        return (hh < 10 ? "0" : "") + "\(hh)." + (mm < 10 ? "0" : "") + "\(mm)"
    }

    /// The date in words, as the opening of a consequence-test sheet or a record writes it:
    /// "Sabtu, tanggal dua puluh satu bulan November tahun dua ribu dua puluh enam".
    public static func formalDateInWords(_ date: LocalDate) -> String {
        "\(date.weekday.indonesianName), tanggal \(numberInWords(date.day)) "
            + "bulan \(monthNames[date.month - 1]) tahun \(numberInWords(date.year))"
    }

    private static let units = [
        "nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
        "sepuluh", "sebelas",
    ]

    /// A whole number in words ("terbilang"): 1 864 → "seribu delapan ratus enam puluh empat".
    /// `10000` → `10.000` (Indonesian thousands separator).
    public static func number(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out += "." }
            out.append(digit)
        }
        return (value < 0 ? "-" : "") + out
    }

    public static func numberInWords(_ number: Int) -> String {
        if number < 0 { return "minus " + numberInWords(number == Int.min ? Int.max : -number) }
        return words(number)
    }

    private static func words(_ n: Int) -> String {
        switch n {
        case 0...11: return units[n]
        case 12...19: return units[n - 10] + " belas"
        case 20...99: return join(units[n / 10] + " puluh", n % 10)
        case 100...199: return join("seratus", n - 100)
        case 200...999: return join(units[n / 100] + " ratus", n % 100)
        case 1000...1999: return join("seribu", n - 1000)
        default:
            let scales: [(Int, String)] = [
                (1_000_000_000_000_000_000, "kuintiliun"), (1_000_000_000_000_000, "kuadriliun"),
                (1_000_000_000_000, "triliun"), (1_000_000_000, "miliar"), (1_000_000, "juta"), (1000, "ribu"),
            ]
            for (scale, name) in scales where n >= scale {
                return join(words(n / scale) + " " + name, n % scale)
            }
            return units[n]
        }
    }

    private static func join(_ head: String, _ rest: Int) -> String {
        rest == 0 ? head : head + " " + words(rest)
    }

    /// Roman numerals (1–3999), used for the month in decree numbers: 4 → "IV".
    public static func roman(_ number: Int) -> String? {
        guard (1...3999).contains(number) else { return nil }
        let table: [(Int, String)] = [
            (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
            (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
        ]
        var rest = number
        var result = ""
        for (value, symbol) in table {
            while rest >= value {
                result += symbol
                rest -= value
            }
        }
        return result
    }

    /// The month of `date` as a Roman numeral, as in `300.2.11/1864/IV/2025`.
    public static func romanMonth(_ date: LocalDate) -> String { roman(date.month) ?? String(date.month) }
}
