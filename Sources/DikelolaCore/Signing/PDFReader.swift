import Foundation

/// Just enough of a PDF to append an update: the last trailer, the cross-reference tables (classic,
/// following /Prev), and the text of an object's dictionary.
struct PDFReader {
    let bytes: [UInt8]
    let startxref: Int
    let trailer: String
    var offsets: [Int: Int] = [:]
    let size: Int

    init(_ bytes: [UInt8]) throws {
        self.bytes = bytes
        guard let at = Self.find(Array("startxref".utf8), in: bytes, from: bytes.count - 1, backwards: true),
            let offset = Self.integer(after: at + 9, in: bytes), offset < bytes.count
        else { throw PDFSignature.Failure.unreadable("tidak ada startxref") }
        startxref = offset
        var trailers: [String] = []
        var next: Int? = offset
        var seen = Set<Int>()
        while let position = next, !seen.contains(position), position < bytes.count {
            seen.insert(position)
            let (entries, trailer) = try Self.xrefSection(at: position, in: bytes)
            for (number, entry) in entries where offsets[number] == nil { offsets[number] = entry }
            trailers.append(trailer)
            next = Self.value(of: "/Prev", in: trailer).flatMap { Int($0) }
        }
        guard let last = trailers.first, let size = Self.value(of: "/Size", in: last).flatMap({ Int($0) }) else {
            throw PDFSignature.Failure.unreadable("trailer tanpa /Size")
        }
        trailer = last
        self.size = size
    }

    func trailerValue(_ key: String) -> String? { Self.value(of: "/\(key)", in: trailer) }

    func trailerReference(_ key: String) throws -> Int {
        guard let value = trailerValue(key), let number = Self.reference(value) else {
            throw PDFSignature.Failure.unreadable("trailer tanpa /\(key)")
        }
        return number
    }

    /// The text after `N G obj` up to `endobj`.
    func objectBody(of number: Int) throws -> String {
        guard let offset = offsets[number], offset < bytes.count,
            let header = Self.find(Array("obj".utf8), in: bytes, from: offset, backwards: false),
            let end = Self.find(Array("endobj".utf8), in: bytes, from: header + 3, backwards: false)
        else { throw PDFSignature.Failure.unreadable("objek \(number) tidak ditemukan") }
        return String(decoding: bytes[(header + 3)..<end], as: UTF8.self)
    }

    /// The object's dictionary, `<<` to its matching `>>`.
    func dictionary(of number: Int) throws -> String {
        let body = try objectBody(of: number)
        guard let start = body.range(of: "<<"), let dictionary = Self.balanced(body[start.lowerBound...]) else {
            throw PDFSignature.Failure.unreadable("objek \(number) bukan kamus")
        }
        return dictionary
    }

    /// The first page, down the page tree from the catalog's /Pages.
    func firstPage(_ catalog: String) throws -> Int {
        guard var node = Self.value(of: "/Pages", in: catalog).flatMap(Self.reference) else {
            throw PDFSignature.Failure.unreadable("katalog tanpa /Pages")
        }
        for _ in 0..<32 {
            let dictionary = try dictionary(of: node)
            guard let kids = Self.value(of: "/Kids", in: dictionary) else { return node }
            guard let first = Self.reference(String(kids.dropFirst())) else { throw PDFSignature.Failure.unreadable("/Kids kosong") }
            node = first
        }
        throw PDFSignature.Failure.unreadable("pohon halaman terlalu dalam")
    }

    // MARK: Text

    /// The value of `key` in a dictionary's text: a number or reference (`12 0 R`), a name, an
    /// array or a dictionary, balanced; nil when absent.
    static func value(of key: String, in dictionary: String) -> String? {
        var search = dictionary.startIndex
        while let found = dictionary.range(of: key, range: search..<dictionary.endIndex) {
            search = found.upperBound
            // A whole key: not the start of a longer name (/Pages when asked for /Page).
            if let next = dictionary[found.upperBound...].first, next.isLetter || next.isNumber { continue }
            let rest = dictionary[found.upperBound...].drop { $0 == " " || $0 == "\n" || $0 == "\r" }
            guard let first = rest.first else { return nil }
            if first == "[" || rest.hasPrefix("<<") { return balanced(rest) }
            if let reference = rest.firstMatch(of: /^\d+\s+\d+\s+R/) { return String(reference.output) }
            let token = rest.dropFirst(first == "/" ? 1 : 0).prefix { !" \n\r\t/[]<>()".contains($0) }
            return (first == "/" ? "/" : "") + String(token)
        }
        return nil
    }

    /// `12 0 R` → 12.
    static func reference(_ text: String) -> Int? {
        guard let match = text.firstMatch(of: /^\s*(\d+)\s+\d+\s+R/) else { return nil }
        return Int(match.1)
    }

    /// The text from an opening `[` or `<<` to its matching close, strings skipped.
    static func balanced(_ text: Substring) -> String? {
        var depth = 0
        var index = text.startIndex
        var inString = 0
        while index < text.endIndex {
            let c = text[index]
            if inString > 0 {
                if c == "\\" { index = text.index(after: index) } else if c == "(" { inString += 1 } else if c == ")" { inString -= 1 }
            } else if c == "(" {
                inString = 1
            } else if c == "[" || (c == "<" && text[index...].hasPrefix("<<")) {
                depth += 1
                if c == "<" { index = text.index(after: index) }
            } else if c == "]" || (c == ">" && text[index...].hasPrefix(">>")) {
                depth -= 1
                if c == ">" { index = text.index(after: index) }
                if depth == 0 { return String(text[text.startIndex...index]) }
            }
            if index < text.endIndex { index = text.index(after: index) }
        }
        return nil
    }

    /// A dictionary's text with `entry` added before its closing `>>`.
    static func adding(_ entry: String, to dictionary: String) -> String {
        String(dictionary.dropLast(2)) + "\n" + entry + ">>"
    }

    // MARK: Bytes

    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int, backwards: Bool) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        let last = haystack.count - needle.count
        var index = min(max(start, 0), last)
        while index >= 0 && index <= last {
            if haystack[index] == needle[0], Array(haystack[index..<(index + needle.count)]) == needle { return index }
            index += backwards ? -1 : 1
        }
        return nil
    }

    static func integer(after start: Int, in bytes: [UInt8]) -> Int? {
        var index = start
        while index < bytes.count, [9, 10, 13, 32].contains(bytes[index]) { index += 1 }
        var value = 0
        var digits = 0
        while index < bytes.count, (48...57).contains(bytes[index]), digits < 12 {
            value = value * 10 + Int(bytes[index] - 48)
            index += 1
            digits += 1
        }
        return digits == 0 ? nil : value
    }

    /// A classic cross-reference section at `offset`: its entries in use, and its trailer's text.
    static func xrefSection(at offset: Int, in bytes: [UInt8]) throws -> ([(Int, Int)], String) {
        guard bytes.count >= offset + 4, Array(bytes[offset..<(offset + 4)]) == Array("xref".utf8),
            let trailerAt = find(Array("trailer".utf8), in: bytes, from: offset, backwards: false)
        else { throw PDFSignature.Failure.unreadable("tabel xref tidak dikenal (xref stream belum didukung)") }
        let table = String(decoding: bytes[(offset + 4)..<trailerAt], as: UTF8.self)
        var entries: [(Int, Int)] = []
        var number = 0
        for line in table.split(whereSeparator: \.isNewline) {
            let parts = line.split(separator: " ")
            if parts.count == 2, let first = Int(parts[0]) {
                number = first
            } else if parts.count >= 3, let position = Int(parts[0]) {
                if parts[2].hasPrefix("n") { entries.append((number, position)) }
                number += 1
            }
        }
        let rest = String(decoding: bytes[trailerAt...].prefix(4096), as: UTF8.self)
        guard let open = rest.range(of: "<<"), let trailer = balanced(rest[open.lowerBound...]) else {
            throw PDFSignature.Failure.unreadable("trailer tidak terbaca")
        }
        return (entries, trailer)
    }
}
