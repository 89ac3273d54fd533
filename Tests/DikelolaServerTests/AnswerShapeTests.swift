import Foundation
import Testing
import Vapor

@testable import DikelolaServer

/// What the server answers when it refuses, whoever asks: the API always in its documented error
/// shape, and no address built from a request able to add a header.
@Suite struct AnswerShapeTests {
    struct APIError: Decodable {
        let error: String
        let fields: [String: String]
    }

    @Test func theAPIRefusesInItsDocumentedShapeWithoutAToken() async throws {
        try await withApp { app in
            let unit = UUID().uuidString.lowercased()
            for (method, path) in [
                (HTTPMethod.GET, "/api/v1/me"), (.POST, "/api/v1/units/\(unit)/proposals"), (.PUT, "/api/v1/decrees/\(unit)/number"),
                (.DELETE, "/api/v1/proposals/\(unit)/items/\(unit)"),
            ] {
                let response = try await app.testing().sendRequest(method, path) { request in
                    if method != .GET { try request.content.encode(["title": "x"], as: .json) }
                }
                #expect(response.status == .unauthorized, "\(method) \(path)")
                let body = try JSONDecoder().decode(APIError.self, from: Data(response.body.readableBytesView))
                #expect(body.error.contains("token"), "\(method) \(path): \(body.error)")
            }
            let unknown = try await app.testing().sendRequest(.GET, "/api/v1/tidak-ada")
            #expect(unknown.status == .notFound)
            #expect((try? JSONDecoder().decode(APIError.self, from: Data(unknown.body.readableBytesView))) != nil)
        }
    }

    @Test func aPublicAddressCannotAddAHeader() async throws {
        try await withApp { app in
            for path in ["/publik/a%0d%0aSet-Cookie:%20x=1;%20Path=%2f%0d%0aX-A:%20", "/publik/a%0aX-Injected:%201", "/publik/A%20B"] {
                let response = try await app.testing().sendRequest(.GET, path)
                #expect(response.status == .notFound, "\(path)")
                #expect(!response.headers.contains(name: "X-Injected") && !response.headers.contains(name: "X-A"))
                #expect(!(response.headers[.setCookie].joined().contains("x=1")))
                #expect(response.headers.first(name: .location) == nil)
            }
            let fine = try await app.testing().sendRequest(.GET, "/publik/kabupaten-contoh")
            #expect(fine.status == .seeOther && fine.headers.first(name: .location) == "/publik/kabupaten-contoh/terkini/index.html")
            // A value with a slash or a query stays one segment of the address it builds.
            #expect(SiteURL.publicCurrent("a/b?c", "entri/x y.html").path == "/publik/a%2Fb%3Fc/terkini/entri/x%20y.html")
        }
    }

    /// The public pages made per request carry their stylesheet inline, like the static ones: the
    /// policy must let it apply (it did not, and search, comparison and "not found" showed unstyled).
    @Test func publicPagesMadePerRequestMayUseTheirInlineStyle() async throws {
        try await withApp { app in
            for path in ["/publik/cari?q=data", "/publik/cari?dasar=z", "/publik/tidak-ada/versi/1/index.html"] {
                let response = try await app.testing().sendRequest(.GET, path)
                let policy = response.headers.first(name: "Content-Security-Policy") ?? ""
                #expect(response.body.string.contains("<style>"), "\(path)")
                #expect(policy.contains("style-src 'unsafe-inline'") && policy.contains("default-src 'none'"), "\(path): \(policy)")
            }
        }
    }

    /// Every link on each role's home page leads somewhere that role may go (found: the
    /// administrator's home linked to unit pages that answer 403).
    @Test func everyHomeLinkOpensForItsRole() async throws {
        try await withApp { app in
            _ = try await DemoGovernment.load(in: app)
            for email in [
                "admin.diskominfo@contohkab.go.id", "operator.disdukcapil@contohkab.go.id", "head.disdukcapil@contohkab.go.id",
                "mainppid.diskominfo@contohkab.go.id", "assistantppid.disdukcapil@contohkab.go.id",
            ] {
                let browser = Browser(app)
                try await browser.signIn(as: email)
                let home = try await browser.get("/")
                let links = Set(home.body.matches(of: /href="(\/[^"#?]*)/).map { String($0.1) })
                    .filter { !$0.hasPrefix("/aset/") && $0 != "/keluar" }
                #expect(links.count > 3, "\(email): \(links)")
                for link in links {
                    let status = try await browser.get(link).status
                    #expect(status != .forbidden && status != .notFound, "\(email): \(link) answers \(status.code)")
                }
            }
        }
    }

    /// An address that does not exist answers a browser with a page in its language, not JSON.
    @Test func aMissingAddressIsAPageForABrowser() async throws {
        try await withApp { app in
            for path in ["/tidak-ada", "/publik/kabupaten-contoh/terkini", "/unit"] {
                let response = try await app.testing().sendRequest(.GET, path)
                #expect(response.status == .notFound, "\(path)")
                #expect(response.headers.contentType?.subType == "html", "\(path)")
                #expect(response.body.string.contains("Alamat ini tidak ada"), "\(path)")
            }
            let english = try await app.testing().sendRequest(.GET, "/publik/tidak/ada?lang=en")
            #expect(english.body.string.contains("This address does not exist"))
        }
    }
}
