import DikelolaCore
import Fluent
import Foundation
import Vapor

/// What the API (and the pages) show of a proposal: the step, who acts, what is missing, when it is
/// due, the items with their tests, and the history.
struct ProposalView: Content {
    struct SOP: Content {
        let id: String
        let number: String
        let name: String
        let body: String
    }

    struct Requirement: Content {
        let name: String
        /// `DocumentRequirement`: upload, itemList, testSheets, decree, memo, panelOpinion, itemDocuments.
        let kind: String
        let satisfied: Bool
        /// The label of the later step that makes it, when it is not this step's to provide.
        let madeAtStep: String?
    }

    struct Step: Content {
        let number: Int
        /// As people name it: "3", or "3a" for the head's approval the law adds (PP 61/2010 Ps 3).
        let label: String
        /// Why the law added this step, when it did.
        let addedByLaw: String?
        let activity: String
        let actorTitle: String
        let actorRole: String
        /// The people who hold the actor's role for this unit: who can do the step.
        let holders: [Person]
        let effect: String
        let requiredDocuments: [Requirement]
        /// The memo, or the panel's opinion, is recorded at this step.
        let recordsMemo: Bool
        let recordsPanelOpinion: Bool
        let timeStandard: String
        let startedAt: Date?
        let dueAt: Date?
        /// Years without holiday data the due time was counted across: it is provisional.
        let dueProvisionalYears: [Int]
        let overdue: Bool
        /// For decision steps: where "setuju" and "tidak setuju" lead.
        let onAgree: Int?
        let onDisagree: Int?
        let onDisagreeLabel: String?
        /// The decree is issued when this step agrees: the head acknowledges the warnings here.
        let issuesDecree: Bool
        let blockers: [String]
        /// Whether the person asking may complete it.
        let youMayAct: Bool
    }

    struct Item: Content {
        let id: UUID
        let title: String
        let description: String
        let holdingUnitID: UUID
        let form: InformationForm
        let madeWhen: String?
        let madeWhere: String?
        let archiveCode: String?
        let location: [String]
        let test: Test?
        let findings: [String]
        /// What the current step still needs of this item (`ProposalContext.ItemNeed`).
        let needs: [String]
    }

    struct Test: Content {
        let ground: String?
        let groundLabel: String?
        let otherStatute: String?
        let consequenceIfOpened: String
        let consequenceIfClosed: String
        let verdict: String
        let parts: [String]
        let period: ExemptionPeriod?
        let periodDescription: String?
        let endDate: LocalDate?
        let reviewDate: LocalDate?
        let reason: String
        /// What stays open of a partly exempted item.
        let openPart: String?
    }

    /// A warning of an item's test, which the head acknowledges on approving the decree.
    struct Warning: Content {
        let key: String
        let itemID: UUID
        let item: String
        let code: String
        let text: String
        let acknowledged: Bool
        let acknowledgedBy: String?
        let acknowledgedAt: Date?
    }

    /// Someone as the pages name them: "Kepala Dinas Kesehatan, dr. Ani".
    struct Person: Content {
        let name: String
        let position: String
    }

    /// The last decision sent the proposal back: who, when, from which step, and their note.
    struct Return: Content {
        let by: Person?
        let role: String
        let at: Date
        let fromStep: String
        let note: String
    }

    struct HistoryEntry: Content {
        let stepNumber: Int
        let stepLabel: String
        let actorID: UUID
        /// Who did it, as the account names them (nil for an account since removed).
        let actor: Person?
        let actorRole: String
        let startedAt: Date
        let completedAt: Date
        let dueAt: Date?
        let decision: String?
        let note: String?
    }

    struct DecreeSummary: Content {
        let id: UUID
        let number: String
        let date: LocalDate
    }

    let id: UUID
    let title: String
    let unitID: UUID
    let bodyID: UUID
    let status: ProposalStatus
    let version: Int
    /// WIB, WITA or WIT: the body's zone, in which due times are shown.
    let timeZone: String
    let sop: SOP
    let currentStep: Step?
    let items: [Item]
    let memoNumber: String?
    /// The memo's instruction ("Isi perintah"), kept across returns.
    let memoText: String?
    let panelOpinion: String?
    let meetingDate: LocalDate?
    let meetingPlace: String?
    let meetingParticipants: String?
    let warnings: [Warning]
    let history: [HistoryEntry]
    /// Set while the proposal waits at the step it was returned to.
    let returned: Return?
    let decree: DecreeSummary?

    init(
        _ ctx: ProposalContext, history: [ProposalStep], user: CurrentUser, now: Date, expiry: ExpiryRules,
        people: ProposalPeople = ProposalPeople()
    ) {
        let facts = ctx.facts(now: now, expiry: expiry)
        let today = ctx.today(now)
        id = ctx.proposal.storedID
        title = ctx.proposal.title
        unitID = ctx.unit.storedID
        bodyID = ctx.body.storedID
        status = ctx.proposal.status
        version = ctx.proposal.version
        timeZone = ctx.zone.rawValue
        sop = SOP(
            id: ctx.definition.id, number: ctx.definition.identity.number, name: ctx.definition.identity.name,
            body: ctx.definition.identity.body)
        currentStep = ctx.currentStep.map { step in
            let actor = ctx.definition.actor(for: step)
            return Step(
                number: step.number, label: step.label, addedByLaw: step.isStatutory ? step.note : nil,
                activity: step.activity, actorTitle: actor.title, actorRole: actor.role.rawValue,
                holders: people.holders.map { Person(name: $0.name, position: $0.position) },
                effect: step.effect.rawValue,
                requiredDocuments: step.requiredDocuments.map { requirement in
                    Requirement(
                        name: requirement.name, kind: requirement.kind.rawValue,
                        satisfied: ctx.workflow.isSatisfied(requirement, at: step, facts: facts),
                        madeAtStep: ctx.definition.isMadeLater(requirement, than: step)
                            ? ctx.definition.producer(of: requirement.kind)?.label : nil)
                },
                recordsMemo: step.recordsMemo, recordsPanelOpinion: step.recordsPanelOpinion,
                timeStandard: step.time.description, startedAt: ctx.proposal.currentStepStartedAt,
                dueAt: ctx.proposal.currentStepDueAt,
                dueProvisionalYears: ctx.proposal.currentStepDueAt.map { due in
                    expiry.calendar.yearsWithoutData(
                        from: ctx.zone.localDate(of: ctx.proposal.currentStepStartedAt ?? now), through: ctx.zone.localDate(of: due))
                } ?? [],
                overdue: ctx.proposal.currentStepDueAt.map { $0 < now } ?? false,
                onAgree: step.decision?.onAgree, onDisagree: step.decision?.onDisagree,
                onDisagreeLabel: step.decision.map { ctx.definition.label(of: $0.onDisagree) }, issuesDecree: step.issuesDecree,
                blockers: ctx.workflow.blockers(for: step, facts: facts).map(\.description),
                youMayAct: ctx.roles(of: user).contains(actor.role) && user.may(step.effect.action, on: ctx.place).isAllowed)
        }
        items = ctx.items.map { item in
            let test = ctx.test(of: item)
            let findings = ctx.findings(of: item, on: today, expiry: expiry)
            return Item(
                id: item.storedID, title: item.title, description: item.description, holdingUnitID: item.$holdingUnit.id,
                form: item.form,
                madeWhen: item.madeWhen, madeWhere: item.madeWhere, archiveCode: item.archiveCode,
                location: [item.locationBuilding, item.locationRoom, item.locationCabinet, item.locationBox, item.locationFolder]
                    .compactMap { $0 },
                test: test.map(Test.init),
                findings: findings.map(\.description), needs: ctx.needs(of: item, findings: findings).map(\.rawValue))
        }
        memoNumber = ctx.proposal.memoNumber
        memoText = ctx.proposal.memoText
        panelOpinion = ctx.proposal.panelOpinion
        meetingDate = ctx.proposal.meetingDate
        meetingPlace = ctx.proposal.meetingPlace
        meetingParticipants = ctx.proposal.meetingParticipants
        let acknowledged = Dictionary(ctx.acknowledgements.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        warnings = ctx.warnings(on: today, expiry: expiry).map { warning in
            let stored = acknowledged[warning.key]
            return Warning(
                key: warning.key, itemID: warning.item.storedID, item: warning.item.title, code: warning.warning.code,
                text: stored?.text ?? warning.warning.description, acknowledged: stored != nil,
                acknowledgedBy: stored?.acknowledgedByName, acknowledgedAt: stored?.acknowledgedAt)
        }
        self.history = history.map {
            HistoryEntry(
                stepNumber: $0.stepNumber, stepLabel: ctx.definition.label(of: $0.stepNumber), actorID: $0.actorID,
                actor: people.person(as: $0), actorRole: $0.actorRole, startedAt: $0.startedAt,
                completedAt: $0.completedAt, dueAt: $0.dueAt, decision: $0.decision, note: $0.note)
        }
        returned = ProposalPeople.lastReturn(history, proposal: ctx.proposal).map { step in
            Return(
                by: people.person(as: step), role: step.actorRole, at: step.completedAt,
                fromStep: ctx.definition.label(of: step.stepNumber), note: step.note ?? "")
        }
        decree = ctx.decree.map { DecreeSummary(id: $0.storedID, number: $0.number, date: $0.decreeDate) }
    }
}

/// The people a proposal's page names: who holds the current step's role for the unit, and who did
/// each step of its history.
struct ProposalPeople: Sendable {
    var holders: [User] = []
    var byID: [UUID: ProposalView.Person] = [:]

    /// Who did `step`, as they were named then; the account's present name for older records.
    func person(as step: ProposalStep) -> ProposalView.Person? {
        step.actorName.map { ProposalView.Person(name: $0, position: step.actorPosition ?? "") } ?? byID[step.actorID]
    }

    static func load(_ ctx: ProposalContext, history: [ProposalStep], on db: any Database) async throws -> ProposalPeople {
        var holders: [User] = []
        if let step = ctx.currentStep {
            holders = try await AccessQueries.holders(of: [ctx.definition.actor(for: step).role], covering: ctx.place, on: db)
        }
        // Only steps recorded before names were kept with them need the account's present name.
        let unnamed = Set(history.filter { $0.actorName == nil }.map(\.actorID))
        let actors = unnamed.isEmpty ? [] : try await User.query(on: db).filter(\.$id ~~ unnamed).all()
        return ProposalPeople(
            holders: holders,
            byID: Dictionary(
                actors.compactMap { user in user.id.map { ($0, ProposalView.Person(name: user.name, position: user.position)) } },
                uniquingKeysWith: { first, _ in first }))
    }

    /// The step that returned the proposal, while it waits where it was sent back to.
    static func lastReturn(_ history: [ProposalStep], proposal: Proposal) -> ProposalStep? {
        guard proposal.status == .inProgress, let last = history.last, last.decision == "disagree" else { return nil }
        return last
    }
}

/// A register entry as the API and pages show it.
struct RegisterEntryView: Content {
    let id: UUID
    let registerNumber: String
    let title: String
    let unitID: UUID
    let ground: String
    let groundLabel: String
    let otherStatute: String?
    let consequenceIfOpened: String
    let consequenceIfClosed: String
    let verdict: RegisterVerdict
    let parts: [String]
    /// What stays open of a partly exempted entry.
    let openPart: String?
    let period: ExemptionPeriod?
    let periodDescription: String
    let endDate: LocalDate?
    let reviewDate: LocalDate?
    let reason: String
    let decreeNumber: String
    let decreeDate: LocalDate
    let status: RegisterEntryStatus
    /// The day it became public, and whether by law rather than by an opening decree.
    let openedOn: LocalDate?
    let openedByLaw: Bool
    /// Opened by an objection decision or a ruling (UU 14/2008 Ps 11(2)).
    let openedByRuling: Bool
    /// Registered from an earlier, signed decree rather than decided here.
    let registeredFromEarlier: Bool

    init(_ entry: RegisterEntry, decree: Decree) {
        registeredFromEarlier = decree.registeredFromEarlier
        let ground = ExemptionGround(code: entry.groundCode)
        let period = try? JSONDecoder().decode(ExemptionPeriod.self, from: Data(entry.period.utf8))
        id = entry.storedID
        registerNumber = entry.registerNumber
        title = entry.title
        unitID = entry.$unit.id
        self.ground = ground?.citation ?? entry.groundCode
        groundLabel = ground?.label ?? ""
        otherStatute = entry.otherStatute
        consequenceIfOpened = entry.ifOpened
        consequenceIfClosed = entry.ifClosed
        verdict = entry.verdict
        parts = entry.parts.flatMap { try? JSONDecoder().decode([String].self, from: Data($0.utf8)) } ?? []
        openPart = entry.verdict == .partlyClosed ? entry.openPart : nil
        self.period = period
        periodDescription = period?.indonesianDescription ?? ""
        endDate = entry.endDate
        reviewDate = entry.reviewDate
        reason = entry.reason
        decreeNumber = decree.number
        decreeDate = decree.decreeDate
        status = entry.status
        openedOn = entry.openedOn
        openedByLaw = entry.openedByLaw
        openedByRuling = entry.openingRulingID != nil
    }
}

extension ProposalView.Test {
    init(_ test: ConsequenceTest) {
        var parts: [String] = []
        if case let .partlyClosed(p) = test.verdict { parts = p }
        self.init(
            ground: test.ground?.citation, groundLabel: test.ground?.label, otherStatute: test.otherStatute,
            consequenceIfOpened: test.consequenceIfOpened, consequenceIfClosed: test.consequenceIfClosed,
            verdict: test.verdict.code, parts: parts, period: test.period,
            periodDescription: test.period?.indonesianDescription, endDate: (try? test.period?.endDate) ?? nil,
            reviewDate: test.period?.reviewDate, reason: test.reason, openPart: test.openPart.nilIfBlank)
    }
}
