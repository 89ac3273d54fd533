import Fluent
import SQLKit
import Vapor

/// `GET /health`: whether the application and its database answer, for monitors and load
/// balancers. Names the database kind, never its address.
struct HealthController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("health", use: health)
    }

    struct Health: Content {
        let status: String
        let database: String
        let version: String
        let message: String?
    }

    @Sendable func health(req: Request) async throws -> Response {
        let kind = req.application.dikelola.configuration.database.kindName
        do {
            try await DatabaseProbe.ping(req.db)
            return try await Health(status: "ok", database: kind, version: DikelolaVersion.current, message: nil)
                .encodeResponse(status: .ok, for: req)
        } catch {
            req.logger.error("health check: database does not answer: \(String(reflecting: error))")
            return try await Health(
                status: "error", database: kind, version: DikelolaVersion.current,
                message: "basis data tidak menjawab"
            )
            .encodeResponse(status: .serviceUnavailable, for: req)
        }
    }
}

enum DatabaseProbe {
    /// A query every SQL database answers.
    static func ping(_ database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("SELECT 1 AS ok").run()
    }
}
