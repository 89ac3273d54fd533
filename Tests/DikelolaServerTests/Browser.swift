import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import DikelolaServer

/// A browser for tests: keeps the cookies the application sets and sends the CSRF token of the
/// last page with each form, as a real browser posting a real form would.
final class Browser: @unchecked Sendable {
    let app: Application
    private(set) var cookies: [String: String] = [:]
    private(set) var lastPage = ""
    var clientAddress = "127.0.0.1"
    /// The page a form is sent from, as a browser's Referer header says; unset, the last page shown.
    var referer: String?
    /// The address of the last page shown, which a browser names as the Referer of a form it sends.
    private(set) var lastPagePath: String?
    private var pendingHeaders: [String: String] = [:]

    init(_ app: Application) { self.app = app }

    struct Page {
        let status: HTTPStatus
        let body: String
        let headers: HTTPHeaders
        /// The body as sent, for a download that is not text (a ZIP, a PDF).
        var bytes: [UInt8] = []
        var location: String? { headers.first(name: .location) }
    }

    @discardableResult
    func get(_ path: String) async throws -> Page {
        try await send(.GET, path, body: nil)
    }

    /// A GET with extra request headers (`If-None-Match`, `Accept-Encoding`, …).
    func get(_ path: String, headers: [String: String]) async throws -> Page {
        pendingHeaders = headers
        defer { pendingHeaders = [:] }
        return try await send(.GET, path, body: nil)
    }

    /// The names of the fields of the form on `page` that posts to `action`: what a person can
    /// actually fill in. A test posting a field the form does not show would hide a form that
    /// cannot be sent (found: the body settings lacked the seat the server requires).
    static func fieldNames(on page: Page, action: String) -> Set<String> {
        guard let start = page.body.range(of: "action=\"\(action)\""),
            let end = page.body.range(of: "</form>", range: start.upperBound..<page.body.endIndex)
        else { return [] }
        let form = page.body[start.upperBound..<end.lowerBound]
        return Set(form.matches(of: /name="([^"]+)"/).map { String($0.1) })
    }

    /// A form as the browser would send it untouched: every input's value, every textarea's text,
    /// every select's chosen option (file and submit fields left out).
    static func prefilled(on page: Page, action: String) -> [String: String] {
        guard let start = page.body.range(of: "action=\"\(action)\""),
            let end = page.body.range(of: "</form>", range: start.upperBound..<page.body.endIndex)
        else { return [:] }
        let form = String(page.body[start.upperBound..<end.lowerBound])
        func decoded(_ text: Substring) -> String {
            String(text).replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&amp;", with: "&")
        }
        var fields: [String: String] = [:]
        for match in form.matches(of: /<input type="(\w+)"[^>]*name="([^"]+)"(?: value="([^"]*)")?[^>]*>/) where match.1 != "file" {
            // A box not ticked is not sent at all.
            if ["checkbox", "radio"].contains(match.1), !match.0.contains("checked") { continue }
            fields[String(match.2)] = match.3.map(decoded) ?? ""
        }
        for match in form.matches(of: /<textarea[^>]*name="([^"]+)"[^>]*>([^<]*)<\/textarea>/) {
            fields[String(match.1)] = decoded(match.2)
        }
        for match in form.matches(of: /<select[^>]*name="([^"]+)"[^>]*>(.*?)<\/select>/) {
            if let chosen = String(match.2).firstMatch(of: /<option value="([^"]*)" selected="selected"/) {
                fields[String(match.1)] = decoded(chosen.1)
            }
        }
        return fields
    }

    /// The warnings a page asks the head to acknowledge, ticked: `ackN` = key, as the form sends them.
    static func acknowledgements(on page: Page) -> [String: String] {
        Dictionary(
            page.body.matches(of: /name="(ack[0-9]+)" value="([^"]+)"/).map { (String($0.1), String($0.2)) },
            uniquingKeysWith: { first, _ in first })
    }

    /// The test meeting's form, held with a PPID (UU 14/2008 Ps 19).
    static let meeting = [
        "meetingDate": "2026-11-02", "meetingPlace": "Ruang rapat",
        "meetingParticipants": "Sari — Kepala Bidang\nBudi — PPID Pembantu",
    ]

    /// Posts `form` with the CSRF token found on the last page (unless `csrf` is given).
    @discardableResult
    func post(_ path: String, _ form: [String: String], csrf: String? = nil, includeCSRF: Bool = true) async throws -> Page {
        var fields = form
        if includeCSRF { fields["_csrf"] = csrf ?? csrfToken }
        let body = fields.map { "\(Self.encode($0.key))=\(Self.encode($0.value))" }.joined(separator: "&")
        return try await send(.POST, path, body: body)
    }

    /// Posts a multipart form with one file, as a file input does.
    @discardableResult
    func upload(_ path: String, _ fields: [String: String], file field: String, name: String, bytes: [UInt8]) async throws -> Page
    {
        let boundary = "----dikelola\(UUID().uuidString)"
        var body = ByteBuffer()
        // As a browser sends the page's form: the token first (Dikelola reads it before the file).
        let all = [("_csrf", csrfToken ?? "")] + fields.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        for (key, value) in all {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(key)\"\r\n\r\n\(value)\r\n")
        }
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"\(name)\"\r\n")
        body.writeString("Content-Type: application/octet-stream\r\n\r\n")
        body.writeBytes(bytes)
        body.writeString("\r\n--\(boundary)--\r\n")
        return try await send(
            .POST, path, rawBody: body,
            contentType: HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": boundary]))
    }

    /// Uploads as `upload` does and follows the answer, as a browser does.
    @discardableResult
    func submitUpload(_ path: String, _ fields: [String: String], file field: String, name: String, bytes: [UInt8]) async throws
        -> Page
    {
        let answer = try await upload(path, fields, file: field, name: name, bytes: bytes)
        #expect(answer.status == .seeOther, "an upload must answer with a redirect: \(path) \(answer.status)")
        return try await follow(answer)
    }

    var csrfToken: String? {
        guard let range = lastPage.range(of: #"name="_csrf" value=""#) else { return nil }
        return String(lastPage[range.upperBound...].prefix { $0 != "\"" })
    }

    /// Posts `form` and follows the answer as a browser does: a refused form comes back (after a
    /// redirect, see `PostRedirectGetMiddleware`) as the form's page with its status and errors.
    @discardableResult
    func submit(_ path: String, _ form: [String: String], csrf: String? = nil, includeCSRF: Bool = true) async throws -> Page {
        let answer = try await post(path, form, csrf: csrf, includeCSRF: includeCSRF)
        #expect(answer.status == .seeOther, "a form post must answer with a redirect: \(path) \(answer.status)")
        return try await follow(answer)
    }

    /// Follows redirects like a browser, up to five.
    func follow(_ page: Page) async throws -> Page {
        var current = page
        for _ in 0..<5 {
            guard [.seeOther, .found, .movedPermanently, .temporaryRedirect].contains(current.status),
                let location = current.location
            else { return current }
            // A browser keeps the fragment to itself.
            current = try await get(location.split(separator: "#", maxSplits: 1).first.map(String.init) ?? location)
        }
        return current
    }

    private func send(_ method: HTTPMethod, _ path: String, body: String?) async throws -> Page {
        try await send(method, path, rawBody: body.map { ByteBuffer(string: $0) }, contentType: .urlEncodedForm)
    }

    func send(_ method: HTTPMethod, _ path: String, rawBody: ByteBuffer?, contentType: HTTPMediaType) async throws -> Page
    {
        let response = try await app.testing().sendRequest(
            method, path,
            beforeRequest: { request in
                if !self.cookies.isEmpty {
                    request.headers.replaceOrAdd(
                        name: .cookie, value: self.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
                }
                request.headers.replaceOrAdd(name: .host, value: "localhost")
                if let referer = self.referer ?? (method == .POST ? self.lastPagePath.map { "http://localhost\($0)" } : nil) {
                    request.headers.replaceOrAdd(name: .referer, value: referer)
                }
                for (name, value) in self.pendingHeaders { request.headers.replaceOrAdd(name: name, value: value) }
                if let rawBody {
                    request.headers.contentType = contentType
                    request.body = rawBody
                }
            })
        for header in response.headers[.setCookie] {
            let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { continue }
            let name = String(pair[0]), value = String(pair[1])
            if header.contains("Expires=Thu, 01 Jan 1970") || value.isEmpty { cookies[name] = nil } else { cookies[name] = value }
        }
        let text = response.body.string
        if response.headers.contentType == .html {
            lastPage = text
            if method == .GET { lastPagePath = path }
        }
        return Page(
            status: response.status, body: text, headers: response.headers,
            bytes: response.body.getBytes(at: response.body.readerIndex, length: response.body.readableBytes) ?? [])
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}

/// Creates a user with a password, optionally with roles, directly in the database.
@discardableResult
func makeUser(
    _ app: Application, email: String, password: String = "kopi tubruk pagi hari", mustChange: Bool = false,
    active: Bool = true
) async throws -> User {
    let user = User(
        email: email, name: "Pengguna \(email)", position: "Staf",
        passwordHash: try await app.password.async.hash(password), isActive: active, mustChangePassword: mustChange)
    try await user.create(on: app.db)
    return user
}

extension Browser {
    /// Gives `email` a known password (no one-time change pending) and signs in with it.
    @discardableResult
    func signIn(as email: String) async throws -> Page {
        let user = try #require(try await User.query(on: app.db).filter(\.$email == email).first(), "no user \(email)")
        user.passwordHash = try await app.password.async.hash("kopi tubruk pagi hari")
        user.mustChangePassword = false
        try await user.save(on: app.db)
        try await get("/masuk")
        let page = try await post("/masuk", ["email": email, "password": "kopi tubruk pagi hari"])
        #expect(page.status == .seeOther, "sign-in of \(email) failed: \(page.body)")
        return page
    }
}

/// Makes the deployment administrator of a fresh application and signs a browser in as them.
func signedInDeploymentAdmin(_ app: Application) async throws -> Browser {
    let admin = User(
        email: "admin@dikelola.local", name: "Administrator", position: "Administrator Dikelola",
        passwordHash: "x", mustChangePassword: false, isAdmin: true)
    try await admin.create(on: app.db)
    let browser = Browser(app)
    try await browser.signIn(as: "admin@dikelola.local")
    return browser
}
