import Testing

@testable import DikelolaCore

@Suite struct IndonesianFormatTests {
    @Test func datesWithTheMonthInFull() {
        #expect(IndonesianFormat.date(date("2026-11-21")) == "21 November 2026")
        #expect(IndonesianFormat.date(date("2025-04-01")) == "1 April 2025")
        #expect(IndonesianFormat.englishDate(date("2026-08-17")) == "17 August 2026")
    }

    @Test func formalDateInWords() {
        #expect(
            IndonesianFormat.formalDateInWords(date("2026-11-21"))
                == "Sabtu, tanggal dua puluh satu bulan November tahun dua ribu dua puluh enam")
        #expect(
            IndonesianFormat.formalDateInWords(date("2024-03-19"))
                == "Selasa, tanggal sembilan belas bulan Maret tahun dua ribu dua puluh empat")
    }

    @Test(arguments: [
        (0, "nol"), (1, "satu"), (10, "sepuluh"), (11, "sebelas"), (12, "dua belas"), (19, "sembilan belas"),
        (20, "dua puluh"), (21, "dua puluh satu"), (100, "seratus"), (101, "seratus satu"), (111, "seratus sebelas"),
        (250, "dua ratus lima puluh"), (1000, "seribu"), (1864, "seribu delapan ratus enam puluh empat"),
        (2026, "dua ribu dua puluh enam"), (11_000, "sebelas ribu"), (100_000, "seratus ribu"),
        (1_000_000, "satu juta"), (2_500_000_000, "dua miliar lima ratus juta"), (-5, "minus lima"),
    ])
    func numbersInWords(number: Int, words: String) {
        #expect(IndonesianFormat.numberInWords(number) == words)
    }

    @Test func romanNumerals() {
        #expect(
            (1...12).map { IndonesianFormat.roman($0)! }
                == ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"])
        #expect(IndonesianFormat.roman(2026) == "MMXXVI")
        #expect(IndonesianFormat.roman(0) == nil)
        #expect(IndonesianFormat.romanMonth(date("2025-04-30")) == "IV")
    }
}

@Suite struct NIPTests {
    @Test func readsAndFormatsTheSeedSignatories() throws {
        for text in ["19730606 199202 1 001", "19691215 198903 1 004", "19651123 199203 2 006", "19680105 199703 1 011"] {
            #expect(try NIP(text).formatted == text)
        }
        let nip = try NIP("198609262015051001")
        #expect(nip.formatted == "19860926 201505 1 001")
        #expect(nip.birthDate == date("1986-09-26"))
        #expect(nip.appointmentYear == 2015 && nip.appointmentMonth == 5)
        #expect(nip.sex == .male && nip.serial == 1)
    }

    @Test(arguments: [
        ("19860926 201505 1 00", NIPError.wrongLength(17)),
        ("19860926 201505 1 0011", .wrongLength(19)),
        ("1986092620150510O1", .notDigits),
        ("19860231 201505 1 001", .invalidBirthDate("19860231")),
        ("19860926 201513 1 001", .invalidAppointmentMonth("201513")),
        ("19860926 201505 3 001", .invalidSexDigit(3)),
        ("19860926 201505 1 000", .zeroSerial),
        ("19860926 200001 1 001", .appointedTooYoung(birth: date("1986-09-26"), year: 2000, month: 1)),
    ])
    func refusesWhatCannotBeANIP(text: String, error: NIPError) {
        #expect(throws: error) { try NIP(text) }
    }

    @Test func messagesNameTheFaultyPart() {
        #expect(NIPError.invalidSexDigit(3).description.contains("jenis kelamin"))
        #expect(NIPError.wrongLength(17).description.contains("18 angka"))
    }
}
