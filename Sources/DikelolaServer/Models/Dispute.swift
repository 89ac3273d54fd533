import DikelolaCore
import Fluent
import Foundation

/// A refused request for an entry's information, and what followed: the requester's objection to
/// the head and, after it, the dispute before the Information Commission (UU 14/2008 Ps 35–38).
/// Its dates give each stage's deadline (`DisputeTimeline`); its decisions are `Ruling`s.
final class InformationDispute: Model, @unchecked Sendable {
    static let schema = "disputes"

    @ID(key: .id) var id: UUID?
    @Parent(key: "body_id") var body: PublicBody
    @Parent(key: "unit_id") var unit: Unit
    @Parent(key: "entry_id") var entry: RegisterEntry
    /// The request's registration number in the PPID's service book (internal: it may name the requester).
    @Field(key: "request_reference") var requestReference: String
    @Field(key: "refused_on") var refusedOn: LocalDate
    @OptionalField(key: "objection_received_on") var objectionReceivedOn: LocalDate?
    @OptionalField(key: "commission_filed_on") var commissionFiledOn: LocalDate?
    @Field(key: "recorded_by") var recordedBy: UUID
    /// Raised by every change; a form carrying an older version is refused.
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}

/// A decision on an exempted entry: the head's answer to an objection, or a ruling of the
/// Information Commission or a court, with its document. An order to open that binds the body
/// opens the entry into the DIP with the decision as its legal basis, and the information can
/// never be exempted again (Ps 18(1)(g) jo. Ps 11(2)); a decision upholding the exemption stays
/// in the entry's history and its dossier.
final class Ruling: Model, @unchecked Sendable {
    static let schema = "rulings"

    @ID(key: .id) var id: UUID?
    @Parent(key: "body_id") var body: PublicBody
    @Parent(key: "entry_id") var entry: RegisterEntry
    @Parent(key: "dispute_id") var dispute: InformationDispute
    @Field(key: "kind") var kind: RulingKind
    @Field(key: "number") var number: String
    @Field(key: "ruling_date") var rulingDate: LocalDate
    @Field(key: "issuer") var issuer: String
    @Field(key: "order") var order: RulingOrder
    @Field(key: "order_text") var orderText: String
    /// A Commission's or a court's ruling with legal force (berkekuatan hukum tetap).
    @Field(key: "has_legal_force") var hasLegalForce: Bool
    /// The day it was declared to have legal force, when that came after it was recorded.
    @OptionalField(key: "legal_force_on") var legalForceOn: LocalDate?
    @Parent(key: "document_id") var document: StoredFile
    @Field(key: "document_sha256") var documentSHA256: String
    /// The day it opened the entry, if it did.
    @OptionalField(key: "opened_on") var openedOn: LocalDate?
    @Field(key: "recorded_by") var recordedBy: UUID
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

extension Ruling {
    var draft: RulingDraft {
        RulingDraft(
            kind: kind, number: number, date: rulingDate, issuer: issuer, order: order, orderText: orderText,
            hasLegalForce: hasLegalForce)
    }

    /// "Putusan Komisi Informasi … Nomor … tanggal …".
    var citation: String { draft.citation }
}
