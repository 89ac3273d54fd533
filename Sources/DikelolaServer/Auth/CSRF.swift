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

/// Refuses POST, PUT, PATCH and DELETE without the session's token. A request authenticated by a
/// Bearer token and carrying no session cookie is not a browser form, and is exempt.
struct CSRFMiddleware: AsyncMiddleware {
    let sessionCookieName: String

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard ![.GET, .HEAD, .OPTIONS].contains(req.method) else { return try await next.respond(to: req) }
        if req.headers.bearerAuthorization != nil, req.cookies[sessionCookieName] == nil {
            return try await next.respond(to: req)
        }
        let expected = req.hasSession ? req.session.data[CSRF.sessionKey] : nil
        var offered = req.headers.first(name: CSRF.header)
        // Without a session there is nothing to match: refuse before reading a (possibly large) body.
        if offered == nil, expected != nil {
            // Uploads are multipart and larger; other forms are small.
            let limit =
                req.headers.contentType?.type == "multipart"
                ? req.application.dikelola.configuration.maxUploadBytes + 65_536
                : req.application.routes.defaultMaxBodySize.value
            _ = try await req.body.collect(max: limit).get()
            offered = try? req.content.get(String.self, at: CSRF.formField)
        }
        guard let expected, let offered, CSRF.matches(expected, offered) else {
            try await req.application.writeTransaction { db in
                try await AuditLog.record(
                    req.auditDraft(
                        "security.csrf.rejected", targetType: "request",
                        targetID: "\(req.method) \(req.url.path)"), on: db)
            }
            throw Refusal.csrf
        }
        return try await next.respond(to: req)
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
