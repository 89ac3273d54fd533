import Testing

@testable import DikelolaCore

/// PP 61/2010 Ps 11 on the calendar: dates counted independently against the 2025–2026 lists.
@Suite struct ExpiryRulesTests {
    func rules(notice: Int = 30) throws -> ExpiryRules { ExpiryRules(calendar: try shippedCalendar(), noticeWorkingDays: notice) }

    @Test func theOpeningDecreeIsDueThirtyWorkingDaysBefore() throws {
        #expect(try rules().openingDecreeDue(endingOn: date("2026-12-31")).value == date("2026-11-17"))
    }

    @Test func endingSoonFromTheDayTheDecreeFallsDue() throws {
        let r = try rules()
        #expect(r.assess(endDate: date("2026-12-31"), reviewDate: nil, today: date("2026-11-16")).status == .exempted)
        #expect(
            r.assess(endDate: date("2026-12-31"), reviewDate: nil, today: date("2026-11-17")).status
                == .endingSoon(endsOn: date("2026-12-31"), openingDecreeDue: date("2026-11-17")))
        #expect(
            r.assess(endDate: date("2026-12-31"), reviewDate: nil, today: date("2026-12-30")).status
                == .endingSoon(endsOn: date("2026-12-31"), openingDecreeDue: date("2026-11-17")))
    }

    @Test func opensByLawOnTheEndDate() throws {
        // PP 61/2010 Ps 11(3).
        #expect(
            try rules().assess(endDate: date("2026-12-31"), reviewDate: nil, today: date("2026-12-31")).status
                == .expired(openedOn: date("2026-12-31")))
        #expect(
            try rules().assess(endDate: date("2026-04-01"), reviewDate: nil, today: date("2026-11-21")).status
                == .expired(openedOn: date("2026-04-01")))
    }

    @Test func aLongerNoticeFlagsEarlierButTheDecreeDateStays() throws {
        // 60 working days before 31 December 2026 is 6 October.
        #expect(
            try rules(notice: 60).assess(endDate: date("2026-12-31"), reviewDate: nil, today: date("2026-10-05")).status
                == .exempted)
        let early = try rules(notice: 60).assess(endDate: date("2026-12-31"), reviewDate: nil, today: date("2026-10-06"))
        #expect(early.status == .endingSoon(endsOn: date("2026-12-31"), openingDecreeDue: date("2026-11-17")))
    }

    @Test func acrossLebaran2026() throws {
        // Ending 30 April 2026: 30 working days back crosses Nyepi, Idulfitri and their cuti bersama.
        // 20 working days in April (3 April is Wafat Yesus Kristus), then 31, 30, 27, 26, 25, 17, 16, 13, 12, 11 March.
        #expect(try rules().openingDecreeDue(endingOn: date("2026-04-30")).value == date("2026-03-11"))
    }

    @Test func eventPeriodsComeUpForReview() throws {
        let r = try rules()
        #expect(r.assess(endDate: nil, reviewDate: date("2026-11-21"), today: date("2026-11-20")).status == .exempted)
        #expect(
            r.assess(endDate: nil, reviewDate: date("2026-11-21"), today: date("2026-11-21")).status
                == .reviewDue(since: date("2026-11-21")))
        // With a long-stop date far away, the review still comes first.
        #expect(
            r.assess(endDate: date("2036-11-21"), reviewDate: date("2026-06-01"), today: date("2026-11-21")).status
                == .reviewDue(since: date("2026-06-01")))
    }

    @Test func aYearWithoutHolidayDataIsFlaggedNotGuessed() throws {
        let assessment = try rules().assess(endDate: date("2027-03-01"), reviewDate: nil, today: date("2026-11-21"))
        #expect(assessment.status == .exempted)
        #expect(assessment.provisionalYears == [2027])
    }
}
