import Foundation
import PropertyBased
import Testing

@testable import DikelolaCore

/// For any input, the core returns or throws; it never traps. A trap here would be a request that
/// stops the whole server (found from outside: `years=9223372036854775807` on the period preview,
/// a billion-year period read back from the database). Each property runs a few hundred random
/// cases, including the extremes of `Int`, in well under a second.
@Suite struct NeverTrapPropertyTests {
    /// Any Int, with small numbers, the extremes and the neighbourhood of the bounds drawn often.
    static let extremes = [Int.max, Int.min, Int.max / 12, Int.max / 12 + 1, -1, 0, 100, 101, 1_200, 36_501, 9_999]
    static let anyInt = Gen.int().map { raw -> Int in
        switch raw & 7 {
        case 0: extremes[Int((raw >> 3).magnitude % UInt(extremes.count))]
        case 1, 2, 3: raw % 2_001
        default: raw
        }
    }

    /// Any date a `LocalDate` can hold.
    static let anyDate = Gen.int(in: LocalDate.representableDayNumbers).map { LocalDate(dayNumber: $0) ?? .epoch }

    @Test func dateArithmeticReturnsOrThrows() async {
        await propertyCheck(count: 500, input: Self.anyDate, Self.anyInt) { start, n in
            for result in [
                Result { try start.adding(days: n) }, Result { try start.adding(months: n) },
                Result { try start.adding(years: n) },
            ] {
                if case let .success(date) = result { #expect(LocalDate.representableYears.contains(date.year)) }
            }
            // A step that succeeds can be undone.
            if n != .min, let later = try? start.adding(days: n) { #expect((try? later.adding(days: -n)) == start) }
        }
    }

    @Test func periodsReturnOrThrow() async {
        let letters = Gen<ExemptionGround.Letter?>.element(of: ExemptionGround.Letter.allCases).map { $0 ?? .a }
        await propertyCheck(count: 500, input: Self.anyInt, Self.anyInt, Self.anyInt, Self.anyDate, letters) {
            years, months, days, from, letter in
            let period = ExemptionPeriod.length(PeriodLength(years: years, months: months, days: days), from: from)
            let ground = ExemptionGround(letter) ?? ExemptionGround.catalog[0]
            let violations = period.violations(for: ground, classifiedOn: from, policy: .standard)
            if !PeriodLength(years: years, months: months, days: days).isWithinBounds {
                #expect(violations.contains(.lengthTooLong))
            }
            let preview = PeriodPreview(
                period: period, ground: ground, classifiedOn: from, policy: .standard,
                rules: ExpiryRules(calendar: try shippedCalendar(), noticeWorkingDays: 30))
            if (try? period.endDate) == nil { #expect(preview.endDate == nil) }
            _ = period.indonesianDescription
            // What is stored is read back, or refused when out of bounds: a length over the maximum,
            // or a start date outside the years a date is read in (1900–9999).
            let json = try JSONEncoder().encode(period)
            let decoded = try? JSONDecoder().decode(ExemptionPeriod.self, from: json)
            let readable =
                PeriodLength(years: years, months: months, days: days).isWithinBounds
                && LocalDate.inputYears.contains(from.year)
            #expect((decoded != nil) == readable)
        }
    }

    @Test func typedLengthsAreBounded() async {
        let digits = Gen.number.string(of: 0...25)
        await propertyCheck(count: 300, input: digits, digits, digits) { y, m, d in
            switch Result(catching: { () throws(PeriodLengthError) -> PeriodLength in try PeriodLength.parse(years: y, months: m, days: d) }) {
            case let .success(length): #expect(length.isWithinBounds)
            case .failure: break
            }
        }
        #expect(throws: PeriodLengthError.tooLong(.years, maximum: 100)) { try PeriodLength.parse(years: "9223372036854775807", months: "") }
        #expect(throws: PeriodLengthError.notAWholeNumber(.months)) { try PeriodLength.parse(years: "1", months: "-3") }
        #expect((try? PeriodLength.parse(years: " 5 ", months: "")) == PeriodLength(years: 5))
    }

    @Test func workingDaysReturnOrThrow() async throws {
        let calendar = try shippedCalendar()
        let nearDates = Gen.int(in: date("1900-01-01").dayNumber...date("2100-12-31").dayNumber).map {
            LocalDate(dayNumber: $0) ?? .epoch
        }
        await propertyCheck(count: 200, input: nearDates, Self.anyInt) { start, count in
            _ = try? calendar.adding(count, workingDaysTo: start, policy: .refuse)
            // Counting on weekdays only goes as far as the calendar and stops there.
            _ = try? calendar.adding(max(-3_000, min(3_000, count)), workingDaysTo: start, policy: .assumeWeekdaysOnly)
            let end = (try? start.adding(days: count % 2_000)) ?? start
            _ = try? calendar.workingDays(from: start, through: end, policy: .assumeWeekdaysOnly)
        }
        #expect(throws: (any Error).self) {
            try calendar.adding(.min, workingDaysTo: date("2026-01-05"), policy: .refuse)
        }
        #expect(try calendar.workingDays(from: date("9999-12-30"), through: .lastRepresentable, policy: .assumeWeekdaysOnly).value == 2)
    }

    @Test func timeStandardsReturnOrThrow() async throws {
        let calendar = try shippedCalendar()
        let words = Gen<String?>.element(of: ["menit", "jam", "hari", "minggu", "tentatif", "hari kerja", "", "-"]).map { $0 ?? "" }
        await propertyCheck(count: 300, input: Self.anyInt, words) { amount, unit in
            let parsed = TimeStandard.parse("\(amount) \(unit)")
            if case let .duration(value, _)? = parsed { #expect((1...TimeStandard.maximumAmount).contains(value)) }
            for standard in [parsed, .duration(amount: amount, unit: .hours), .duration(amount: amount, unit: .weeks)] {
                _ = try? standard?.due(
                    from: Date(timeIntervalSince1970: 1_795_000_000), in: .wib, calendar: calendar, hours: .civilService,
                    policy: .assumeWeekdaysOnly)
            }
        }
    }

    /// Citations as officers type them, and as a careless or hostile hand types them.
    @Test func citationParserReturnsOrThrows() async {
        let tokens = Gen<String?>.element(of: [
            "Pasal", "pasal", "Ps.", "17", "huruf", "ayat", "angka", "(", ")", "a", "h", "j", "k", "z", "2", "4",
            "99999999999999999999", "-1", "jo.", "UU", "14/2008", ",", ".", " ", "\u{0}", "é", "١٧", "Ⅻ", "🙂", "\u{202E}",
        ]).map { $0 ?? "" }
        await propertyCheck(count: 1_000, input: tokens.array(of: 0...12), Gen.bool) { parts, spaced in
            let text = parts.joined(separator: spaced ? " " : "")
            if let citation = try? GroundCitation.parse(text) {
                #expect(ExemptionGround.catalog.contains(citation.ground))
            }
        }
        await propertyCheck(count: 300, input: Gen.latin1.string(of: 0...40)) { text in
            _ = try? GroundCitation.parse(text)
        }
    }

    /// The seed SOPs with random damage: every result is a definition or a list of problems.
    @Test func sopLoaderReturnsProblemsNeverTraps() async throws {
        let seeds = try SOPLibrary.bundledTexts()
        #expect(seeds.count == 4)
        let edits = Gen.int(in: 0...10_000).array(of: 1...6)
        let insertions = Gen<String?>.element(of: [
            "\n", ":", "- ", "  ", "\t", "\"", "'", "{", "[", "&a", "*a", "!!int", "99999999999999999999", "-1", "0",
            "Tentatif", "9223372036854775807 Hari", "\u{0}", "steps:", "actors:", "next: 99", "\u{FEFF}",
        ]).map { $0 ?? "" }
        await propertyCheck(count: 200, input: Gen.int(in: 0...3), edits, insertions) { which, positions, insertion in
            var text = Array(seeds[which])
            for position in positions where !text.isEmpty {
                let index = position % text.count
                if position % 2 == 0 {
                    text.remove(at: index)
                } else {
                    text.insert(contentsOf: insertion, at: index)
                }
            }
            let result = SOPDefinition.check(String(text))
            #expect(result.definition != nil || !result.errors.isEmpty)
        }
    }
}
