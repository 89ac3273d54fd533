import Testing

@testable import DikelolaCore

@Suite struct ExemptionGroundTests {
    @Test func catalogHasEveryLetterAndPoint() {
        let catalog = ExemptionGround.catalog
        // 10 letters, plus a1–5, c1–7, e1–7, f1–4, h1–5.
        #expect(catalog.count == 10 + 5 + 7 + 7 + 4 + 5)
        #expect(catalog.allSatisfy { !$0.label.isEmpty && !$0.englishLabel.isEmpty })
        #expect(ground("h2").citation == "Pasal 17 huruf h angka 2")
        #expect(ground("h2").label.contains("kesehatan"))
        #expect(ground("i").englishCitation == "Article 17 letter i")
        #expect(ExemptionGround(.b, point: 1) == nil)
        #expect(ExemptionGround(.h, point: 6) == nil)
    }

    @Test func groundsAToFAreNeverPermanent() {
        // UU 14/2008 Ps 20(1).
        for letter in ExemptionGround.Letter.allCases {
            #expect(letter.neverPermanent == ["a", "b", "c", "d", "e", "f"].contains(letter.rawValue))
        }
        #expect(ground("h3").opensWithPersonalConsent && ground("g").opensWithPersonalConsent)
        #expect(!ground("i").opensWithPersonalConsent)
    }

    @Test(arguments: [
        ("Pasal 17 huruf h angka 2", "h2"),
        ("Ps. 17 h", "h"),
        ("17 huruf i", "i"),
        ("pasal 17 ayat (h)", "h"),
        ("Pasal 17 (h)(2)", "h2"),
        ("PASAL 17 HURUF A ANGKA 1", "a1"),
        ("Psl 17 huruf c butir 6", "c6"),
        ("Pasal 17 huruf e poin 3 UU 14/2008", "e3"),
        ("UU No. 14 Tahun 2008 Pasal 17 huruf j", "j"),
        ("17 h 5", "h5"),
        ("Pasal 17 huruf d", "d"),
    ])
    func parsesCitationsAsOfficersWriteThem(text: String, code: String) throws {
        let citation = try GroundCitation.parse(text)
        #expect(citation.ground.code == code)
        #expect(citation.remainder == nil)
    }

    @Test func keepsTheOtherStatuteOfGroundJ() throws {
        let citation = try GroundCitation.parse("Pasal 17 huruf j UU Nomor 23 Tahun 2006 tentang Administrasi Kependudukan")
        #expect(citation.ground.code == "j")
        #expect(citation.remainder == "UU Nomor 23 Tahun 2006 tentang Administrasi Kependudukan")
    }

    @Test(arguments: [
        ("Pasal 17 huruf k", GroundCitationError.unknownLetter("k")),
        ("Pasal 17 huruf h angka 6", .unknownPoint(.h, 6, available: 5)),
        ("Pasal 17 huruf b angka 1", .letterHasNoPoints(.b, 1)),
        ("Pasal 18 huruf a", .wrongArticle(18)),
        ("Pasal 17", .missingLetter("Pasal 17")),
        ("huruf h", .missingArticle("huruf h")),
        ("   ", .empty),
    ])
    func refusesCitationsThatDoNotExist(text: String, error: GroundCitationError) {
        #expect(throws: error) { try GroundCitation.parse(text) }
    }

    @Test func errorsSayWhatExists() {
        #expect(GroundCitationError.unknownLetter("k").description.contains("a sampai j"))
        #expect(GroundCitationError.unknownPoint(.h, 6, available: 5).description.contains("angka 1 sampai 5"))
    }
}

/// Citations as a legal reviewer found them in published DIKs: an "ayat" Pasal 17 does not have,
/// a statute named by number and year, several letters at once.
@Suite struct CitationFormsTests {
    @Test func anAyatPasal17DoesNotHaveIsReadPast() throws {
        #expect(try GroundCitation.parse("Pasal 17 Ayat 1 huruf h").ground.letter == .h)
        #expect(try GroundCitation.parse("Pasal 17 ayat (1) huruf h angka 2").ground == ExemptionGround(code: "h2"))
        #expect(try GroundCitation.parse("Pasal 17 ayat (h)").ground.letter == .h)
    }

    @Test func aStatuteByNumberAndYearIsNotAnArticle() {
        #expect(throws: GroundCitationError.namesStatuteNotArticle("UU 27/2022")) { try GroundCitation.parse("UU 27 Tahun 2022") }
    }

    @Test(arguments: [
        "Pasal 17 huruf c dan huruf e", "Pasal 17 huruf a, b, c", "Pasal 17 huruf a sampai j", "Pasal 17 huruf a s/d f",
        "Pasal 17 huruf e angka 4 dan huruf h", "Pasal 17 huruf i dan j",
    ])
    func severalLettersAreOneGroundTooMany(text: String) {
        #expect(throws: GroundCitationError.severalLetters(text)) { try GroundCitation.parse(text) }
    }

    @Test(arguments: [
        ("Pasal 17 huruf j jo. UU 23/2006", "j"), ("Pasal 17 huruf i jo. Permendagri 1/2023", "i"),
        ("Pasal 17 huruf h angka 2 UU No. 14 Tahun 2008", "h2"), ("Pasal 17 huruf h (data pribadi)", "h"),
        ("Ps. 17 (h) (2)", "h2"),
    ])
    func oneLetterWithItsStatuteStands(text: String, code: String) throws {
        #expect(try GroundCitation.parse(text).ground.code == code, "\(text)")
    }
}
