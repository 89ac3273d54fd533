import Vapor

/// Where each address of the procedure's pages goes; the handlers live in their controllers.
struct ProcedureRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.signedIn(.GET, .unit(nil), use: UnitController.show)
        routes.signedIn(.POST, .unitOpenProposal(nil), use: UnitController.openProposal)
        routes.signedIn(.GET, .unitRegister(nil), use: RegisterController.showUnit)
        routes.signedIn(.GET, .unitRegisterPDF(nil), use: RegisterController.unitPDF)
        routes.signedIn(.GET, .bodyRegister(nil), use: RegisterController.showBody)

        routes.signedIn(.GET, .proposal(nil), use: ProposalController.show)
        routes.signedIn(.POST, .proposalAddItem(nil), use: ProposalController.addItem)
        routes.signedIn(.POST, .proposalItem(nil, nil), use: ProposalController.updateItem)
        routes.signedIn(.POST, .proposalItemRemove(nil, nil), use: ProposalController.removeItem)
        routes.signedIn(.POST, .proposalTest(nil, nil), use: ProposalController.recordTest)
        routes.signedIn(.POST, .proposalLocation(nil, nil), use: ProposalController.setLocation)
        routes.signedIn(.POST, .proposalUpload(nil), body: .upload, use: ProposalController.upload)
        routes.signedIn(.POST, .proposalMemo(nil), use: ProposalController.recordMemo)
        routes.signedIn(.POST, .proposalOpinion(nil), use: ProposalController.recordOpinion)
        routes.signedIn(.POST, .proposalMeeting(nil), use: ProposalController.recordMeeting)
        routes.signedIn(.POST, .proposalStep(nil, nil), use: ProposalController.completeStep)
        routes.signedIn(.GET, .proposalTestSheet(nil), use: ProposalController.testSheet)
        routes.signedIn(.GET, .proposalDraftDecree(nil), use: ProposalController.draftDecree)
        routes.signedIn(.GET, .proposalTestSheetPDF(nil), use: ProposalController.testSheetPDF)
        routes.signedIn(.GET, .proposalDocument(nil, nil), use: ProposalController.download)

        routes.signedIn(.GET, .decree(nil), use: DecreeController.show)
        routes.signedIn(.GET, .decreePDF(nil), use: DecreeController.pdf)
        routes.signedIn(.POST, .decreeNumber(nil), use: DecreeController.renumber)
        routes.signedIn(.POST, .decreeScan(nil), body: .upload, use: DecreeController.storeScan)
    }
}
