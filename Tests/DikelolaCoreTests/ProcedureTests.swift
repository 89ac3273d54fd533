import Foundation
import Testing

@testable import DikelolaCore

@Suite struct ConsequenceTestTests {
    let decreeDate = date("2026-11-21")

    func test(
        _ ground: String?, verdict: ConsequenceTest.Verdict = .closed, period: ExemptionPeriod? = .until(date("2031-12-31")),
        statute: String? = nil
    ) -> ConsequenceTest {
        ConsequenceTest(
            ground: ground.map { DikelolaCoreTests.ground($0) }, otherStatute: statute,
            consequenceIfOpened: "Mengungkap riwayat kesehatan pasien.",
            consequenceIfClosed: "Kepentingan publik tidak terganggu; data agregat tetap dibuka.",
            verdict: verdict, period: period, reason: "Melindungi rahasia pribadi.")
    }

    @Test func aCompleteTestHasNoErrors() {
        let findings = test("h2").findings(itemTitle: "Rekam medis pasien", classifiedOn: decreeDate, policy: .standard, expiry: nil, openedByRuling: [])
        #expect(!findings.contains { $0.isError })
        // Ground h: a reminder that the person's consent opens it (Ps 18(2)).
        #expect(findings == [.warning(.opensWithConsent)])
    }

    @Test func anExemptionNeedsGroundPeriodAndStatuteWhereTheLawSaysSo() {
        #expect(test(nil).findings(itemTitle: "x", classifiedOn: decreeDate, policy: .standard, expiry: nil, openedByRuling: []) == [.error(.groundMissing)])
        #expect(test("c1", period: nil).findings(itemTitle: "x", classifiedOn: decreeDate, policy: .standard, expiry: nil, openedByRuling: []) == [.error(.periodMissing)])
        #expect(test("j").findings(itemTitle: "x", classifiedOn: decreeDate, policy: .standard, expiry: nil, openedByRuling: []).contains(.error(.otherStatuteMissing(.j))))
        #expect(
            !test("j", statute: "UU 23/2006 Ps 79").findings(itemTitle: "x", classifiedOn: decreeDate, policy: .standard, expiry: nil, openedByRuling: []).contains { $0.isError })
        let permanent = test("e3", period: .asStatuteSets(statute: "UU KUP", end: nil))
        #expect(permanent.findings(itemTitle: "x", classifiedOn: decreeDate, policy: .standard, expiry: nil, openedByRuling: []) == [.error(.period(.mustNotBeOpenEnded(.e)))])
    }

    @Test func aPartialExemptionNamesItsParts() {
        let findings = test("h3", verdict: .partlyClosed(parts: [" "])).findings(itemTitle: "x", classifiedOn: decreeDate, policy: .standard, expiry: nil, openedByRuling: [])
        #expect(findings.contains(.error(.partsMissing)))
        #expect(ConsequenceTest.Problem.partsMissing.description.contains("Pasal 22"))
    }

    @Test func anOpenVerdictNeedsNoGroundOrPeriod() {
        let open = test(nil, verdict: .open, period: nil)
        #expect(open.findings(itemTitle: "Daftar hadir rapat", classifiedOn: decreeDate, policy: .standard, expiry: nil, openedByRuling: []).isEmpty)
    }

    @Test func warnsAboutWhatMayNeverBeExempted() {
        let findings = test("i").findings(itemTitle: "Laporan Keuangan Dinas Tahun 2025", classifiedOn: decreeDate, policy: .standard, expiry: nil, openedByRuling: [])
        #expect(findings.contains(.warning(.mayNeverBeExempted(.financialReport))))
        #expect(NeverExempt.match("Salinan Putusan Pengadilan Negeri") == .courtRuling)
        #expect(NeverExempt.match("Peraturan Bupati Nomor 5") == .regulationOrDecree)
        #expect(NeverExempt.match("Data NIK penduduk") == nil)
    }

    @Test func missingReasoningIsNamedWithTheLaw() {
        let empty = ConsequenceTest(
            ground: ground("a1"), consequenceIfOpened: " ", consequenceIfClosed: "", verdict: .closed,
            period: .length(PeriodLength(years: 5), from: decreeDate), reason: "")
        let problems = empty.findings(itemTitle: "Berkas penyidikan", classifiedOn: decreeDate, policy: .standard, expiry: nil, openedByRuling: [])
        #expect(
            problems.contains(.error(.consequenceIfOpenedMissing)) && problems.contains(.error(.consequenceIfClosedMissing))
                && problems.contains(.error(.reasonMissing)))
        #expect(ConsequenceTest.Problem.consequenceIfClosedMissing.field == "consequenceIfClosed")
    }
}

@Suite struct DocumentRequirementTests {
    @Test(arguments: [
        ("Form daftar informasi yang dikecualikan", DocumentRequirement.itemList),
        ("Form daftar informasi yang akan dikecualikan", .itemList),
        ("Draft Daftar Informasi yang dikecualikan", .itemList),
        ("Data Informasi", .itemList),
        ("Lembar pengujian konsekuensi", .testSheets),
        ("SK informasi yang dikecualikan", .decree),
        ("Nota Dinas", .memo),
        ("Surat pertimbangan", .panelOpinion),
        ("Informasi dan Dokumen", .itemDocuments),
        ("Bahan Informasi", .upload),
        ("Bahan Informasi dari setiap bidang", .upload),
        ("Klarifikasi informasi yang dikecualikan berdasarkan jangka waktu", .upload),
        ("Daftar usulan informasi yang dikecualikan", .itemList),
    ])
    func guessesTheKindFromTheName(name: String, kind: DocumentRequirement) {
        // Only `sop check` guesses, to suggest the kind a definition should state.
        #expect(DocumentRequirement.guess(name: name) == kind)
    }

    /// Found: an SOP written from its paper ("Daftar usulan informasi yang dikecualikan") asked for an
    /// upload of what the system makes, and Sanggau asked the PPID Utama at step 2 to upload the decree
    /// made later. A bare name is an upload with a note; a stated kind is what the engine uses; a
    /// document a later step makes does not hold an earlier step.
    @Test func theKindIsStatedAndALaterStepSatisfiesWhatItMakes() throws {
        let bare = SOPDefinition.check(SOPCheckTests.valid.replacingOccurrences(
            of: "    output: Daftar informasi yang akan dikecualikan\n",
            with: "    requiredDocuments: [Daftar usulan informasi yang dikecualikan]\n    output: Daftar\n"))
        let step = try #require(bare.definition?.steps.first)
        #expect(step.requiredDocuments == [.init(name: "Daftar usulan informasi yang dikecualikan", kind: .upload)])
        #expect(bare.warnings.contains { $0.message.contains("kind: itemList") })

        let sanggau = try #require(try SOPLibrary.load().definition(id: "sanggau-kominfo-2021"))
        let classify = try #require(sanggau.step(number: 2))
        #expect(classify.requiredDocuments == [.init(name: "SK informasi yang dikecualikan", kind: .decree)])
        #expect(sanggau.isMadeLater(classify.requiredDocuments[0], than: classify))
        #expect(sanggau.producer(of: .decree)?.label == "3a")
        let flow = ProposalWorkflow(definition: sanggau)
        #expect(flow.blockers(for: classify, facts: .init(itemCount: 1)).isEmpty)
        // After the decree step, the decree is required for real.
        let archive = try #require(sanggau.step(number: 5))
        #expect(flow.blockers(for: archive, facts: .init(itemCount: 1)).contains(.missingDocument("SK informasi yang dikecualikan")))
        // A step whose output is the memo records it (Kapuas Hulu step 2, "Nota Dinas").
        let kapuas = try #require(try SOPLibrary.load().definition(id: "kapuashulu-dsppa-2023"))
        #expect(kapuas.step(number: 2)?.outputKind == .memo && kapuas.step(number: 2)?.recordsMemo == true)
    }

    @Test func sopCheckRefusesAKindNoStepMakes() {
        let noMemo = SOPDefinition.check(SOPCheckTests.valid.replacingOccurrences(
            of: "    output: Daftar informasi yang akan dikecualikan\n",
            with: "    requiredDocuments: [{ name: Nota Dinas, kind: memo }]\n    output: Daftar\n"))
        #expect(noMemo.errors.contains { $0.message.contains("tidak ada langkah yang membuatnya") })
        let unknown = SOPDefinition.check(SOPCheckTests.valid.replacingOccurrences(
            of: "    output: Daftar informasi yang akan dikecualikan\n",
            with: "    requiredDocuments: [{ name: X, kind: surat }]\n    output: Daftar\n"))
        #expect(unknown.errors.contains { $0.message.contains("jenis 'surat' tidak dikenal") })
    }
}

/// Each seed SOP run by the engine, as the SOPs' actors would, including their returns.
@Suite struct ProposalWorkflowTests {
    let library: SOPLibrary
    init() throws { library = try SOPLibrary.load() }

    func workflow(_ id: String) throws -> ProposalWorkflow {
        ProposalWorkflow(definition: try #require(library.definition(id: id)))
    }

    /// A proposal with every fact in place.
    func ready(_ uploads: Set<String> = [], decree: Bool = false) -> ProposalWorkflow.Facts {
        ProposalWorkflow.Facts(
            itemCount: 2, hasDecree: decree, hasMemo: true, hasPanelOpinion: true, uploadedRequirements: uploads)
    }

    @Test func kapuasHuluWithBothReturns() throws {
        let flow = try workflow("kapuashulu-dsppa-2023")
        let facts = ready(["Bahan Informasi", "Bahan Informasi dari setiap bidang"])
        #expect(flow.firstStep.number == 1)
        #expect(try flow.complete(current: 1, stepNumber: 1, roles: [.operator], decision: nil, facts: facts).next == .step(2))
        #expect(
            try flow.complete(current: 2, stepNumber: 2, roles: [.assistantPPID], decision: nil, facts: facts).next == .step(3))
        #expect(try flow.complete(current: 3, stepNumber: 3, roles: [.operator], decision: nil, facts: facts).next == .step(4))
        // The PPID Pembantu returns the draft to the Ketua PPID's instruction (step 2)…
        let back = try flow.complete(
            current: 4, stepNumber: 4, roles: [.assistantPPID], decision: .disagree(note: "Lengkapi uji"),
            facts: facts)
        #expect(back == ProposalWorkflow.Outcome(next: .returned(to: 2), issuesDecree: false))
        // …and later the head returns it to the PPID's review (step 5 → 4).
        let headBack = try flow.complete(
            current: 5, stepNumber: 5, roles: [.head], decision: .disagree(note: "Periksa jangka waktu"),
            facts: facts)
        #expect(headBack.next == .returned(to: 4))
        let signed = try flow.complete(current: 5, stepNumber: 5, roles: [.head], decision: .agree, facts: facts)
        #expect(signed == ProposalWorkflow.Outcome(next: .step(6), issuesDecree: true))
        #expect(
            try flow.complete(current: 6, stepNumber: 6, roles: [.operator], decision: nil, facts: ready(decree: true)).next
                == .finished)
    }

    @Test func kalimantanBaratTentativeWithItsReturn() throws {
        let flow = try workflow("kalbar-disdukcapil-2022")
        let facts = ready()
        #expect(try flow.complete(current: 1, stepNumber: 1, roles: [.operator], decision: nil, facts: facts).next == .step(2))
        #expect(
            try flow.complete(current: 2, stepNumber: 2, roles: [.head], decision: .disagree(note: "Kurang"), facts: facts).next
                == .returned(to: 1))
        #expect(
            try flow.complete(current: 2, stepNumber: 2, roles: [.head], decision: .agree, facts: facts)
                == ProposalWorkflow.Outcome(next: .step(3), issuesDecree: true))
        #expect(
            try flow.due(flow.definition.steps[0], startedAt: Date(), zone: .wib, calendar: shippedCalendar(), hours: .civilService)
                == nil)
    }

    @Test func sanggauSkipsTheOpeningStep() throws {
        let flow = try workflow("sanggau-kominfo-2021")
        let facts = ready()
        #expect(try flow.complete(current: 1, stepNumber: 1, roles: [.operator], decision: nil, facts: facts).next == .step(2))
        // Step 2 names the decree, which the system makes at step 3a: it does not wait for it.
        #expect(try flow.complete(current: 2, stepNumber: 2, roles: [.mainPPID], decision: nil, facts: facts).next == .step(3))
        // The Tim Pertimbangan's step no longer issues the decree: the head approves it first
        // (PP 61/2010 Ps 3), at step 3a, which the law adds after it.
        #expect(
            try flow.complete(current: 3, stepNumber: 3, roles: [.reviewPanel], decision: nil, facts: facts)
                == ProposalWorkflow.Outcome(next: .step(7), issuesDecree: false))
        #expect(flow.definition.step(number: 7)?.label == "3a")
        #expect(throws: WorkflowError.self) {
            try flow.complete(current: 7, stepNumber: 7, roles: [.reviewPanel, .mainPPID], decision: .agree, facts: facts)
        }
        #expect(
            try flow.complete(current: 7, stepNumber: 7, roles: [.head], decision: .disagree(note: "Periksa huruf"), facts: facts)
                .next == .returned(to: 1))
        #expect(
            try flow.complete(current: 7, stepNumber: 7, roles: [.head], decision: .agree, facts: facts)
                == ProposalWorkflow.Outcome(next: .step(5), issuesDecree: true))
        #expect(
            try flow.complete(current: 5, stepNumber: 5, roles: [.operator], decision: nil, facts: ready(decree: true)).next
                == .step(6))
        #expect(
            try flow.complete(current: 6, stepNumber: 6, roles: [.operator], decision: nil, facts: ready(decree: true)).next
                == .finished)
    }

    @Test func bulukumbaClassifiesAndDecrees() throws {
        let flow = try workflow("bulukumba-kominfo-2021")
        let facts = ready()
        #expect(try flow.complete(current: 1, stepNumber: 1, roles: [.operator], decision: nil, facts: facts).next == .step(2))
        #expect(
            try flow.complete(current: 2, stepNumber: 2, roles: [.reviewPanel], decision: nil, facts: facts)
                == ProposalWorkflow.Outcome(next: .step(6), issuesDecree: false))
        #expect(
            try flow.complete(current: 6, stepNumber: 6, roles: [.head], decision: .agree, facts: facts)
                == ProposalWorkflow.Outcome(next: .step(4), issuesDecree: true))
        #expect(try flow.complete(current: 4, stepNumber: 4, roles: [.operator], decision: nil, facts: facts).next == .step(5))
    }

    @Test func refusesOutOfTurnWrongRoleAndMissingParts() throws {
        let flow = try workflow("kapuashulu-dsppa-2023")
        let facts = ready(["Bahan Informasi"])
        #expect(throws: WorkflowError.notCurrentStep(current: "1", attempted: "4")) {
            try flow.complete(current: 1, stepNumber: 4, roles: [.assistantPPID], decision: .agree, facts: facts)
        }
        #expect(throws: WorkflowError.self) {
            try flow.complete(current: 5, stepNumber: 5, roles: [.operator], decision: .agree, facts: facts)
        }
        #expect(throws: WorkflowError.decisionRequired) {
            try flow.complete(current: 4, stepNumber: 4, roles: [.assistantPPID], decision: nil, facts: facts)
        }
        #expect(throws: WorkflowError.noteRequired) {
            try flow.complete(current: 4, stepNumber: 4, roles: [.assistantPPID], decision: .disagree(note: "  "), facts: facts)
        }
        #expect(throws: WorkflowError.decisionNotOffered) {
            try flow.complete(current: 1, stepNumber: 1, roles: [.operator], decision: .agree, facts: facts)
        }
        #expect(throws: WorkflowError.finished) {
            try flow.complete(current: nil, stepNumber: 1, roles: [.operator], decision: nil, facts: facts)
        }
        // Step 3 (the test) with an untested item and the memo's "Bahan … dari setiap bidang" missing.
        var partial = facts
        partial.untestedItems = ["Data penerima bantuan"]
        #expect(
            throws: WorkflowError.blocked([
                .missingDocument("Bahan Informasi dari setiap bidang"), .untested(["Data penerima bantuan"]),
            ])
        ) {
            try flow.complete(current: 3, stepNumber: 3, roles: [.operator], decision: nil, facts: partial)
        }
    }

    @Test func theDecreeStepRefusesUnlawfulItemsEvenAfterTheTestStep() throws {
        let flow = try workflow("kapuashulu-dsppa-2023")
        var facts = ready()
        facts.itemsWithTestErrors = ["Data anak"]
        #expect(throws: WorkflowError.blocked([.testErrors(["Data anak"])])) {
            try flow.complete(current: 5, stepNumber: 5, roles: [.head], decision: .agree, facts: facts)
        }
        // A return is always possible.
        #expect(
            try flow.complete(
                current: 5, stepNumber: 5, roles: [.head], decision: .disagree(note: "Perbaiki data anak"), facts: facts
            )
            .next == .returned(to: 4))
    }

    @Test func dueTimesFollowTheStepsTimeStandard() throws {
        let flow = try workflow("kapuashulu-dsppa-2023")
        let start = TimeZoneRegion.wita.startOfDay(date("2026-03-17")).addingTimeInterval(9 * 3600)
        let step2 = try #require(
            try flow.due(flow.definition.steps[1], startedAt: start, zone: .wita, calendar: shippedCalendar(), hours: .civilService))
        #expect(step2.value == start.addingTimeInterval(15 * 60))
        let step1 = try #require(
            try flow.due(flow.definition.steps[0], startedAt: start, zone: .wita, calendar: shippedCalendar(), hours: .civilService))
        // "1 hari" from Tuesday 17 March 2026 across Nyepi and Lebaran: due when 25 March closes, 16.00 WITA.
        #expect(step1.value == TimeZoneRegion.wita.startOfDay(date("2026-03-25")).addingTimeInterval(16 * 3600))
    }
}

@Suite struct ClassificationDecreeTests {
    func entry(_ number: String, _ period: ExemptionPeriod) -> ClassificationDecree.Entry {
        ClassificationDecree.Entry(
            registerNumber: number, title: "Informasi \(number)", ground: ground("j"), otherStatute: "UU 23/2006",
            consequenceIfOpened: "Data pribadi terungkap.", consequenceIfClosed: "Tidak ada kerugian publik.",
            verdict: .closed, period: period, reason: "Dilindungi UU Adminduk.")
    }

    @Test func sortsByTheEndOfThePeriodAsTheSOPsAsk() {
        let decree = ClassificationDecree(
            number: "000.5.10/1/PPID/XI/2026", date: date("2026-11-21"), place: "Contoh", bodyName: "Pemerintah Kabupaten Contoh",
            unitName: "Disdukcapil", ppid: "PPID Pembantu Disdukcapil",
            signer: .init(name: "Kepala", position: "Kepala Dinas", nip: nil),
            entries: [
                entry("DIK-2026-0001", .asStatuteSets(statute: "UU 23/2006", end: nil)),
                entry("DIK-2026-0002", .until(date("2030-01-01"))),
                entry("DIK-2026-0003", .until(date("2028-01-01"))),
            ])
        #expect(decree.entriesByPeriod.map(\.registerNumber) == ["DIK-2026-0003", "DIK-2026-0002", "DIK-2026-0001"])
        #expect(decree.missingRequiredFields.isEmpty)
        #expect(decree.entries[0].legalBasis == "Pasal 17 huruf j UU 14/2008 jo. UU 23/2006")
        var incomplete = decree
        incomplete.place = ""
        incomplete.entries = []
        #expect(incomplete.missingRequiredFields == ["informasi yang dikecualikan beserta jangka waktunya", "tempat penetapan"])
    }

    @Test func registerNumbersArePadded() {
        #expect(RegisterNumber.make(year: 2026, serial: 7) == "DIK-2026-0007")
        #expect(RegisterNumber.make(year: 2026, serial: 12345) == "DIK-2026-12345")
    }

    @Test func periodsRoundTripAsJSON() throws {
        let periods: [ExemptionPeriod] = [
            .length(PeriodLength(years: 5, months: 1), from: date("2026-11-21")), .until(date("2030-12-31")),
            .untilEvent(event: "putusan inkracht", reviewOn: date("2027-06-01"), latestEnd: date("2036-11-21")),
            .untilEvent(event: "selama pegawai aktif", reviewOn: date("2027-06-01"), latestEnd: nil),
            .asStatuteSets(statute: "UU 23/2006", end: nil),
        ]
        for period in periods {
            let data = try JSONEncoder().encode(period)
            #expect(try JSONDecoder().decode(ExemptionPeriod.self, from: data) == period)
        }
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(ExemptionPeriod.self, from: Data(#"{"kind":"selamanya"}"#.utf8))
        }
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(ExemptionPeriod.self, from: Data(#"{"kind":"until","end":"2030-02-30"}"#.utf8))
        }
    }
}
