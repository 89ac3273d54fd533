import DikelolaCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import DikelolaServer

/// Search answers asked again come from memory, and never outlive a version recorded here or
/// thirty seconds (what the JSON answer's Cache-Control allows anyway).
@Suite struct SearchCacheTests {
    static func results(_ total: Int) -> SearchIndex.Results { SearchIndex.Results(hits: [], total: total) }

    @Test func anAnswerLastsUntilAVersionOrThirtySeconds() {
        let cache = SearchCache()
        var filters = SearchIndex.Filters()
        filters.text = "data"
        let now = Date()
        cache.keep(Self.results(3), for: filters, generation: cache.generation, now: now)
        #expect(cache.results(for: filters, now: now.addingTimeInterval(29))?.total == 3)
        #expect(cache.results(for: filters, now: now.addingTimeInterval(31)) == nil)
        // An answer computed while a version was recorded is never used.
        let before = cache.generation
        cache.invalidate()
        cache.keep(Self.results(4), for: filters, generation: before, now: now)
        #expect(cache.results(for: filters, now: now) == nil)
        cache.keep(Self.results(5), for: filters, generation: cache.generation, now: now)
        #expect(cache.results(for: filters, now: now)?.total == 5)
        cache.invalidate()
        #expect(cache.results(for: filters, now: now) == nil)
    }

    @Test func atMostCapacityAnswersAreKept() {
        let cache = SearchCache()
        for page in 1...(SearchCache.capacity + 10) {
            var filters = SearchIndex.Filters()
            filters.page = page
            cache.keep(Self.results(page), for: filters, generation: cache.generation)
        }
        #expect(cache.count == SearchCache.capacity)
        var first = SearchIndex.Filters()
        first.page = 1
        #expect(cache.results(for: first) == nil, "the oldest went first")
    }

    /// Through the public address: a published change is found at once by the same search.
    @Test func aNewVersionIsFoundAtOnce() async throws {
        try await withApp { app in
            _ = try await DemoGovernment.load(in: app)
            _ = try await DemoProcedure.load(in: app)
            let reader = Browser(app)
            let before = try await reader.get("/publik/cari?format=json&q=kerangkeng")
            #expect(before.status == .ok && before.body.contains("\"total\":0"))
            let entry = try #require(try await RegisterEntry.query(on: app.db).filter(\.$status == .exempted).first())
            entry.title = "Kerangkeng data uji"
            try await entry.save(on: app.db)
            #expect(try await Publisher.catchUp(app: app, now: Date()) == 1)
            let after = try await reader.get("/publik/cari?format=json&q=kerangkeng")
            #expect(after.body.contains("\"total\":1"), "\(after.body)")
        }
    }
}
