import DikelolaCore
import Fluent
import Foundation
import Vapor

/// The person a request acts for, known before any handler runs. Handlers that need one receive it
/// as a non-optional parameter (see `RoutesBuilder.signedIn`), so a forgotten check does not compile.
struct CurrentUser: Sendable {
    let id: UUID
    let email: String
    let name: String
    let position: String
    /// Administers the deployment itself (bodies), not any body's content.
    let isDeploymentAdmin: Bool
    let mustChangePassword: Bool
    let person: Authorization.Person
    let via: Via

    enum Via: Sendable, Equatable {
        case session
        case apiToken(UUID)
    }

    func may(_ action: Action, on place: Authorization.Place) -> Authorization.Decision {
        Authorization.decide(person, action, on: place)
    }

    /// Refuses (403, with the core's reason) unless the person may do `action` at `place`.
    func require(_ action: Action, on place: Authorization.Place) throws {
        if case let .denied(denial) = may(action, on: place) { throw Refusal.forbidden(denial) }
    }

    static func load(_ user: User, via: Via, on database: any Database) async throws -> CurrentUser {
        CurrentUser(
            id: try user.requireID(), email: user.email, name: user.name, position: user.position,
            isDeploymentAdmin: user.isAdmin, mustChangePassword: user.mustChangePassword,
            person: try await AccessQueries.person(user, on: database), via: via)
    }
}

extension Request {
    private struct CurrentUserKey: StorageKey {
        typealias Value = CurrentUser
    }

    var currentUser: CurrentUser? {
        get { storage[CurrentUserKey.self] }
        set { storage[CurrentUserKey.self] = newValue }
    }

    /// Where the request came from, as recorded in the audit history.
    /// Behind a trusted proxy, the address it says it forwarded for (see `TrustedProxies`).
    var clientAddress: String {
        let peer = remoteAddress?.ipAddress ?? "unknown"
        let proxies = application.dikelola.configuration.trustedProxies
        guard !proxies.isEmpty else { return peer }
        return proxies.client(peer: peer, forwardedFor: headers[.xForwardedFor], forwarded: headers[.forwarded])
    }

    var isAPI: Bool { url.path.hasPrefix("/api/") }

    /// The path (and query) of the page this request came from, when it is a page of this site.
    var refererPath: String? {
        guard let referer = headers.first(name: .referer), let url = URL(string: referer), !url.path.isEmpty else {
            return nil
        }
        if let host = url.host, host != headers.first(name: .host)?.split(separator: ":").first.map(String.init) {
            return nil
        }
        let path = url.path + (url.query.map { "?" + $0 } ?? "")
        let safe = LoginController.safeNext(path)
        return safe == path ? path : nil
    }

    /// The request's instant, on the application's clock (tests hand in a clock they move).
    var now: Date { application.dikelola.clock.now() }

    /// An audit event of this request: its actor, role and address filled in.
    func auditDraft(
        _ action: AuditAction, targetType: AuditTarget, targetID: String?, bodyID: String? = nil, role: Role? = nil,
        before: String? = nil, after: String? = nil
    ) -> AuditChain.Draft {
        AuditDraft.make(
            currentUser, at: now, from: clientAddress, action, targetType: targetType, targetID: targetID, bodyID: bodyID,
            role: role, before: before, after: after)
    }
}

/// Session keys. The session holds only identifiers and times; the person is read anew on each
/// request, so a deactivation or a role change takes effect at once.
enum SessionKey {
    static let userID = "user"
    static let epoch = "epoch"
    static let signedInAt = "since"
    static let lastSeenAt = "seen"
    static let notice = "notice"
}

/// Finds the person behind a request: a Bearer token, else the browser session. Expired, revoked
/// or outdated credentials simply leave the request anonymous.
struct CurrentUserMiddleware: AsyncMiddleware {
    /// A session unused this long is signed out.
    static let idleTimeout: TimeInterval = 2 * 3600
    /// And any session after this long, used or not.
    static let absoluteTimeout: TimeInterval = 12 * 3600

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let bearer = req.headers.bearerAuthorization {
            req.currentUser = try await ApiTokens.authenticate(bearer.token, on: req)
        } else if req.hasSession, let text = req.session.data[SessionKey.userID], let id = UUID(uuidString: text) {
            req.currentUser = try await fromSession(req, userID: id)
        }
        return try await next.respond(to: req)
    }

    private func fromSession(_ req: Request, userID: UUID) async throws -> CurrentUser? {
        let now = req.now
        let since = req.session.data[SessionKey.signedInAt].flatMap(Double.init).map(Date.init(timeIntervalSince1970:))
        let seen = req.session.data[SessionKey.lastSeenAt].flatMap(Double.init).map(Date.init(timeIntervalSince1970:))
        guard let user = try await User.find(userID, on: req.db), user.isActive,
            req.session.data[SessionKey.epoch] == String(user.sessionEpoch),
            let since, let seen, now.timeIntervalSince(since) < Self.absoluteTimeout,
            now.timeIntervalSince(seen) < Self.idleTimeout
        else {
            Sessions.signOut(req)
            return nil
        }
        req.session.data[SessionKey.lastSeenAt] = String(now.timeIntervalSince1970)
        return try await CurrentUser.load(user, via: .session, on: req.db)
    }
}

enum Sessions {
    /// Starts a fresh session for `user`: the old session id is discarded (no fixation), the
    /// epoch recorded so a later password change ends it.
    static func signIn(_ req: Request, user: User) async throws {
        if let old = req.session.id {
            try await req.application.sessions.driver.deleteSession(old, for: req).get()
        }
        let csrf = req.session.data[CSRF.sessionKey]
        req.session.id = nil
        req.session.data = SessionData()
        let now = String(req.now.timeIntervalSince1970)
        req.session.data[SessionKey.userID] = try user.requireID().uuidString
        req.session.data[SessionKey.epoch] = String(user.sessionEpoch)
        req.session.data[SessionKey.signedInAt] = now
        req.session.data[SessionKey.lastSeenAt] = now
        req.session.data[CSRF.sessionKey] = csrf.map { _ in CSRF.newToken() }
    }

    static func signOut(_ req: Request) {
        guard req.hasSession else { return }
        for key in [SessionKey.userID, SessionKey.epoch, SessionKey.signedInAt, SessionKey.lastSeenAt] {
            req.session.data[key] = nil
        }
    }

    /// A one-time message for the next page.
    static func setNotice(_ req: Request, _ text: String) { req.session.data[SessionKey.notice] = text }

    static func takeNotice(_ req: Request) -> String? {
        guard req.hasSession, let text = req.session.data[SessionKey.notice] else { return nil }
        req.session.data[SessionKey.notice] = nil
        return text
    }
}
