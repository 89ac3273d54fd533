import Foundation

/// The public search over every body's published register, answered from memory (issue 16): the
/// same answers as the full-text index in the database — the same matches, the same count, and on
/// SQLite the same order, because entries are ranked by FTS5's BM25 computed the same way over the
/// same words — at a fraction of its cost. Immutable: a new version of a body's register gives a
/// new value (`replacing`), which searches already running do not see.
public struct RegisterSearch: Sendable {
    public struct Query: Sendable, Hashable {
        /// Each matches as a prefix; all must match.
        public var terms: [String]
        public var body: String?
        public var unit: String?
        public var groundLetter: String?
        public var endYear: Int?
        public var status: String?
        public var offset: Int
        public var limit: Int

        public init(
            terms: [String], body: String? = nil, unit: String? = nil, groundLetter: String? = nil, endYear: Int? = nil,
            status: String? = nil, offset: Int = 0, limit: Int = 20
        ) {
            self.terms = terms
            self.body = body
            self.unit = unit
            self.groundLetter = groundLetter
            self.endYear = endYear
            self.status = status
            self.offset = max(0, offset)
            self.limit = max(0, limit)
        }
    }

    public struct Answer: Sendable {
        public let documents: [SearchDocument]
        public let total: Int
    }

    struct Place: Sendable {
        let segment: Int32
        let document: Int32
    }

    /// Segments by key (a body's identifier), and in a fixed order for the places below.
    public let segments: [SearchSegment]
    public let keys: [String]
    /// Every document in the register's order across bodies (`sortKey`).
    let order: [Place]
    /// Each document's position in `order`, per segment.
    let ranks: [[Int32]]
    let totalWords: Int
    /// How many entries hold each word searched so far (its IDF's count), which does not change
    /// while this index lives: a search restricted to one body then reads only that body's words.
    let wordHits = WordHits()

    public var count: Int { order.count }

    public init(segments keyed: [(key: String, segment: SearchSegment)]) {
        segments = keyed.map(\.segment)
        keys = keyed.map(\.key)
        var places: [Place] = []
        places.reserveCapacity(segments.reduce(0) { $0 + $1.documents.count })
        for (s, segment) in segments.enumerated() {
            for d in segment.documents.indices { places.append(Place(segment: Int32(s), document: Int32(d))) }
        }
        let segments = self.segments
        places.sort { a, b in
            let left = segments[Int(a.segment)].documents[Int(a.document)].sortKey
            let right = segments[Int(b.segment)].documents[Int(b.document)].sortKey
            return left != right ? left < right : (a.segment, a.document) < (b.segment, b.document)
        }
        order = places
        var ranks = segments.map { [Int32](repeating: 0, count: $0.documents.count) }
        for (position, place) in places.enumerated() { ranks[Int(place.segment)][Int(place.document)] = Int32(position) }
        self.ranks = ranks
        totalWords = segments.reduce(0) { $0 + $1.totalWords }
    }

    /// This index with `key`'s segment replaced, added (a new body) or removed (nil).
    public func replacing(_ key: String, with segment: SearchSegment?) -> RegisterSearch {
        var keyed = Array(zip(keys, segments)).map { (key: $0.0, segment: $0.1) }
        keyed.removeAll { $0.key == key }
        if let segment { keyed.append((key: key, segment: segment)) }
        return RegisterSearch(segments: keyed)
    }

    public func search(_ query: Query) -> Answer {
        let words = query.terms.flatMap { term in
            // A term the tokenizer splits is searched as its words, the last one as a prefix.
            SearchText.words(term)
        }
        if query.terms.isEmpty { return filtered(query) }
        guard !words.isEmpty else { return Answer(documents: [], total: 0) }
        return ranked(query, words: words)
    }

    /// Without words: the entries passing the filters, in the register's order.
    func filtered(_ query: Query) -> Answer {
        let filters = segments.map { SegmentFilter($0, query) }
        var total = 0
        var page: [SearchDocument] = []
        let end = query.offset.addingReportingOverflow(query.limit)
        let last = end.overflow ? Int.max : end.partialValue
        for place in order {
            guard let filter = filters[Int(place.segment)], filter.passes(Int(place.document)) else { continue }
            if total >= query.offset && total < last { page.append(filter.segment.documents[Int(place.document)]) }
            total += 1
        }
        return Answer(documents: page, total: total)
    }
}

/// Counts of entries per searched word, shared by the searches of one index (and safe across threads).
final class WordHits: @unchecked Sendable {
    static let capacity = 20_000
    private let lock = NSLock()
    private var hits: [SearchText.Word: Int] = [:]

    func count(of word: SearchText.Word) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        return hits[word]
    }

    func keep(_ count: Int, for word: SearchText.Word) {
        lock.lock()
        defer { lock.unlock() }
        if hits.count >= Self.capacity { hits.removeAll(keepingCapacity: true) }
        hits[word] = count
    }
}
