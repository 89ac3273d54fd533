import DikelolaCore
import Fluent
import Testing
import Vapor

@testable import DikelolaServer

/// The demo government's people, and what the access rules let each of them do — read from the
/// database as the application will.
@Suite struct DemoAccessTests {
    @Test func everyRoleHasAPersonWithAOneTimePassword() async throws {
        try await withApp { app in
            let summary = try await DemoGovernment.load(in: app)
            // 5 in the PPID Utama's office, 3 in each of the three OPDs.
            #expect(summary.accounts.count == 14)
            #expect(try await User.query(on: app.db).count() == 14)
            #expect(try await RoleAssignment.query(on: app.db).count() == 14)
            for account in summary.accounts {
                #expect(summary.description.contains(account.email) && summary.description.contains(account.password))
            }
            let sample = try #require(summary.accounts.first { $0.role == .head && $0.unit == "Dinkes" })
            let user = try #require(try await User.query(on: app.db).filter(\.$email == sample.email).first())
            #expect(user.mustChangePassword)
            #expect(try app.password.verify(sample.password, created: user.passwordHash))
            // Loading the demo is itself in the history.
            let events = try await AuditEvent.query(on: app.db).filter(\.$action == "demo.load").count()
            #expect(events == 1)
        }
    }

    @Test func aDemoOfficerOfOneOPDCannotActInAnother() async throws {
        try await withApp { app in
            _ = try await DemoGovernment.load(in: app)
            func person(_ email: String) async throws -> Authorization.Person {
                let user = try #require(try await User.query(on: app.db).filter(\.$email == email).first())
                return try await AccessQueries.person(user, on: app.db)
            }
            func place(_ shortName: String) async throws -> Authorization.Place {
                let unit = try #require(try await Unit.query(on: app.db).filter(\.$shortName == shortName).first())
                return try await AccessQueries.place(of: unit, on: app.db)
            }
            let dinkesOperator = try await person("operator.dinkes@contohkab.go.id")
            let dinkesHead = try await person("head.dinkes@contohkab.go.id")
            let mainPPID = try await person("mainppid.diskominfo@contohkab.go.id")
            let admin = try await person("admin.diskominfo@contohkab.go.id")
            let dinkes = try await place("Dinkes"), dukcapil = try await place("Disdukcapil")

            #expect(Authorization.decide(dinkesOperator, .prepareProposal, on: dinkes).isAllowed)
            for action in Action.allCases {
                #expect(!Authorization.decide(dinkesOperator, action, on: dukcapil).isAllowed, "\(action)")
                #expect(!Authorization.decide(dinkesHead, action, on: dukcapil).isAllowed, "\(action)")
            }
            #expect(Authorization.decide(dinkesHead, .signDecree, on: dinkes).isAllowed)
            #expect(Authorization.decide(mainPPID, .openExpired, on: dukcapil).isAllowed)
            #expect(!Authorization.decide(admin, .viewExemptedContent, on: dukcapil).isAllowed)
            #expect(Authorization.decide(admin, .manageUsers, on: dukcapil).isAllowed)
        }
    }
}

@Suite struct DemoProcedureTests {
    @Test func proposalsInEveryStageOfEverySeedAndFinishedOnes() async throws {
        try await withApp { app in
            _ = try await DemoGovernment.load(in: app)
            let summary = try await DemoProcedure.load(in: app)
            let library = app.dikelola.sopLibrary
            // One proposal at each proposal step of each seed SOP, one finished per unit, and one with short periods.
            let expected = library.definitions.map { $0.proposalSteps.count + 1 }.reduce(0, +) + 1
            #expect(summary.proposals == expected)
            for unit in try await Unit.query(on: app.db).all() {
                let definition = try #require(library.definition(id: unit.sopID ?? ""))
                let proposals = try await Proposal.query(on: app.db).filter(\.$unit.$id == unit.requireID()).all()
                #expect(Set(proposals.compactMap(\.currentStep)) == Set(definition.proposalSteps.map(\.number)), "\(unit.name)")
                #expect(proposals.contains { $0.status == .completed })
            }
            #expect(summary.decrees >= 4)
            #expect(try await RegisterEntry.query(on: app.db).count() >= 7)
            #expect(try await PublicInformationEntry.query(on: app.db).count() >= 1)
            #expect(try await ProposalStep.query(on: app.db).filter(\.$decision == "disagree").count() >= 2)
            // The end of a period, decided 40 days back: one entry ending soon, one past its review date,
            // one opened by law on its end date and one opened by an opening decree.
            #expect(try await RegisterEntry.query(on: app.db).filter(\.$status == .endingSoon).count() == 1)
            #expect(try await RegisterEntry.query(on: app.db).filter(\.$status == .reviewDue).count() == 1)
            let opened = try await RegisterEntry.query(on: app.db).filter(\.$status == .opened).all()
            #expect(opened.count == 2)
            #expect(opened.filter { $0.openingDecreeID != nil }.count == 1)
            #expect(try await Decree.query(on: app.db).filter(\.$kind == .opening).count() == 1)
            let sources = try await PublicInformationEntry.query(on: app.db).all().map(\.source)
            #expect(sources.contains(.openedByLaw) && sources.contains(.openedByDecree))
            #expect(try await AuditLog.verify(on: app.db).firstBreak == nil)
            // Loading again adds nothing.
            #expect(try await DemoProcedure.load(in: app).proposals == 0)
        }
    }
}
