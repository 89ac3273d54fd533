import Foundation
import Testing

@testable import DikelolaCore

@Suite struct SeedSOPTests {
    let library: SOPLibrary

    init() throws { library = try SOPLibrary.load() }

    @Test func fourSeedsLoadWithoutErrors() throws {
        #expect(
            library.definitions.map(\.id)
                == ["bulukumba-kominfo-2021", "kalbar-disdukcapil-2022", "kapuashulu-dsppa-2023", "sanggau-kominfo-2021"])
        for url in SOPLibrary.bundledURLs() {
            let result = try SOPDefinition.check(contentsOf: url)
            #expect(result.errors.isEmpty, "\(url.lastPathComponent): \(result.errors)")
            // Sanggau and Bulukumba issue the decree without the head: the check says the law adds the step.
            // Sanggau also names at step 2 the decree the system makes at step 3a: the check says so.
            let expected =
                switch url.lastPathComponent {
                case "sanggau-kominfo-2021.yaml": ["PP 61/2010 Pasal 3", "dibuat sistem pada langkah 3a"]
                case "bulukumba-kominfo-2021.yaml": ["PP 61/2010 Pasal 3"]
                default: [String]()
                }
            #expect(result.warnings.count == expected.count, "\(url.lastPathComponent): \(result.warnings)")
            for text in expected {
                #expect(result.warnings.contains { $0.message.contains(text) }, "\(url.lastPathComponent): \(text)")
            }
        }
    }

    @Test func sanggauHasSixStepsWithTheirTimes() throws {
        let sop = try #require(library.definition(id: "sanggau-kominfo-2021"))
        #expect(sop.identity.number == "35 / Set-Kominfo")
        #expect(
            sop.steps.map(\.time) == [
                .duration(amount: 1, unit: .weeks), .duration(amount: 1, unit: .weeks), .duration(amount: 3, unit: .workingDays),
                HeadApproval.time, .duration(amount: 30, unit: .workingDays), .duration(amount: 1, unit: .weeks),
                .duration(amount: 1, unit: .workingDays),
            ])
        #expect(
            sop.steps.map(\.effect) == [.consequenceTest, .classifyByPeriod, .advise, .approveAndSign, .openExpired, .archive, .publish])
        #expect(sop.actors.map(\.role) == [.operator, .mainPPID, .reviewPanel, .head])
        #expect(
            sop.steps[0].requiredDocuments == [
                .init(name: "Form daftar informasi yang dikecualikan", kind: .itemList),
                .init(name: "Lembar pengujian konsekuensi", kind: .testSheets),
            ])
        // Opening expired items is a procedure of its own, not a step of a proposal.
        #expect(sop.proposalSteps.map(\.number) == [1, 2, 3, 7, 5, 6])
        #expect(sop.proposalSteps.map(\.label) == ["1", "2", "3", "3a", "5", "6"])
        #expect(sop.next(after: 3) == 7 && sop.next(after: 7) == 5)
    }

    @Test func kalimantanBaratIsTentativeWithOneReturn() throws {
        let sop = try #require(library.definition(id: "kalbar-disdukcapil-2022"))
        #expect(sop.steps.count == 3)
        #expect(sop.steps.allSatisfy { $0.time == .tentative })
        #expect(sop.steps[1].decision == SOPDefinition.Decision(onAgree: 3, onDisagree: 1))
        #expect(sop.actor(for: sop.steps[1]).role == .head)
        #expect(sop.identity.effective == .month(year: 2022, month: 5))
    }

    @Test func kapuasHuluHasTwoReturnLoops() throws {
        let sop = try #require(library.definition(id: "kapuashulu-dsppa-2023"))
        #expect(sop.steps.count == 6)
        #expect(sop.steps[3].decision == SOPDefinition.Decision(onAgree: 5, onDisagree: 2))
        #expect(sop.steps[4].decision == SOPDefinition.Decision(onAgree: 6, onDisagree: 4))
        #expect(sop.steps[4].issuesDecree)
        #expect(
            sop.steps.map(\.time) == [
                .duration(amount: 1, unit: .workingDays), .duration(amount: 15, unit: .minutes),
                .duration(amount: 1, unit: .workingDays),
                .duration(amount: 15, unit: .minutes), .duration(amount: 15, unit: .minutes),
                .duration(amount: 30, unit: .minutes),
            ])
    }

    @Test func bulukumbaOpensAndUploads() throws {
        let sop = try #require(library.definition(id: "bulukumba-kominfo-2021"))
        #expect(
            sop.steps.map(\.effect) == [.consequenceTest, .classifyByPeriod, .approveAndSign, .openExpired, .archive, .publish])
        #expect(sop.steps.map(\.time.description) == ["1 minggu", "2 jam", "3 hari kerja", "1 hari kerja", "1 jam", "30 menit"])
    }
}

@Suite struct SOPCheckTests {
    static let valid = """
        id: contoh-sop
        identity:
          number: "001/SOP/2026"
          name: Pendokumentasian Informasi yang Dikecualikan
          body: Pemerintah Kabupaten Contoh
        actors:
          - { key: operator, title: Operator OPD, role: operator }
          - { key: kepala, title: Kepala OPD, role: head }
        steps:
          - number: 1
            activity: Menghimpun dan menguji informasi
            actor: operator
            effect: consequenceTest
            time: 2 hari
            output: Daftar informasi yang akan dikecualikan
          - number: 2
            activity: Menyetujui dan menandatangani
            actor: kepala
            effect: approveAndSign
            time: 1 jam
            output: SK
            decision: { agree: selesai, disagree: 1 }
            issuesDecree: true
        """

    @Test func aFifthSOPIsJustAFile() throws {
        let result = SOPDefinition.check(Self.valid)
        #expect(result.problems.isEmpty, "\(result.problems)")
        let sop = try #require(result.definition)
        #expect(sop.steps[1].decision == SOPDefinition.Decision(onAgree: nil, onDisagree: 1))
        #expect(sop.next(after: 1) == 2)

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sop-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.valid.write(to: folder.appendingPathComponent("contoh.yaml"), atomically: true, encoding: .utf8)
        let library = try SOPLibrary.load(additionalDirectory: folder)
        #expect(library.definitions.count == 5)
        #expect(library.definition(id: "contoh-sop")?.identity.body == "Pemerintah Kabupaten Contoh")
    }

    @Test func reportsEveryProblemWithItsPlace() {
        let broken = """
            id: Contoh SOP
            identity:
              number: "001"
              name: Contoh
              made: 2026-02-30
            actors:
              - { key: operator, title: Operator, role: operatr }
              - { key: kepala, title: Kepala, role: head }
            steps:
              - number: 1
                activity: Menghimpun
                actor: operatorr
                effect: collect
                time: sebentar
                output: Daftar
              - number: 3
                activity: Memeriksa
                actor: kepala
                effect: review
                time: 15 menit
                output: Daftar
                decision: { agree: 1, disagree: 2 }
                issueDecree: true
            """
        let result = SOPDefinition.check(broken)
        #expect(result.definition == nil)
        func has(line: Int, path: String, _ fragment: String) -> Bool {
            result.errors.contains { $0.line == line && $0.path == path && $0.message.contains(fragment) }
        }
        #expect(has(line: 1, path: "id", "huruf kecil"))
        #expect(has(line: 2, path: "identity.body", "wajib diisi"))
        #expect(has(line: 5, path: "identity.made", "2026-02-30"))
        #expect(has(line: 7, path: "actors[0].role", "operatr"))
        #expect(has(line: 12, path: "steps[0].actor", "operatorr"))
        #expect(has(line: 13, path: "steps[0].effect", "collect"))
        #expect(has(line: 14, path: "steps[0].time", "sebentar"))
        #expect(has(line: 16, path: "steps[1].number", "tidak urut"))
        #expect(has(line: 22, path: "steps[1].decision.agree", "maju"))
        #expect(has(line: 22, path: "steps[1].decision.disagree", "itu sendiri"))
        #expect(has(line: 23, path: "steps[1].issueDecree", "tidak dikenal"))
        // Rules across steps wait until every step reads, so they do not echo the errors above.
        #expect(!result.errors.contains { $0.path == "steps" })
    }

    @Test func aProcedureWithoutADecreeStepIsRefused() {
        let text = SOPCheckTests.valid.replacingOccurrences(of: "\n    issuesDecree: true", with: "")
        let result = SOPDefinition.check(text)
        #expect(result.errors.contains { $0.path == "steps" && $0.message.contains("issuesDecree") && $0.line == 10 })
    }

    @Test func aDecreeNeedsAConsequenceTestBeforeIt() {
        let text = Self.valid.replacingOccurrences(of: "effect: consequenceTest", with: "effect: collectItems")
        let result = SOPDefinition.check(text)
        #expect(result.errors.contains { $0.message.contains("uji konsekuensi") && $0.line == 16 })
    }

    @Test func yamlSyntaxErrorsHaveAPlace() {
        let result = SOPDefinition.check("id: x\nidentity: [unclosed\n")
        #expect(result.definition == nil)
        #expect(result.errors.first?.line != nil)
        #expect(result.errors.first?.message.contains("YAML") == true)
    }

    @Test func problemsPrintLikeCompilerDiagnostics() {
        let problem = FileProblem(line: 15, column: 11, path: "steps[0].time", message: "waktu tidak dikenali")
        #expect(
            FileProblems(file: "sop.yaml", problems: [problem]).description
                == "sop.yaml:15:11: steps[0].time: waktu tidak dikenali")
    }
}

@Suite struct TimeStandardTests {
    @Test(arguments: [
        ("1 Minggu", TimeStandard.duration(amount: 1, unit: .weeks)), ("3 Hari", .duration(amount: 3, unit: .workingDays)),
        ("15 Menit", .duration(amount: 15, unit: .minutes)), ("2 Jam", .duration(amount: 2, unit: .hours)),
        ("- Tentatif", .tentative), ("Tentatif", .tentative), ("30 hari kerja", .duration(amount: 30, unit: .workingDays)),
    ])
    func readsWhatSOPsWrite(text: String, expected: TimeStandard) {
        #expect(TimeStandard.parse(text.replacingOccurrences(of: "- ", with: "")) == expected)
    }

    @Test func refusesNonsense() {
        #expect(TimeStandard.parse("sebentar") == nil)
        #expect(TimeStandard.parse("0 hari") == nil)
        #expect(TimeStandard.parse("3 tahun") == nil)
    }

    @Test func dueTimesFollowTheWorkingDayCalendar() throws {
        let calendar = try shippedCalendar()
        func due(_ standard: TimeStandard, _ start: Date) throws -> Date? {
            try standard.due(from: start, in: .wib, calendar: calendar, hours: .civilService)?.value
        }
        func at(_ iso: String, _ hour: Double) -> Date { TimeZoneRegion.wib.startOfDay(date(iso)).addingTimeInterval(hour * 3600) }
        // Started Tuesday 17 March 2026, 09:00 WIB; "1 minggu" is five working days across Lebaran.
        let start = at("2026-03-17", 9)
        // 25, 26, 27, 30, 31 March: due when Tuesday 31 March closes, at 16.00.
        #expect(try due(.duration(amount: 1, unit: .weeks), start) == at("2026-03-31", 16))
        #expect(try due(.duration(amount: 15, unit: .minutes), start) == start.addingTimeInterval(900))
        #expect(try due(.tentative, start) == nil)
    }

    /// Found: "4 jam" started at 15.00 WIB was due at 19.00 that evening, and "15 menit" started at
    /// 21.44 at 21.59. Hours and minutes count working hours (Monday–Thursday 07.30–16.00, Friday to 16.30).
    @Test func hoursAndMinutesCountWorkingHours() throws {
        let calendar = try shippedCalendar()
        func due(_ standard: TimeStandard, _ start: Date) throws -> Date? {
            try standard.due(from: start, in: .wib, calendar: calendar, hours: .civilService)?.value
        }
        func at(_ iso: String, _ hour: Double) -> Date { TimeZoneRegion.wib.startOfDay(date(iso)).addingTimeInterval(hour * 3600) }
        // Monday 23 November 2026, 15.00: one hour today, three tomorrow from 07.30.
        #expect(try due(.duration(amount: 4, unit: .hours), at("2026-11-23", 15)) == at("2026-11-24", 10.5))
        // 21.44 on a Monday: counting starts when work opens on Tuesday.
        #expect(try due(.duration(amount: 15, unit: .minutes), at("2026-11-23", 21 + 44.0 / 60)) == at("2026-11-24", 7.75))
        // Friday closes at 16.30; 1 hour from 16.00 runs on to Monday 08.00.
        #expect(try due(.duration(amount: 1, unit: .hours), at("2026-11-27", 16)) == at("2026-11-30", 8))
        // Thursday 24 December 2026 is cuti bersama and the 25th Christmas: "2 jam" from Wednesday 15.30.
        #expect(try due(.duration(amount: 2, unit: .hours), at("2026-12-23", 15.5)) == at("2026-12-28", 9))
        // A day standard is due at the end of the working day: "29 Desember 2026 pukul 16.00".
        #expect(try due(.duration(amount: 3, unit: .workingDays), at("2026-12-22", 10)) == at("2026-12-29", 16))
    }

    @Test func aYearWithoutHolidayDataKeepsItsFixedDateHolidaysAndIsProvisional() throws {
        let calendar = try shippedCalendar()
        // Found: 1 January 2027 was counted as a working day.
        #expect(calendar.status(of: date("2027-01-01")) != .unknown)
        if case let .dayOff(holiday) = calendar.status(of: date("2027-08-17")) {
            #expect(holiday.name.hasPrefix("Hari Kemerdekaan"))
        } else {
            Issue.record("17 August 2027 is a day off")
        }
        #expect(calendar.status(of: date("2027-01-04")) == .unknown)
        // 31 December 2026 (Thursday) + 1 working day: not Friday 1 January 2027 but Monday 4 January, provisional.
        let next = try calendar.adding(1, workingDaysTo: date("2026-12-31"), policy: .assumeWeekdaysOnly)
        #expect(next.value == date("2027-01-04") && next.yearsWithoutData == [2027])
        #expect(throws: WorkingDayError.self) { try calendar.adding(1, workingDaysTo: date("2026-12-31")) }
    }

    @Test func workingHoursAreReadAsTypedOrRefused() throws {
        #expect(try WorkingHours.parse(WorkingHours.civilService.description) == .civilService)
        #expect(try WorkingHours.parse("08:00-15:00; 08:00-11:30").friday.closes == 690)
        for bad in ["", "07.30–16.00", "16.00–07.30; 07.30–16.30", "25.00–26.00; 07.30–16.30", "7.3O-16.00; 7.30-16.30"] {
            #expect(throws: WorkingHoursError.self, "\(bad)") { try WorkingHours.parse(bad) }
        }
    }
}
