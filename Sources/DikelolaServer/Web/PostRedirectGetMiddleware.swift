import Vapor

/// Every form a browser posts is answered with a redirect, whether it was done or refused, so Back
/// and reload never send it again ("Confirm Form Resubmission").
///
/// A handler answers as it always has: a redirect when done; the page again with what was typed
/// and each error beside its field when refused (422, 409, 403…). When that answer is a page, this
/// keeps it once in the person's session and redirects (303) to the page the form was sent from,
/// whose next GET shows it with its status. The field in error is the address's fragment, so the
/// browser scrolls to it. Reloading then shows the page afresh; nothing is posted again.
///
/// Only a known session is used: a post without one (a script, a forged form) gets its answer
/// directly and writes no session row. The API (`/api/`, Bearer tokens) answers in JSON as before.
struct PostRedirectGetMiddleware: AsyncMiddleware {
    /// A page larger than this is answered directly rather than kept in the session.
    static let largestKeptPage = 1024 * 1024

    private enum Key {
        static let path = "replay.path"
        static let status = "replay.status"
        static let page = "replay.page"
    }

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if req.method == .GET, let kept = Self.takeKept(req) { return kept }
        guard req.method == .POST, !req.isAPI, req.headers.bearerAuthorization == nil, req.hasSession, req.session.id != nil
        else { return try await next.respond(to: req) }
        let response: Response
        do {
            response = try await next.respond(to: req)
        } catch let abort as any AbortError {
            // What the framework refuses (too large, no such address) is a page like any other refusal.
            response = PageErrorMiddleware.page(req, for: abort)
        }
        guard !(300..<400).contains(response.status.code), response.headers.contentType == .html,
            let buffer = response.body.buffer, buffer.readableBytes <= Self.largestKeptPage,
            req.hasSession, req.session.id != nil
        else { return response }
        let back = req.shownPath
        let page = String(buffer: buffer)
        req.session.data[Key.path] = back
        req.session.data[Key.status] = String(response.status.code)
        req.session.data[Key.page] = page
        let redirect = req.redirect(to: back + (Self.firstFieldInError(page).map { "#" + $0 } ?? ""), redirectType: .normal)
        // A sign-in or sign-out in the refused request has set its own cookies; they travel on.
        for (name, value) in response.cookies.all { redirect.cookies[name] = value }
        return redirect
    }

    /// The page kept for this address, once.
    private static func takeKept(_ req: Request) -> Response? {
        guard req.hasSession, let path = req.session.data[Key.path] else { return nil }
        guard path == req.url.string else {
            // Another page was opened first: the kept one is stale. (A stylesheet or icon of the
            // page being left does not count: only a request for a page does.)
            if req.headers.accept.mediaTypes.contains(.html) { forget(req) }
            return nil
        }
        let status = req.session.data[Key.status].flatMap(Int.init).map { HTTPResponseStatus(statusCode: $0) } ?? .ok
        let page = req.session.data[Key.page] ?? ""
        forget(req)
        let response = Response(status: status, body: .init(string: page))
        response.headers.contentType = .html
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    private static func forget(_ req: Request) {
        for key in [Key.path, Key.status, Key.page] { req.session.data[key] = nil }
    }

    /// The id of the first field shown with an error (`FormFields` writes its error as
    /// `<p class="error" id="FIELD-error">`).
    static func firstFieldInError(_ page: String) -> String? {
        guard let match = page.firstMatch(of: /<p class="error" id="([A-Za-z0-9_-]+)-error">/) else { return nil }
        return String(match.1)
    }
}

extension Request {
    /// The address at which this request's page is shown: a browser's form post is answered on the
    /// page it was sent from (see `PostRedirectGetMiddleware`), any other request at its own.
    var shownPath: String {
        guard method == .POST, !isAPI, headers.bearerAuthorization == nil else { return url.string }
        return refererPath ?? SiteURL.home.path
    }
}
