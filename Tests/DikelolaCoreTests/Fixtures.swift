@testable import DikelolaCore

/// `date("2026-11-21")`: a date literal for tests.
func date(_ iso: String) -> LocalDate {
    guard let date = LocalDate(iso: iso) else { fatalError("bad test date \(iso)") }
    return date
}

/// The shipped calendar (2025 and 2026 holidays), cuti bersama counted as days off by default.
func shippedCalendar(collectiveLeaveIsDayOff: Bool = true) throws -> WorkingDayCalendar {
    WorkingDayCalendar(holidays: try HolidayList.bundled(), collectiveLeaveIsDayOff: collectiveLeaveIsDayOff)
}

func ground(_ code: String) -> ExemptionGround {
    guard let ground = ExemptionGround(code: code) else { fatalError("bad ground \(code)") }
    return ground
}
