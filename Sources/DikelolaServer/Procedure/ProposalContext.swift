import DikelolaCore
import Fluent
import Foundation
import Vapor

/// A proposal with everything needed to decide on it: its unit and body, its SOP, items and
/// documents, the facts for the workflow engine, and where it sits for access control.
struct ProposalContext: Sendable {
    let proposal: Proposal
    let unit: Unit
    let body: PublicBody
    let definition: SOPDefinition
    let items: [ProposalItem]
    let documents: [ProposalDocument]
    let place: Authorization.Place
    let decree: Decree?
    /// The head's acknowledgements of the items' warnings, kept when the decree was approved.
    let acknowledgements: [WarningAcknowledgement]
    /// The body's information opened through an objection or a dispute, which no test may exempt again.
    let openedByRuling: [OpenedByRuling]

    var workflow: ProposalWorkflow { ProposalWorkflow(definition: definition) }
    var zone: TimeZoneRegion { body.zone }
    var currentStep: SOPDefinition.Step? { proposal.currentStep.flatMap(definition.step(number:)) }

    static func load(_ id: UUID, library: SOPLibrary, on db: any Database) async throws -> ProposalContext {
        guard let proposal = try await Proposal.find(id, on: db) else { throw Refusal.notFound }
        return try await load(proposal, library: library, on: db)
    }

    static func load(_ proposal: Proposal, library: SOPLibrary, on db: any Database) async throws -> ProposalContext {
        let proposalID = try proposal.requireID()
        guard let unit = try await Unit.find(proposal.$unit.id, on: db),
            let body = try await PublicBody.find(proposal.$body.id, on: db)
        else { throw Refusal.notFound }
        guard let definition = library.definition(id: proposal.sopID) else {
            throw ProcedureError(
                status: .internalServerError,
                message: "Definisi SOP '\(proposal.sopID)' yang dipakai usulan ini tidak lagi terpasang. Hubungi administrator.")
        }
        let items = try await ProposalItem.query(on: db).filter(\.$proposal.$id == proposalID).sort(\.$createdAt).all()
        let documents = try await ProposalDocument.query(on: db).filter(\.$proposal.$id == proposalID).all()
        let decree = try await Decree.query(on: db).filter(\.$proposal.$id == proposalID).first()
        let acknowledgements = try await WarningAcknowledgement.query(on: db).filter(\.$proposal.$id == proposalID)
            .sort(\.$acknowledgedAt).all()
        return ProposalContext(
            proposal: proposal, unit: unit, body: body, definition: definition, items: items, documents: documents,
            place: try await AccessQueries.place(of: unit, on: db), decree: decree, acknowledgements: acknowledgements,
            openedByRuling: try await RulingQueries.openedByRuling(bodyID: proposal.$body.id, on: db))
    }

    /// The day a decree would be dated, in the body's zone.
    func today(_ now: Date) -> LocalDate { zone.localDate(of: now) }

    /// The items' tests as the core sees them; nil for an untested item.
    func test(of item: ProposalItem) -> ConsequenceTest? { item.consequenceTest }

    /// What the law says of an item's test if the decree were dated `date`, under the body's
    /// period policy; with `expiry`, also whether the opening decree would already be due.
    func findings(of item: ProposalItem, on date: LocalDate, expiry: ExpiryRules? = nil) -> [ConsequenceTest.Finding] {
        test(of: item)?.findings(
            itemTitle: item.title, itemDescription: item.description, itemID: item.storedID.uuidString, classifiedOn: date,
            policy: body.periodPolicy, expiry: expiry, openedByRuling: openedByRuling) ?? []
    }

    /// One warning of one item's test, under the key the head acknowledges it by.
    struct ItemWarning: Sendable {
        let item: ProposalItem
        let warning: ConsequenceTest.Warning
        var key: String { WarningAcknowledgement.key(item: item.storedID, code: warning.code) }
    }

    /// Every warning of the items' tests, if the decree were dated `date`, that the head acknowledges.
    func warnings(on date: LocalDate, expiry: ExpiryRules) -> [ItemWarning] {
        Self.warnings(in: items.map { ($0, findings(of: $0, on: date, expiry: expiry)) })
    }

    /// The warnings to acknowledge among items already judged.
    private static func warnings(in judged: [(ProposalItem, [ConsequenceTest.Finding])]) -> [ItemWarning] {
        judged.flatMap { item, findings in
            findings.compactMap { finding -> ItemWarning? in
                if case let .warning(warning) = finding, warning.requiresAcknowledgement {
                    return ItemWarning(item: item, warning: warning)
                }
                return nil
            }
        }
    }

    /// The facts for the engine at `now`; `acknowledging` adds the warnings the head acknowledges
    /// with the request being made.
    func facts(now: Date, expiry: ExpiryRules, acknowledging: Set<String> = []) -> ProposalWorkflow.Facts {
        let date = today(now)
        let acknowledged = Set(acknowledgements.map(\.key)).union(acknowledging)
        // Each item judged once: its errors block, its warnings wait for the head.
        let judged = items.map { ($0, findings(of: $0, on: date, expiry: expiry)) }
        return ProposalWorkflow.Facts(
            itemCount: items.count,
            untestedItems: items.filter { test(of: $0) == nil }.map(\.title),
            itemsWithTestErrors: judged.filter { $0.1.contains { $0.isError } }.map(\.0.title),
            exemptedItemsWithoutDocuments: items.filter(lacksCopy).map(\.title),
            hasDecree: decree != nil,
            hasMemo: !(proposal.memoNumber ?? "").isEmpty,
            hasPanelOpinion: !(proposal.panelOpinion ?? "").isEmpty,
            uploadedRequirements: Set(documents.compactMap(\.requirement)),
            meetingProblems: meeting.problems(decreeDate: date),
            unacknowledgedWarnings: Self.warnings(in: judged).filter { !acknowledged.contains($0.key) }
                .map { "\($0.item.title): \($0.warning.description)" },
            partlyExemptedWithoutRedaction: items.filter(lacksRedaction).map(\.title))
    }

    /// What the current step still needs of one item, in the order the page walks through them.
    enum ItemNeed: String, Codable, Sendable {
        /// Not yet tested, at a step that tests (or decrees on the tests).
        case test
        /// Its test breaks the law as it stands; it must be corrected.
        case testCorrection
        /// Exempted, at the archive step, with neither a hard-copy location nor a soft copy.
        case location
        /// Partly exempted, at the archive step, without its blacked-out version.
        case redacted
    }

    /// What the current step still needs of `item`, given the findings of its test (the same checks
    /// `facts` gives the engine, item by item).
    func needs(of item: ProposalItem, findings: [ConsequenceTest.Finding]) -> [ItemNeed] {
        guard let step = currentStep else { return [] }
        var needs: [ItemNeed] = []
        let testing = [.consequenceTest, .classifyByPeriod].contains(step.effect) || step.issuesDecree
        if testing, test(of: item) == nil { needs.append(.test) }
        if testing, findings.contains(where: \.isError) { needs.append(.testCorrection) }
        if step.effect == .archive, lacksCopy(item) { needs.append(.location) }
        if step.effect == .archive, lacksRedaction(item) { needs.append(.redacted) }
        return needs
    }

    /// Exempted (or not yet tested) with neither a soft copy nor a hard-copy location.
    func lacksCopy(_ item: ProposalItem) -> Bool {
        (test(of: item)?.verdict.exempts ?? true) && !item.hasHardCopyLocation && !documents.contains { $0.$item.id == item.id }
    }

    /// Partly exempted without its blacked-out version (UU 14/2008 Ps 22(7)(e)).
    func lacksRedaction(_ item: ProposalItem) -> Bool {
        guard case .partlyClosed = test(of: item)?.verdict else { return false }
        return !documents.contains { $0.$item.id == item.id && $0.requirement == ProposalService.redactedVersion }
    }

    /// The recorded test meeting.
    var meeting: TestMeeting {
        TestMeeting(
            date: proposal.meetingDate, place: proposal.meetingPlace,
            participants: (proposal.meetingParticipants ?? "").split(whereSeparator: \.isNewline).map(String.init))
    }

    /// The roles `user` can act in for this proposal's unit.
    func roles(of user: CurrentUser) -> Set<Role> { Authorization.roles(of: user.person, covering: place) }

    /// Refuses unless `user` may do `action` here and holds the role of the current step.
    func requireActor(_ user: CurrentUser, for action: Action) throws -> (step: SOPDefinition.Step, role: Role) {
        try user.require(action, on: place)
        guard let step = currentStep else { throw ProcedureError.workflow(.finished) }
        let actor = definition.actor(for: step)
        guard roles(of: user).contains(actor.role) else {
            throw ProcedureError.workflow(.wrongRole(required: actor, held: roles(of: user)))
        }
        return (step, actor.role)
    }
}

extension StepEffect {
    /// The action of the access rules that doing this step is.
    var action: Action {
        switch self {
        case .collectItems, .instruct: .prepareProposal
        case .consequenceTest: .testItem
        case .advise: .advise
        case .review, .classifyByPeriod: .reviewProposal
        case .approveAndSign: .signDecree
        case .archive: .archive
        case .openExpired: .openExpired
        case .publish: .publishRegister
        }
    }
}
