import Testing

@testable import DikelolaCore

@Suite struct PeriodEndProcedureTests {
    let library: SOPLibrary
    init() throws { library = try SOPLibrary.load() }

    @Test func theSOPsOwnStepNamesWhoPrepares() throws {
        let sanggau = PeriodEndProcedure(definition: library.definition(id: "sanggau-kominfo-2021"))
        #expect(sanggau.step?.number == 4)
        #expect(sanggau.preparerRoles == [.mainPPID] && sanggau.preparerTitle == "PPID Utama")
        #expect(sanggau.timeStandard == TimeStandard.parse("30 hari"))
        let bulukumba = PeriodEndProcedure(definition: library.definition(id: "bulukumba-kominfo-2021"))
        #expect(bulukumba.step?.number == 3 && bulukumba.timeStandard == TimeStandard.parse("1 hari"))
        // Kalimantan Barat's SOP has no such step: the law's PPID prepares, with no time standard of its own.
        let kalbar = PeriodEndProcedure(definition: library.definition(id: "kalbar-disdukcapil-2022"))
        #expect(kalbar.step == nil && kalbar.preparerRoles == [.mainPPID, .assistantPPID] && kalbar.timeStandard == .tentative)
    }

    @Test func onlyEntriesEndingOrDueForReviewCanBeActedOn() {
        for kind in PeriodActionKind.allCases {
            #expect(PeriodEndProcedure.refusal(entryStatus: .endingSoon, registerNumber: "DIK-2026-0001", kind: kind) == nil)
            #expect(PeriodEndProcedure.refusal(entryStatus: .reviewDue, registerNumber: "DIK-2026-0001", kind: kind) == nil)
            #expect(
                PeriodEndProcedure.refusal(entryStatus: .exempted, registerNumber: "DIK-2026-0001", kind: kind)?.contains(
                    "belum akan berakhir") == true)
            #expect(
                PeriodEndProcedure.refusal(entryStatus: .opened, registerNumber: "DIK-2026-0001", kind: kind)?.contains(
                    "sudah terbuka") == true)
        }
    }

    @Test func theDecreeIsDueByTheEarliestDeadline() {
        let a = LocalDate(iso: "2026-11-17")!
        let b = LocalDate(iso: "2026-12-01")!
        #expect(PeriodEndProcedure.legalDeadline([b, nil, a]) == a)
        #expect(PeriodEndProcedure.legalDeadline([nil]) == nil)
    }

    @Test func aReclassificationKeepsTheExemptionWithALawfulNewPeriod() {
        let today = LocalDate(iso: "2026-11-20")!
        var test = ConsequenceTest(
            ground: ExemptionGround(code: "h4"), consequenceIfOpened: "Mengungkap kondisi kesehatan pegawai",
            consequenceIfClosed: "Tidak merugikan kepentingan publik", verdict: .closed,
            period: .until(LocalDate(iso: "2031-12-31")!), reason: "Masih menyangkut rahasia pribadi")
        #expect(
            PeriodEndProcedure.reclassificationProblems(test, itemTitle: "Rekam medis", itemDescription: "", itemID: nil, on: today, policy: .standard, openedByRuling: []).isEmpty)
        test.verdict = .open
        #expect(
            PeriodEndProcedure.reclassificationProblems(test, itemTitle: "Rekam medis", itemDescription: "", itemID: nil, on: today, policy: .standard, openedByRuling: [])
                == [.reclassificationMustExempt])
        test.verdict = .closed
        test.period = .until(LocalDate(iso: "2026-11-01")!)  // a new period must end after the new decree
        #expect(
            PeriodEndProcedure.reclassificationProblems(test, itemTitle: "Rekam medis", itemDescription: "", itemID: nil, on: today, policy: .standard, openedByRuling: []).map(
                \.field) == ["period"])
    }
}

@Suite struct ArchiveTests {
    let rule = RetentionRule(code: "800.1.6", activeYears: 2, inactiveYears: 3, disposition: .destroy)

    @Test func retentionIsCountedFromTheDayTheRecordWasMade() throws {
        let made = LocalDate(iso: "2024-02-29")!
        #expect(try rule.activeUntil(made) == LocalDate(iso: "2026-02-28"))
        #expect(try rule.retentionEnds(made) == LocalDate(iso: "2029-02-28"))
        #expect(rule.indonesianDescription == "2 tahun aktif, 3 tahun inaktif, musnah")
    }

    @Test func aScheduleRowMustReferToAKnownCode() {
        #expect(RetentionRule.problems(code: "800.1.6", activeYears: 2, inactiveYears: 3, knownCodes: ["800.1.6"]).isEmpty)
        #expect(
            RetentionRule.problems(code: "999", activeYears: 2, inactiveYears: 3, knownCodes: ["800.1.6"]) == [
                .unknownCode("999")
            ])
        #expect(
            RetentionRule.problems(code: " ", activeYears: 0, inactiveYears: 0, knownCodes: []) == [.codeMissing, .noRetention])
        #expect(
            RetentionRule.problems(code: "800.1.6", activeYears: -1, inactiveYears: 3, knownCodes: ["800.1.6"]) == [
                .negativeYears
            ])
    }

    @Test func warningsForRetentionShorterThanTheExemptionAndForStaticArchives() {
        let made = LocalDate(iso: "2024-01-10")!
        let long = LocalDate(iso: "2031-12-31")!
        let warnings = ArchiveWarning.check(
            stage: .active, exempted: true, exemptionEnds: long, madeOn: made, code: "800.1.6", rule: rule, stored: true)
        #expect(warnings == [.retentionEndsBeforeExemption(retentionEnds: LocalDate(iso: "2029-01-10")!, exemptionEnds: long)])
        #expect(
            ArchiveWarning.check(
                stage: .active, exempted: true, exemptionEnds: LocalDate(iso: "2028-12-31")!, madeOn: made, code: "800.1.6",
                rule: rule, stored: true
            ).isEmpty)
        // A permanent record outlives any exemption.
        let keep = RetentionRule(code: "800.1.6", activeYears: 1, inactiveYears: 1, disposition: .permanent)
        #expect(
            ArchiveWarning.check(
                stage: .active, exempted: true, exemptionEnds: long, madeOn: made, code: "800.1.6", rule: keep, stored: true
            ).isEmpty)
        #expect(
            ArchiveWarning.check(
                stage: .static, exempted: true, exemptionEnds: nil, madeOn: nil, code: nil, rule: nil, stored: false)
                == [.staticButExempted, .notStored])
        #expect(
            ArchiveWarning.check(
                stage: .static, exempted: false, exemptionEnds: nil, madeOn: nil, code: "X", rule: nil, stored: true)
                == [.noRetentionRule(code: "X")])
    }

    @Test func accessFollowsTheStage() {
        func allowed(_ stage: ArchiveStage, holds: Bool = false, head: Bool = false, permitted: Bool = false, body: Bool = true)
            -> Bool
        {
            ArchiveAccess.decide(stage: stage, sameBody: body, holdsIt: holds, headOrPPID: head, permitted: permitted) == .allowed
        }
        #expect(allowed(.active, holds: true) && !allowed(.active) && !allowed(.active, permitted: true))
        #expect(allowed(.vital, holds: true) && !allowed(.vital))
        #expect(!allowed(.inactive, holds: true) && allowed(.inactive, head: true) && allowed(.inactive, permitted: true))
        #expect(allowed(.static) && !allowed(.static, body: false) && !allowed(.active, holds: true, body: false))
    }
}
