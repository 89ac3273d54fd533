import Foundation
import Vapor

/// The OpenAPI description of the API, served at `/api/v1/openapi.json`: generated from the same
/// `APIOperation` values that register the routes, the public register's two machine-readable
/// addresses, and the bodies in `APIComponents`.
enum OpenAPIDocument {
    /// Every operation the document lists.
    static var operations: [APIOperation] {
        [TokenController.meOperation] + ProposalAPIController().operations + publicOperations
    }

    /// The public register, no token: the search across bodies and a body's current register.
    static let publicOperations: [APIOperation] = [
        APIOperation(
            method: .GET, url: .publicSearch, summary: "Public search across every body's published register (no sign-in)",
            answers: [
                .ok(.ref("SearchResults"), "The results (JSON with format=json; else an HTML page)"),
                .refused(400, "A filter is not valid; the field is named (the HTML page names it beside the field)"),
            ],
            query: [
                .init(name: "format", schema: .string(values: ["json"]), description: "json for this answer; without it an HTML page"),
                .init(
                    name: "q", schema: .string(maxLength: 200),
                    description:
                        "Words, each matched as a prefix in the published fields: the register number, the information, the consequences and, once opened, the DIP summary"
                ),
                .init(name: "badan", schema: .text, description: "The body's public address (slug)"),
                .init(name: "unit", schema: .text, description: nil),
                .init(name: "dasar", schema: .string(pattern: "^[a-j]$"), description: "Letter of UU 14/2008 Pasal 17"),
                .init(name: "tahun", schema: .integer(minimum: 1900, maximum: 2200), description: "Year the period ends"),
                .init(name: "keadaan", schema: .string(values: ["exempted", "endingSoon", "reviewDue", "opened"]), description: nil),
                .init(name: "halaman", schema: .integer(minimum: 1, maximum: 500), description: "Page (20 results each)"),
                .init(name: "lang", schema: .string(values: ["en"]), description: "en for English labels, messages and entry links"),
            ], isPublic: true),
        APIOperation(
            method: .GET, url: .publicCurrent(nil, "dik.json"),
            summary:
                "The body's current published register (also dik.csv, dik.xlsx, cetak.html, feed.atom, embed.html, en/ for the pages in English; versi/{n}/ for past versions)",
            answers: [.ok(.ref("PublicRegister")), .init(status: 404, description: "No such body, or not yet published", schema: nil)],
            isPublic: true),
    ]

    static var info: [String: Any] {
        [
        "title": "Dikelola API", "version": "1",
        "description":
            "Pendokumentasian Informasi yang Dikecualikan. Authenticate with a personal token: Authorization: Bearer dk_… (made at /akun/token). Errors: {\"error\": \"…\", \"fields\": {\"field\": \"…\"}} with 400, 401, 403, 404, 409, 413 or 422. Text may not hold control characters (tab, and newline in multi-line fields, excepted) or unpaired surrogates: 422 names the field. Bodies: 256 KB for JSON; uploads up to the configured limit, multipart with the file last. Dates: years 1900–9999.",
        ]
    }

    static func document(_ operations: [APIOperation]) -> [String: Any] {
        var paths: [String: [String: Any]] = [:]
        for operation in operations {
            paths[operation.template, default: [:]][operation.method.rawValue.lowercased()] = operation.json
        }
        return [
            "openapi": "3.0.3", "info": info, "security": [["bearer": [String]()]], "paths": paths,
            "components": [
                "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer"]],
                "schemas": APIComponents.all.mapValues(\.json),
            ],
        ]
    }

    /// The document as served: built once, keys sorted so it reads the same on every start.
    static let json: String = {
        let data = (try? JSONSerialization.data(withJSONObject: document(operations), options: [.sortedKeys, .prettyPrinted])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }()

    static func response() -> Response {
        let response = Response(status: .ok, body: .init(string: json))
        response.headers.contentType = .json
        return response
    }
}
