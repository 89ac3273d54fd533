import Vapor

/// Remembers the language chosen with `?lang=id` or `?lang=en` for later pages.
struct LanguageCookieMiddleware: AsyncMiddleware {
    let secure: Bool

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: req)
        if let asked = req.query[String.self, at: "lang"].flatMap(UILanguage.init(rawValue:)) {
            response.cookies[UILanguage.cookieName] = HTTPCookies.Value(
                string: asked.rawValue, maxAge: 365 * 86_400, path: "/", isSecure: secure, isHTTPOnly: true, sameSite: .lax)
        }
        return response
    }
}
