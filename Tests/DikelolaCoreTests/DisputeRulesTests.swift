import Foundation
import PropertyBased
import Testing

@testable import DikelolaCore

/// The law of objections and disputes (UU 14/2008 Ps 35–50): each stage's deadline in working
/// days, what a decision must say, and information opened by one barred from any later exemption.
@Suite struct DisputeRulesTests {
    static func day(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }

    @Test func eachStageRunsFromTheOneBeforeInWorkingDays() throws {
        let calendar = try shippedCalendar()
        // Refused Tuesday 10 November 2026: the objection within 30 working days, which skip the
        // collective leave of 24 and Christmas on 25 December.
        let refused = try DisputeTimeline(.init(refusedOn: Self.day("2026-11-10")), today: Self.day("2026-11-10"), calendar: calendar)
        #expect(refused.stages.map(\.kind) == [.objection])
        #expect(refused.current?.due == Self.day("2026-12-22") && refused.current?.state == .running(overdue: false))

        // Objection received 12 November: the head answers by 28 December.
        var dates = DisputeTimeline.Dates(refusedOn: Self.day("2026-11-10"), objectionReceivedOn: Self.day("2026-11-12"))
        var timeline = try DisputeTimeline(dates, today: Self.day("2026-11-13"), calendar: calendar)
        #expect(timeline.stages.map(\.kind) == [.objection, .answer])
        #expect(timeline.stages[0].state == .done(Self.day("2026-11-12")))
        #expect(timeline.current?.kind == .answer && timeline.current?.due == Self.day("2026-12-28"))

        // Unanswered after that, the head is late and the requester may go to the Commission
        // within 14 working days of the answer's last day (into 2027: provisional).
        timeline = try DisputeTimeline(dates, today: Self.day("2026-12-29"), calendar: calendar)
        #expect(timeline.stages[1].state == .running(overdue: true))
        #expect(timeline.stages.last?.kind == .commission && timeline.stages.last?.from == Self.day("2026-12-28"))
        #expect(timeline.stages.last?.provisionalYears == [2027])

        // Answered upholding on Monday 16 November: the Commission within 14 working days, 4 December.
        dates.answeredOn = Self.day("2026-11-16")
        dates.answerOrder = .uphold
        timeline = try DisputeTimeline(dates, today: Self.day("2026-11-17"), calendar: calendar)
        #expect(timeline.current?.kind == .commission && timeline.current?.due == Self.day("2026-12-04"))

        // An answer that opened the information ends the dispute: no Commission stage.
        dates.answerOrder = .open
        dates.closedOn = Self.day("2026-11-16")
        timeline = try DisputeTimeline(dates, today: Self.day("2026-11-17"), calendar: calendar)
        #expect(timeline.stages.map(\.kind) == [.objection, .answer] && timeline.current == nil)

        // The Commission ruled: 14 working days to reject it in writing (Ps 48(1)), then it is final.
        dates = .init(
            refusedOn: Self.day("2026-11-10"), objectionReceivedOn: Self.day("2026-11-12"), answeredOn: Self.day("2026-11-16"),
            answerOrder: .uphold, commissionFiledOn: Self.day("2026-11-20"), commissionRuledOn: Self.day("2026-11-23"),
            commissionOrder: .open)
        timeline = try DisputeTimeline(dates, today: Self.day("2026-12-14"), calendar: calendar)
        #expect(timeline.stages.last?.kind == .challenge && timeline.stages.last?.due == Self.day("2026-12-11"))
        #expect(timeline.stages.last?.state == .lapsed)
    }

    @Test func aDecisionNamesWhatIsMissingAndKeepsItsDatesInOrder() {
        let draft = RulingDraft(
            kind: .commissionRuling, number: " ", date: Self.day("2026-11-30"), issuer: "", order: .open, orderText: "",
            hasLegalForce: false)
        let problems = draft.problems(
            classifiedOn: Self.day("2026-01-05"), refusedOn: Self.day("2026-11-10"), today: Self.day("2026-11-25"))
        #expect(Set(problems.map(\.field)) == ["number", "issuer", "orderText", "date"])
        #expect(problems.contains(.dateInFuture))
        var early = draft
        early.date = Self.day("2026-11-01")
        #expect(
            early.problems(classifiedOn: Self.day("2026-01-05"), refusedOn: Self.day("2026-11-10"), today: Self.day("2026-11-25"))
                .contains(.dateBeforeRefusal(Self.day("2026-11-10"))))
        // The head's answer binds at once; a Commission's ruling only with legal force; an upholding one never opens.
        #expect(!draft.opensNow)
        #expect(RulingDraft(kind: .objectionDecision, number: "1", date: .epoch, issuer: "x", order: .open, orderText: "x", hasLegalForce: false).opensNow)
        #expect(!RulingDraft(kind: .courtRuling, number: "1", date: .epoch, issuer: "x", order: .uphold, orderText: "x", hasLegalForce: true).opensNow)
        let cited = RulingDraft(
            kind: .commissionRuling, number: "012/KIP-KB/2026", date: Self.day("2026-11-23"),
            issuer: "Komisi Informasi Provinsi Kalimantan Barat", order: .open, orderText: "x", hasLegalForce: true)
        #expect(cited.citation == "Putusan Komisi Informasi Provinsi Kalimantan Barat Nomor 012/KIP-KB/2026 tanggal 23 November 2026")
        var answer = cited
        answer.kind = .objectionDecision
        answer.issuer = "Bupati Contoh"
        #expect(answer.citation == "Tanggapan atas keberatan oleh Bupati Contoh Nomor 012/KIP-KB/2026 tanggal 23 November 2026")
    }

    static let opened = OpenedByRuling(
        title: "Dokumen Kontrak Pengadaan Jalan Desa 2025", registerNumber: "DIK-2026-0003",
        ruling: "Putusan Komisi Informasi Provinsi Kalimantan Barat Nomor 012/KIP-KB/2026 tanggal 23 November 2026",
        itemID: "item-1")

    @Test(arguments: [
        "Dokumen Kontrak Pengadaan Jalan Desa 2025", "dokumen kontrak pengadaan jalan desa 2025",
        "Salinan dokumen kontrak pengadaan jalan desa 2025", "DOKUMEN KONTRAK — PENGADAAN JALAN DESA (2025)",
        "Kontrak pengadaan jalan desa", "Dokumen kontrak pengadaan jalan désa 2025",
    ])
    func theSameInformationUnderAnotherNameIsBarred(title: String) {
        #expect(OpenedByRuling.barring(title: title, among: [Self.opened]) == Self.opened)
        let test = ConsequenceTest(
            ground: ExemptionGround(code: "b"), otherStatute: "UU 30/2000 tentang Rahasia Dagang", consequenceIfOpened: "x",
            consequenceIfClosed: "y", verdict: .closed, period: .until(Self.day("2028-12-31")), reason: "z")
        let findings = test.findings(
            itemTitle: title, classifiedOn: Self.day("2026-11-25"), policy: .standard, expiry: nil, openedByRuling: [Self.opened])
        #expect(findings.contains(.error(.openedByRuling(Self.opened))))
        #expect(ConsequenceTest.Problem.openedByRuling(Self.opened).description.contains("Pasal 18 ayat 1 huruf g"))
        // Found open, it may be listed.
        var open = test
        open.verdict = .open
        open.period = nil
        #expect(
            !open.findings(
                itemTitle: title, classifiedOn: Self.day("2026-11-25"), policy: .standard, expiry: nil, openedByRuling: [Self.opened]
            ).contains { $0.isError })
    }

    /// Found from outside: words split or joined, hyphens, look-alike letters.
    @Test(arguments: [
        "Berkas pegawai yang sedang di periksa Inspektorat", "Berkas pegawai yang sedang di-periksa Inspektorat",
        "Berkaspegawai yang sedang diperiksa Inspektorat", "\u{0412}erkas pegawai yang sedang diperiksa Inspektorat",
        "Berkas pegawai yang sedang diperiksa lnspektorat", "BERKAS PEGAWAI YANG SEDANG DIPERIKSA INSPEKTORAT (salinan)",
        // Found from outside the second time: letters no list of look-alikes held.
        "Berkas pegawai yang sedang dipe\u{0433}iksa Inspektorat", "Be\u{0280}kas pegawai yang sedang diperiksa Inspektorat",
        "Berkas peg\u{0251}wai yang sedang diperiksa Inspektorat", "Berkas pegawai yang sedang diper\u{0131}ksa Inspektorat",
        "Berkas pegawai yang sedang diperiksa Insp\u{0585}ktorat", "Berkas pegawai yang sedang diperiksa \u{13AA}nspektorat",
    ])
    func wordsSplitJoinedOrDisguisedAreTheSameInformation(title: String) {
        let opened = OpenedByRuling(
            title: "Berkas pegawai yang sedang diperiksa Inspektorat", registerNumber: "DIK-2026-0004", ruling: "Tanggapan OP-1")
        #expect(OpenedByRuling.barring(title: title, among: [opened]) == opened)
        #expect(OpenedByRuling.barring(title: "Berkas pegawai yang sudah pensiun", among: [opened]) == nil)
    }

    @Test(arguments: [
        "Dokumen kontrak pengadaan gedung kantor", "Jalan desa", "Kontrak", "Rekam medis pasien",
        "Документ контракт закупки дороги деревни 2025 года и другие",  // another script: not a disguise
    ])
    func otherInformationIsNot(title: String) {
        #expect(OpenedByRuling.barring(title: title, among: [Self.opened]) == nil)
    }

    @Test func theSameItemIsBarredWhateverItsTitle() {
        #expect(OpenedByRuling.barring(title: "Judul baru sama sekali", itemID: "item-1", among: [Self.opened]) == Self.opened)
    }

    /// Any dates and any titles: the timeline is counted or throws at the calendar's edge, each
    /// stage is due after it starts, and the bar never traps.
    @Test func neverTraps() async throws {
        let calendar = try shippedCalendar()
        let anyDate = Gen.int(in: LocalDate.representableDayNumbers).map { LocalDate(dayNumber: $0) ?? .epoch }
        let choices: [LocalDate?] = [nil, LocalDate(iso: "2026-11-12"), LocalDate(iso: "9999-12-20")]
        let maybeDate = Gen.int(in: 0...2).map { choices[$0] }
        await propertyCheck(count: 300, input: anyDate, maybeDate, anyDate, Gen<Character>.latin1.string(of: 0...40)) { refused, received, today, title in
            let dates = DisputeTimeline.Dates(
                refusedOn: refused, objectionReceivedOn: received, answeredOn: received, answerOrder: .uphold)
            if let timeline = try? DisputeTimeline(dates, today: today, calendar: calendar) {
                for stage in timeline.stages { #expect(stage.due > stage.from) }
            }
            _ = OpenedByRuling.barring(title: title, among: [Self.opened, OpenedByRuling(title: title, registerNumber: "x", ruling: "y")])
        }
    }
}
