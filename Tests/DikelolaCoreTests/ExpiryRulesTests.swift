import PropertyBased
import Testing

@testable import DikelolaCore

/// PP 61/2010 Ps 11 on the calendar: dates counted independently against the 2025–2026 lists.
@Suite struct ExpiryRulesTests {
    func rules(notice: Int = 30) throws -> ExpiryRules { ExpiryRules(calendar: try shippedCalendar(), noticeWorkingDays: notice) }

    /// The sweep reads only entries ending by its horizon: no entry ending later may be one the
    /// assessment would change today, whatever the notice setting and the holidays.
    @Test func nothingBeyondTheSweepHorizonIsDue() async throws {
        let calendar = try shippedCalendar()
        let start = date("2024-06-01")
        await propertyCheck(count: 400, input: Gen.int(in: 0...1_000), Gen.int(in: 0...400), Gen.int(in: 30...250)) {
            todayOffset, endOffset, notice in
            let rules = ExpiryRules(calendar: calendar, noticeWorkingDays: notice)
            guard let today = try? start.adding(days: todayOffset), let end = try? today.adding(days: endOffset),
                let horizon = rules.sweepHorizon(on: today)
            else { return }
            if end > horizon {
                #expect(rules.assess(endDate: end, reviewDate: nil, today: today).status == .exempted, "\(today) \(end) \(notice)")
            }
        }
    }

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

@Suite struct PeriodPreviewTests {
    let rules: ExpiryRules
    init() throws { rules = ExpiryRules(calendar: try shippedCalendar()) }

    func day(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }

    @Test func showsTheEndAndTheOpeningDecreeDateBeforeSaving() {
        let preview = PeriodPreview(
            period: .until(day("2026-12-31")), ground: ExemptionGround(code: "h1"), classifiedOn: day("2026-03-02"),
            policy: .standard, rules: rules)
        #expect(preview.endDate == day("2026-12-31") && preview.openingDecreeDue == day("2026-11-17"))
        #expect(preview.problems.isEmpty && preview.provisionalYears.isEmpty)
        #expect(preview.indonesianLines[0].hasPrefix("Berakhir 31 Desember 2026"))
        #expect(preview.indonesianLines.contains { $0.contains("paling lambat 17 November 2026") })
    }

    @Test func aLengthEndsOnTheCalendarAndAYearWithoutHolidaysIsSaid() {
        let preview = PeriodPreview(
            period: .length(PeriodLength(years: 5), from: day("2026-11-22")), ground: ExemptionGround(code: "j"),
            classifiedOn: day("2026-11-22"), policy: .standard, rules: rules)
        #expect(preview.endDate == (try? PeriodLength(years: 5).added(to: day("2026-11-22"))))
        #expect(preview.provisionalYears == [2031])
        #expect(preview.indonesianLines.last?.contains("Hari libur tahun 2031 belum tersedia") == true)
    }

    @Test func namesWhatTheLawRefusesForTheGround() {
        let open = PeriodPreview(
            period: .untilEvent(event: "penyidikan selesai", reviewOn: day("2027-01-04"), latestEnd: nil),
            ground: ExemptionGround(code: "a1"), classifiedOn: day("2026-11-22"), policy: .standard, rules: rules)
        #expect(open.problems == [.eventNeedsLatestEnd(.a)])
        #expect(open.endDate == nil && open.openingDecreeDue == nil && open.reviewDate == day("2027-01-04"))
        let noGround = PeriodPreview(
            period: .until(day("2026-01-01")), ground: nil, classifiedOn: day("2026-11-22"), policy: .standard, rules: rules)
        #expect(noGround.problems.isEmpty)  // the ground is chosen later; nothing to judge yet
    }
}
