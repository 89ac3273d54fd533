import Foundation
import Testing

@testable import DikelolaCore

@Suite struct PasswordPolicyTests {
    @Test func acceptsALongPassphrase() {
        #expect(PasswordPolicy.problems(with: "kopi tubruk pagi hari", email: "ppid@contohkab.go.id").isEmpty)
    }

    @Test(arguments: [
        ("pendek", PasswordPolicy.Problem.tooShort),
        ("katasandi123", .tooCommon),
        ("Bismillah123", .tooCommon),
        ("aaaaaaaaaaaa", .oneCharacterRepeated),
        ("operator.dinkes2026!", .containsEmail),
        (String(repeating: "ab", count: 65), .tooLong),
    ])
    func refusesWeakPasswords(password: String, problem: PasswordPolicy.Problem) {
        #expect(PasswordPolicy.problems(with: password, email: "operator.dinkes@contohkab.go.id").contains(problem))
    }

    @Test func messagesAreInBahasaIndonesiaAndEnglish() {
        #expect(PasswordPolicy.Problem.tooShort.description == "Kata sandi minimal 10 karakter.")
        #expect(PasswordPolicy.Problem.tooShort.english.contains("at least 10"))
    }
}

@Suite struct LoginThrottleTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000)
    let throttle = LoginThrottle()

    func minutesAgo(_ minutes: Double...) -> [Date] { minutes.map { now.addingTimeInterval(-$0 * 60) } }

    @Test func fourFailuresAreForgiven() {
        #expect(throttle.verdict(accountFailures: minutesAgo(1, 2, 3, 4), addressFailures: [], now: now) == .allowed)
    }

    @Test func theFifthLocksTheAccountUntilTheOldestLeavesTheWindow() {
        let verdict = throttle.verdict(accountFailures: minutesAgo(1, 2, 3, 4, 10), addressFailures: [], now: now)
        #expect(verdict == .lockedAccount(until: now.addingTimeInterval(5 * 60)))
    }

    @Test func oldFailuresDoNotCount() {
        #expect(throttle.verdict(accountFailures: minutesAgo(1, 2, 3, 4, 16, 20), addressFailures: [], now: now) == .allowed)
    }

    @Test func anAddressTryingManyAccountsIsLocked() {
        let failures = (1...20).map { now.addingTimeInterval(-Double($0) * 30) }
        guard case .lockedAddress = throttle.verdict(accountFailures: [], addressFailures: failures, now: now) else {
            Issue.record("twenty failures from one address must lock it")
            return
        }
    }
}

@Suite struct DecreeNumberTemplateTests {
    @Test func fillsTheBodysPattern() throws {
        let template = try DecreeNumberTemplate("300.2.11/{serial}/{romanMonth}/{year}")
        #expect(template.number(serial: 1864, date: date("2025-04-30")) == "300.2.11/1864/IV/2025")
        let padded = try DecreeNumberTemplate("SK-{serial:3}/PPID/{month}.{year}")
        #expect(padded.number(serial: 7, date: date("2026-11-21")) == "SK-007/PPID/11.2026")
    }

    @Test(arguments: [
        ("", DecreeNumberTemplateError.empty),
        ("300/{serial}/{tahun}", .unknownPlaceholder("tahun")),
        ("300/{serial}/{year", .unclosedBrace),
        ("300/{romanMonth}/{year}", .missing("serial")),
        ("300/{serial}", .missing("year")),
        ("300/{year:2}/{serial}", .unknownPlaceholder("year:2")),
    ])
    func refusesPatternsThatCannotNumberUniquely(pattern: String, error: DecreeNumberTemplateError) {
        #expect(throws: error) { try DecreeNumberTemplate(pattern) }
    }
}

@Suite struct ContentSnifferTests {
    @Test func recognisesWhatOfficesUpload() {
        #expect(SniffedType.sniff(Array("%PDF-1.7\n".utf8)) == .pdf)
        #expect(SniffedType.sniff([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]) == .png)
        #expect(SniffedType.sniff([0xFF, 0xD8, 0xFF, 0xE0]) == .jpeg)
        #expect(
            SniffedType.sniff(
                [0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0, count: 26)
                    + Array("mimetypeapplication/vnd.oasis.opendocument.text".utf8))
                == .openDocument)
        #expect(SniffedType.sniff([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00]) == .officeOpenXML)
        #expect(SniffedType.sniff([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) == .officeLegacy)
    }

    @Test func refusesWhatItDoesNotKnow() {
        #expect(SniffedType.sniff(Array("<html><script>".utf8)) == nil)
        #expect(SniffedType.sniff(Array("<svg xmlns=".utf8)) == nil)
        #expect(SniffedType.sniff([0x7F, 0x45, 0x4C, 0x46]) == nil)  // an executable
        #expect(SniffedType.sniff([UInt8]()) == nil)
    }
}
