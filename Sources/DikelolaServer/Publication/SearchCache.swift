import Foundation
import NIOConcurrencyHelpers
import NIOCore

/// Recent search results, so a search asked again answers from memory: published registers change
/// a few times a week, searches many times a minute (issue 16). An answer is used while no version
/// was recorded or written by this instance since it was computed, and for at most `lifetime`
/// seconds — what the JSON answer's `Cache-Control: max-age=30` already allows — so a version
/// recorded by another instance shows within that time. At most `capacity` answers are kept, the
/// oldest dropped first; each holds one page of hits (20), so the cache stays a few megabytes.
final class SearchCache: Sendable {
    static let lifetime: TimeInterval = 30
    static let capacity = 2_048

    private struct Kept {
        let results: SearchIndex.Results
        let generation: Int
        let at: Date
        /// The JSON answer's body, once encoded: it depends on the filters only.
        var json: ByteBuffer?
    }

    private struct State {
        var generation = 0
        var kept: [SearchIndex.Filters: Kept] = [:]
        var order: [SearchIndex.Filters] = []
    }

    private let state = NIOLockedValueBox(State())

    /// A version was recorded or written here: every kept answer is out of date.
    func invalidate() { state.withLockedValue { $0.generation += 1 } }

    func results(for filters: SearchIndex.Filters, now: Date = Date()) -> SearchIndex.Results? {
        state.withLockedValue { state in Self.current(state, filters, now)?.results }
    }

    /// The encoded JSON answer, when it is kept and current.
    func json(for filters: SearchIndex.Filters, now: Date = Date()) -> ByteBuffer? {
        state.withLockedValue { state in Self.current(state, filters, now)?.json }
    }

    /// Keeps the encoded JSON beside the answer it encodes, if that answer is still the one kept.
    func keepJSON(_ bytes: ByteBuffer, for filters: SearchIndex.Filters, generation: Int) {
        state.withLockedValue { state in
            guard state.kept[filters]?.generation == generation else { return }
            state.kept[filters]?.json = bytes
        }
    }

    private static func current(_ state: State, _ filters: SearchIndex.Filters, _ now: Date) -> Kept? {
        guard let kept = state.kept[filters], kept.generation == state.generation,
            now.timeIntervalSince(kept.at) < Self.lifetime, now >= kept.at
        else { return nil }
        return kept
    }

    /// The generation to store an answer under: read before the search, so an answer computed
    /// while a version was recorded is not kept as current.
    var generation: Int { state.withLockedValue { $0.generation } }

    func keep(_ results: SearchIndex.Results, for filters: SearchIndex.Filters, generation: Int, now: Date = Date()) {
        state.withLockedValue { state in
            if state.kept[filters] == nil {
                state.order.append(filters)
                if state.order.count > Self.capacity {
                    let dropped = state.order.count - Self.capacity
                    for old in state.order.prefix(dropped) { state.kept[old] = nil }
                    state.order.removeFirst(dropped)
                }
            }
            state.kept[filters] = Kept(results: results, generation: generation, at: now, json: nil)
        }
    }

    var count: Int { state.withLockedValue { $0.kept.count } }
}
