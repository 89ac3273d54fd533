import Foundation

/// Ranking as SQLite's FTS5 `bm25()` does it, so an answer from memory is in the order the
/// database gives: k1 = 1.2, b = 0.75, every column weighing 1; each searched word is a phrase,
/// matched as a prefix in the searched columns; each filter is a phrase of the `facets` column; a
/// row's size counts the words of every column; IDF = ln((N − n + 0.5) / (n + 0.5)), at least 1e-6.
extension RegisterSearch {
    static let k1 = 1.2
    static let b = 0.75

    struct Scored {
        let score: Double
        let rank: Int32
        let place: Place

        /// Higher score first; on equal scores, the register's order.
        func isBetter(than other: Scored) -> Bool { score != other.score ? score > other.score : rank < other.rank }
    }

    static func idf(rows: Int, hits: Int) -> Double {
        let value = log((Double(rows) - Double(hits) + 0.5) / (Double(hits) + 0.5))
        return value <= 0 ? 1e-6 : value
    }

    /// How many entries hold each filter word, across every body (FTS5 counts the whole table).
    func facetHits(_ query: Query) -> [Int] {
        var hits: [Int] = []
        if let body = query.body {
            hits.append(segments.reduce(0) { $0 + ($1.documents.first?.bodySlug == body ? $1.documents.count : 0) })
        }
        if let unit = query.unit { hits.append(segments.reduce(0) { $0 + ($1.unitCounts[unit] ?? 0) }) }
        if let letter = query.groundLetter {
            hits.append(segments.reduce(0) { $0 + ($1.groundCounts[letter.lowercased()] ?? 0) })
        }
        if let year = query.endYear { hits.append(segments.reduce(0) { $0 + ($1.yearCounts[year] ?? 0) }) }
        if let status = query.status {
            hits.append(segments.reduce(0) { $0 + ($1.statusCounts[status.lowercased()] ?? 0) })
        }
        return hits
    }

    func ranked(_ query: Query, words: [SearchText.Word]) -> Answer {
        let rows = count
        guard rows > 0 else { return Answer(documents: [], total: 0) }
        let average = Double(totalWords) / Double(rows)
        let filters = segments.map { SegmentFilter($0, query) }
        // Each word's count of entries across every body: remembered, or counted here over all of them.
        let remembered = words.map { wordHits.count(of: $0) }
        let countAll = remembered.contains(nil)
        var hits = remembered.map { $0 ?? 0 }
        // Per segment that can answer, per word: occurrences in each document.
        var frequencies = [[[Int32]]?](repeating: nil, count: segments.count)
        for (s, segment) in segments.enumerated() where countAll || filters[s] != nil {
            var perWord: [[Int32]] = []
            for (i, word) in words.enumerated() {
                let found = segment.frequencies(prefix: word)
                perWord.append(found.counts)
                if remembered[i] == nil { hits[i] += found.documents }
            }
            frequencies[s] = perWord
        }
        for (i, word) in words.enumerated() where remembered[i] == nil { wordHits.keep(hits[i], for: word) }
        let idfs = (hits + facetHits(query)).map { Self.idf(rows: rows, hits: $0) }
        let facetIDFs = Array(idfs.dropFirst(words.count))
        let wanted = query.offset.addingReportingOverflow(query.limit)
        var best = TopScores(capacity: wanted.overflow ? Int.max : wanted.partialValue)
        var total = 0
        for (s, segment) in segments.enumerated() {
            guard let filter = filters[s], let counts = frequencies[s], counts.allSatisfy({ !$0.isEmpty }) else { continue }
            let lengths = segment.lengths
            let ranks = self.ranks[s]
            if counts.count == 1 && facetIDFs.isEmpty {
                // One word, no filter: the common case, in a loop of its own.
                total += Self.rankOneWord(
                    counts[0], idf: idfs[0], lengths: lengths, ranks: ranks, average: average, segment: Int32(s), into: &best)
                continue
            }
            documents: for d in 0..<segment.documents.count {
                for perDocument in counts where perDocument[d] == 0 { continue documents }
                guard filter.passes(d) else { continue }
                total += 1
                let size = Double(lengths[d])
                var score = 0.0
                for (i, perDocument) in counts.enumerated() {
                    score += Self.term(frequency: Double(perDocument[d]), idf: idfs[i], size: size, average: average)
                }
                for idf in facetIDFs { score += Self.term(frequency: 1, idf: idf, size: size, average: average) }
                best.offer(Scored(score: score, rank: ranks[d], place: Place(segment: Int32(s), document: Int32(d))))
            }
        }
        let page = best.sorted().dropFirst(query.offset).map { segments[Int($0.place.segment)].documents[Int($0.place.document)] }
        return Answer(documents: Array(page), total: total)
    }

    /// The documents holding one word offered to `best`; returns how many hold it.
    static func rankOneWord(
        _ counts: [Int32], idf: Double, lengths: [Int32], ranks: [Int32], average: Double, segment: Int32, into best: inout TopScores
    ) -> Int {
        var total = 0
        let n = min(counts.count, lengths.count, ranks.count)
        counts.withUnsafeBufferPointer { counts in
            lengths.withUnsafeBufferPointer { lengths in
                ranks.withUnsafeBufferPointer { ranks in
                    for d in 0..<n where counts[d] != 0 {
                        total += 1
                        let score = term(frequency: Double(counts[d]), idf: idf, size: Double(lengths[d]), average: average)
                        if best.rejects(score: score, rank: ranks[d]) { continue }
                        best.offer(Scored(score: score, rank: ranks[d], place: Place(segment: segment, document: Int32(d))))
                    }
                }
            }
        }
        return total
    }

    /// One phrase's part of the score, written as FTS5 writes it so the same doubles come out.
    static func term(frequency: Double, idf: Double, size: Double, average: Double) -> Double {
        idf * ((frequency * (k1 + 1.0)) / (frequency + k1 * (1 - b + b * size / average)))
    }
}

/// The best `capacity` scores seen, kept in a heap whose top is the worst of them.
struct TopScores {
    let capacity: Int
    private var heap: [RegisterSearch.Scored] = []

    init(capacity: Int) { self.capacity = capacity }

    /// Whether a score would not enter: the heap is full and its worst is at least as good.
    @inline(__always) func rejects(score: Double, rank: Int32) -> Bool {
        guard heap.count >= capacity, let worst = heap.first else { return capacity == 0 }
        return score != worst.score ? score < worst.score : rank > worst.rank
    }

    mutating func offer(_ item: RegisterSearch.Scored) {
        guard capacity > 0 else { return }
        if heap.count < capacity {
            heap.append(item)
            var child = heap.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard heap[parent].isBetter(than: heap[child]) else { break }
                heap.swapAt(parent, child)
                child = parent
            }
        } else if let worst = heap.first, item.isBetter(than: worst) {
            heap[0] = item
            var parent = 0
            while true {
                let left = 2 * parent + 1
                let right = left + 1
                var worse = parent
                if left < heap.count, heap[worse].isBetter(than: heap[left]) { worse = left }
                if right < heap.count, heap[worse].isBetter(than: heap[right]) { worse = right }
                if worse == parent { break }
                heap.swapAt(parent, worse)
                parent = worse
            }
        }
    }

    func sorted() -> [RegisterSearch.Scored] { heap.sorted { $0.isBetter(than: $1) } }
}
