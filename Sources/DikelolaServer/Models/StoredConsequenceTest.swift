import DikelolaCore
import Foundation

/// The columns a consequence test is kept in — on a proposal's item, and on an item of a
/// re-classification — read and written here only.
protocol StoredConsequenceTest: AnyObject {
    var groundCode: String? { get set }
    var otherStatute: String? { get set }
    var ifOpened: String? { get set }
    var ifClosed: String? { get set }
    /// `closed`, `partlyClosed` or `open`.
    var verdict: String? { get set }
    /// JSON array of the parts blacked out, for a partial exemption.
    var parts: String? { get set }
    /// JSON of `ExemptionPeriod`.
    var period: String? { get set }
    var reason: String? { get set }
    /// What stays open of a partly exempted item.
    var openPart: String? { get set }
    var testedAt: Date? { get set }
}

extension StoredConsequenceTest {
    /// The test as the core sees it; nil until one is recorded.
    var consequenceTest: ConsequenceTest? {
        guard testedAt != nil, let verdictCode = verdict else { return nil }
        let blackedOut = (parts.flatMap { try? JSONDecoder().decode([String].self, from: Data($0.utf8)) }) ?? []
        let verdict: ConsequenceTest.Verdict =
            switch verdictCode {
            case "open": .open
            case "partlyClosed": .partlyClosed(parts: blackedOut)
            default: .closed
            }
        return ConsequenceTest(
            ground: groundCode.flatMap(ExemptionGround.init(code:)), otherStatute: otherStatute,
            consequenceIfOpened: ifOpened ?? "", consequenceIfClosed: ifClosed ?? "", verdict: verdict,
            period: period.flatMap { try? JSONDecoder().decode(ExemptionPeriod.self, from: Data($0.utf8)) },
            reason: reason ?? "", openPart: openPart ?? "")
    }

    /// Keeps `test`, recorded at `time`.
    func store(_ test: ConsequenceTest, at time: Date) throws {
        groundCode = test.ground?.code
        otherStatute = test.otherStatute
        ifOpened = test.consequenceIfOpened
        ifClosed = test.consequenceIfClosed
        verdict = test.verdict.code
        if case let .partlyClosed(blackedOut) = test.verdict {
            parts = String(decoding: try JSONEncoder().encode(blackedOut), as: UTF8.self)
        } else {
            parts = nil
        }
        period = try test.period.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
        reason = test.reason
        if case .partlyClosed = test.verdict { openPart = test.openPart } else { openPart = nil }
        testedAt = time
    }
}

extension ProposalItem: StoredConsequenceTest {}
extension PeriodActionItem: StoredConsequenceTest {}
