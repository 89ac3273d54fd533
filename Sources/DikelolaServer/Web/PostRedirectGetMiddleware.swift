import Crypto
import Foundation
import Vapor

/// Every form a browser posts is answered with a redirect, whether it was done or refused, so Back
/// and reload never send it again ("Confirm Form Resubmission").
///
/// A handler answers as it always has: a redirect when done; the page again with what was typed
/// and each error beside its field when refused (422, 409, 403…), or a page shown once (a one-time
/// password, a new API token). When that answer is a page, this keeps it once for the person and
/// redirects (303) to the page the form was sent from, whose next GET shows it with its status. The
/// field in error is the address's fragment, so the browser scrolls to it. Reloading then shows the
/// page afresh; nothing is posted again.
///
/// The kept page is sealed (AES-GCM) with a key that lives only in a short-lived cookie of the
/// browser: the session table holds ciphertext, never what was typed, a one-time password or a
/// token. It is shown only to the same signed-in person, on the address it was kept for.
///
/// A post without a known session or without a page of this site to return to (a script, a forged
/// form) gets its answer directly and writes nothing. The API answers in JSON as before.
struct PostRedirectGetMiddleware: AsyncMiddleware {
    let secureCookies: Bool

    /// A page larger than this is answered directly rather than kept (sealed, in the session row).
    static let largestKeptPage = 4 * 1024 * 1024
    static let keyCookie = "dikelola_kept"

    private enum Key {
        static let path = "replay.path"
        static let status = "replay.status"
        static let page = "replay.page"
        static let user = "replay.user"
    }

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if req.method == .GET, let kept = Self.takeKept(req) { return kept }
        guard req.method == .POST, !req.isAPI, req.headers.bearerAuthorization == nil, req.hasSession, req.session.id != nil,
            let back = req.refererPath
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
        let page = String(buffer: buffer)
        let key = SymmetricKey(size: .bits256)
        guard let sealed = try? AES.GCM.seal(Data(buffer: buffer), using: key).combined else { return response }
        req.session.data[Key.path] = back
        req.session.data[Key.status] = String(response.status.code)
        req.session.data[Key.page] = sealed.base64EncodedString()
        req.session.data[Key.user] = req.session.data[SessionKey.userID] ?? ""
        let redirect = req.redirect(to: back + (Self.firstFieldInError(page).map { "#" + $0 } ?? ""), redirectType: .normal)
        // A sign-in or sign-out in the refused request has set its own cookies; they travel on.
        for (name, value) in response.cookies.all { redirect.cookies[name] = value }
        redirect.cookies[Self.keyCookie] = HTTPCookies.Value(
            string: key.withUnsafeBytes { Data($0) }.base64URLEncoded, maxAge: 300, path: "/", isSecure: secureCookies,
            isHTTPOnly: true, sameSite: .lax)
        return redirect
    }

    /// The page kept for this address, once, for the person it was kept for.
    private static func takeKept(_ req: Request) -> Response? {
        guard req.hasSession, let path = req.session.data[Key.path] else { return nil }
        guard same(path, req.url.string) else {
            // Another page was opened first: the kept one is stale. A stylesheet, script or icon of
            // the page being left does not count, only a navigation.
            if isNavigation(req) { forget(req) }
            return nil
        }
        defer { forget(req) }
        guard req.session.data[Key.user] == (req.session.data[SessionKey.userID] ?? ""),
            let keyText = req.cookies[keyCookie]?.string, let keyData = Data(base64URLEncoded: keyText), keyData.count == 32,
            let sealedText = req.session.data[Key.page], let sealed = Data(base64Encoded: sealedText),
            let box = try? AES.GCM.SealedBox(combined: sealed),
            let page = try? AES.GCM.open(box, using: SymmetricKey(data: keyData))
        else { return nil }
        let status = req.session.data[Key.status].flatMap(Int.init).map { HTTPResponseStatus(statusCode: $0) } ?? .ok
        let response = Response(status: status, body: .init(data: page))
        response.headers.contentType = .html
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        response.cookies[keyCookie] = .expired
        return response
    }

    private static func forget(_ req: Request) {
        for key in [Key.path, Key.status, Key.page, Key.user] { req.session.data[key] = nil }
    }

    /// The same address, however its query was percent-encoded.
    private static func same(_ kept: String, _ asked: String) -> Bool {
        kept == asked || (kept.removingPercentEncoding ?? kept) == (asked.removingPercentEncoding ?? asked)
    }

    /// A browser opening a page, not fetching a part of one (`Accept: */*` alone is no page).
    private static func isNavigation(_ req: Request) -> Bool {
        if let destination = req.headers.first(name: "Sec-Fetch-Dest") { return destination == "document" }
        return req.headers[.accept].contains { $0.contains("text/html") }
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
        guard method == .POST, !isAPI, headers.bearerAuthorization == nil, let back = refererPath else { return url.string }
        return back
    }
}

extension Data {
    fileprivate var base64URLEncoded: String {
        base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    fileprivate init?(base64URLEncoded text: String) {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        self.init(base64Encoded: base64)
    }
}
