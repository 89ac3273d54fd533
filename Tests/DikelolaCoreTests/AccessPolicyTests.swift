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
        let failures = minutesAgo(1, 2, 3, 4)
        #expect(throttle.verdict(pairFailures: failures, accountFailures: failures, addressFailures: failures, now: now) == .allowed)
    }

    @Test func theDelayGrowsWithEachFailureAndNeverLocksForGood() {
        // Five failures, the last 10 s ago: wait 30 s from it.
        let five = [10.0, 60, 120, 180, 240].map { now.addingTimeInterval(-$0) }
        #expect(
            throttle.verdict(pairFailures: five, accountFailures: five, addressFailures: [], now: now)
                == .waitAccountAndAddress(until: now.addingTimeInterval(20)))
        // Each further failure doubles it; the longest wait is fifteen minutes.
        let nine = (1...9).map { now.addingTimeInterval(-Double($0)) }
        #expect(
            throttle.verdict(pairFailures: nine, accountFailures: nine, addressFailures: [], now: now)
                == .waitAccountAndAddress(until: now.addingTimeInterval(-1 + 480)))
        let many = (1...14).map { now.addingTimeInterval(-Double($0)) }
        #expect(throttle.verdict(pairFailures: many, accountFailures: many, addressFailures: [], now: now).until
            == now.addingTimeInterval(-1 + 15 * 60))
        // Once the wait is over, the right password may be tried again.
        #expect(throttle.verdict(pairFailures: five, accountFailures: five, addressFailures: [], now: now.addingTimeInterval(25)) == .allowed)
    }

    @Test func anotherAddressesFailuresDoNotHoldTheOwnerBack() {
        // Ten failures of the account from elsewhere; none from the owner's address.
        let elsewhere = (1...10).map { now.addingTimeInterval(-Double($0) * 20) }
        #expect(throttle.verdict(pairFailures: [], accountFailures: elsewhere, addressFailures: [], now: now) == .allowed)
    }

    @Test func guessingSpreadOverManyAddressesStillWaits() {
        let spread = (1...50).map { now.addingTimeInterval(-Double($0) * 10) }
        guard case .waitAccount = throttle.verdict(pairFailures: [], accountFailures: spread, addressFailures: [], now: now) else {
            Issue.record("fifty failures of one account from anywhere make it wait")
            return
        }
    }

    @Test func oldFailuresDoNotCount() {
        let old = minutesAgo(1, 2, 3, 4, 16, 20)
        #expect(throttle.verdict(pairFailures: old, accountFailures: old, addressFailures: [], now: now) == .allowed)
    }

    @Test func anAddressTryingManyAccountsIsLocked() {
        let failures = (1...20).map { now.addingTimeInterval(-Double($0) * 30) }
        guard case .waitAddress = throttle.verdict(pairFailures: [], accountFailures: [], addressFailures: failures, now: now) else {
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
