import Crypto
import Foundation
import Vapor

/// A token per session that every state-changing browser request must echo (synchronizer token
/// pattern), so another site cannot post forms in a signed-in officer's name.
enum CSRF {
    static let sessionKey = "csrf"
    static let formField = "_csrf"
    static let header = "X-CSRF-Token"

    static func newToken() -> String { RandomToken.make(bytes: 32) }

    /// The session's token, made on first use.
    static func token(for req: Request) -> String {
        if let token = req.session.data[sessionKey] { return token }
        let token = newToken()
        req.session.data[sessionKey] = token
        return token
    }

    /// Compares in time independent of where the strings differ.
    static func matches(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// Refuses POST, PUT, PATCH and DELETE without the session's token, reading no body to do so
/// where it can. A request authenticated by a Bearer token and carrying no session cookie is not a
/// browser form, and is exempt.
///
/// - No session, or a session without a token: refused unread.
/// - The token in the `X-CSRF-Token` header: checked here.
/// - A signed-in person's route (`signedIn`): the token in the body is checked once the person is
///   known, by `RequestBody.admit`, which reads at most the route's limit (and for an upload, only
///   its first part before deciding). An anonymous request there is refused unread by `signedIn`.
/// - Any other route (the sign-in form): a small form body is read and checked here.
struct CSRFMiddleware: AsyncMiddleware {
    let sessionCookieName: String
    /// The sign-in form and the like: a few fields.
    static let publicFormBytes = 16 * 1024

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard ![.GET, .HEAD, .OPTIONS].contains(req.method) else { return try await next.respond(to: req) }
        if req.headers.bearerAuthorization != nil, req.cookies[sessionCookieName] == nil {
            return try await next.respond(to: req)
        }
        // The API without a token and without a browser session: not signed in (401), not a forged form.
        if req.isAPI, req.cookies[sessionCookieName] == nil { throw Abort(.unauthorized) }
        guard let expected = req.hasSession ? req.session.data[CSRF.sessionKey] : nil else { try await CSRF.refuse(req) }
        if let offered = req.headers.first(name: CSRF.header) {
            guard CSRF.matches(expected, offered) else { try await CSRF.refuse(req) }
            return try await next.respond(to: req)
        }
        if req.route?.userInfo[RequestBody.readAfterSignInKey] != nil {
            if req.currentUser != nil { RequestBody.expectCSRF(req, token: expected) }
            return try await next.respond(to: req)
        }
        guard req.headers.contentType != nil, req.headers.contentType?.type != "multipart" else { try await CSRF.refuse(req) }
        // The same reading as a signed-in form's, with the small limit of a public form.
        RequestBody.expectCSRF(req, token: expected)
        try await RequestBody.admit(req, limit: Self.publicFormBytes)
        return try await next.respond(to: req)
    }
}

extension CSRF {
    /// Refuses the request: a signed-in person's refusal is an audit event of its own; anonymous
    /// ones are counted per address and minute and written as one event (`RefusalTally`), so a
    /// flood of forged posts writes nothing per request.
    static func refuse(_ req: Request) async throws -> Never {
        try await req.auditRefusal(.securityCSRFRejected, reason: nil)
        throw Refusal.csrf
    }
}

/// Random tokens for sessions, CSRF and API keys: URL-safe base64 of system randomness.
enum RandomToken {
    static func make(bytes count: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func sha256Hex(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
