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
        routes.get(SiteURL.publicRoot.pathComponents) { req in req.redirect(to: SiteURL.publicHome(.indonesian).path) }
        for language in UILanguage.allCases {
            let name = PublicPages.homeName(language)
            routes.get(SiteURL.publicHome(language).pathComponents) { req in
                try await Self.serve(req, relative: name, cache: Self.shortCache)
            }
        }
        routes.get(SiteURL.publicSearch.pathComponents, use: PublicSearchPage.search)
        routes.get(SiteURL.publicCompare(nil).pathComponents, use: Self.compare)
        routes.get(SiteURL.publicBody(nil).pathComponents) { req -> Response in
            let slug = req.parameters.get("slug") ?? ""
            guard PublicBody.isValidSlug(slug) else { throw Abort(.notFound) }
            return req.redirect(to: SiteURL.publicCurrent(slug, "index.html").path)
        }
        routes.get(SiteURL.publicCurrent(nil, nil).pathComponents) { req -> Response in
            let slug = req.parameters.get("slug") ?? ""
            let rest = req.parameters.getCatchall()
            try await Self.ensureCurrent(req, slug: slug)
            return try await Self.serve(
                req, relative: ([slug, "terkini"] + (rest.isEmpty ? ["index.html"] : rest)).joined(separator: "/"),
                cache: Self.shortCache)
        }
        routes.get(SiteURL.publicVersion(nil, nil, nil).pathComponents) { req -> Response in
            let slug = req.parameters.get("slug") ?? ""
            guard let version = req.parameters.get("version", as: Int.self), version > 0 else {
                return Self.notFound(
                    req, Self.language(of: req).t("Nomor versi harus bilangan bulat mulai 1.", "A version number is a whole number from 1."))
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
        let state = app.dikelola.publicSite
        guard Self.isSafe(slug) else { return }
        guard state.isStale(slug) || state.files.currentTarget(root: PublicSite.root(app), slug: slug) == nil else { return }
        guard let body = try await PublicBody.query(on: req.db).filter(\.$slug == slug).first() else { return }
        try await PublicSite.materialize(app, bodyID: body.requireID())
    }

    static func isSafe(_ component: String) -> Bool {
        !component.isEmpty && !component.hasPrefix(".") && !component.contains("/") && !component.contains("\\")
            && component.utf8.count <= 200
    }

    static func serve(_ req: Request, relative: String, cache: String) async throws -> Response {
        let parts = relative.split(separator: "/").map(String.init)
        guard parts.allSatisfy(isSafe) else {
            return notFound(req, language(of: req).t("Alamat ini tidak dikenal.", "This address is not known."))
        }
        let root = PublicSite.root(req.application)
        if parts.count == 1, !FileManager.default.fileExists(atPath: root.appendingPathComponent(relative).path) {
            try await PublicSite.materializeAll(req.application)
        }
        let state = req.application.dikelola.publicSite
        let rootPath = state.realRoot(root)
        // A file of a version already in memory: found by its key, no system call once `terkini` is known.
        // A range request is streamed from disk below, which answers ranges.
        if req.headers.first(name: .range) == nil, let rootPath, let key = state.files.key(root: rootPath, folder: root, parts: parts),
            let file = state.files.file(at: key)
        {
            return headed(answer(req, file, mediaType: mediaType(of: relative)), relative: relative, parts: parts, cache: cache)
        }
        let path = root.appendingPathComponent(relative).path
        // Otherwise real paths: `terkini` resolved to its version, and nothing outside the folder followed.
        let real = PublishedFileCache.realPath(path)
        var isDirectory: ObjCBool = false
        guard let rootPath, let real, real.hasPrefix(rootPath + "/"),
            FileManager.default.fileExists(atPath: real, isDirectory: &isDirectory), !isDirectory.boolValue
        else {
            let l = language(of: req)
            return notFound(
                req,
                parts.contains("entri")
                    ? l.t(
                        "Entri ini tidak ada dalam versi DIK ini. Nomor DIK tidak pernah dipakai ulang; lihat versi sebelumnya atau daftar perubahan.",
                        "This entry is not in this version of the register. Register numbers are never reused; see an earlier version or the list of changes."
                    )
                    : l.t(
                        "Halaman ini tidak ada. Mungkin badan publiknya belum menerbitkan DIK, atau alamatnya salah ketik.",
                        "This page does not exist. The public body may not have published its register yet, or the address is mistyped."
                    ))
        }
        let response: Response
        if PublishedFileCache.isInVersion(real, root: rootPath), req.headers.first(name: .range) == nil,
            let file = try await publishedFile(req, real: real)
        {
            response = answer(req, file, mediaType: mediaType(of: relative))
        } else if PublishedFileCache.isInVersion(real, root: rootPath),
            let attributes = try? FileManager.default.attributesOfItem(atPath: real),
            let size = attributes[.size] as? Int, let modified = attributes[.modificationDate] as? Date
        {
            // A large file or a range, streamed, with the same ETag as a file from the cache.
            let etag = PublishedFileCache.etag(realPath: real, modified: modified, size: size)
            if req.headers.first(name: .ifNoneMatch) == etag, req.headers.first(name: .range) == nil {
                var headers = HTTPHeaders()
                headers.replaceOrAdd(name: .eTag, value: etag)
                response = Response(status: .notModified, version: .http1_1, headersNoUpdate: headers, body: .empty)
            } else {
                response = try await req.fileio.asyncStreamFile(at: real, mediaType: mediaType(of: relative))
                response.headers.replaceOrAdd(name: .eTag, value: etag)
            }
        } else {
            response = try await req.fileio.asyncStreamFile(at: real, mediaType: mediaType(of: relative))
        }
        return headed(response, relative: relative, parts: parts, cache: cache)
    }

    /// The public side's headers on a file's answer.
    static func headed(_ response: Response, relative: String, parts: [String], cache: String) -> Response {
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
        if relative.hasSuffix(".xlsx") {
            // The workbook's members are stored, not deflated (see ZipArchive): compress it on the way.
            response.headers.responseCompression = .enable
            let slug = parts.first ?? "dik"
            response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"DIK-\(slug).xlsx\"")
        }
        response.headers.replaceOrAdd(name: "Access-Control-Allow-Origin", value: "*")
        // Compressed on the way when the client asks: a cache in between must keep both forms apart.
        response.headers.replaceOrAdd(name: .vary, value: "Accept-Encoding")
        return response
    }

    /// A file of a published version from the cache, read into it on first use; nil when it is too
    /// large to keep (it is streamed instead).
    static func publishedFile(_ req: Request, real: String) async throws -> PublishedFileCache.File? {
        let files = req.application.dikelola.publicSite.files
        if let file = files.file(at: real) { return file }
        let attributes = try FileManager.default.attributesOfItem(atPath: real)
        guard let size = attributes[.size] as? Int, size <= PublishedFileCache.largestFile,
            let modified = attributes[.modificationDate] as? Date
        else { return nil }
        let bytes = try await req.fileio.collectFile(at: real)
        let file = PublishedFileCache.File(
            bytes: bytes, etag: PublishedFileCache.etag(realPath: real, modified: modified, size: bytes.readableBytes),
            modified: modified)
        files.keep(file, at: real)
        return file
    }

    /// The cached file as Vapor answers a file: ETag and Last-Modified, 304 when the ETag matches.
    static func answer(_ req: Request, _ file: PublishedFileCache.File, mediaType: HTTPMediaType) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .lastModified, value: file.lastModified)
        headers.replaceOrAdd(name: .eTag, value: file.etag)
        if req.headers.first(name: .ifNoneMatch) == file.etag {
            headers.replaceOrAdd(name: .contentLength, value: String(file.bytes.readableBytes))
            return Response(status: .notModified, version: .http1_1, headersNoUpdate: headers, body: .empty)
        }
        headers.contentType = mediaType
        headers.replaceOrAdd(name: .acceptRanges, value: "bytes")
        return Response(status: .ok, headers: headers, body: .init(buffer: file.bytes))
    }

    static func mediaType(of path: String) -> HTTPMediaType {
        switch (path as NSString).pathExtension {
        case "html": HTTPMediaType(type: "text", subType: "html", parameters: ["charset": "utf-8"])
        case "csv": HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8", "header": "present"])
        case "json": HTTPMediaType(type: "application", subType: "json", parameters: ["charset": "utf-8"])
        case "atom": HTTPMediaType(type: "application", subType: "atom+xml", parameters: ["charset": "utf-8"])
        case "xlsx": HTTPMediaType(type: "application", subType: "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        // The signed manifest, shown as text; the public key as text too (PEM is text).
        case "txt", "pem": HTTPMediaType(type: "text", subType: "plain", parameters: ["charset": "utf-8"])
        default: .binary
        }
    }

    /// `/publik/<body>/banding?dari=N&ke=M`: what changed between any two published versions.
    @Sendable static func compare(req: Request) async throws -> Response {
        let l = language(of: req)
        let slug = req.parameters.get("slug") ?? ""
        guard isSafe(slug), let body = try await PublicBody.query(on: req.db).filter(\.$slug == slug).first() else {
            return notFound(req, l.t("Badan publik ini tidak dikenal.", "This public body is not known."))
        }
        guard let from = req.query[Int.self, at: "dari"], let to = req.query[Int.self, at: "ke"], from > 0, to > 0, from != to
        else {
            return notFound(
                req, l.t("Sebut dua nomor versi yang berbeda, misalnya ?dari=1&ke=3.", "Name two different versions, e.g. ?dari=1&ke=3."))
        }
        let rows = try await Publication.query(on: req.db).filter(\.$body.$id == body.requireID())
            .filter(\.$version ~~ [from, to]).all()
        guard let older = rows.first(where: { $0.version == min(from, to) }),
            let newer = rows.first(where: { $0.version == max(from, to) })
        else {
            return notFound(
                req, l.t("Versi \(from) atau \(to) belum pernah terbit.", "Version \(from) or \(to) has not been published."))
        }
        let entries = try PublishedEntries(on: req.db)
        let newerRegister = try await entries.register(of: newer)
        let changes = newerRegister.changes(since: try await entries.register(of: older))
        // The name as the newer version published it: a rename not yet published stays unpublished.
        let name = newerRegister.body.name
        let folder = SiteURL.publicVersion(slug, newer.version, "").path + "/" + PublicPages.folder(l)
        let olderFolder = SiteURL.publicVersion(slug, older.version, "").path + "/" + PublicPages.folder(l)
        let html = HTML(
            .lang(l.html),
            .head(
                .encoding(.utf8), .viewport(.accordingToDevice),
                .element(named: "title", text: l.t("Perbandingan versi", "Versions compared") + " — \(name)"),
                .element(named: "style", text: PublicPages.style)),
            .body(
                .main(
                    .h1(
                        .text(
                            l.t(
                                "\(name): versi \(older.version) dibandingkan dengan versi \(newer.version)",
                                "\(name): version \(older.version) compared with version \(newer.version)"))),
                    PublicPages.changeLists(changes, l) { "\(folder)entri/\($0.id).html" },
                    .if(changes.isEmpty, .p(.text(l.t("Tidak ada perbedaan isi.", "No difference in content.")))),
                    .p(
                        .a(.href("\(olderFolder)index.html"), .text(l.t("Versi ", "Version ") + "\(older.version)")),
                        .text(" · "),
                        .a(.href("\(folder)index.html"), .text(l.t("Versi ", "Version ") + "\(newer.version)"))))))
        return Self.page(html.render(), status: .ok, cache: "public, max-age=31536000, immutable")
    }

    /// The language a public address asks for: `?lang=en`, a page under `en/`, or the English home.
    static func language(of req: Request) -> UILanguage {
        let path = req.url.path
        return req.query[String.self, at: "lang"] == "en" || path.contains("/en/") || path.hasSuffix("/index-en.html")
            ? .english : .indonesian
    }

    /// A 404 that helps: what is missing and where the registers are.
    static func notFound(_ req: Request, _ message: String) -> Response {
        let l = language(of: req)
        let html = HTML(
            .lang(l.html),
            .head(
                .encoding(.utf8), .viewport(.accordingToDevice), .element(named: "title", text: l.t("Tidak ditemukan", "Not found")),
                .element(named: "style", text: PublicPages.style)),
            .body(
                .main(
                    .h1(.text(l.t("Tidak ditemukan", "Not found"))), .p(.text(message)),
                    .p(
                        .a(
                            .href(SiteURL.publicHome(l).path),
                            .text(l.t("Daftar badan publik dan DIK-nya", "The public bodies and their registers")))))))
        return Self.page(html.render(), status: .notFound, cache: "no-store")
    }

    /// A page of the public side made per request (search, comparison, not found): the same policy
    /// as the static pages, whose small stylesheet is inline.
    static func page(_ html: String, status: HTTPStatus, cache: String) -> Response {
        let response = Response(status: status, body: .init(string: html))
        response.headers.contentType = .html
        response.headers.replaceOrAdd(name: .cacheControl, value: cache)
        response.headers.replaceOrAdd(
            name: "Content-Security-Policy",
            value: "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; frame-ancestors 'none'")
        return response
    }
}
