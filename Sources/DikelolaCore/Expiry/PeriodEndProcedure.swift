import Foundation

/// What the PPID does with an entry whose period is ending or whose review date has come
/// (PP 61/2010 Ps 10–11): open it by an opening decree, or keep it exempted by re-classifying it on
/// a new consequence test and a new decree with a new period. Either way the PPID prepares and the
/// head approves; the decree takes effect on the day it is signed.
public enum PeriodActionKind: String, Codable, Sendable, CaseIterable {
    /// Pembukaan: the items become public information and move to the DIP (Ps 11(2)).
    case opening
    /// Pengklasifikasian ulang: a new test, a new decree and a new period (Ps 10); an extension is one.
    case reclassification

    public var indonesian: String {
        switch self {
        case .opening: "Pembukaan informasi yang dikecualikan"
        case .reclassification: "Pengklasifikasian ulang"
        }
    }

    public var english: String {
        switch self {
        case .opening: "Opening of exempted information"
        case .reclassification: "Re-classification"
        }
    }
}

/// Where an opening or re-classification stands.
public enum PeriodActionStage: String, Codable, Sendable, CaseIterable {
    /// The PPID assembles the list and fills in the DIP fields or the new tests.
    case preparing
    /// Sent to the head, who approves (the decree is issued) or returns it with a note.
    case awaitingApproval
    /// Approved: the decree is issued and the entries are opened or re-classified.
    case approved
    /// Withdrawn by the PPID before approval; its entries are free again.
    case cancelled

    public var isOpen: Bool { self == .preparing || self == .awaitingApproval }
}

/// The rules of the procedure at the end of a period, read from the body's SOP where it has a step
/// for it (Sanggau step 4, Bulukumba step 3), else from the law alone.
public struct PeriodEndProcedure: Sendable {
    public let definition: SOPDefinition?

    public init(definition: SOPDefinition?) { self.definition = definition }

    /// The SOP's own step for opening expired information, if it has one.
    public var step: SOPDefinition.Step? { definition?.steps.first { $0.effect == .openExpired } }

    /// Who prepares: the actor of that step; without one, the PPID (PP 61/2010 Ps 11(2) names the PPID).
    public var preparerRoles: Set<Role> {
        if let step, let definition { return [definition.actor(for: step).role] }
        return [.mainPPID, .assistantPPID]
    }

    /// How the preparer is called in the SOP, for messages.
    public var preparerTitle: String {
        if let step, let definition { return definition.actor(for: step).title }
        return "PPID"
    }

    /// The head approves every opening and re-classification ("dengan persetujuan pimpinan badan
    /// publik", Sanggau step 4; PP 61/2010 Ps 10 for a change of classification).
    public static let approverRole: Role = .head

    /// The SOP's time standard for preparing, tentative when the SOP has no step for it.
    public var timeStandard: TimeStandard { step?.time ?? .tentative }

    /// Why an entry in `status` cannot be taken into an action of `kind`; nil when it can.
    /// Only entries ending soon or due for review can be opened or re-classified before their end:
    /// an entry that is not ending has no opening decree to receive, and one already open has
    /// nothing left to open or keep.
    public static func refusal(entryStatus status: RegisterEntryStatus, registerNumber: String, kind: PeriodActionKind) -> String? {
        switch status {
        case .endingSoon, .reviewDue:
            return nil
        case .opened:
            return "\(registerNumber) sudah terbuka; tidak ada lagi yang dapat dibuka atau diklasifikasikan ulang."
        case .reclassified:
            return "\(registerNumber) sudah diklasifikasikan ulang; gunakan entri DIK yang baru."
        case .exempted:
            return kind == .opening
                ? "\(registerNumber) belum akan berakhir: surat pembukaan dibuat untuk informasi yang jangka waktunya akan berakhir (PP 61/2010 Pasal 11) atau yang peristiwanya sudah terjadi."
                : "\(registerNumber) belum akan berakhir dan belum waktunya ditinjau; klasifikasi hanya diubah saat jangka waktu akan berakhir atau saat peninjauan."
        }
    }

    /// The latest date of the decree for a set of entries: the earliest of their own latest dates.
    public static func legalDeadline(_ deadlines: [LocalDate?]) -> LocalDate? { deadlines.compactMap { $0 }.min() }

    /// The problems of a re-classification's new test, decided on `date`: it must keep the
    /// information exempted (else it is an opening) and pass every rule of the consequence test.
    public static func reclassificationProblems(
        _ test: ConsequenceTest, itemTitle: String, itemDescription: String, itemID: String?, on date: LocalDate,
        policy: PeriodPolicy, openedByRuling: [OpenedByRuling]
    ) -> [ConsequenceTest.Problem] {
        var problems = test.findings(
            itemTitle: itemTitle, itemDescription: itemDescription, itemID: itemID, classifiedOn: date, policy: policy,
            expiry: nil, openedByRuling: openedByRuling)
            .compactMap { finding -> ConsequenceTest.Problem? in
                if case let .error(problem) = finding { return problem }
                return nil
            }
        if !test.verdict.exempts { problems.append(.reclassificationMustExempt) }
        return problems
    }
}
