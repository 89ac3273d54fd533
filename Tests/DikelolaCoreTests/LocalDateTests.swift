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
        // A person types years 1900–9999 only.
        #expect(LocalDate(iso: "1899-12-31") == nil)
        #expect(LocalDate(iso: "0001-01-01") == nil)
        #expect(LocalDate(iso: "9999-12-31") != nil)
        #expect(LocalDate(iso: "+202-01-01") == nil)
        #expect(LocalDate(iso: "２０２６-11-21") == nil)  // full-width digits are numbers, not ASCII
    }

    @Test func weekdays() {
        #expect(date("2026-11-21").weekday == .saturday)
        #expect(date("1970-01-01").weekday == .thursday)
        #expect(date("2024-03-19").weekday == .tuesday)
    }

    @Test func dayArithmeticRoundTrips() throws {
        for offset in stride(from: -719_162, through: 2_932_896, by: 997) {
            let day = try #require(LocalDate(dayNumber: offset))
            #expect(day.dayNumber == offset)
            #expect(LocalDate(year: day.year, month: day.month, day: day.day) == day)
        }
        #expect(try date("2026-12-31").adding(days: 1) == date("2027-01-01"))
        #expect(LocalDate(dayNumber: 2_932_897) == nil)
        #expect(LocalDate(dayNumber: -719_163) == nil)
        #expect(LocalDate(dayNumber: .max) == nil)
    }

    @Test func monthsClampToTheLastDay() throws {
        #expect(try date("2026-01-31").adding(months: 1) == date("2026-02-28"))
        #expect(try date("2024-02-29").adding(years: 1) == date("2025-02-28"))
        #expect(try date("2026-11-21").adding(years: 5) == date("2031-11-21"))
        #expect(try date("2026-03-15").adding(months: -3) == date("2025-12-15"))
    }

    /// Found from outside: `years * 12` trapped for 9223372036854775807, and a date after 9999 was
    /// force-unwrapped. Arithmetic leaving the calendar throws, whatever the number.
    @Test func arithmeticLeavingTheCalendarThrows() throws {
        let today = date("2026-11-25")
        for years in [Int.max, Int.min, 1_000_000_000_000, 7_974, -2_026] {
            #expect(throws: DateRangeError.self) { try today.adding(years: years) }
        }
        for months in [Int.max, Int.min, Int.max / 12 + 1] {
            #expect(throws: DateRangeError.self) { try today.adding(months: months) }
        }
        for days in [Int.max, Int.min, 3_000_000] {
            #expect(throws: DateRangeError.self) { try today.adding(days: days) }
        }
        #expect(try date("9999-12-30").adding(days: 1) == LocalDate.lastRepresentable)
        #expect(throws: DateRangeError.self) { try LocalDate.lastRepresentable.adding(days: 1) }
        #expect(TimeZoneRegion.wib.localDate(of: Date(timeIntervalSince1970: 1e15)) == LocalDate.lastRepresentable)
        #expect(TimeZoneRegion.wib.localDate(of: Date(timeIntervalSince1970: .nan)) == LocalDate.epoch)
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
