import DikelolaCore
import Foundation
import Plot
import Vapor

/// `/publik/cari`: search across every body's published register, with filters and pages; the only
/// public page computed per request. Bad filters get a clear message, never a server error.
enum PublicSearchPage {
    @Sendable static func search(req: Request) async throws -> Response {
        let query = (try? req.query.decode([String: String].self)) ?? [:]
        switch SearchIndex.Filters.parse(query) {
        case let .failure(problem):
            return render(req, filters: SearchIndex.Filters(), results: nil, problem: problem, status: .badRequest, query: query)
        case let .success(filters):
            let results = try await SearchIndex.search(filters, on: req.db)
            if req.headers.accept.mediaTypes.contains(.json) || query["format"] == "json" {
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
                let response = try await Answer(
                    total: results.total, page: filters.page, pageSize: SearchIndex.Filters.pageSize,
                    results: results.hits.map {
                        .init(
                            body: $0.body_slug, bodyName: $0.body_name, id: $0.entry_id, title: $0.title, unit: $0.unit,
                            ground: $0.ground, status: $0.status, endDate: $0.end_date,
                            url: "/publik/\($0.body_slug)/terkini/entri/\($0.entry_id).html")
                    }
                ).encodeResponse(for: req)
                response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=30")
                response.headers.replaceOrAdd(name: "Access-Control-Allow-Origin", value: "*")
                return response
            }
            return render(req, filters: filters, results: results, problem: nil, status: .ok, query: query)
        }
    }

    static func render(
        _ req: Request, filters: SearchIndex.Filters, results: SearchIndex.Results?, problem: SearchIndex.SearchProblem?,
        status: HTTPStatus, query: [String: String]
    ) -> Response {
        func field(_ name: String, _ label: String, _ value: String) -> Node<HTML.FormContext> {
            .div(
                .label(.for(name), .text(label)), .br(),
                .input(
                    .type(.text), .id(name), .name(name), .value(value),
                    .attribute(named: "aria-invalid", value: problem?.field == name ? "true" : nil)))
        }
        let statuses: [(String, String)] = [
            ("", "semua"), ("exempted", "dikecualikan"), ("endingSoon", "akan berakhir"), ("reviewDue", "perlu ditinjau"),
            ("opened", "sudah dibuka"),
        ]
        let pages = results.map { max(1, ($0.total + SearchIndex.Filters.pageSize - 1) / SearchIndex.Filters.pageSize) } ?? 1
        func link(page: Int) -> String {
            var items = query.filter { $0.key != "halaman" && !$0.value.isEmpty }.map {
                URLQueryItem(name: $0.key, value: $0.value)
            }
            items.append(URLQueryItem(name: "halaman", value: String(page)))
            var components = URLComponents()
            components.path = "/publik/cari"
            components.queryItems = items.sorted { $0.name < $1.name }
            return components.string ?? "/publik/cari"
        }
        let html = HTML(
            .lang(.indonesian),
            .head(
                .encoding(.utf8), .viewport(.accordingToDevice),
                .element(named: "title", text: "Cari informasi yang dikecualikan"),
                .element(named: "style", text: PublicPages.style)),
            .body(
                .header(.nav(.a(.href("/publik/index.html"), .text("Semua badan publik")))),
                .main(
                    .h1(.text("Cari informasi yang dikecualikan")),
                    .form(
                        .method(.get), .action("/publik/cari"),
                        field("q", "Kata", filters.text.isEmpty ? (query["q"] ?? "") : filters.text),
                        field("badan", "Badan publik (alamat singkat)", filters.body ?? query["badan"] ?? ""),
                        field("unit", "Unit", filters.unit ?? query["unit"] ?? ""),
                        field("dasar", "Huruf Pasal 17 (a–j)", filters.groundLetter ?? query["dasar"] ?? ""),
                        field("tahun", "Tahun berakhir", filters.endYear.map(String.init) ?? query["tahun"] ?? ""),
                        FormFields.select(
                            "keadaan", label: "Keadaan", options: statuses.map { (value: $0.0, label: $0.1) },
                            selected: filters.status ?? ""),
                        .p(.button(.type(.submit), .text("Cari")))),
                    .unwrap(problem) { .p(.attribute(named: "role", value: "alert"), .strong(.text($0.message))) },
                    .unwrap(results) { results in
                        .group(
                            .p(
                                .text(
                                    "\(results.total) informasi ditemukan"
                                        + (results.total > 0 ? "; halaman \(filters.page) dari \(pages)." : "."))),
                            .if(
                                !results.hits.isEmpty,
                                .table(
                                    .tr(
                                        .th(.text("No.")), .th(.text("Informasi")), .th(.text("Badan publik / unit")),
                                        .th(.text("Dasar hukum")), .th(.text("Berakhir")), .th(.text("Keadaan"))),
                                    .forEach(results.hits) { hit in
                                        .tr(
                                            .td(
                                                .a(
                                                    .href("/publik/\(hit.body_slug)/terkini/entri/\(hit.entry_id).html"),
                                                    .text(hit.entry_id))),
                                            .td(.text(hit.title)), .td(.text("\(hit.body_name) — \(hit.unit)")),
                                            .td(.text(hit.ground)),
                                            .td(
                                                .text(
                                                    hit.end_date.flatMap(LocalDate.init(iso:)).map(IndonesianFormat.date) ?? "—")),
                                            .td(
                                                .text(
                                                    PublicRegister.Entry.Status(rawValue: hit.status).map(
                                                        PublicRegister.statusLabel) ?? hit.status)))
                                    })),
                            .p(
                                .if(filters.page > 1, .a(.href(link(page: filters.page - 1)), .text("← Sebelumnya"))),
                                .text(" "),
                                .if(filters.page < pages, .a(.href(link(page: filters.page + 1)), .text("Berikutnya →")))))
                    })))
        let response = Response(status: status, body: .init(string: html.render()))
        response.headers.contentType = .html
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=30")
        return response
    }
}
