import Vapor

extension RoutesBuilder {
    /// Registers a handler that runs only for a signed-in person, handed to it non-optional.
    /// Anonymous browsers go to the sign-in page (and come back after); anonymous API calls get 401.
    /// A person holding a one-time password is sent to change it first.
    ///
    /// The route streams its body, and nothing of it is read until the person is known: then at
    /// most `body`'s limit is read, the CSRF token checked and every text field checked
    /// (`RequestBody.admit`), before the handler runs. An anonymous request costs its headers only.
    /// A file (`.upload`, `.bytes`) waits longer: the handler decides whether this person may send
    /// it, then calls `req.admitBody()`; a handler that forgets reads nothing (its decode fails).
    @discardableResult
    func signedIn(
        _ method: HTTPMethod, _ url: SiteURL, body: BodyLimit = .form,
        use handler: @escaping @Sendable (Request, CurrentUser) async throws -> Response
    ) -> Route {
        let route = on(method, url.pathComponents, body: .stream) { req async throws -> Response in
            guard let user = req.currentUser else {
                if req.isAPI || req.headers.bearerAuthorization != nil { throw Abort(.unauthorized) }
                guard req.method != .GET else { return req.redirect(to: SiteURL.login.with(query: ["lanjut": req.url.path])) }
                // A form sent after the session ended: back to the form's page after signing in,
                // where the page's script puts back what was typed.
                return req.redirect(
                    to: SiteURL.login.with(query: ["lanjut": req.refererPath ?? SiteURL.home.path, "sesi": "berakhir"]))
            }
            if user.mustChangePassword, url != .changePassword, url != .logout, user.via == .session {
                return req.redirect(to: SiteURL.changePassword.path)
            }
            if body.waitsForTheHandler {
                RequestBody.postpone(req, limit: body.bytes(req.application))
            } else {
                try await RequestBody.admit(req, limit: body.bytes(req.application))
            }
            return try await handler(req, user)
        }
        route.userInfo[RequestBody.readAfterSignInKey] = true
        return route
    }
}
