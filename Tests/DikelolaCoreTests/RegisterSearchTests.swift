import Foundation
import PropertyBased
import Testing

@testable import DikelolaCore

/// The public search in memory: what it finds, counts and orders, over generated registers.
@Suite struct RegisterSearchTests {
    /// Deterministic registers from a seed: a few bodies sharing units, words with accents and case.
    static func documents(seed: Int, count: Int) -> [(body: String, document: SearchDocument)] {
        var state = UInt64(truncatingIfNeeded: seed) &+ 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let words = [
            "data", "Data", "pegawai", "pensiun", "berakhir", "berlaku", "Café", "cafe", "rahasia", "anggaran",
            "pengadaan", "NIK", "2031", "İzin", "ÉTAT", "dok_123", "a", "ab", "abc",
        ]
        let units = ["Dinas Kesehatan", "Badan Keuangan", "Sekretariat Daerah"]
        let statuses = ["exempted", "endingSoon", "reviewDue", "opened"]
        func text(_ n: Int) -> String { (0..<n).map { _ in words[next(words.count)] }.joined(separator: next(2) == 0 ? " " : ", ") }
        return (0..<count).map { index in
            let body = ["satu", "dua", "tiga"][next(3)]
            let year = next(4) == 0 ? nil : 2027 + next(5)
            let end = year.map { String(format: "%04d-%02d-%02d", $0, 1 + next(12), 1 + next(28)) }
            let id = "\(body.prefix(1).uppercased())-\(String(format: "%03d", index))"
            return (
                body,
                SearchDocument(
                    bodySlug: "badan-\(body)", bodyName: "Badan \(body)", entryID: id, unit: units[next(units.count)],
                    ground: "Pasal 17 huruf x", groundLetter: ["a", "b", "h"][next(3)], endYear: year,
                    status: statuses[next(statuses.count)], title: text(1 + next(6)), description: next(3) == 0 ? text(4) : "",
                    reason: "", consequences: text(next(8)), endDate: end, sortKey: "\(end ?? "9999-12-31") \(id)")
            )
        }
    }

    static func index(_ documents: [(body: String, document: SearchDocument)]) -> RegisterSearch {
        let grouped = Dictionary(grouping: documents, by: \.body)
        return RegisterSearch(segments: grouped.map { (key: $0.key, segment: SearchSegment(documents: $0.value.map(\.document))) })
    }

    /// The filters as the database applies them, one field at a time: the model the index is held to.
    static func passes(_ document: SearchDocument, _ query: RegisterSearch.Query) -> Bool {
        if let body = query.body, document.bodySlug != body { return false }
        if let unit = query.unit, document.unit != unit { return false }
        if let letter = query.groundLetter, document.groundLetter != letter { return false }
        if let year = query.endYear, document.endYear != year { return false }
        if let status = query.status, document.status != status { return false }
        return true
    }

    @Test func wordsAreFoldedAsTheFullTextIndexFoldsThem() {
        #expect(SearchText.words("Café CAFE, naïve 1.5 dok_123 İzin ø x\u{200D}y").map { String(decoding: $0, as: UTF8.self) } == [
            "cafe", "cafe", "naive", "1", "5", "dok", "123", "izin", "ø", "x", "y",
        ])
        #expect(SearchText.words(" \u{301} ").isEmpty)
    }

    @Test func pagesCountsFiltersAndOrderHoldForAnyRegister() async {
        await propertyCheck(
            count: 60, input: Gen.int(in: 0...1_000_000), Gen.int(in: 0...18), Gen.int(in: 0...7), Gen.int(in: 1...4)
        ) { seed, wordChoice, filterChoice, pageSize in
            let documents = Self.documents(seed: seed, count: 120)
            let index = Self.index(documents)
            let terms = ["", "da", "pensiun", "caf", "a", "ber", "2031", "izin", "etat", "dok", "zzz", "ab"]
            let term = terms[wordChoice % terms.count]
            var query = RegisterSearch.Query(terms: term.isEmpty ? [] : [term], limit: 10_000)
            if filterChoice & 1 != 0 { query.body = "badan-dua" }
            if filterChoice & 2 != 0 { query.status = "exempted" }
            if filterChoice & 4 != 0 { query.unit = "Dinas Kesehatan" }
            let all = index.search(query)
            // Every hit passes the filters and holds every word as a prefix; none is missed.
            let prefix = SearchText.words(term).first
            func matches(_ d: SearchDocument) -> Bool {
                guard Self.passes(d, query) else { return false }
                guard let prefix else { return true }
                return [d.title, d.description, d.reason, d.consequences, d.entryID].flatMap(SearchText.words).contains {
                    $0.starts(with: prefix)
                }
            }
            #expect(all.total == documents.filter { matches($0.document) }.count)
            // The index lists entries without their long texts: check them against the originals.
            let originals = Dictionary(uniqueKeysWithValues: documents.map { ($0.document.entryID, $0.document) })
            #expect(all.documents.count == all.total && all.documents.allSatisfy { originals[$0.entryID].map(matches) ?? false })
            #expect(all.documents.allSatisfy { $0.consequences.isEmpty && $0 == originals[$0.entryID]?.listed })
            if term.isEmpty { #expect(all.documents.map(\.sortKey) == all.documents.map(\.sortKey).sorted()) }
            // Pages are slices of the whole answer, with the same total.
            var paged: [SearchDocument] = []
            var offset = 0
            while offset < all.total + pageSize {
                query.offset = offset
                query.limit = pageSize
                let page = index.search(query)
                #expect(page.total == all.total)
                paged += page.documents
                offset += pageSize
            }
            #expect(paged == all.documents)
        }
    }

    @Test func replacingABodyIsTheSameAsBuildingAgain() {
        let documents = Self.documents(seed: 7, count: 150)
        var changed = documents.filter { $0.body != "dua" }
        changed += Self.documents(seed: 8, count: 40).map { (body: "dua", document: $0.document) }.filter { $0.document.bodySlug == "badan-dua" }
        let replaced = Self.index(documents).replacing(
            "dua", with: SearchSegment(documents: changed.filter { $0.body == "dua" }.map(\.document)))
        let rebuilt = Self.index(changed)
        for terms in [[], ["da"], ["pensiun", "ber"], ["a"]] {
            let query = RegisterSearch.Query(terms: terms, limit: 1_000)
            #expect(replaced.search(query).documents.map(\.entryID) == rebuilt.search(query).documents.map(\.entryID))
        }
        #expect(Self.index(documents).replacing("dua", with: nil).count == documents.filter { $0.body != "dua" }.count)
    }

    @Test func anEmptyIndexAndAbsurdQueriesAnswerNothingWithoutTrapping() {
        let empty = RegisterSearch(segments: [])
        #expect(empty.search(.init(terms: ["data"])).total == 0 && empty.search(.init(terms: [])).total == 0)
        let index = Self.index(Self.documents(seed: 1, count: 30))
        #expect(index.search(.init(terms: ["\u{301}"])).total == 0)
        #expect(index.search(.init(terms: [], offset: Int.max, limit: Int.max)).documents.isEmpty)
        #expect(index.search(.init(terms: ["a"], offset: Int.max - 1, limit: Int.max)).documents.isEmpty)
    }
}
