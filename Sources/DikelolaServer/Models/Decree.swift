import DikelolaCore
import Fluent
import Foundation

/// A decree of a body: the classification decree (SK) a proposal ends with, or (later) an
/// opening decree. Its number is unique per body, and its serial per body and year.
final class Decree: Model, @unchecked Sendable {
    static let schema = "decrees"

    @ID(key: .id) var id: UUID?
    @Parent(key: "body_id") var body: PublicBody
    @OptionalParent(key: "proposal_id") var proposal: Proposal?
    /// The opening or re-classification that issued it (a decree has a proposal or an action).
    @OptionalField(key: "period_action_id") var periodActionID: UUID?
    /// `classification`, `opening` or `reclassification`.
    @Field(key: "kind") var kind: DecreeKind
    @Field(key: "number") var number: String
    @Field(key: "year") var year: Int
    @Field(key: "serial") var serial: Int
    /// The signing date (ISO), on which it takes effect.
    @Field(key: "decree_date") var decreeDate: LocalDate
    @Field(key: "place") var place: String
    @Field(key: "signer_name") var signerName: String
    @Field(key: "signer_position") var signerPosition: String
    @OptionalField(key: "signer_nip") var signerNIP: String?
    @OptionalField(key: "signer_rank") var signerRank: String?
    /// The PPID who keeps the register, as on the day of the decree (KETIGA of the Keputusan).
    @OptionalField(key: "ppid_name") var ppidName: String?
    @OptionalField(key: "ppid_position") var ppidPosition: String?
    @OptionalField(key: "ppid_nip") var ppidNIP: String?
    @OptionalField(key: "signer_id") var signerID: UUID?
    @OptionalParent(key: "signed_scan_id") var signedScan: StoredFile?
    @OptionalField(key: "signed_scan_sha256") var signedScanSHA256: String?
    /// An earlier decree, signed before this system, registered as it was ("didaftarkan dari SK
    /// terdahulu"): its number, date and signer are the paper's, not this system's.
    @Field(key: "registered_from_earlier") var registeredFromEarlier: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() { registeredFromEarlier = false }
}

/// An entry of the register of exempted information (DIK).
final class RegisterEntry: Model, @unchecked Sendable {
    static let schema = "register_entries"

    @ID(key: .id) var id: UUID?
    @Parent(key: "body_id") var body: PublicBody
    @Parent(key: "unit_id") var unit: Unit
    @Parent(key: "item_id") var item: ProposalItem
    @Parent(key: "decree_id") var decree: Decree
    /// `DIK-2026-0007`, unique per body.
    @Field(key: "register_number") var registerNumber: String
    @Field(key: "title") var title: String
    @Field(key: "ground_code") var groundCode: String
    @OptionalField(key: "other_statute") var otherStatute: String?
    @Field(key: "if_opened") var ifOpened: String
    @Field(key: "if_closed") var ifClosed: String
    /// `closed` or `partlyClosed`.
    @Field(key: "verdict") var verdict: RegisterVerdict
    @OptionalField(key: "parts") var parts: String?
    /// What stays open of a partly exempted item (UU 14/2008 Ps 22(7)(e)).
    @OptionalField(key: "open_part") var openPart: String?
    @Field(key: "period") var period: String
    @OptionalField(key: "end_date") var endDate: LocalDate?
    @OptionalField(key: "review_date") var reviewDate: LocalDate?
    @Field(key: "reason") var reason: String
    /// `exempted`, `endingSoon`, `reviewDue`, `opened` (see `ExpirySweep`) or `reclassified`.
    @Field(key: "status") var status: RegisterEntryStatus
    /// The day it became public (ISO), and whether by law rather than by an opening decree.
    @OptionalField(key: "opened_on") var openedOn: LocalDate?
    @Field(key: "opened_by_law") var openedByLaw: Bool
    /// PP 61/2010 Ps 11(2): the latest date of the opening decree, once the entry is ending soon.
    @OptionalField(key: "opening_decree_due") var openingDecreeDue: LocalDate?
    /// The decree that opened it (none when it opened by law).
    @OptionalField(key: "opening_decree_id") var openingDecreeID: UUID?
    /// The objection decision or ruling that opened it (UU 14/2008 Ps 11(2)), if one did.
    @OptionalField(key: "opening_ruling_id") var openingRulingID: UUID?
    /// A re-classification ends an entry (status `reclassified`) and starts a new one for the same
    /// item: the two point at each other, so the item's history keeps every classification.
    @OptionalField(key: "replaced_by_id") var replacedByID: UUID?
    @OptionalField(key: "replaces_id") var replacesID: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}

extension RegisterEntry {
    /// A new exempted entry of `decree` for an item on its passing test (one with a ground and a
    /// period; the engine refuses any other before a decree).
    convenience init(
        bodyID: UUID, unitID: UUID, itemID: UUID, decreeID: UUID, registerNumber: String, title: String,
        test: ConsequenceTest, ground: ExemptionGround, period: ExemptionPeriod
    ) throws {
        self.init()
        $body.id = bodyID
        $unit.id = unitID
        $item.id = itemID
        $decree.id = decreeID
        self.registerNumber = registerNumber
        self.title = title
        groundCode = ground.code
        otherStatute = test.otherStatute
        ifOpened = test.consequenceIfOpened
        ifClosed = test.consequenceIfClosed
        if case .partlyClosed = test.verdict { verdict = .partlyClosed } else { verdict = .closed }
        if case let .partlyClosed(blackedOut) = test.verdict {
            parts = String(decoding: try JSONEncoder().encode(blackedOut), as: UTF8.self)
            openPart = test.openPart
        }
        self.period = String(decoding: try JSONEncoder().encode(period), as: UTF8.self)
        endDate = try period.endDate
        reviewDate = period.reviewDate
        reason = test.reason
        status = .exempted
        openedByLaw = false
    }
}

/// An entry of the list of public information (DIP) that came through this procedure: an item the
/// test found open (or, later, one opened at the end of its period).
final class PublicInformationEntry: Model, @unchecked Sendable {
    static let schema = "public_information_entries"

    @ID(key: .id) var id: UUID?
    @Parent(key: "body_id") var body: PublicBody
    @Parent(key: "unit_id") var unit: Unit
    @Parent(key: "item_id") var item: ProposalItem
    @Field(key: "summary") var summary: String
    @OptionalField(key: "responsible") var responsible: String?
    @OptionalField(key: "made_when") var madeWhen: String?
    @OptionalField(key: "made_where") var madeWhere: String?
    @Field(key: "form") var form: InformationForm
    @OptionalField(key: "retention") var retention: String?
    /// `testedOpen`, `partlyOpen`, `openedByDecree`, `openedByLaw` or `openedByRuling`.
    @Field(key: "source") var source: PublicInformationSource
    /// The day it became public (ISO) and the opening decree, when it came out of the register.
    @OptionalField(key: "opened_on") var openedOn: LocalDate?
    @OptionalField(key: "decree_id") var decreeID: UUID?
    /// The objection decision or ruling that opened it, its legal basis.
    @OptionalField(key: "ruling_id") var rulingID: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}

extension RegisterEntry {
    /// Late: the opening decree or the review should have come by now (see `RegisterEntryStatus.isOverdue`).
    func isOverdue(on today: LocalDate) -> Bool {
        status.isOverdue(openingDecreeDue: openingDecreeDue, reviewDate: reviewDate, today: today)
    }
}

extension Decree {
    /// A new decree of `body` dated `date`, with the next serial of its year, placed at the body's
    /// seat; its number and signer are the caller's to set. Call `DecreeIssuer.lockNumbering` first.
    static func next(
        of body: PublicBody, kind: DecreeKind, date: LocalDate, proposalID: UUID?, actionID: UUID?, on db: any Database
    ) async throws -> Decree {
        let bodyID = try body.requireID()
        let lastSerial =
            try await Decree.query(on: db).filter(\.$body.$id == bodyID).filter(\.$year == date.year)
            .sort(\.$serial, .descending).first()?.serial ?? 0
        let decree = Decree()
        decree.$body.id = bodyID
        decree.$proposal.id = proposalID
        decree.periodActionID = actionID
        decree.kind = kind
        decree.year = date.year
        decree.serial = lastSerial + 1
        decree.decreeDate = date
        decree.place = body.seat.isEmpty ? body.region : body.seat
        return decree
    }
}
