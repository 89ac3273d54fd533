import Foundation

/// One published entry as the public search knows it: the published fields only, as the search
/// table holds them (`public_search_entries`).
public struct SearchDocument: Sendable, Equatable {
    public let bodySlug: String
    public let bodyName: String
    public let entryID: String
    public let unit: String
    public let ground: String
    public let groundLetter: String
    public let endYear: Int?
    public let status: String
    public let title: String
    public let description: String
    public let reason: String
    public let consequences: String
    public let endDate: String?
    /// The register's order: the end of the period, then the number.
    public let sortKey: String

    public init(
        bodySlug: String, bodyName: String, entryID: String, unit: String, ground: String, groundLetter: String, endYear: Int?,
        status: String, title: String, description: String, reason: String, consequences: String, endDate: String?,
        sortKey: String
    ) {
        self.bodySlug = bodySlug
        self.bodyName = bodyName
        self.entryID = entryID
        self.unit = unit
        self.ground = ground
        self.groundLetter = groundLetter
        self.endYear = endYear
        self.status = status
        self.title = title
        self.description = description
        self.reason = reason
        self.consequences = consequences
        self.endDate = endDate
        self.sortKey = sortKey
    }

    /// The entry as a search answer lists it: without the searched long texts (description,
    /// reason, consequences), which the index has read and need not keep.
    public var listed: SearchDocument {
        SearchDocument(
            bodySlug: bodySlug, bodyName: bodyName, entryID: entryID, unit: unit, ground: ground, groundLetter: groundLetter,
            endYear: endYear, status: status, title: title, description: "", reason: "", consequences: "", endDate: endDate,
            sortKey: sortKey)
    }

    /// The filter words (`facets`) the full-text index gives this entry: `b<slug in hex> u<unit in
    /// hex> g<letter> y<year> s<status>`.
    public var facetWords: [String] {
        SearchFacets.words(body: bodySlug, unit: unit, groundLetter: groundLetter, endYear: endYear, status: status)
    }
}

/// The filters as words of the full-text index, one word each whatever the name holds.
public enum SearchFacets {
    public static func hex(_ text: String) -> String {
        let digits = Array("0123456789abcdef")
        var out = ""
        out.reserveCapacity(text.utf8.count * 2)
        for byte in text.utf8 {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return out
    }

    /// The words of what is given; an entry gives all of them, a search the filters it has.
    public static func words(body: String?, unit: String?, groundLetter: String?, endYear: Int?, status: String?) -> [String] {
        [
            body.map { "b" + hex($0) }, unit.map { "u" + hex($0) }, groundLetter.map { "g" + $0.lowercased() },
            endYear.map { "y\($0)" }, status.map { "s" + $0.lowercased() },
        ].compactMap { $0 }
    }
}

/// One body's published entries, indexed: the words of the searched columns (title, description,
/// reason, consequences, number) with, for each, the entries holding it and how often.
public final class SearchSegment: Sendable {
    struct Posting: Sendable {
        let document: Int32
        let count: Int32
    }

    /// In the register's order (`sortKey`), as listed (`SearchDocument.listed`).
    public let documents: [SearchDocument]
    /// Words of every column, the filter words included, per document: FTS5's row size.
    let lengths: [Int32]
    /// Distinct words, sorted byte by byte, so the words with a prefix are one range.
    let vocabulary: [SearchText.Word]
    let postings: [[Posting]]
    let totalWords: Int
    let unitCounts: [String: Int]
    let groundCounts: [String: Int]
    let yearCounts: [Int: Int]
    let statusCounts: [String: Int]
    /// The body's address (every document's), and each document's filter values as numbers, so a
    /// filter is checked without touching the document.
    let slug: String?
    let units: [String]
    let unitOf: [Int32]
    let letters: [String]
    let letterOf: [Int32]
    let statuses: [String]
    let statusOf: [Int32]
    /// The end year, `Int.min` for none.
    let yearOf: [Int]

    public init(documents unsorted: [SearchDocument]) {
        let documents = unsorted.sorted { $0.sortKey < $1.sortKey }
        self.documents = documents.map(\.listed)
        var found: [SearchText.Word: [Posting]] = [:]
        var lengths: [Int32] = []
        lengths.reserveCapacity(documents.count)
        var units: [String: Int] = [:]
        var grounds: [String: Int] = [:]
        var years: [Int: Int] = [:]
        var statuses: [String: Int] = [:]
        var total = 0
        for (index, document) in documents.enumerated() {
            var counts: [SearchText.Word: Int32] = [:]
            var length = 0
            for text in [document.title, document.description, document.reason, document.consequences, document.entryID] {
                for word in SearchText.words(text) {
                    counts[word, default: 0] += 1
                    length += 1
                }
            }
            for (word, count) in counts { found[word, default: []].append(Posting(document: Int32(index), count: count)) }
            length += document.facetWords.count
            lengths.append(Int32(clamping: length))
            total += length
            units[document.unit, default: 0] += 1
            grounds[document.groundLetter.lowercased(), default: 0] += 1
            if let year = document.endYear { years[year, default: 0] += 1 }
            statuses[document.status.lowercased(), default: 0] += 1
        }
        let vocabulary = found.keys.sorted { $0.lexicographicallyPrecedes($1) }
        self.vocabulary = vocabulary
        self.postings = vocabulary.map { found[$0] ?? [] }
        self.lengths = lengths
        self.totalWords = total
        self.unitCounts = units
        self.groundCounts = grounds
        self.yearCounts = years
        self.statusCounts = statuses
        slug = documents.first?.bodySlug
        func codes(_ values: [String]) -> (names: [String], of: [Int32]) {
            var names: [String] = []
            var index: [String: Int32] = [:]
            let of = values.map { value in
                if let known = index[value] { return known }
                let code = Int32(names.count)
                names.append(value)
                index[value] = code
                return code
            }
            return (names, of)
        }
        (self.units, unitOf) = codes(documents.map(\.unit))
        (self.letters, letterOf) = codes(documents.map(\.groundLetter))
        (self.statuses, statusOf) = codes(documents.map(\.status))
        yearOf = documents.map { $0.endYear ?? Int.min }
    }

    /// The vocabulary's words that begin with `prefix`.
    func range(prefix: SearchText.Word) -> Range<Int> {
        var low = 0
        var high = vocabulary.count
        while low < high {
            let middle = (low + high) / 2
            if vocabulary[middle].lexicographicallyPrecedes(prefix) { low = middle + 1 } else { high = middle }
        }
        var end = low
        while end < vocabulary.count, vocabulary[end].starts(with: prefix) { end += 1 }
        return low..<end
    }

    /// How often words beginning with `prefix` occur in each document (0 for none), and in how many.
    func frequencies(prefix: SearchText.Word) -> (counts: [Int32], documents: Int) {
        let words = range(prefix: prefix)
        guard !words.isEmpty else { return ([], 0) }
        var counts = [Int32](repeating: 0, count: documents.count)
        var matched = 0
        for word in words {
            for posting in postings[word] {
                let index = Int(posting.document)
                if counts[index] == 0 { matched += 1 }
                counts[index] += posting.count
            }
        }
        return (counts, matched)
    }
}

/// A search's filters as one segment's numbers; nil when no document of the segment can pass.
struct SegmentFilter {
    let segment: SearchSegment
    let unit: Int32?
    let letter: Int32?
    let status: Int32?
    let year: Int?

    init?(_ segment: SearchSegment, _ query: RegisterSearch.Query) {
        guard !segment.documents.isEmpty else { return nil }
        if let body = query.body, segment.slug != body { return nil }
        func code(_ wanted: String?, in names: [String]) -> Int32?? {
            guard let wanted else { return .some(nil) }
            guard let index = names.firstIndex(of: wanted) else { return nil }
            return .some(Int32(index))
        }
        guard let unit = code(query.unit, in: segment.units), let letter = code(query.groundLetter, in: segment.letters),
            let status = code(query.status, in: segment.statuses)
        else { return nil }
        self.segment = segment
        self.unit = unit
        self.letter = letter
        self.status = status
        year = query.endYear
    }

    @inline(__always) func passes(_ d: Int) -> Bool {
        if let unit, segment.unitOf[d] != unit { return false }
        if let letter, segment.letterOf[d] != letter { return false }
        if let status, segment.statusOf[d] != status { return false }
        if let year, segment.yearOf[d] != year { return false }
        return true
    }
}
