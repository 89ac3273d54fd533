import Testing

@testable import DikelolaCore

/// The whole table: every role × every action × every place relative to the assigned unit.
@Suite struct AuthorizationMatrixTests {
    typealias A = Authorization

    /// Body 1: R (the PPID Utama's office) at the top, U and S under it, C under U. Body 2: X.
    static let r = A.UnitRef(id: "R", bodyID: "B1")
    static let u = A.UnitRef(id: "U", bodyID: "B1")

    enum Relation: String, CaseIterable, Sendable {
        case ownUnit, childUnit, siblingUnit, wholeBody, otherBody

        var place: A.Place {
            switch self {
            case .ownUnit: A.Place(bodyID: "B1", unitPath: ["R", "U"])
            case .childUnit: A.Place(bodyID: "B1", unitPath: ["R", "U", "C"])
            case .siblingUnit: A.Place(bodyID: "B1", unitPath: ["R", "S"])
            case .wholeBody: A.Place(bodyID: "B1", unitPath: [])
            case .otherBody: A.Place(bodyID: "B2", unitPath: ["X"])
            }
        }
    }

    /// The expected rules, written out as the SOPs state them rather than derived from the code.
    static let expectedActions: [Role: Set<Action>] = [
        .operator: [.prepareProposal, .testItem, .archive, .publishRegister, .viewExemptedContent],
        .assistantPPID: [
            .prepareProposal, .testItem, .reviewProposal, .archive, .publishRegister, .importRegister, .openExpired,
            .recordRuling, .viewExemptedContent, .viewAudit,
        ],
        .mainPPID: [
            .prepareProposal, .testItem, .reviewProposal, .archive, .publishRegister, .importRegister, .openExpired,
            .recordRuling, .viewExemptedContent, .viewAudit,
        ],
        .reviewPanel: [.advise, .reviewProposal, .viewExemptedContent],
        .head: [.reviewProposal, .signDecree, .recordRuling, .viewExemptedContent, .viewAudit],
        .admin: [.manageUnits, .manageUsers, .manageBody, .viewAudit],
    ]

    static let expectedReach: [Role: Set<Relation>] = [
        .operator: [.ownUnit],
        .assistantPPID: [.ownUnit, .childUnit],
        .head: [.ownUnit, .childUnit],
        .mainPPID: [.ownUnit, .childUnit, .siblingUnit, .wholeBody],
        .reviewPanel: [.ownUnit, .childUnit, .siblingUnit, .wholeBody],
        .admin: [.ownUnit, .childUnit, .siblingUnit, .wholeBody],
    ]

    struct Case: Sendable, CustomTestStringConvertible {
        let role: Role
        let action: Action
        let relation: Relation
        var testDescription: String { "\(role.rawValue) \(action.rawValue) \(relation.rawValue)" }
    }

    static let allCases: [Case] = Role.allCases.flatMap { role in
        Action.allCases.flatMap { action in Relation.allCases.map { Case(role: role, action: action, relation: $0) } }
    }

    @Test(arguments: allCases)
    func decides(_ c: Case) {
        // given a person holding one role in unit U
        let person = A.Person(isActive: true, assignments: [A.Assignment(role: c.role, unit: Self.u)])
        // when
        let decision = A.decide(person, c.action, on: c.relation.place)
        // then
        let expected = Self.expectedActions[c.role]!.contains(c.action) && Self.expectedReach[c.role]!.contains(c.relation)
        #expect(decision.isAllowed == expected, "\(decision)")
        if c.relation == .otherBody { #expect(decision == .denied(.otherBody)) }
    }

    @Test func theTableCoversEveryRoleActionAndPlace() {
        #expect(Self.allCases.count == Role.allCases.count * Action.allCases.count * Relation.allCases.count)
    }

    @Test(arguments: Role.allCases)
    func anInactiveAccountCanDoNothing(role: Role) {
        let person = A.Person(isActive: false, assignments: [A.Assignment(role: role, unit: Self.u)])
        for action in Action.allCases {
            #expect(A.decide(person, action, on: Relation.ownUnit.place) == .denied(.inactive))
        }
    }
}

@Suite struct AuthorizationRuleTests {
    typealias A = Authorization
    let u = A.UnitRef(id: "U", bodyID: "B1")
    let s = A.UnitRef(id: "S", bodyID: "B1")

    @Test func rolesInSeveralUnitsAdd() {
        // An operator of U who is also head of S signs for S but not for U.
        let person = A.Person(
            isActive: true,
            assignments: [
                A.Assignment(role: .operator, unit: u), A.Assignment(role: .head, unit: s),
            ])
        #expect(
            A.decide(person, .signDecree, on: A.Place(bodyID: "B1", unitPath: ["R", "S"])) == .allowed(by: person.assignments[1]))
        #expect(
            A.decide(person, .signDecree, on: A.Place(bodyID: "B1", unitPath: ["R", "U"]))
                == .denied(.outsideReach(action: .signDecree)))
        #expect(A.decide(person, .prepareProposal, on: A.Place(bodyID: "B1", unitPath: ["R", "U"])).isAllowed)
    }

    @Test func administratorsDoNotReadExemptedContent() {
        let admin = A.Person(isActive: true, assignments: [A.Assignment(role: .admin, unit: u)])
        let decision = A.decide(admin, .viewExemptedContent, on: A.Place(bodyID: "B1", unitPath: ["R", "U"]))
        #expect(decision == .denied(.roleMayNot(action: .viewExemptedContent, roles: [.admin])))
        #expect(decision != .allowed(by: admin.assignments[0]))
    }

    @Test func denialsExplainThemselves() {
        #expect(A.Denial.otherBody.description.contains("badan publik"))
        #expect(
            A.Denial.roleMayNot(action: .signDecree, roles: [.operator]).description
                == "Peran Anda (Operator / Petugas PPID) tidak berwenang untuk menandatangani surat penetapan.")
    }
}

@Suite struct RolesCoveringTests {
    @Test func listsOnlyTheRolesThatReachThePlace() {
        let u = Authorization.UnitRef(id: "U", bodyID: "B1"), s = Authorization.UnitRef(id: "S", bodyID: "B1")
        let person = Authorization.Person(
            isActive: true,
            assignments: [
                .init(role: .operator, unit: u), .init(role: .head, unit: s), .init(role: .mainPPID, unit: s),
            ])
        #expect(Authorization.roles(of: person, covering: .init(bodyID: "B1", unitPath: ["R", "U"])) == [.operator, .mainPPID])
        #expect(Authorization.roles(of: person, covering: .init(bodyID: "B1", unitPath: ["R", "S", "T"])) == [.head, .mainPPID])
        #expect(Authorization.roles(of: person, covering: .init(bodyID: "B2", unitPath: ["X"])).isEmpty)
    }
}
