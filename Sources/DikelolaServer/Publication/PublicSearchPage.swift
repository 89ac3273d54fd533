import DikelolaCore
import Foundation
import Plot
import Vapor

/// `/publik/cari`: search across every body's published register, with filters and pages; the only
/// public page computed per request. Bad filters get a clear message, never a server error.
enum PublicSearchPage {
    @Sendable static func search(req: Request) async throws -> Response {
        let decoded = parameters(req.url.query)
        let query = (try? decoded.get()) ?? [:]
        let wantsJSON = query["format"] == "json" || req.url.query?.contains("format=json") == true || prefersJSON(req.headers.accept)
        let l = PublicSiteRoutes.language(of: req)
        switch decoded.flatMap(SearchIndex.Filters.parse) {
        case let .failure(problem):
            if wantsJSON {
                struct Problem: Content {
                    let error: String
                    /// The documented shape of every API error (`fields`), and `field` as it was first answered.
                    let fields: [String: String]
                    let field: String
                }
                let message = l.t(problem.message, problem.english)
                let response = try await Problem(error: message, fields: [problem.field: message], field: problem.field)
                    .encodeResponse(status: .badRequest, for: req)
                response.headers.replaceOrAdd(name: "Access-Control-Allow-Origin", value: "*")
                return response
            }
            return render(
                req, filters: SearchIndex.Filters(), results: nil, problem: problem, status: .badRequest, query: query, l)
        case let .success(filters):
            let cache = req.application.dikelola.publicSite.searches
            let keeps = req.application.dikelola.configuration.searchCache
            let generation = cache.generation
            let index = await currentIndex(req)
            if wantsJSON, keeps, let bytes = cache.json(for: filters) { return jsonAnswer(bytes) }
            let results = try await answer(filters, index: index, generation: generation, req)
            if wantsJSON {
                struct Answer: Content {
                    let total: Int
                    let page: Int
                    let pageSize: Int
                    let results: [Item]
                    struct Item: Content {
                        let body: String
                        let bodyName: String
                        let id: String
                        let title: String
                        let unit: String
                        let ground: String
                        let status: String
                        let endDate: String?
                        let url: String
                    }
                }
                let answer = Answer(
                    total: results.total, page: filters.page, pageSize: SearchIndex.Filters.pageSize,
                    results: results.hits.map {
                        .init(
                            body: $0.body_slug, bodyName: $0.body_name, id: $0.entry_id, title: $0.title, unit: $0.unit,
                            ground: $0.ground, status: $0.status, endDate: $0.end_date,
                            url: SiteURL.publicCurrent($0.body_slug, "entri/\($0.entry_id).html").path)
                    })
                var headers = HTTPHeaders()
                var bytes = ByteBufferAllocator().buffer(capacity: 512)
                try ContentConfiguration.global.requireEncoder(for: .json).encode(answer, to: &bytes, headers: &headers)
                if keeps { cache.keepJSON(bytes, for: filters, generation: generation) }
                return jsonAnswer(bytes)
            }
            return render(req, filters: filters, results: results, problem: nil, status: .ok, query: query, l)
        }
    }

    /// The query string's parameters (the last of a repeated one wins, `+` is a space); a value or
    /// name that is not UTF-8 once decoded is refused, naming its field.
    static func parameters(_ query: String?) -> Result<[String: String], SearchIndex.SearchProblem> {
        var parameters: [String: String] = [:]
        for pair in (query ?? "").split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String? { String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding }
            let rawName = parts[0]
            guard let name = decode(rawName), let value = parts.count > 1 ? decode(parts[1]) : "" else {
                let field = decode(rawName) ?? String(rawName.prefix(40))
                return .failure(
                    .init(
                        field: field, message: "Isian \(field) bukan teks yang sah (UTF-8); periksa huruf yang diketik.",
                        english: "The field \(field) is not valid text (UTF-8); check the characters typed."))
            }
            parameters[name] = value
        }
        return .success(parameters)
    }

    /// The JSON answer's response, from its encoded body.
    static func jsonAnswer(_ bytes: ByteBuffer) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=30")
        headers.replaceOrAdd(name: "Access-Control-Allow-Origin", value: "*")
        // The same address answers JSON or HTML by the Accept header: a cache keeps them apart.
        headers.replaceOrAdd(name: .vary, value: "Accept")
        return Response(status: .ok, headers: headers, body: .init(buffer: bytes))
    }

    /// The index in memory brought up to date (a version recorded anywhere drops the kept answers),
    /// or nil when it is off, still loading, or cannot be loaded.
    static func currentIndex(_ req: Request) async -> RegisterSearch? {
        guard req.application.dikelola.configuration.searchInMemory else { return nil }
        do {
            return try await req.application.dikelola.publicSite.memorySearch.current(on: req.db)
        } catch {
            req.logger.warning("Indeks pencarian di memori tidak dapat dimuat; dijawab dari basis data: \(String(reflecting: error))")
            return nil
        }
    }

    /// The answer kept from before when it is current; else from the index in memory when there is
    /// one, else from the database's index (and kept). A kept answer is dropped when a version is
    /// recorded here or the index in memory changes, and after 30 s. `generation` is read before
    /// the index was brought up to date: an answer from an index replaced meanwhile is not kept as current.
    static func answer(_ filters: SearchIndex.Filters, index: RegisterSearch?, generation: Int, _ req: Request) async throws
        -> SearchIndex.Results
    {
        let cache = req.application.dikelola.publicSite.searches
        let keeps = req.application.dikelola.configuration.searchCache
        if keeps, let kept = cache.results(for: filters) { return kept }
        let results =
            if let index { MemorySearch.answer(filters, from: index) } else { try await SearchIndex.search(filters, on: req.db) }
        if keeps { cache.keep(results, for: filters, generation: generation) }
        return results
    }

    /// Whether an Accept header names JSON, by its exact name, above HTML. (Vapor's media-type
    /// equality lets `*/*`, which every browser sends, match JSON.)
    static func prefersJSON(_ accept: [HTTPMediaTypePreference]) -> Bool {
        func q(_ type: String, _ subType: String) -> Double {
            accept.first { $0.mediaType.type == type && $0.mediaType.subType == subType }.map { $0.q ?? 1 } ?? 0
        }
        return q("application", "json") > q("text", "html")
    }

    static func render(
        _ req: Request, filters: SearchIndex.Filters, results: SearchIndex.Results?, problem: SearchIndex.SearchProblem?,
        status: HTTPStatus, query: [String: String], _ l: UILanguage
    ) -> Response {
        func field(_ name: String, _ label: String, _ value: String) -> Node<HTML.FormContext> {
            .div(
                .label(.for(name), .text(label)), .br(),
                .input(
                    .type(.text), .id(name), .name(name), .value(value.attributeEscaped),
                    .attribute(named: "aria-invalid", value: problem?.field == name ? "true" : nil)))
        }
        let statuses: [(String, String)] = [
            ("", l.t("semua", "all")), ("exempted", l.t("dikecualikan", "exempted")),
            ("endingSoon", l.t("akan berakhir", "ending soon")), ("reviewDue", l.t("perlu ditinjau", "under review")),
            ("opened", l.t("sudah dibuka", "opened")),
        ]
        let pages = results.map { max(1, ($0.total + SearchIndex.Filters.pageSize - 1) / SearchIndex.Filters.pageSize) } ?? 1
        func link(page: Int, language: UILanguage) -> String { pageLink(query, page: page, language: language) }
        let html = HTML(
            .lang(l.html),
            .head(
                .encoding(.utf8), .viewport(.accordingToDevice),
                .element(named: "title", text: l.t("Cari informasi yang dikecualikan", "Search exempted information")),
                .element(named: "style", text: PublicPages.style)),
            .body(
                .header(
                    .a(.class("lang"), .href(link(page: filters.page, language: l == .english ? .indonesian : .english)),
                        .text(l.t("English", "Bahasa Indonesia"))),
                    .nav(.a(.href(SiteURL.publicHome(l).path), .text(l.t("Semua badan publik", "All public bodies"))))),
                .main(
                    .h1(.text(l.t("Cari informasi yang dikecualikan", "Search exempted information"))),
                    .form(
                        .method(.get), .action(SiteURL.publicSearch.path),
                        .if(l == .english, .input(.type(.hidden), .name("lang"), .value("en"))),
                        field("q", l.t("Kata", "Words"), filters.text.isEmpty ? (query["q"] ?? "") : filters.text),
                        field("badan", l.t("Badan publik (alamat singkat)", "Public body (short address)"), filters.body ?? query["badan"] ?? ""),
                        field("unit", "Unit", filters.unit ?? query["unit"] ?? ""),
                        field("dasar", l.t("Huruf Pasal 17 (a–j)", "Letter of Article 17 (a–j)"), filters.groundLetter ?? query["dasar"] ?? ""),
                        field("tahun", l.t("Tahun berakhir", "Year the period ends"), filters.endYear.map(String.init) ?? query["tahun"] ?? ""),
                        FormFields.select(
                            "keadaan", label: l.t("Keadaan", "Status"), options: statuses.map { (value: $0.0, label: $0.1) },
                            selected: filters.status ?? ""),
                        .p(.button(.type(.submit), .text(l.t("Cari", "Search"))))),
                    .unwrap(problem) { .p(.attribute(named: "role", value: "alert"), .strong(.text(l.t($0.message, $0.english)))) },
                    .unwrap(results) { results in
                        .group(
                            .p(
                                .text(
                                    l.t("\(results.total) informasi ditemukan", "\(results.total) found")
                                        + (results.total == 0
                                            ? "."
                                            : filters.page <= pages
                                                ? l.t("; halaman \(filters.page) dari \(pages).", "; page \(filters.page) of \(pages).")
                                                : l.t(
                                                    "; halaman \(filters.page) melewati halaman terakhir (\(pages)).",
                                                    "; page \(filters.page) is past the last page (\(pages)).")))),
                            .if(
                                !results.hits.isEmpty,
                                hitsTable(results.hits, l, statuses: statuses)),
                            .p(
                                .if(
                                    filters.page > 1 && filters.page <= pages,
                                    .a(.href(link(page: filters.page - 1, language: l)), .text(l.t("← Sebelumnya", "← Previous")))),
                                .if(
                                    filters.page > pages,
                                    .a(.href(link(page: pages, language: l)), .text(l.t("← Halaman terakhir", "← Last page")))),
                                .text(" "),
                                .if(
                                    filters.page < pages,
                                    .a(.href(link(page: filters.page + 1, language: l)), .text(l.t("Berikutnya →", "Next →"))))))
                    })))
        let response = PublicSiteRoutes.page(html.render(), status: status, cache: "public, max-age=30")
        response.headers.replaceOrAdd(name: .vary, value: "Accept")
        return response
    }

    /// The search's address for another page or language, with the same parameters.
    static func pageLink(_ query: [String: String], page: Int, language: UILanguage) -> String {
        var items = query.filter { $0.key != "halaman" && $0.key != "lang" && !$0.value.isEmpty }.map {
            URLQueryItem(name: $0.key, value: $0.value)
        }
        items.append(URLQueryItem(name: "halaman", value: String(page)))
        if language == .english { items.append(URLQueryItem(name: "lang", value: "en")) }
        var components = URLComponents()
        components.path = SiteURL.publicSearch.path
        components.queryItems = items.sorted { $0.name < $1.name }
        return components.string ?? SiteURL.publicSearch.path
    }

    /// The hits as a table: number (linked to the entry's public page), information, body and unit,
    /// ground, end and status.
    static func hitsTable(_ hits: [SearchIndex.Hit], _ l: UILanguage, statuses: [(String, String)]) -> Node<HTML.BodyContext> {
        .table(
            .tr(
                .th(.text("No.")), .th(.text(l.t("Informasi", "Information"))),
                .th(.text(l.t("Badan publik / unit", "Public body / unit"))),
                .th(.text(l.t("Dasar hukum", "Legal ground"))), .th(.text(l.t("Berakhir", "Ends"))),
                .th(.text(l.t("Keadaan", "Status")))),
            .forEach(hits) { hit in
                .tr(
                    .td(
                        .a(
                            .href(
                                SiteURL.publicCurrent(hit.body_slug, "\(PublicPages.folder(l))entri/\(hit.entry_id).html").path
                            ),
                            .text(hit.entry_id))),
                    .td(.text(hit.title)), .td(.text("\(hit.body_name) — \(hit.unit)")),
                    .td(.text(hit.ground)),
                    .td(
                        .text(
                            hit.end_date.flatMap(LocalDate.init(iso:)).map(l.date) ?? "—")),
                    .td(
                        .text(
                            l == .indonesian
                                ? PublicRegister.Entry.Status(rawValue: hit.status).map(
                                    PublicRegister.statusLabel) ?? hit.status
                                : statuses.first { $0.0 == hit.status }?.1 ?? hit.status)))
            })
    }
}
