import Foundation

/// What an audit event records: one vocabulary, so an action is never written under two names and
/// the history can be read by kind. The raw value is what the history stores (`proposal.open`).
public enum AuditAction: String, Codable, Sendable, CaseIterable {
    case apiTokenCreate = "apiToken.create"
    case apiTokenRevoke = "apiToken.revoke"
    case archiveClass = "archive.class"
    case archivePermission = "archive.permission"
    case archivePermissionRevoke = "archive.permission.revoke"
    case archiveRetention = "archive.retention"
    case archiveStage = "archive.stage"
    case authLogin = "auth.login"
    case authLoginFailed = "auth.login.failed"
    case authLoginThrottled = "auth.login.throttled"
    case authLogout = "auth.logout"
    case bodyWebhook = "body.webhook"
    case decreeIssue = "decree.issue"
    case decreeRenumber = "decree.renumber"
    case decreeScan = "decree.scan"
    case decreeSignElectronic = "decree.signElectronic"
    case decreeRegister = "decree.register"
    case demoLoad = "demo.load"
    case dipAdd = "dip.add"
    case importUpload = "import.upload"
    case importCorrect = "import.correct"
    case importConfirm = "import.confirm"
    case importDiscard = "import.discard"
    case disputeRecord = "dispute.record"
    case disputeUpdate = "dispute.update"
    case documentDownload = "document.download"
    case dossierProduce = "dossier.produce"
    case documentPdf = "document.pdf"
    case documentUpload = "document.upload"
    case itemAdd = "item.add"
    case itemLocation = "item.location"
    case itemRemove = "item.remove"
    case itemTest = "item.test"
    case itemUpdate = "item.update"
    case periodActionCancel = "periodAction.cancel"
    case periodActionDeadlineRecomputed = "periodAction.deadlineRecomputed"
    case periodActionFields = "periodAction.fields"
    case periodActionRemove = "periodAction.remove"
    case periodActionReturn = "periodAction.return"
    case periodActionStart = "periodAction.start"
    case periodActionSubmit = "periodAction.submit"
    case periodActionTest = "periodAction.test"
    case proposalMeeting = "proposal.meeting"
    case proposalMemo = "proposal.memo"
    case proposalOpen = "proposal.open"
    case proposalOpinion = "proposal.opinion"
    case proposalReturn = "proposal.return"
    case proposalStep = "proposal.step"
    case proposalDeadlineRecomputed = "proposal.deadlineRecomputed"
    case publicBodyCreate = "publicBody.create"
    case publicBodyLogo = "publicBody.logo"
    case publicBodyUpdate = "publicBody.update"
    case publicationCorrection = "publication.correction"
    case publicationVersion = "publication.version"
    case registerAdd = "register.add"
    case registerDeadlineRecomputed = "register.deadlineRecomputed"
    case registerEndingSoon = "register.endingSoon"
    case registerOpenedByLaw = "register.openedByLaw"
    case registerOpened = "register.opened"
    case registerOpenedByRuling = "register.openedByRuling"
    case registerReclassified = "register.reclassified"
    case registerReviewDue = "register.reviewDue"
    case roleAssign = "role.assign"
    case rulingLegalForce = "ruling.legalForce"
    case rulingRecord = "ruling.record"
    case roleAssignRefused = "role.assign.refused"
    case roleRemove = "role.remove"
    case signatureRefused = "signature.refused"
    case securityCSRFRejected = "security.csrf.rejected"
    case securityForbidden = "security.forbidden"
    case securityNotFound = "security.notFound"
    case unitCreate = "unit.create"
    case unitUpdate = "unit.update"
    case userActivate = "user.activate"
    case userCreate = "user.create"
    case userDeactivate = "user.deactivate"
    case userPasswordChange = "user.password.change"
    case userPasswordReset = "user.password.reset"
    case userUpdate = "user.update"
    case warningAcknowledge = "warning.acknowledge"
}

extension AuditChain.Draft {
    /// A new event, its action and target named from the vocabularies.
    public init(
        occurredAt: Date, actorID: String?, actorRole: String?, action: AuditAction, targetType: AuditTarget,
        targetID: String?, bodyID: String?, summaryBefore: String? = nil, summaryAfter: String? = nil,
        clientAddress: String? = nil
    ) {
        self.init(
            occurredAt: occurredAt, actorID: actorID, actorRole: actorRole, action: action.rawValue,
            targetType: targetType.rawValue, targetID: targetID, bodyID: bodyID, summaryBefore: summaryBefore,
            summaryAfter: summaryAfter, clientAddress: clientAddress)
    }
}

extension AuditAction {
    /// About accounts, roles, units, the body's own settings and security: what an administrator
    /// manages. Their summaries quote no exempted content; every other action's summary may (a
    /// title, a note, a file name, a location) and is not shown to administrators.
    public var isAdministrative: Bool {
        switch self {
        case .authLogin, .authLoginFailed, .authLoginThrottled, .authLogout, .userActivate, .userCreate, .userDeactivate,
            .userPasswordChange, .userPasswordReset, .userUpdate, .roleAssign, .roleAssignRefused, .roleRemove, .unitCreate,
            .unitUpdate, .publicBodyCreate, .publicBodyLogo, .publicBodyUpdate, .bodyWebhook, .apiTokenCreate,
            .apiTokenRevoke, .securityCSRFRejected, .securityForbidden, .securityNotFound, .archiveClass, .archiveRetention:
            true
        default: false
        }
    }
}
