import Foundation
import Vapor

/// One log line per request, written when the answer is ready: method, path (without the query,
/// which may carry search terms), status, duration and the person's id (or `-`). Outermost, so
/// refusals and errors are logged with the status the client saw.
struct RequestLogMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let started = ContinuousClock.now
        do {
            let response = try await next.respond(to: request)
            log(request, status: response.status.code, since: started)
            return response
        } catch {
            let status = (error as? any AbortError)?.status.code ?? 500
            log(request, status: status, since: started)
            throw error
        }
    }

    private func log(_ request: Request, status: UInt, since started: ContinuousClock.Instant) {
        // Every request passes here: nothing is measured or formatted when the level drops the line.
        guard request.logger.logLevel <= .info else { return }
        let elapsed = ContinuousClock.now - started
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        let user = request.currentUser?.id.uuidString ?? "-"
        request.logger.info(
            "\(request.method.rawValue) \(request.url.path) \(status) \(String(format: "%.1f", milliseconds))ms user=\(user)")
    }
}
