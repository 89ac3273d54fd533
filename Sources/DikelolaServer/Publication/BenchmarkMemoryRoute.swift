import Foundation
import NIOConcurrencyHelpers
import Vapor

/// `GET /benchmark/memory/<body>`: the body's current published DIK page, read once and then
/// answered from memory with the same headers as the file route. Registered only when
/// `DIKELOLA_BENCHMARK_ROUTE=1` (scripts/benchmark.sh), to measure the framework's own ceiling.
struct BenchmarkMemoryRoute: RouteCollection {
    private let cache = NIOLockedValueBox<[String: ByteBuffer]>([:])

    func boot(routes: any RoutesBuilder) throws {
        routes.get("benchmark", "memory", ":body") { req -> Response in
            let slug = req.parameters.get("body") ?? ""
            guard PublicSiteRoutes.isSafe(slug) else { throw Abort(.notFound) }
            let bytes: ByteBuffer
            if let cached = cache.withLockedValue({ $0[slug] }) {
                bytes = cached
            } else {
                let path = PublicSite.bodyFolder(req.application, slug: slug).appendingPathComponent("terkini/index.html").path
                guard let data = FileManager.default.contents(atPath: path) else { throw Abort(.notFound) }
                bytes = ByteBuffer(bytes: data)
                cache.withLockedValue { $0[slug] = bytes }
            }
            let response = Response(status: .ok, body: .init(buffer: bytes))
            response.headers.contentType = PublicSiteRoutes.mediaType(of: "index.html")
            response.headers.replaceOrAdd(name: .cacheControl, value: PublicSiteRoutes.shortCache)
            return response
        }
    }
}
