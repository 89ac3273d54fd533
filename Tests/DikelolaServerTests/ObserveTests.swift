import DikelolaCore
import Fluent
import Foundation
import NIOConcurrencyHelpers
import Testing
import Vapor
import VaporTesting

@testable import DikelolaServer

/// What the people running Dikelola watch: `/metrics` for the bearer of the metrics token,
/// `/health/ready` for the load balancer, the housekeeping that keeps tables from growing, and a
/// shutdown that waits for the background round in progress.
@Suite struct ObserveTests {
    static let token = "rahasia-metrik-0123456789"

    @Test func metricsAreOnlyForTheBearerOfTheToken() async throws {
        try await withApp { app in
            let answer = try await app.testing().sendRequest(.GET, "/metrics")
            #expect(answer.status == .notFound, "no token set: no address")
        }
        try await withApp(adjust: { $0.metricsToken = Self.token }) { app in
            let anonymous = try await app.testing().sendRequest(.GET, "/metrics")
            #expect(anonymous.status == .unauthorized)
            #expect(anonymous.headers.first(name: .wwwAuthenticate)?.hasPrefix("Bearer") == true)
            let wrong = try await app.testing().sendRequest(.GET, "/metrics", headers: ["Authorization": "Bearer \(Self.token)x"])
            #expect(wrong.status == .unauthorized)
            #expect(!wrong.body.string.contains("dikelola_"))
        }
    }

    @Test func metricsCarryTheRegisterTheSweepAndThePublicationLag() async throws {
        try await withApp(adjust: { $0.metricsToken = Self.token }) { app in
            _ = try await DemoGovernment.load(in: app)
            _ = try await DemoProcedure.load(in: app)
            let before = try await Self.scrape(app)
            // Vapor's own request counters, through swift-metrics.
            #expect(before.contains("# TYPE http_requests_total counter"))
            #expect(before.contains("# TYPE dikelola_pdf_failures_total counter"))
            let exempted = try await RegisterEntry.query(on: app.db).filter(\.$status == .exempted).count()
            #expect(before.contains("dikelola_register_entries{body=\"kabupaten-contoh\",status=\"exempted\"} \(exempted)\n"))
            #expect(before.contains("dikelola_webhook_deliveries{state=\"failed\"} 0\n"))
            // Versions recorded but not yet written into this instance's folder: a lag is shown.
            let version = try #require(try await Publication.query(on: app.db).sort(\.$version, .descending).first()).version
            #expect(before.contains("dikelola_publication_version{body=\"kabupaten-contoh\"} \(version)\n"))
            #expect(before.contains("dikelola_publication_served_version{body=\"kabupaten-contoh\"} 0\n"))
            #expect(!before.contains("dikelola_publication_lag_seconds{body=\"kabupaten-contoh\"} 0\n"))
            try await PublicSite.materializeAll(app)
            let after = try await Self.scrape(app)
            #expect(after.contains("dikelola_publication_served_version{body=\"kabupaten-contoh\"} \(version)\n"))
            #expect(after.contains("dikelola_publication_lag_seconds{body=\"kabupaten-contoh\"} 0\n"))
            // Every sample line is a name, optional labels and a number.
            for line in after.split(separator: "\n") where !line.hasPrefix("#") {
                #expect(line.wholeMatch(of: /[a-z_:]+(\{[^}]*\})? -?[0-9.e+Inf-]+/) != nil, "\(line)")
            }
        }
    }

    static func scrape(_ app: Application) async throws -> String {
        let response = try await app.testing().sendRequest(.GET, "/metrics", headers: ["Authorization": "Bearer \(token)"])
        #expect(response.status == .ok)
        #expect(response.headers.contentType?.description.hasPrefix("text/plain") == true)
        return response.body.string
    }

    @Test func labelValuesAreEscaped() {
        #expect(MetricsReport.escaped("a\"b\\c\nd") == #"a\"b\\c\nd"#)
    }

    @Test func readinessNamesWhatIsWrong() async throws {
        try await withApp { app in
            let missingFolder = try await app.testing().sendRequest(.GET, "/health/ready")
            #expect(missingFolder.status == .serviceUnavailable)
            let answer = try missingFolder.content.decode(ReadinessController.Readiness.self)
            #expect(answer.checks["publicationFolder"]?.ok == false)
            #expect(answer.checks["database"]?.ok == true)
            #expect(answer.checks["migrations"]?.ok == true)

            try await PublicSite.materializeAll(app)
            #expect(try await app.testing().sendRequest(.GET, "/health/ready").status == .ok)

            // A background loop that stopped turning makes the instance not ready.
            app.dikelola.background.update {
                $0.started = Date().addingTimeInterval(-3600)
                $0.lastTick = Date().addingTimeInterval(-900)
            }
            let stuck = try await app.testing().sendRequest(.GET, "/health/ready")
            #expect(stuck.status == .serviceUnavailable)
            #expect(try stuck.content.decode(ReadinessController.Readiness.self).checks["backgroundLoop"]?.ok == false)
        }
    }

    @Test func housekeepingRemovesWhatNobodyNeedsAndNothingElse() async throws {
        let clock = FixedClock(Date(timeIntervalSince1970: 1_795_000_000))
        try await withApp(clock: clock, adjust: { $0.housekeepingDays = 30 }) { app in
            _ = try await DemoGovernment.load(in: app)
            let body = try #require(try await PublicBody.query(on: app.db).first())
            let now = clock.now()
            for (days, email) in [(31.0, "lama@contoh.go.id"), (29.0, "baru@contoh.go.id")] {
                try await LoginAttempt(email: email, clientAddress: "10.0.0.1", succeeded: false, occurredAt: now.addingTimeInterval(-days * 86_400))
                    .create(on: app.db)
            }
            let old = try await Self.delivery(body, status: .delivered, at: now.addingTimeInterval(-40 * 86_400), app)
            let failed = try await Self.delivery(body, status: .failed, at: now.addingTimeInterval(-40 * 86_400), app)
            let recent = try await Self.delivery(body, status: .delivered, at: now.addingTimeInterval(-86_400), app)
            let person = Browser(app)
            try await person.signIn(as: "operator.diskominfo@contohkab.go.id")
            let sessions = try await SessionRecord.query(on: app.db).count()
            #expect(sessions >= 1)

            let first = try await Housekeeping.run(app, now: now)
            #expect(first.signInAttempts == 1)
            #expect(first.webhookDeliveries == 1)
            #expect(first.sessions == 0, "a session in use stays")
            #expect(try await LoginAttempt.query(on: app.db).all().map(\.email).contains("baru@contoh.go.id"))
            #expect(try await WebhookDelivery.find(old, on: app.db) == nil)
            #expect(try await WebhookAttempt.query(on: app.db).filter(\.$delivery.$id == old).count() == 0)
            #expect(try await WebhookDelivery.find(failed, on: app.db) != nil, "failures stay for the administrator")
            #expect(try await WebhookDelivery.find(recent, on: app.db) != nil)

            clock.advance(by: 25 * 3600)
            let later = try await Housekeeping.run(app, now: clock.now())
            #expect(later.sessions == sessions)
            #expect(try await SessionRecord.query(on: app.db).count() == 0)
            let home = try await person.get("/")
            #expect(!home.body.contains("Keluar"), "the removed session signs nobody in")
        }
    }

    static func delivery(_ body: PublicBody, status: DeliveryStatus, at date: Date, _ app: Application) async throws -> UUID {
        let delivery = WebhookDelivery()
        delivery.$body.id = try body.requireID()
        delivery.event = "register.opened"
        delivery.payload = "{}"
        delivery.status = status
        delivery.attempts = 1
        delivery.nextAttemptAt = date
        delivery.deliveredAt = status == .delivered ? date : nil
        try await delivery.create(on: app.db)
        let attempt = WebhookAttempt()
        attempt.$delivery.id = try delivery.requireID()
        attempt.attemptedAt = date
        attempt.url = "https://contoh.go.id/kait"
        attempt.statusCode = status == .delivered ? 200 : 500
        attempt.durationMS = 12
        try await attempt.create(on: app.db)
        return try delivery.requireID()
    }

    @Test func shutdownWaitsForTheRoundInProgress() async throws {
        let finished = NIOLockedValueBox(false)
        let round = Task {
            // A round that does not stop half-way when cancelled.
            try? await Task.sleep(for: .milliseconds(1))
            let deadline = ContinuousClock.now + .milliseconds(200)
            while ContinuousClock.now < deadline { await Task.yield() }
            finished.withLockedValue { $0 = true }
        }
        try await withApp { app in
            await BackgroundWork.Stopper(tasks: [round]).shutdownAsync(app)
            #expect(finished.withLockedValue { $0 })
        }
    }
}
