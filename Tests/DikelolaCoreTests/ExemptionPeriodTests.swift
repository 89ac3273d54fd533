import Testing

@testable import DikelolaCore

@Suite struct ExemptionPeriodTests {
    let decreeDate = date("2026-11-21")

    @Test func computesTheEndDate() throws {
        #expect(try ExemptionPeriod.length(PeriodLength(years: 5), from: date("2025-01-01")).endDate == date("2030-01-01"))
        #expect(try ExemptionPeriod.length(PeriodLength(years: 1, months: 6), from: date("2026-08-31")).endDate == date("2028-02-29"))
        #expect(try ExemptionPeriod.until(date("2030-12-31")).endDate == date("2030-12-31"))
        #expect(
            try ExemptionPeriod.untilEvent(event: "putusan inkracht", reviewOn: date("2027-06-01"), latestEnd: nil).endDate == nil)
        #expect(
            ExemptionPeriod.untilEvent(event: "putusan inkracht", reviewOn: date("2027-06-01"), latestEnd: nil).reviewDate
                == date("2027-06-01"))
        #expect(ExemptionPeriod.asStatuteSets(statute: "UU 23/2006", end: nil).isOpenEnded)
    }

    @Test(arguments: ["a", "b", "c", "d", "e", "f"])
    func groundsAToFCannotBeOpenEnded(letter: String) {
        // UU 14/2008 Ps 20(1).
        let period = ExemptionPeriod.asStatuteSets(statute: "UU 36/2009", end: nil)
        #expect(period.violations(for: ground(letter), classifiedOn: decreeDate, policy: .standard) == [.mustNotBeOpenEnded(ground(letter).letter)])
    }

    @Test(arguments: ["g", "h", "i", "j"])
    func groundsGToJMayFollowTheirStatute(letter: String) {
        let period = ExemptionPeriod.asStatuteSets(statute: "UU 23 Tahun 2006 tentang Administrasi Kependudukan", end: nil)
        #expect(period.violations(for: ground(letter), classifiedOn: decreeDate, policy: .standard).isEmpty)
    }

    @Test func groundAIsAtMostThirtyYears() {
        // PP 61/2010 Ps 5.
        let ok = ExemptionPeriod.length(PeriodLength(years: 30), from: decreeDate)
        #expect(ok.violations(for: ground("a1"), classifiedOn: decreeDate, policy: .standard).isEmpty)
        let tooLong = ExemptionPeriod.length(PeriodLength(years: 30, days: 1), from: decreeDate)
        #expect(
            tooLong.violations(for: ground("a1"), classifiedOn: decreeDate, policy: .standard)
                == [.exceedsThirtyYears(end: date("2056-11-22"), limit: date("2056-11-21"))])
        // The same length is lawful under another ground.
        #expect(tooLong.violations(for: ground("h1"), classifiedOn: decreeDate, policy: .standard).isEmpty)
        let fixed = ExemptionPeriod.until(date("2060-01-01"))
        #expect(fixed.violations(for: ground("a"), classifiedOn: decreeDate, policy: .standard).count == 1)
    }

    @Test func anEventForGroundANeedsALatestEnd() {
        let open = ExemptionPeriod.untilEvent(
            event: "putusan berkekuatan hukum tetap", reviewOn: date("2027-11-21"), latestEnd: nil)
        #expect(open.violations(for: ground("a1"), classifiedOn: decreeDate, policy: .standard) == [.eventNeedsLatestEnd(.a)])
        #expect(open.violations(for: ground("h2"), classifiedOn: decreeDate, policy: .standard).isEmpty)
        let bounded = ExemptionPeriod.untilEvent(
            event: "putusan berkekuatan hukum tetap", reviewOn: date("2027-11-21"),
            latestEnd: date("2036-11-21"))
        #expect(bounded.violations(for: ground("a1"), classifiedOn: decreeDate, policy: .standard).isEmpty)
    }

    @Test func incoherentPeriodsAreRefused() {
        #expect(
            ExemptionPeriod.length(PeriodLength(), from: decreeDate).violations(for: ground("h"), classifiedOn: decreeDate, policy: .standard)
                == [.emptyLength])
        #expect(
            ExemptionPeriod.until(date("2026-01-01")).violations(for: ground("h"), classifiedOn: decreeDate, policy: .standard)
                == [.endNotAfterStart(end: date("2026-01-01"), start: decreeDate)])
        let noEvent = ExemptionPeriod.untilEvent(event: "  ", reviewOn: date("2026-11-20"), latestEnd: nil)
        #expect(
            Set(noEvent.violations(for: ground("i"), classifiedOn: decreeDate, policy: .standard))
                == [.eventMissing, .reviewNotAfterStart(review: date("2026-11-20"), start: decreeDate)])
        #expect(
            ExemptionPeriod.asStatuteSets(statute: "", end: date("2030-01-01")).violations(
                for: ground("j"), classifiedOn: decreeDate, policy: .standard)
                == [.statuteMissing])
    }

    @Test func messagesCiteTheLaw() {
        #expect(ExemptionPeriodViolation.mustNotBeOpenEnded(.c).description.contains("Pasal 20"))
        #expect(ExemptionPeriodViolation.eventNeedsLatestEnd(.a).description.contains("PP 61/2010 Pasal 5"))
    }

    @Test func describesItselfInIndonesian() {
        #expect(
            ExemptionPeriod.length(PeriodLength(years: 5), from: date("2025-01-01")).indonesianDescription
                == "5 tahun sejak 1 Januari 2025")
        #expect(ExemptionPeriod.until(date("2030-12-31")).indonesianDescription == "sampai dengan 31 Desember 2030")
    }
}
