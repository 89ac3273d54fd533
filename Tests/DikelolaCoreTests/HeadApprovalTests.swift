import Foundation
import Testing

@testable import DikelolaCore

/// PP 61/2010 Ps 3 (the head approves every classification) and UU 14/2008 Ps 19 (the PPID tests),
/// whatever an SOP says.
@Suite struct HeadApprovalTests {
    /// A fifth SOP, written faithfully from a paper one in which the operator issues the decree.
    static let operatorIssues = """
        id: operator-sop
        identity:
          number: "9/SOP/2026"
          name: Pendokumentasian Informasi yang Dikecualikan
          body: Pemerintah Kabupaten Contoh
        actors:
          - { key: operator, title: Operator OPD, role: operator }
          - { key: ppid, title: PPID Pembantu, role: assistantPPID }
        steps:
          - number: 1
            activity: Menghimpun dan menguji informasi
            actor: operator
            effect: consequenceTest
            time: 2 hari
            output: Daftar informasi yang dikecualikan
          - number: 2
            activity: Memeriksa daftar
            actor: ppid
            effect: review
            time: 1 hari
            output: SK
            decision: { agree: 3, disagree: 1 }
            issuesDecree: true
          - number: 3
            activity: Mengunggah DIK
            actor: operator
            effect: publish
            time: 1 hari
            output: DIK di laman PPID
        """

    @Test func pp61_3_everySOPIssuesItsDecreeOnlyOnTheHeadsApproval() throws {
        let fifth = try #require(SOPDefinition.check(Self.operatorIssues).definition)
        for sop in try SOPLibrary.load().definitions + [fifth] {
            let decreeSteps = sop.steps.filter(\.issuesDecree)
            #expect(decreeSteps.count == 1, "\(sop.id)")
            #expect(decreeSteps.allSatisfy { $0.actor.role == .head && $0.decision != nil }, "\(sop.id)")
        }
    }

    @Test func pp61_3_aDecisionStepOfAnotherRoleLeadsToTheHead() throws {
        let result = SOPDefinition.check(Self.operatorIssues)
        let sop = try #require(result.definition)
        #expect(result.warnings.map(\.path) == ["steps[1].issuesDecree"])
        #expect(result.warnings[0].message.contains("langkah 2a") && result.warnings[0].message.contains("PP 61/2010 Pasal 3"))
        #expect(sop.actors.last == HeadApproval.statutoryActor)
        let approval = try #require(sop.step(number: 4))
        #expect(approval.label == "2a" && approval.isStatutory && approval.effect == .approveAndSign)
        #expect(approval.decision == SOPDefinition.Decision(onAgree: 3, onDisagree: 1))
        // The PPID's "setuju" now leads to the head, not to publication.
        #expect(sop.step(number: 2)?.decision == SOPDefinition.Decision(onAgree: 4, onDisagree: 1))
        #expect(sop.step(number: 2)?.issuesDecree == false)
        let flow = ProposalWorkflow(definition: sop)
        let facts = ProposalWorkflow.Facts(itemCount: 1)
        #expect(
            try flow.complete(current: 2, stepNumber: 2, roles: [.assistantPPID], decision: .agree, facts: facts)
                == ProposalWorkflow.Outcome(next: .step(4), issuesDecree: false))
        #expect(
            try flow.complete(current: 4, stepNumber: 4, roles: [.head], decision: .agree, facts: facts)
                == ProposalWorkflow.Outcome(next: .step(3), issuesDecree: true))
    }

    @Test func uu19_noDecreeWithoutATestMeetingWithAPPID() throws {
        let sop = try #require(try SOPLibrary.load().definition(id: "kalbar-disdukcapil-2022"))
        let flow = ProposalWorkflow(definition: sop)
        let today = date("2026-11-25")
        func facts(_ meeting: TestMeeting) -> ProposalWorkflow.Facts {
            ProposalWorkflow.Facts(itemCount: 1, meetingProblems: meeting.problems(decreeDate: today))
        }
        let none = TestMeeting(date: nil, place: nil, participants: [])
        #expect(throws: WorkflowError.blocked([.testMeeting(.notRecorded)])) {
            try flow.complete(current: 2, stepNumber: 2, roles: [.head], decision: .agree, facts: facts(none))
        }
        #expect(TestMeeting.Problem.notRecorded.description.contains("UU 14/2008 Pasal 19"))
        let withoutPPID = TestMeeting(
            date: date("2026-11-20"), place: "Aula", participants: ["Sari — Kepala Dinas", "Budi — Operator"])
        #expect(throws: WorkflowError.blocked([.testMeeting(.withoutPPID)])) {
            try flow.complete(current: 2, stepNumber: 2, roles: [.head], decision: .agree, facts: facts(withoutPPID))
        }
        let held = TestMeeting(
            date: date("2026-11-20"), place: "Aula", participants: ["Sari — Kepala Dinas", "Budi — PPID Pembantu Disdukcapil"])
        #expect(try flow.complete(current: 2, stepNumber: 2, roles: [.head], decision: .agree, facts: facts(held)).issuesDecree)
        // The step where the test is done waits for its meeting too, so that the officer learns it
        // there rather than when the head cannot approve.
        #expect(throws: WorkflowError.blocked([.testMeeting(.notRecorded)])) {
            try flow.complete(current: 1, stepNumber: 1, roles: [.operator], decision: nil, facts: facts(none))
        }
        #expect(try flow.complete(current: 1, stepNumber: 1, roles: [.operator], decision: nil, facts: facts(held)).next == .step(2))
        #expect(TestMeeting(date: date("2026-12-01"), place: "Aula", participants: ["Budi — PPID"]).problems(decreeDate: today)
            == [.afterDecree(date("2026-12-01"))])
    }
}
