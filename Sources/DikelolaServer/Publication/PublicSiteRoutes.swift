import DikelolaCore
import Fluent
import Foundation
import Plot
import Vapor

/// The public side, no sign-in: the publication folder served as it is (`/publik/…`), with ETag and
/// Last-Modified answered by 304, and caching a published version forever and the current one for
/// a minute. A version is written before it is served, so every change appears without manual work.
struct PublicSiteRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        // The home page's links are relative to its own file, as on any static host.
        routes.get("publik") { req in req.redirect(to: "/publik/index.html") }
        routes.get("publik", "index.html") { req in try await Self.serve(req, relative: "index.html", cache: Self.shortCache) }
        routes.get("publik", "cari", use: PublicSearchPage.search)
        routes.get("publik", ":body", "banding", use: Self.compare)
        routes.get("publik", ":body") { req -> Response in
            req.redirect(to: "/publik/\(req.parameters.get("body") ?? "")/terkini/index.html")
        }
        routes.get("publik", ":body", "terkini", "**") { req -> Response in
            let slug = req.parameters.get("body") ?? ""
            let rest = req.parameters.getCatchall()
            try await Self.ensureCurrent(req, slug: slug)
            return try await Self.serve(
                req, relative: ([slug, "terkini"] + (rest.isEmpty ? ["index.html"] : rest)).joined(separator: "/"),
                cache: Self.shortCache)
        }
        routes.get("publik", ":body", "versi", ":version", "**") { req -> Response in
            let slug = req.parameters.get("body") ?? ""
            guard let version = req.parameters.get("version", as: Int.self), version > 0 else {
                return Self.notFound(req, "Nomor versi harus bilangan bulat mulai 1.")
            }
            let rest = req.parameters.getCatchall()
            try await Self.ensureCurrent(req, slug: slug)
            return try await Self.serve(
                req,
                relative: ([slug, "versi", String(version)] + (rest.isEmpty ? ["index.html"] : rest)).joined(separator: "/"),
                cache: "public, max-age=31536000, immutable")
        }
    }

    static let shortCache = "public, max-age=60"

    /// Writes the body's newest version first when this instance recorded it or has never written it.
    static func ensureCurrent(_ req: Request, slug: String) async throws {
        let app = req.application
        let folder = PublicSite.bodyFolder(app, slug: slug).appendingPathComponent("terkini")
        guard app.dikelola.publicSite.isStale(slug) || !FileManager.default.fileExists(atPath: folder.path) else { return }
        guard Self.isSafe(slug), let body = try await PublicBody.query(on: req.db).filter(\.$slug == slug).first() else { return }
        try await PublicSite.materialize(app, bodyID: body.requireID())
    }

    static func isSafe(_ component: String) -> Bool {
        !component.isEmpty && !component.hasPrefix(".") && !component.contains("/") && !component.contains("\\")
            && component.utf8.count <= 200
    }

    static func serve(_ req: Request, relative: String, cache: String) async throws -> Response {
        let parts = relative.split(separator: "/").map(String.init)
        guard parts.allSatisfy(isSafe) else { return notFound(req, "Alamat ini tidak dikenal.") }
        let root = PublicSite.root(req.application)
        if relative == "index.html", !FileManager.default.fileExists(atPath: root.appendingPathComponent("index.html").path) {
            try await PublicSite.materializeAll(req.application)
        }
        let path = root.appendingPathComponent(relative).path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            return notFound(
                req,
                parts.contains("entri")
                    ? "Entri ini tidak ada dalam versi DIK ini. Nomor DIK tidak pernah dipakai ulang; lihat versi sebelumnya atau daftar perubahan."
                    : "Halaman ini tidak ada. Mungkin badan publiknya belum menerbitkan DIK, atau alamatnya salah ketik.")
        }
        let response = try await req.fileio.asyncStreamFile(at: path, mediaType: mediaType(of: relative))
        response.headers.replaceOrAdd(name: .cacheControl, value: cache)
        if relative.hasSuffix("embed.html") {
            // The embed is meant for other sites' iframes.
            response.headers.replaceOrAdd(name: "X-Frame-Options", value: "ALLOWALL")
            response.headers.replaceOrAdd(
                name: "Content-Security-Policy", value: "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors *")
        } else {
            response.headers.replaceOrAdd(
                name: "Content-Security-Policy",
                value: "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; frame-ancestors 'none'")
        }
        response.headers.replaceOrAdd(name: "Access-Control-Allow-Origin", value: "*")
        return response
    }

    static func mediaType(of path: String) -> HTTPMediaType {
        switch (path as NSString).pathExtension {
        case "html": HTTPMediaType(type: "text", subType: "html", parameters: ["charset": "utf-8"])
        case "csv": HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8", "header": "present"])
        case "json": HTTPMediaType(type: "application", subType: "json", parameters: ["charset": "utf-8"])
        case "atom": HTTPMediaType(type: "application", subType: "atom+xml", parameters: ["charset": "utf-8"])
        default: .binary
        }
    }

    /// `/publik/<body>/banding?dari=N&ke=M`: what changed between any two published versions.
    @Sendable static func compare(req: Request) async throws -> Response {
        let slug = req.parameters.get("body") ?? ""
        guard isSafe(slug), let body = try await PublicBody.query(on: req.db).filter(\.$slug == slug).first() else {
            return notFound(req, "Badan publik ini tidak dikenal.")
        }
        guard let from = req.query[Int.self, at: "dari"], let to = req.query[Int.self, at: "ke"], from > 0, to > 0, from != to
        else {
            return notFound(req, "Sebut dua nomor versi yang berbeda, misalnya ?dari=1&ke=3.")
        }
        let rows = try await Publication.query(on: req.db).filter(\.$body.$id == body.requireID())
            .filter(\.$version ~~ [from, to]).all()
        guard let older = rows.first(where: { $0.version == min(from, to) }),
            let newer = rows.first(where: { $0.version == max(from, to) })
        else {
            return notFound(req, "Versi \(from) atau \(to) belum pernah terbit.")
        }
        let changes = try Publisher.decode(newer).changes(since: try Publisher.decode(older))
        func list(_ title: String, _ entries: [PublicRegister.Entry]) -> Node<HTML.BodyContext> {
            .if(
                !entries.isEmpty,
                .group(
                    .h2(.text("\(title) (\(entries.count))")),
                    .ul(
                        .forEach(entries) {
                            .li(
                                .a(
                                    .href("/publik/\(slug)/versi/\(newer.version)/entri/\($0.id).html"),
                                    .text("\($0.id) \($0.title)")))
                        })))
        }
        let html = HTML(
            .lang(.indonesian),
            .head(
                .encoding(.utf8), .viewport(.accordingToDevice),
                .element(named: "title", text: "Perbandingan versi — \(body.name)"),
                .element(named: "style", text: PublicPages.style)),
            .body(
                .main(
                    .h1(.text("\(body.name): versi \(older.version) dibandingkan dengan versi \(newer.version)")),
                    list("Ditambahkan", changes.added), list("Dibuka", changes.opened),
                    list("Diubah", changes.changed.map(\.after)),
                    list("Dikeluarkan dari daftar", changes.removed),
                    .if(changes.isEmpty, .p(.text("Tidak ada perbedaan isi."))),
                    .p(
                        .a(.href("/publik/\(slug)/versi/\(older.version)/index.html"), .text("Versi \(older.version)")),
                        .text(" · "),
                        .a(.href("/publik/\(slug)/versi/\(newer.version)/index.html"), .text("Versi \(newer.version)"))))))
        let response = Response(status: .ok, body: .init(string: html.render()))
        response.headers.contentType = .html
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=31536000, immutable")
        return response
    }

    /// A 404 that helps: what is missing and where the registers are.
    static func notFound(_ req: Request, _ message: String) -> Response {
        let html = HTML(
            .lang(.indonesian),
            .head(
                .encoding(.utf8), .viewport(.accordingToDevice), .element(named: "title", text: "Tidak ditemukan"),
                .element(named: "style", text: PublicPages.style)),
            .body(
                .main(
                    .h1(.text("Tidak ditemukan")), .p(.text(message)),
                    .p(.a(.href("/publik"), .text("Daftar badan publik dan DIK-nya"))))))
        let response = Response(status: .notFound, body: .init(string: html.render()))
        response.headers.contentType = .html
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}
