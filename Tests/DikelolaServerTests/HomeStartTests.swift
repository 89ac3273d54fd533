import DikelolaCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import DikelolaServer

/// One clear path: the home page offers "Buat usulan baru" for each unit where the person may
/// start one, and nowhere else.
@Suite struct HomeStartTests {
    @Test func theHomePageStartsAProposalWhereThePersonMay() async throws {
        try await withApp { app in
            _ = try await DemoGovernment.load(in: app)
            let dinkes = try #require(try await DikelolaServer.Unit.query(on: app.db).filter(\.$shortName == "Dinkes").first())
            let operatorBrowser = Browser(app)
            try await operatorBrowser.signIn(as: "operator.dinkes@contohkab.go.id")
            let home = try await operatorBrowser.get("/")
            #expect(home.body.contains("Buat usulan baru"))
            #expect(home.body.contains("action=\"\(SiteURL.unitOpenProposal(dinkes.id).path)\""))
            // Only the operator's own unit: an operator reaches no other.
            #expect(home.body.components(separatedBy: "class=\"inline start\"").count - 1 == 1)
            let started = try await operatorBrowser.post(SiteURL.unitOpenProposal(dinkes.id).path, ["title": "DIK Dinkes 2027"])
            let proposal = try #require(started.location)
            #expect(proposal.hasPrefix("/usulan/"))
            #expect(try await operatorBrowser.get(proposal).body.contains("Usulan dibuat."))

            // Those who may not start one are not offered it: the PPID Utama reaches every unit but
            // holds no unit's first-step role (found: offered five forms, each refused).
            for email in ["admin.diskominfo@contohkab.go.id", "head.dinkes@contohkab.go.id", "mainppid.diskominfo@contohkab.go.id"] {
                let other = Browser(app)
                try await other.signIn(as: email)
                #expect(!(try await other.get("/").body.contains("Buat usulan baru")), "\(email)")
            }
        }
    }
}
