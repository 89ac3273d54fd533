import Foundation
import NIOConcurrencyHelpers
import Vapor

/// `GET /benchmark/memory/<body>`: the body's current published DIK page, read once and then
/// answered from memory with the same headers as the file route (`answer`, `headed`), so the two
/// differ only in finding the file. Registered only when `DIKELOLA_BENCHMARK=1`
/// (scripts/benchmark.sh), to measure the framework's own ceiling.
struct BenchmarkMemoryRoute: RouteCollection {
    private let cache = NIOLockedValueBox<[String: PublishedFileCache.File]>([:])

    func boot(routes: any RoutesBuilder) throws {
        routes.get("benchmark", "memory", ":body") { req -> Response in
            let slug = req.parameters.get("body") ?? ""
            guard PublicSiteRoutes.isSafe(slug) else { throw Abort(.notFound) }
            let file: PublishedFileCache.File
            if let cached = cache.withLockedValue({ $0[slug] }) {
                file = cached
            } else {
                let path = PublicSite.bodyFolder(req.application, slug: slug).appendingPathComponent("terkini/index.html").path
                guard let data = FileManager.default.contents(atPath: path),
                    let modified = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
                else { throw Abort(.notFound) }
                file = PublishedFileCache.File(
                    bytes: ByteBuffer(bytes: data),
                    etag: PublishedFileCache.etag(realPath: PublishedFileCache.realPath(path) ?? path, modified: modified, size: data.count),
                    modified: modified)
                cache.withLockedValue { $0[slug] = file }
            }
            let relative = "\(slug)/terkini/index.html"
            return PublicSiteRoutes.headed(
                PublicSiteRoutes.answer(req, file, mediaType: PublicSiteRoutes.mediaType(of: relative)), relative: relative,
                parts: relative.split(separator: "/").map(String.init), cache: PublicSiteRoutes.shortCache)
        }
    }
}
