import Testing

@testable import DikelolaCore

/// Expected dates were counted independently, by hand and with a separate script, against the
/// lists of `../shared/domain.md` §5.
@Suite struct WorkingDayCalendarTests {
    @Test func thirtyWorkingDaysBeforeTheEndOf2026() throws {
        // PP 61/2010 Ps 11(2): the opening decree is due 30 working days before the end.
        // Crosses Natal (25 Dec) and its cuti bersama (24 Dec).
        let result = try shippedCalendar().adding(-30, workingDaysTo: date("2026-12-31"))
        #expect(result.value == date("2026-11-17"))
        #expect(!result.isProvisional)
    }

    @Test func lebaran2026IsSkippedWholly() throws {
        let calendar = try shippedCalendar()
        // 18 Mar cuti Nyepi, 19 Nyepi, 20 cuti Idulfitri, 21–22 Idulfitri (weekend), 23–24 cuti.
        #expect(try calendar.adding(1, workingDaysTo: date("2026-03-17")).value == date("2026-03-25"))
        #expect(try calendar.adding(5, workingDaysTo: date("2026-03-13")).value == date("2026-03-27"))
        #expect(try calendar.adding(-10, workingDaysTo: date("2026-04-06")).value == date("2026-03-13"))
    }

    @Test func lebaran2025() throws {
        // 28 Mar cuti, 29 Nyepi (Sat), 31 Mar–1 Apr Idulfitri, 2–4 and 7 Apr cuti.
        #expect(try shippedCalendar().adding(3, workingDaysTo: date("2025-03-27")).value == date("2025-04-10"))
    }

    @Test func collectiveLeaveAsWorkingDayIsASetting() throws {
        let calendar = try shippedCalendar(collectiveLeaveIsDayOff: false)
        #expect(try calendar.adding(1, workingDaysTo: date("2026-03-17")).value == date("2026-03-18"))
        #expect(try calendar.workingDays(from: date("2026-01-01"), through: date("2026-03-31")).value == 60)
    }

    @Test func crossesTheYearEnd() throws {
        let calendar = try shippedCalendar()
        #expect(try calendar.adding(5, workingDaysTo: date("2025-12-22")).value == date("2025-12-31"))
        // 1 January 2026 is a holiday: the first working day of 2026 is Friday the 2nd.
        #expect(try calendar.adding(1, workingDaysTo: date("2025-12-31")).value == date("2026-01-02"))
        #expect(try calendar.adding(-1, workingDaysTo: date("2026-01-02")).value == date("2025-12-31"))
    }

    @Test func countsBothEndsIncluded() throws {
        let calendar = try shippedCalendar()
        #expect(try calendar.workingDays(from: date("2026-01-01"), through: date("2026-03-31")).value == 55)
        #expect(try calendar.workingDays(from: date("2025-01-01"), through: date("2025-12-31")).value == 237)
        #expect(try calendar.workingDays(from: date("2026-01-01"), through: date("2026-12-31")).value == 240)
        #expect(try calendar.workingDays(from: date("2026-01-05"), through: date("2026-01-05")).value == 1)
        #expect(try calendar.workingDays(from: date("2026-01-06"), through: date("2026-01-05")).value == 0)
    }

    @Test func weekendsAndHolidaysAreNotWorkingDays() throws {
        let calendar = try shippedCalendar()
        #expect(try calendar.isWorkingDay(date("2026-11-20")))  // Friday
        #expect(try !calendar.isWorkingDay(date("2026-11-21")))  // Saturday
        #expect(try !calendar.isWorkingDay(date("2026-08-17")))  // Proklamasi, a Monday
        guard case let .dayOff(holiday) = calendar.status(of: date("2026-08-17")) else {
            Issue.record("17 August 2026 should be a day off")
            return
        }
        #expect(holiday.name.contains("Kemerdekaan"))
        // Adding from a Friday gives Monday; from Saturday too.
        #expect(try calendar.adding(1, workingDaysTo: date("2026-11-20")).value == date("2026-11-23"))
        #expect(try calendar.adding(1, workingDaysTo: date("2026-11-21")).value == date("2026-11-23"))
        #expect(try calendar.adding(0, workingDaysTo: date("2026-11-21")).value == date("2026-11-21"))
    }

    @Test func refusesAYearWithoutHolidayData() throws {
        let calendar = try shippedCalendar()
        // 1 January is a fixed-date holiday in every year; the first weekday of 2027 left unknown is the 4th.
        #expect(throws: WorkingDayError.noHolidayData(year: 2027, reached: date("2027-01-04"))) {
            try calendar.adding(5, workingDaysTo: date("2026-12-28"))
        }
        #expect(throws: WorkingDayError.self) {
            try calendar.workingDays(from: date("2026-12-01"), through: date("2027-01-31"))
        }
        // Backwards from a 2027 date still reaches 2027 weekdays first.
        #expect(throws: WorkingDayError.self) { try calendar.adding(-30, workingDaysTo: date("2027-01-29")) }
        // A weekend of 2027 needs no data to be known as a day off.
        #expect(try !calendar.isWorkingDay(date("2027-01-02")))
    }

    @Test func provisionalResultNamesTheYearItAssumed() throws {
        let result = try shippedCalendar().adding(5, workingDaysTo: date("2026-12-28"), policy: .assumeWeekdaysOnly)
        // 29, 30, 31 Dec, then 4 and 5 Jan 2027 taken as working days (1 January is New Year in any year).
        #expect(result.value == date("2027-01-05"))
        #expect(result.yearsWithoutData == [2027])
        #expect(result.isProvisional)
    }

    @Test func errorMessageTellsTheAdministratorWhatToDo() {
        let message = WorkingDayError.noHolidayData(year: 2027, reached: date("2027-01-01")).description
        #expect(message.contains("2027"))
        #expect(message.contains("1 Januari 2027"))
        #expect(message.contains("SKB 3 Menteri"))
    }
}

@Suite struct HolidayFileTests {
    @Test func shippedListHoldsDomainHolidays() throws {
        let list = try HolidayList.bundled()
        #expect(list.hasData(for: 2025) && list.hasData(for: 2026) && !list.hasData(for: 2027))
        let y2025 = try #require(list.years[2025])
        #expect(y2025.holidays.filter { $0.kind == .nationalHoliday }.count == 17)
        #expect(y2025.holidays.filter { $0.kind == .collectiveLeave }.count == 11)
        let y2026 = try #require(list.years[2026])
        #expect(y2026.holidays.filter { $0.kind == .nationalHoliday }.count == 17)
        #expect(y2026.holidays.filter { $0.kind == .collectiveLeave }.count == 8)
    }

    @Test func reportsEveryProblemWithItsLine() {
        let text = """
            years:
              2027:
                source: SKB
                nationalHolidays:
                  2027-02-30: Tanggal yang tidak ada
                  2028-01-01: Tahun lain
                collectiveLeave:
                  2027-01-01: Cuti bersama
                  2027-01-04:
              abcd:
                source: x
            """
        do {
            _ = try HolidayList.parse(text)
            Issue.record("a broken holiday file must be refused")
        } catch let error as FileProblems {
            let lines = error.problems.compactMap(\.line)
            #expect(lines.contains(5))  // 30 February
            #expect(lines.contains(6))  // wrong year
            #expect(lines.contains(9))  // a date with no name
            #expect(lines.contains(10))  // 'abcd' is no year
            #expect(error.problems.contains { $0.message.contains("TTTT-BB-HH") })
            #expect(error.problems.contains { $0.message.contains("tidak berada di tahun 2027") })
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func aDateListedTwiceIsRefused() {
        let text = """
            years:
              2027:
                source: SKB
                nationalHolidays:
                  2027-01-01: Tahun Baru
                  2027-01-01: Tahun Baru
            """
        #expect(throws: FileProblems.self) { try HolidayList.parse(text) }
        do { _ = try HolidayList.parse(text) } catch let error as FileProblems {
            #expect(error.problems.first?.message.contains("'2027-01-01'") == true)
            #expect(error.problems.first?.line != nil)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func anAdministratorsFileAddsAYear() throws {
        let list = try HolidayList.parse(
            """
            years:
              2027:
                source: SKB 3 Menteri 2027 (contoh)
                nationalHolidays:
                  2027-01-01: Tahun Baru 2027 Masehi
            """)
        let calendar = WorkingDayCalendar(holidays: list)
        // Thursday 31 Dec 2026 is not in this file's years; 2027 is.
        #expect(try calendar.adding(1, workingDaysTo: date("2027-01-01")).value == date("2027-01-04"))
        #expect(try !calendar.isWorkingDay(date("2027-01-01")))
    }
}
