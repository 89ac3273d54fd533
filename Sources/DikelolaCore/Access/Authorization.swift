/// Who may do what, where: one pure function, so the rules can be read in one place and tested as
/// a whole table (every role × action × place), not by example.
///
/// The rules, from the SOPs and UU 14/2008:
/// - Nobody acts in another public body.
/// - An operator acts in their own unit only; a PPID Pembantu and a head over their unit and the
///   units under it; the PPID Utama and the Tim Pertimbangan across the body.
/// - Each role does only its part of the procedure (an operator prepares and tests, a head signs).
/// - Administrators manage the organisation and its people but do not, by that role, read
///   exempted content: UU 14/2008 Ps 54 punishes disclosure to anyone not entitled.
/// - An inactive account can do nothing.
public enum Authorization {
    /// How far a role reaches from the unit it is assigned to.
    public enum Reach: Sendable, Equatable {
        /// The assigned unit only.
        case unit
        /// The assigned unit and every unit under it.
        case subtree
        /// Every unit of the assigned unit's body.
        case body
    }

    public static func reach(of role: Role) -> Reach {
        switch role {
        case .operator: .unit
        case .assistantPPID, .head: .subtree
        case .mainPPID, .reviewPanel, .admin: .body
        }
    }

    /// What each role may do within its reach.
    public static func actions(of role: Role) -> Set<Action> {
        switch role {
        case .operator:
            [.prepareProposal, .testItem, .archive, .publishRegister, .viewExemptedContent]
        case .assistantPPID:
            [
                .prepareProposal, .testItem, .reviewProposal, .archive, .publishRegister, .importRegister, .openExpired,
                .recordRuling, .viewExemptedContent, .viewAudit,
            ]
        case .mainPPID:
            [
                .prepareProposal, .testItem, .reviewProposal, .archive, .publishRegister, .importRegister, .openExpired,
                .recordRuling, .viewExemptedContent, .viewAudit,
            ]
        case .reviewPanel:
            [.advise, .reviewProposal, .viewExemptedContent]
        case .head:
            [.reviewProposal, .signDecree, .recordRuling, .viewExemptedContent, .viewAudit]
        case .admin:
            [.manageUnits, .manageUsers, .manageBody, .viewAudit]
        }
    }

    /// Decides whether `person` may do `action` on something that belongs to `target`.
    public static func decide(_ person: Person, _ action: Action, on target: Place) -> Decision {
        guard person.isActive else { return .denied(.inactive) }
        let inBody = person.assignments.filter { $0.unit.bodyID == target.bodyID }
        guard !inBody.isEmpty else { return .denied(.otherBody) }
        let withAction = inBody.filter { actions(of: $0.role).contains(action) }
        guard !withAction.isEmpty else { return .denied(.roleMayNot(action: action, roles: inBody.map(\.role))) }
        if let granting = withAction.first(where: { covers($0, target) }) { return .allowed(by: granting) }
        return .denied(.outsideReach(action: action))
    }

    /// The roles `person` holds whose reach covers `place`: who they can be for a proposal there.
    public static func roles(of person: Person, covering place: Place) -> Set<Role> {
        guard person.isActive else { return [] }
        return Set(person.assignments.filter { $0.unit.bodyID == place.bodyID && covers($0, place) }.map(\.role))
    }

    static func covers(_ assignment: Assignment, _ target: Place) -> Bool {
        switch reach(of: assignment.role) {
        case .body:
            return true
        case .unit:
            return target.unitPath.last == assignment.unit.id
        case .subtree:
            return target.unitPath.contains(assignment.unit.id)
        }
    }
}

extension Authorization {
    /// A unit, by identity, and the body it belongs to.
    public struct UnitRef: Hashable, Sendable {
        public let id: String
        public let bodyID: String

        public init(id: String, bodyID: String) {
            self.id = id
            self.bodyID = bodyID
        }
    }

    /// One role held in one unit.
    public struct Assignment: Hashable, Sendable {
        public let role: Role
        public let unit: UnitRef

        public init(role: Role, unit: UnitRef) {
            self.role = role
            self.unit = unit
        }
    }

    public struct Person: Sendable {
        public let isActive: Bool
        public let assignments: [Assignment]

        public init(isActive: Bool, assignments: [Assignment]) {
            self.isActive = isActive
            self.assignments = assignments
        }
    }

    /// Where the thing acted on lives: its body and the path of units from the top of the tree
    /// down to its own unit (empty for something of the body as a whole).
    public struct Place: Sendable {
        public let bodyID: String
        public let unitPath: [String]

        public init(bodyID: String, unitPath: [String]) {
            self.bodyID = bodyID
            self.unitPath = unitPath
        }
    }

    public enum Decision: Equatable, Sendable {
        case allowed(by: Assignment)
        case denied(Denial)

        public var isAllowed: Bool {
            if case .allowed = self { return true }
            return false
        }
    }

    public enum Denial: Equatable, Sendable, CustomStringConvertible {
        case inactive
        case otherBody
        case roleMayNot(action: Action, roles: [Role])
        case outsideReach(action: Action)

        public var description: String {
            switch self {
            case .inactive:
                "Akun ini tidak aktif."
            case .otherBody:
                "Anda tidak memiliki peran di badan publik ini."
            case let .roleMayNot(action, roles):
                "Peran Anda (\(roles.map(\.indonesianTitle).joined(separator: ", "))) tidak berwenang untuk \(action.indonesian)."
            case let .outsideReach(action):
                "Anda tidak berwenang untuk \(action.indonesian) di unit ini."
            }
        }
    }
}

extension Action {
    /// For messages: "… tidak berwenang untuk menandatangani surat penetapan".
    public var indonesian: String {
        switch self {
        case .prepareProposal: "menyusun usulan informasi yang dikecualikan"
        case .testItem: "mengisi uji konsekuensi"
        case .reviewProposal: "memeriksa dan memutuskan daftar"
        case .advise: "memberi pertimbangan"
        case .signDecree: "menandatangani surat penetapan"
        case .archive: "mengarsipkan dokumen"
        case .publishRegister: "mempublikasikan DIK"
        case .importRegister: "mendaftarkan SK terdahulu dan mengimpor DIK"
        case .openExpired: "membuka informasi yang habis jangka waktunya"
        case .recordRuling: "mencatat keberatan, sengketa informasi dan putusannya"
        case .viewExemptedContent: "melihat isi informasi yang dikecualikan"
        case .viewAudit: "melihat riwayat audit"
        case .manageUnits: "mengelola unit"
        case .manageUsers: "mengelola pengguna"
        case .manageBody: "mengelola pengaturan badan publik"
        }
    }
}
