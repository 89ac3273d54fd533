import Vapor

/// Where each address of the end of a period goes: a unit's entries ending, and one opening or
/// re-classification. The handlers live in their controllers.
struct PeriodRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.signedIn(.GET, .unitEnding(nil), use: EndingController.show)
        routes.signedIn(.POST, .unitStartPeriodAction(nil), use: EndingController.start)

        routes.signedIn(.GET, .periodAction(nil), use: PeriodActionController.show)
        routes.signedIn(.POST, .periodActionItem(nil, nil), use: PeriodActionController.setOpeningFields)
        routes.signedIn(.POST, .periodActionTest(nil, nil), use: PeriodActionController.recordTest)
        routes.signedIn(.POST, .periodActionRemove(nil, nil), use: PeriodActionController.removeItem)
        routes.signedIn(.POST, .periodActionSubmit(nil), use: PeriodActionController.submit)
        routes.signedIn(.POST, .periodActionCancel(nil), use: PeriodActionController.cancel)
        routes.signedIn(.POST, .periodActionDecide(nil), use: PeriodActionController.decide)
    }
}
