import Foundation
import Vapor

/// One operation of the API, described once: its route is registered from this value and the
/// OpenAPI document lists it from the same value, with its request and response bodies, so an
/// operation cannot be served without being described (a test also holds every `/api/` route to
/// the document).
struct APIOperation: Sendable {
    enum Body: Sendable {
        case json(APISchema)
        case multipart(APISchema)
    }

    struct Answer: Sendable {
        let status: Int
        let description: String
        let schema: APISchema?
        var mediaType = "application/json"
    }

    struct QueryParameter: Sendable {
        let name: String
        let schema: APISchema
        let description: String?
    }

    let method: HTTPMethod
    let url: SiteURL
    let summary: String
    var request: Body? = nil
    let answers: [Answer]
    var query: [QueryParameter] = []
    /// Served without a token (the public register).
    var isPublic = false
    var bodyLimit: BodyLimit = .form
    /// Nil for the public operations, which `PublicSiteRoutes` serves from the same `url`.
    var handler: (@Sendable (Request, CurrentUser) async throws -> Response)? = nil

    /// The path as OpenAPI writes it: `/api/v1/proposals/{proposal}`.
    var template: String {
        "/" + url.components.map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : $0 }.joined(separator: "/")
    }

    /// The path's parameters: a step number is an integer, a public body is named by its address,
    /// everything else is a UUID.
    var pathParameters: [[String: Any]] {
        url.components.filter { $0.hasPrefix(":") }.map { component -> [String: Any] in
            let name = String(component.dropFirst())
            let schema: APISchema =
                switch name {
                case "step": .integer(minimum: 1)
                case "slug": .string(pattern: "^[a-z0-9-]+$")
                default: .uuid
                }
            return ["name": name, "in": "path", "required": true, "schema": schema.json]
        }
    }

    static func errorAnswer(_ description: String) -> [String: Any] {
        ["description": description, "content": ["application/json": ["schema": APISchema.ref("Error").json]]]
    }

    var json: [String: Any] {
        var out: [String: Any] = ["summary": summary]
        var parameters = pathParameters
        parameters += query.map { q in
            var p: [String: Any] = ["name": q.name, "in": "query", "schema": q.schema.json]
            if let description = q.description { p["description"] = description }
            return p
        }
        if !parameters.isEmpty { out["parameters"] = parameters }
        switch request {
        case let .json(schema): out["requestBody"] = ["required": true, "content": ["application/json": ["schema": schema.json]]]
        case let .multipart(schema): out["requestBody"] = ["required": true, "content": ["multipart/form-data": ["schema": schema.json]]]
        case nil: break
        }
        var responses: [String: Any] = [:]
        if request != nil {
            responses["400"] = Self.errorAnswer("The body cannot be read (not JSON, or not the documented object)")
            responses["415"] = Self.errorAnswer("The body is not of the documented media type")
        }
        for answer in answers {
            var entry: [String: Any] = ["description": answer.description]
            if let schema = answer.schema { entry["content"] = [answer.mediaType: ["schema": schema.json]] }
            responses[String(answer.status)] = entry
        }
        if !isPublic {
            responses["401"] = Self.errorAnswer("No valid token")
            responses["403"] = Self.errorAnswer("Not allowed here")
        }
        out["responses"] = responses
        if isPublic { out["security"] = [[String: Any]]() }
        return out
    }
}

extension APIOperation.Answer {
    static func ok(_ schema: APISchema, _ description: String = "OK") -> Self { .init(status: 200, description: description, schema: schema) }
    static func created(_ schema: APISchema) -> Self { .init(status: 201, description: "Created", schema: schema) }
    static func refused(_ status: Int, _ description: String) -> Self {
        .init(status: status, description: description, schema: .ref("Error"))
    }
    static func file(_ description: String) -> Self {
        .init(status: 200, description: description, schema: .string(format: "binary"), mediaType: "application/octet-stream")
    }
}

extension RoutesBuilder {
    /// Registers `operation` for a signed-in person (its handler must be set).
    func described(_ operation: APIOperation) {
        guard let handler = operation.handler else { return }
        signedIn(operation.method, operation.url, body: operation.bodyLimit, use: handler)
    }
}
