import Foundation
import PropertyBased
import Testing

@testable import DikelolaCore

/// The periods officers write in the DIKs they bring in, read into typed periods with every
/// assumption stated.
@Suite struct PeriodProseTests {
    let decree = date("2024-03-04")

    func read(_ text: String) -> PeriodProse { PeriodProse.read(text, classifiedOn: decree) }

    @Test(arguments: [
        ("5 (lima) tahun", PeriodLength(years: 5)), ("lima tahun", PeriodLength(years: 5)), ("5 thn", PeriodLength(years: 5)),
        ("dua tahun enam bulan", PeriodLength(years: 2, months: 6)), ("2 (dua) tahun 6 (enam) bulan", PeriodLength(years: 2, months: 6)),
        ("setahun", PeriodLength(years: 1)), ("dua puluh lima tahun", PeriodLength(years: 25)), ("90 hari", PeriodLength(days: 90)),
        ("sebelas tahun", PeriodLength(years: 11)), ("tiga belas bulan", PeriodLength(months: 13)),
    ])
    func lengthsInFiguresAndWords(text: String, length: PeriodLength) {
        let reading = read(text)
        #expect(reading.period == .length(length, from: decree), "\(text)")
        #expect(reading.assumptions.contains { $0.contains("sejak tanggal SK, 4 Maret 2024") })
    }

    @Test func aLengthFromItsOwnStart() {
        #expect(read("5 tahun sejak 1 Januari 2024").period == .length(PeriodLength(years: 5), from: date("2024-01-01")))
        #expect(read("2 (dua) tahun sejak tanggal 1 Juli 2024").period == .length(PeriodLength(years: 2), from: date("2024-07-01")))
        #expect(read("3 tahun terhitung mulai tgl 02/01/2024").period == .length(PeriodLength(years: 3), from: date("2024-01-02")))
        // "sejak ditetapkan": from the decree, as said.
        let fromDecree = read("5 tahun sejak ditetapkan")
        #expect(fromDecree.period == .length(PeriodLength(years: 5), from: decree))
        #expect(fromDecree.assumptions.contains { $0.contains("sejak tanggal SK") })
    }

    @Test func figuresAndWordsThatDisagreeAreNotGuessed() {
        let reading = read("5 (enam) tahun")
        #expect(reading.period == nil)
        #expect(reading.problem?.contains("berbeda (5 dan 6)") == true)
    }

    @Test(arguments: [
        ("31 Desember 2028", "2028-12-31"), ("31 Des 2028", "2028-12-31"), ("31-12-2028", "2028-12-31"),
        ("31/12/2028", "2028-12-31"), ("2028-12-31", "2028-12-31"), ("sampai dengan 30 Juni 2027", "2027-06-30"),
        ("s.d. 31 Agt 2029", "2029-08-31"), ("1 Januari 2024 s.d. 31 Desember 2028", "2028-12-31"),
    ])
    func fixedDatesInAnyIndonesianForm(text: String, end: String) {
        #expect(read(text).period == .until(date(end)), "\(text)")
    }

    @Test(arguments: ["s.d. 2028", "s/d 2028", "sampai tahun 2028", "hingga 2028", "sd 2028", "hingga akhir 2028", "s/d Desember 2028"])
    func aYearAloneIsItsLastDayAndSaysSo(text: String) {
        let reading = read(text)
        #expect(reading.period == .until(date("2028-12-31")), "\(text)")
        #expect(reading.assumptions.contains { $0.contains("dibaca 31 Desember 2028") }, "\(reading.assumptions)")
    }

    @Test func aStatuteCitedInAnEventIsNotALength() {
        let reading = read("sesuai ketentuan UU 23 Tahun 2006 tentang Administrasi Kependudukan")
        #expect(reading.period == .asStatuteSets(statute: "UU 23 Tahun 2006 tentang Administrasi Kependudukan", end: nil))
    }

    @Test func eventsNeedTheirReviewDate() {
        let bare = read("sampai putusan berkekuatan hukum tetap")
        #expect(bare.reviewMissing)
        guard case let .untilEvent(event, _, latest) = bare.period else {
            Issue.record("no event: \(String(describing: bare.period))")
            return
        }
        #expect(event == "putusan berkekuatan hukum tetap" && latest == nil)
        let full = read("sampai putusan berkekuatan hukum tetap; ditinjau 31 Desember 2027; paling lama 31 Desember 2034")
        #expect(!full.reviewMissing)
        #expect(
            full.period
                == .untilEvent(event: "putusan berkekuatan hukum tetap", reviewOn: date("2027-12-31"), latestEnd: date("2034-12-31")))
    }

    @Test(arguments: ["permanen", "tidak terbatas", "selama masih diperlukan", "Selamanya"])
    func foreverIsReadAsForeverForTheLawToJudge(text: String) {
        let reading = read(text)
        #expect(reading.period?.isOpenEnded == true, "\(text)")
        #expect(reading.assumptions.contains { $0.contains("permanen") })
    }

    /// What no typed period holds is named, never read as another period (found by a legal review:
    /// "1,5 tahun" was read as 5 years, "5-10 tahun" as 10, "2 tahun setelah pemilu" from the decree).
    @Test(arguments: [
        "1,5 tahun", "0,5 tahun", "2.5 tahun", "1½ tahun", "setengah tahun", "-5 tahun", "5 tahun, 10 tahun", "5-10 tahun",
        "3 s.d. 5 tahun", "minimal 5 tahun", "paling sedikit 5 tahun", "90 hari kerja", "Sampai dengan 2 tahun setelah pemilu 2029",
        "10 tahun setelah proyek selesai", "5 tahun sejak dokumen diterima", "Sampai tahun 2030 (5 tahun)", "5 tahun (s/d 2028)",
        "31 Februari 2028", "sampai 12/31/2029",
    ])
    func whatNoPeriodHoldsIsNamed(text: String) {
        let reading = read(text)
        #expect(reading.period == nil && reading.problem != nil, "\(text): \(String(describing: reading.period))")
    }

    @Test func aFiscalYearEndsWithTheCalendarYear() {
        #expect(read("1 Tahun Anggaran").period == .until(date("2024-12-31")))
        #expect(read("sampai dengan tahun anggaran 2025 berakhir").period == .until(date("2025-12-31")))
        #expect(read("5 (lima) tahun, sampai dengan 4 Maret 2029").period == .length(PeriodLength(years: 5), from: decree))
    }

    @Test func nonsenseIsNamedNotGuessed() {
        for text in ["", "lihat lampiran", "???"] {
            let reading = read(text)
            #expect(reading.period == nil && reading.problem != nil, "\(text)")
        }
    }

    /// What Dikelola writes for a period (its exports' "Jangka waktu") reads back as that period.
    @Test func everyDescriptionReadsBack() async {
        let days = Gen.int(in: 0...3_000)
        let lengths = Gen.int(in: 1...40)
        await propertyCheck(count: 300, input: days, lengths, days) { offset, years, reviewOffset in
            guard let start = try? decree.adding(days: -offset), let end = try? decree.adding(days: offset + 1),
                let review = try? decree.adding(days: reviewOffset % 700 + 1), let latest = try? review.adding(years: years)
            else { return }
            let periods: [ExemptionPeriod] = [
                .length(PeriodLength(years: years), from: start), .length(PeriodLength(years: years, months: years % 12), from: start),
                .until(end), .untilEvent(event: "putusan berkekuatan hukum tetap", reviewOn: review, latestEnd: latest),
                .untilEvent(event: "selesainya proses penyidikan", reviewOn: review, latestEnd: nil),
                .asStatuteSets(statute: "UU 23/2006 Pasal 79", end: end),
            ]
            for period in periods {
                let back = PeriodProse.read(period.indonesianDescription, classifiedOn: decree)
                #expect(back.period == period, "\(period.indonesianDescription)")
            }
        }
    }

    /// No text, however absurd, stops the reader.
    @Test func anyTextReturns() async {
        let pieces = Gen<String?>.element(of: [
            "5", "(lima)", "tahun", "s.d.", "2028", "31", "Desember", "sampai", "ditinjau", "paling lama", "999999999999",
            "puluh", "belas", "-", "/", "\u{0}", "🙂", "sejak", "permanen", "sesuai", " ",
        ]).map { $0 ?? "" }
        await propertyCheck(count: 500, input: pieces.array(of: 0...12)) { words in
            _ = PeriodProse.read(words.joined(separator: " "), classifiedOn: decree)
            _ = PeriodProse.read(words.joined(), classifiedOn: decree)
        }
    }
}
