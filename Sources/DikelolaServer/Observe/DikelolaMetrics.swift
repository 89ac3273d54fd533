import Crypto
import Foundation
import Metrics
import Prometheus
import Vapor

/// The process's metrics: one Prometheus registry behind swift-metrics, so Vapor's own request
/// counters and durations (`http_requests_total`, `http_request_duration_seconds`) land in it
/// beside Dikelola's counters. The state of the register is read at each scrape (`MetricsReport`).
enum DikelolaMetrics {
    static let registry = PrometheusCollectorRegistry()

    /// swift-metrics may be bootstrapped once per process; every application of the process
    /// (tests make hundreds) shares it.
    private static let bootstrapped: Void = {
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
    }()

    /// Also registers Dikelola's counters, so they are scraped at 0 before anything happened.
    static func bootstrap() {
        _ = bootstrapped
        _ = (pdfFailures, webhookAttempts, housekeepingRemoved)
    }

    static let pdfFailures = registry.makeCounter(
        name: "dikelola_pdf_failures_total", help: "Documents Chromium failed to print to PDF.")
    static let webhookAttempts = registry.makeCounter(
        name: "dikelola_webhook_attempts_total", help: "Webhook delivery attempts made by this instance.")
    static let housekeepingRemoved = registry.makeCounter(
        name: "dikelola_housekeeping_removed_total", help: "Expired sessions, old sign-in attempts and delivered webhooks removed.")

    /// The registry's text followed by the register's gauges.
    static func exposition(report: String) -> String {
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return String(decoding: buffer, as: UTF8.self) + report
    }
}

/// `GET /metrics`: Prometheus's text format, for the bearer of `DIKELOLA_METRICS_TOKEN`. Without the
/// setting the address does not exist; a wrong token is refused before anything is read.
struct MetricsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("metrics", use: metrics)
    }

    @Sendable func metrics(req: Request) async throws -> Response {
        guard let token = req.application.dikelola.configuration.metricsToken else { throw Abort(.notFound) }
        guard let offered = req.headers.bearerAuthorization?.token, Self.same(offered, token) else {
            var headers = HTTPHeaders()
            headers.add(name: .wwwAuthenticate, value: #"Bearer realm="dikelola-metrics""#)
            headers.contentType = .plainText
            return Response(status: .unauthorized, headers: headers, body: .init(string: "Token metrik salah atau tidak ada.\n"))
        }
        let report = try await MetricsReport.gather(req.application, now: req.application.dikelola.clock.now())
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "plain", parameters: ["version": "0.0.4", "charset": "utf-8"])
        headers.cacheControl = .init(noStore: true)
        return Response(status: .ok, headers: headers, body: .init(string: DikelolaMetrics.exposition(report: report.text)))
    }

    /// Compares digests, so the time taken says nothing about how much of the token was right.
    static func same(_ offered: String, _ expected: String) -> Bool {
        SHA256.hash(data: Data(offered.utf8)) == SHA256.hash(data: Data(expected.utf8))
    }
}
