import DikelolaCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import DikelolaServer

/// Printed pages as offices file them: the register and the test sheet repeat their column heads on
/// every page (a <thead>), the sheet is dated with the body's seat and lists its participants with
/// signature lines, and the register ends with its keeper's signature.
@Suite struct PrintedPagesTests {
    @Test func theRegisterAndTheTestSheetPrintAsOfficesFileThem() async throws {
        try await withApp { app in
            _ = try await DemoGovernment.load(in: app)
            _ = try await DemoProcedure.load(in: app)
            let unit = try #require(try await Unit.query(on: app.db).filter(\.$shortName == "Dinkes").first())
            let ppid = Browser(app)
            try await ppid.signIn(as: "assistantppid.dinkes@contohkab.go.id")
            let ppidUser = try #require(
                try await User.query(on: app.db).filter(\.$email == "assistantppid.dinkes@contohkab.go.id").first())

            let register = try await ppid.get(SiteURL.unitRegister(unit.id).path)
            #expect(register.status == .ok)
            #expect(register.body.contains("<table class=\"register\"><thead><tr><th>No.</th>"))
            let signature = try #require(register.body.range(of: "<div class=\"signature\">"))
            let tail = String(register.body[signature.lowerBound...])
            #expect(tail.contains("<p>Contoh, "))
            #expect(tail.contains("PPID Pembantu \(unit.name)") && tail.contains(ppidUser.name))

            let proposal = try #require(try await Proposal.query(on: app.db).filter(\.$meetingDate != nil).first())
            let reader = Browser(app)
            try await reader.signIn(as: "mainppid.diskominfo@contohkab.go.id")
            let sheet = try await reader.get(SiteURL.proposalTestSheet(proposal.id).path)
            #expect(sheet.status == .ok && sheet.body.contains("<thead><tr><th>No</th><th>Informasi</th>"))
            let date = try #require(proposal.meetingDate)
            #expect(sheet.body.contains("<p class=\"dated\">Contoh, \(IndonesianFormat.date(date))</p>"))
            let participants = (proposal.meetingParticipants ?? "").split(whereSeparator: \.isNewline)
            #expect(!participants.isEmpty)
            #expect(sheet.body.components(separatedBy: "class=\"sign-line\"").count - 1 == participants.count)
        }
    }
}
