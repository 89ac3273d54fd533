import Foundation
import Testing

@testable import DikelolaCore

@Suite struct LocalDateTests {
    @Test func parsesOnlyRealDates() {
        #expect(LocalDate(iso: "2026-02-29") == nil)
        #expect(LocalDate(iso: "2024-02-29") != nil)
        #expect(LocalDate(iso: "2026-13-01") == nil)
        #expect(LocalDate(iso: "26-11-21") == nil)
        #expect(LocalDate(iso: "2026-11-21")?.iso == "2026-11-21")
    }

    @Test func weekdays() {
        #expect(date("2026-11-21").weekday == .saturday)
        #expect(date("1970-01-01").weekday == .thursday)
        #expect(date("2024-03-19").weekday == .tuesday)
    }

    @Test func dayArithmeticRoundTrips() {
        for offset in stride(from: -719_162, through: 2_932_896, by: 997) {
            let day = LocalDate(dayNumber: offset)
            #expect(day.dayNumber == offset)
            #expect(LocalDate(year: day.year, month: day.month, day: day.day) == day)
        }
        #expect(date("2026-12-31").adding(days: 1) == date("2027-01-01"))
    }

    @Test func monthsClampToTheLastDay() {
        #expect(date("2026-01-31").adding(months: 1) == date("2026-02-28"))
        #expect(date("2024-02-29").adding(years: 1) == date("2025-02-28"))
        #expect(date("2026-11-21").adding(years: 5) == date("2031-11-21"))
        #expect(date("2026-03-15").adding(months: -3) == date("2025-12-15"))
    }

    @Test func instantsFallOnTheBodysLocalDate() {
        // 2026-11-20 17:30 UTC is already Saturday in WIB (00:30) and later zones.
        let instant = Date(timeIntervalSince1970: TimeInterval(date("2026-11-20").dayNumber * 86_400 + 17 * 3600 + 1800))
        #expect(TimeZoneRegion.wib.localDate(of: instant) == date("2026-11-21"))
        #expect(TimeZoneRegion.wit.localDate(of: instant) == date("2026-11-21"))
        let earlier = instant.addingTimeInterval(-3600)  // 16:30 UTC: 23:30 WIB, 00:30 WITA
        #expect(TimeZoneRegion.wib.localDate(of: earlier) == date("2026-11-20"))
        #expect(TimeZoneRegion.wita.localDate(of: earlier) == date("2026-11-21"))
        #expect(
            TimeZoneRegion.wib.startOfDay(date("2026-11-21"))
                == Date(timeIntervalSince1970: TimeInterval(date("2026-11-20").dayNumber * 86_400 + 17 * 3600)))
    }
}
