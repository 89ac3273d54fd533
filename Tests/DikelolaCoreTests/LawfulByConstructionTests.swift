import Testing

@testable import DikelolaCore

/// The cases an independent legal check found signed into decrees, each refused or warned with
/// the article it breaks.
@Suite struct LawfulByConstructionTests {
    let decreeDate = date("2026-11-25")

    func violations(_ period: ExemptionPeriod, _ code: String, policy: PeriodPolicy = .standard) -> [ExemptionPeriodViolation] {
        period.violations(for: ground(code), classifiedOn: decreeDate, policy: policy)
    }

    // MARK: UU 14/2008 Pasal 20 ayat 1 — grounds a–f are never permanent

    @Test(arguments: ["tidak terbatas", "Selamanya", "permanen", "selama diperlukan", "Tidak terbatas / selamanya"])
    func ps20_1_anEventThatMeansForEverIsRefusedForGroundC(event: String) {
        let period = ExemptionPeriod.untilEvent(event: event, reviewOn: date("2027-11-25"), latestEnd: nil)
        #expect(period.isOpenEnded)
        let found = violations(period, "c1")
        #expect(found == [.eventMeansForever(event.trimmingWhitespace)])
        #expect(found[0].description.contains("UU 14/2008 Pasal 20 ayat 1"))
        // Under h the law sets no such bound: "as long as privacy needs protecting" (PP 61/2010 Ps 8(2)).
        #expect(violations(period, "h2").isEmpty)
    }

    @Test(arguments: ["b", "c", "d", "e", "f"])
    func ps20_1_everyEventUnderAToFCarriesALatestEnd(letter: String) {
        let event = ExemptionPeriod.untilEvent(event: "perjanjian selesai", reviewOn: date("2027-11-25"), latestEnd: nil)
        #expect(violations(event, letter) == [.eventNeedsLatestEnd(ground(letter).letter)])
        #expect(violations(event, letter)[0].description.contains("Pasal 20 ayat 1"))
        let bounded = ExemptionPeriod.untilEvent(
            event: "perjanjian selesai", reviewOn: date("2027-11-25"), latestEnd: date("2036-11-25"))
        #expect(violations(bounded, letter).isEmpty)
    }

    @Test(arguments: ["2999-12-31", "9999-12-31", "2056-11-26"])
    func ps20_1_anEndBeyondTheHorizonIsRefusedForAToF(end: String) {
        let found = violations(.until(date(end)), "c")
        #expect(found == [.beyondHorizon(end: date(end), limit: date("2056-11-25"), years: 30)])
        #expect(found[0].description.contains("UU 14/2008 Pasal 20 ayat 1"))
        #expect(violations(.until(date("2056-11-25")), "c").isEmpty)
    }

    @Test func ps20_1_ninetyNineYearsIsRefusedForCAndWarnedForH() {
        let period = ExemptionPeriod.length(PeriodLength(years: 99), from: decreeDate)
        #expect(violations(period, "c2").map(\.isBeyondHorizon) == [true])
        #expect(violations(period, "h3").isEmpty)
        let cautions = period.cautions(for: ground("h3"), classifiedOn: decreeDate, policy: .standard)
        #expect(cautions == [.beyondHorizon(end: date("2125-11-25"), limit: date("2056-11-25"), years: 30)])
    }

    @Test func ps20_1_theHorizonIsTheBodysSetting() {
        let period = ExemptionPeriod.length(PeriodLength(years: 40), from: decreeDate)
        #expect(!violations(period, "e").isEmpty)
        #expect(violations(period, "e", policy: PeriodPolicy(clamping: 50)).isEmpty)
        #expect(PeriodPolicy(clamping: 0).horizonYears == 1 && PeriodPolicy(clamping: .max).horizonYears == 100)
    }

    // MARK: PP 61/2010 Pasal 5 — counted from the classification

    @Test func pp61_5_groundACountsThirtyYearsFromTheDecreeNotFromAChosenStart() {
        // Found signed: 30 years "from" 2055-01-01, ending in 2085.
        let found = violations(.length(PeriodLength(years: 30), from: date("2055-01-01")), "a1")
        #expect(found.contains(.startsAfterClassification(start: date("2055-01-01"), classifiedOn: decreeDate)))
        #expect(found.contains(.exceedsThirtyYears(end: date("2085-01-01"), limit: date("2056-11-25"))))
        #expect(found.allSatisfy { $0.description.contains("PP 61/2010") })
    }

    @Test func aPeriodStartsNoLaterThanTheDecreeAndNotImplausiblyEarly() {
        #expect(
            violations(.length(PeriodLength(years: 5), from: date("2026-11-26")), "h")
                == [.startsAfterClassification(start: date("2026-11-26"), classifiedOn: decreeDate)])
        // Counted from when the document was made, a little earlier: lawful.
        #expect(violations(.length(PeriodLength(years: 5), from: date("2025-01-02")), "h").isEmpty)
        #expect(
            violations(.length(PeriodLength(years: 50), from: date("1926-01-01")), "h")
                == [.startsImplausiblyEarly(start: date("1926-01-01"), earliest: date("1996-11-25"))])
    }

    @Test func pp61_11_aPeriodAlreadyEndedWhenTestedIsRefused() {
        let found = violations(.length(PeriodLength(years: 5), from: date("2020-01-01")), "h")
        #expect(found == [.alreadyEnded(end: date("2025-01-01"), classifiedOn: decreeDate)])
        #expect(found[0].description.contains("PP 61/2010 Pasal 11 ayat 3"))
    }

    @Test func pp61_11_2_anOpeningDecreeAlreadyDueIsWarned() throws {
        let rules = ExpiryRules(calendar: try shippedCalendar())
        let test = ConsequenceTest(
            ground: ground("h2"), consequenceIfOpened: "Privasi pasien terganggu", consequenceIfClosed: "Tidak ada",
            verdict: .closed, period: .until(date("2026-12-31")), reason: "Rahasia pribadi")
        let findings = test.findings(
            itemTitle: "Rekam medis pasien", classifiedOn: decreeDate, policy: .standard, expiry: rules, openedByRuling: [])
        #expect(!findings.contains { $0.isError })
        #expect(findings.contains(.warning(.period(.openingDecreeAlreadyDue(due: date("2026-11-17"), end: date("2026-12-31"))))))
    }

    // MARK: UU 14/2008 Pasal 18 ayat 1, Pasal 9 and Pasal 11 — what is public anyway

    @Test(arguments: [
        ("Putusan Mahkamah Agung Nomor 123 K/Pid/2025", NeverExempt.courtRuling),
        ("Putusan PTUN Pontianak", .courtRuling),
        ("Surat Keputusan Bupati tentang Tim Pengadaan", .regulationOrDecree),
        ("Surat Edaran Sekretaris Daerah", .regulationOrDecree),
        ("Kebijakan keamanan data", .policy),
        ("SP3 perkara penganiayaan", .terminationOfProsecution),
        ("Rencana pengeluaran tahunan Kejaksaan Negeri", .lawEnforcementBudget),
        ("Laporan keuangan tahunan Polres Contoh", .lawEnforcementFinancialReport),
        ("Laporan pengembalian kerugian negara", .corruptionProceedsReport),
        ("Dokumen yang telah dinyatakan terbuka oleh putusan Komisi Informasi", .openedThroughDispute),
        ("LKPD 2025", .financialReport),
        ("APBD 2026", .budgetOrWorkPlan),
        ("DPA", .budgetOrWorkPlan),
        ("RKA-SKPD Dinas Kesehatan", .budgetOrWorkPlan),
        ("Anggaran kegiatan", .budgetOrWorkPlan),
        ("Laporan kinerja instansi (LKjIP)", .performanceReport),
        ("Perjanjian kerja sama dengan PT Contoh", .thirdPartyAgreement),
        ("Standar pelayanan perizinan", .serviceProcedure),
        ("Laporan layanan informasi publik 2025", .informationServiceReport),
    ])
    func everyPointOfTheLawIsRecognised(title: String, kind: NeverExempt) {
        #expect(NeverExempt.matches(title).contains(kind), "\(title)")
        let warning = ConsequenceTest.Warning.mayNeverBeExempted(kind)
        #expect(warning.description.contains(kind.article))
    }

    @Test func ordinaryExemptedItemsAreNotWarned() {
        for title in ["Rekam medis pasien", "Data NIK penduduk", "Berkas penyidikan perkara", "Hasil psikotes pegawai",
            "Dokumen penawaran peserta tender", "Karkas sapi impor"]
        {
            #expect(NeverExempt.matches(title).isEmpty, "\(title)")
        }
        // "sesuai peraturan perundang-undangan" in a description cites the law; it is not a regulation.
        #expect(NeverExempt.matches("Rekam medis, dirahasiakan sesuai peraturan perundang-undangan").isEmpty)
    }

    // MARK: The letter fits the content; the other statute is a statute

    @Test func aGroundOfAnotherLetterThanTheWordsIsHinted() {
        let economic = GroundHint.disagreement(with: ground("g"), in: "Kajian stabilitas ekonomi daerah")
        #expect(economic?.ground.letter == .e)
        let selection = GroundHint.disagreement(with: ground("i"), in: "Hasil seleksi pegawai kontrak 2026")
        #expect(selection?.ground == ground("h4"))
        #expect(GroundHint.disagreement(with: ground("h4"), in: "Hasil seleksi pegawai kontrak 2026") == nil)
        #expect(GroundHint.disagreement(with: ground("j"), in: "Data NIK penduduk") == nil)
        #expect(GroundHint.disagreement(with: ground("i"), in: "Daftar hadir") == nil)
    }

    @Test(arguments: [
        "UU 14/2008", "-", "x", "UU KIP", "Undang-Undang Nomor 14 Tahun 2008", "PP 61/2010", "lihat lampiran",
        // Found by the outside probe: any word after "UU", full-width forms, impossible years.
        "UU ab", "UU ini", "UU Keterbukaan", "UU Informasi Publik", "UU ＫＩＰ", "UU １４/２００８",
        "UU 14/2008; lihat juga UU lain", "UU 99999/2200", "UU 1/1800",
    ])
    func theOtherStatuteMustBeAnotherStatute(text: String) {
        let test = ConsequenceTest(
            ground: ground("j"), otherStatute: text, consequenceIfOpened: "a", consequenceIfClosed: "b", verdict: .closed,
            period: .until(date("2030-01-01")), reason: "c")
        let errors = test.findings(itemTitle: "Data NIK", classifiedOn: decreeDate, policy: .standard, expiry: nil, openedByRuling: [])
            .filter(\.isError)
        #expect(errors.count == 1, "\(text)")
        #expect(errors.first?.description.contains(text.trimmingWhitespace) == true)
    }

    @Test(arguments: [
        "UU 23/2006 Ps 79", "UU Nomor 23 Tahun 2006 tentang Administrasi Kependudukan", "UU No. 24 Th. 2013",
        "UU ITE", "KUHP Pasal 322", "UU 14/2008 jo. UU 27/2022 tentang Pelindungan Data Pribadi",
    ])
    func recognisedStatutesAreAccepted(text: String) {
        #expect(OtherStatuteProblem.check(text, for: .j) == nil, "\(text)")
        #expect(OtherStatuteProblem.check(text, for: .i) == nil, "\(text)")
    }

    /// Ground j is what an undang-undang bars (UU 14/2008 Ps 17 huruf j): a regulation below one is
    /// refused for j; for b, g and i, whose periods the relevant regulation sets, it stands.
    @Test(arguments: ["Perbup Kabupaten Contoh Nomor 12 Tahun 2021", "Permendagri 1/2023", "PP 40/2019", "Perpres 39/2019"])
    func groundJNeedsAStatute(text: String) {
        #expect(OtherStatuteProblem.check(text, for: .j) == .notAStatute(text), "\(text)")
        #expect(OtherStatuteProblem.check(text, for: .i) == nil, "\(text)")
    }

    @Test func aPeriodAsTheStatuteSetsNamesARealOtherStatute() {
        let kip = ExemptionPeriod.asStatuteSets(statute: "UU 14/2008", end: nil)
        #expect(violations(kip, "g").contains { if case .statuteNotRecognised = $0 { true } else { false } })
        #expect(violations(.asStatuteSets(statute: "-", end: nil), "j").count == 1)
        #expect(violations(.asStatuteSets(statute: "UU 23/2006 Pasal 79", end: nil), "j").isEmpty)
    }

    @Test func anEventMustBeAnEventWithItsReviewBeforeItsLatestEnd() {
        let latest = date("2030-01-01")
        for text in ["\u{200B}\u{200B}", ".", "x1"] {
            let period = ExemptionPeriod.untilEvent(event: text, reviewOn: date("2027-01-04"), latestEnd: latest)
            #expect(violations(period, "c").contains(.eventUnreadable(text.trimmingWhitespace)), "\(text)")
        }
        let late = ExemptionPeriod.untilEvent(event: "penyidikan selesai", reviewOn: date("9999-12-31"), latestEnd: latest)
        #expect(violations(late, "c").contains(.reviewAfterLatestEnd(review: date("9999-12-31"), latestEnd: latest)))
        // "Selamanya" is no event under a–f even with a latest end: the decree would print "sampai selamanya".
        let forever = ExemptionPeriod.untilEvent(event: "selama-lamanya", reviewOn: date("2027-01-04"), latestEnd: latest)
        #expect(violations(forever, "c") == [.eventMeansForever("selama-lamanya")])
    }

    @Test func uu19_aParticipantIsAPersonAndAPPIDByPosition() {
        let today = date("2026-11-25")
        func problems(_ lines: [String], on day: String = "2026-11-20") -> [TestMeeting.Problem] {
            TestMeeting(date: date(day), place: "Aula", participants: lines).problems(decreeDate: today)
        }
        #expect(problems(["Tanpa PPID — Staf", "Joko — Kepala"]) == [.withoutPPID])
        #expect(problems(["Joko — bukan PPID"]) == [.withoutPPID])
        #expect(problems(["PPID"]) == [.participantUnreadable("PPID")])
        #expect(problems(["Budi — PPID Pembantu"]).isEmpty)
        #expect(problems(["Budi – ppid utama"]).isEmpty)
        #expect(problems(["Budi — PPID Pembantu"], on: "1900-01-01") == [.tooOld(date("1900-01-01"))])
    }

    @Test func aCitationNamingTheLawInsteadOfTheArticleSaysSo() throws {
        #expect(throws: GroundCitationError.namesStatuteNotArticle("UU 14/2008")) { try GroundCitation.parse("UU 14/2008") }
        #expect(throws: GroundCitationError.namesStatuteNotArticle("PP 61/2010")) { try GroundCitation.parse("PP 61/2010") }
        #expect(!GroundCitationError.namesStatuteNotArticle("UU 14/2008").description.contains("Pasal 14 bukan"))
        #expect(try GroundCitation.parse("UU 14/2008 Pasal 17 huruf j").ground == ground("j"))
    }
}

extension ExemptionPeriodViolation {
    var isBeyondHorizon: Bool {
        if case .beyondHorizon = self { return true }
        return false
    }
}
