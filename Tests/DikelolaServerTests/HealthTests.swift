import Testing
import VaporTesting

@testable import DikelolaServer

@Suite struct HealthTests {
    @Test func answersWithTheDatabaseInUse() async throws {
        try await withApp { app in
            // when
            let response = try await app.testing().sendRequest(.GET, "/health")
            // then
            #expect(response.status == .ok, "\(response.body.string)")
            let health = try response.content.decode(HealthController.Health.self)
            #expect(health.status == "ok")
            #expect(health.database == TestDatabase.kindName)
            #expect(response.headers.contentType == .json)
        }
    }
}
