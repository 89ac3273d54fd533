/// Reads a citation of UU 14/2008 Pasal 17 as officers write it in a DIK or a test sheet:
/// "Pasal 17 huruf h angka 2", "Ps. 17 h", "17 huruf i", "pasal 17 ayat (h)", "Pasal 17 (h)(2)",
/// "UU 14/2008 Pasal 17 huruf j jo. UU 23/2006 Ps 79".
public struct GroundCitation: Hashable, Sendable {
    public let ground: ExemptionGround
    /// Text after the ground that is not a reference to UU 14/2008 itself — for grounds b, g, i
    /// and j, usually the other statute ("UU 23 Tahun 2006 tentang Administrasi Kependudukan").
    public let remainder: String?

    public static func parse(_ text: String) throws(GroundCitationError) -> GroundCitation {
        let tokens = Token.scan(text)
        guard !tokens.isEmpty else { throw .empty }

        // The article: after "pasal"/"ps"/"psl" when written, else the first number.
        let articleIndex: Int
        if let pasal = tokens.firstIndex(where: { Token.articleWords.contains($0.text) }) {
            articleIndex = pasal + 1
        } else if let number = tokens.firstIndex(where: { $0.number != nil }) {
            // "UU 14/2008" names a statute by its number and year, not an article.
            let statutes = StatuteReference.find(in: text)
            // "UU 14/2008", "UU 27 Tahun 2022": the number and the year of a statute.
            let yearIndex = number + 1 < tokens.count && ["tahun", "th", "thn"].contains(tokens[number + 1].text) ? number + 2 : number + 1
            if let statute = statutes.first(where: { $0.number == tokens[number].number }),
                yearIndex < tokens.count, tokens[yearIndex].number == statute.year
            {
                throw .namesStatuteNotArticle(statute.shortForm)
            }
            articleIndex = number
        } else {
            throw .missingArticle(text)
        }
        guard articleIndex < tokens.count, let article = tokens[articleIndex].number else { throw .missingArticle(text) }
        guard article == 17 else { throw .wrongArticle(article) }

        // The letter, after an optional "huruf" / "ayat". Pasal 17 has no ayat: "Pasal 17 ayat (1) huruf h"
        // is read as huruf h.
        var index = articleIndex + 1
        if index + 1 < tokens.count, ["ayat", "ay"].contains(tokens[index].text), tokens[index + 1].number == 1 { index += 2 }
        if index < tokens.count, Token.letterWords.contains(tokens[index].text) { index += 1 }
        guard index < tokens.count, tokens[index].number == nil, tokens[index].text.count == 1 else {
            throw .missingLetter(text)
        }
        let letterText = tokens[index].text
        guard let letter = ExemptionGround.Letter(rawValue: letterText) else { throw .unknownLetter(letterText) }
        index += 1

        // The point, after an optional "angka" / "butir" / "poin", or a bare number.
        var point: Int?
        var probe = index
        if probe < tokens.count, Token.pointWords.contains(tokens[probe].text) { probe += 1 }
        if probe < tokens.count, let number = tokens[probe].number {
            guard !letter.points.isEmpty else { throw .letterHasNoPoints(letter, number) }
            guard (1...letter.points.count).contains(number) else {
                throw .unknownPoint(letter, number, available: letter.points.count)
            }
            point = number
            index = probe + 1
        }

        let remainder = Token.remainder(of: text, after: tokens[index - 1])
        // "huruf c dan huruf e", "huruf a, b, c", "huruf a sampai j": one test rests on one ground.
        let rest = Array(tokens[index...].prefix(3))
        let joins: Set = ["dan", "serta", "atau", "sampai", "sd", "s", "hingga", "juncto", "jo"]
        let more = rest.first.map { joins.contains($0.text) || $0.text == "d" } == true ? Array(rest.dropFirst()) : rest
        if let next = more.first(where: { $0.text != "huruf" && $0.text != "d" }), next.number == nil, next.text.count == 1,
            ExemptionGround.Letter(rawValue: next.text) != nil, !(rest.first.map { ["jo", "juncto"].contains($0.text) } ?? false)
        {
            throw .severalLetters(text)
        }
        guard let ground = ExemptionGround(letter, point: point) else {
            throw .unknownPoint(letter, point ?? 0, available: letter.points.count)
        }
        return GroundCitation(ground: ground, remainder: remainder)
    }
}

public enum GroundCitationError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case missingArticle(String)
    case namesStatuteNotArticle(String)
    case wrongArticle(Int)
    case missingLetter(String)
    case unknownLetter(String)
    case letterHasNoPoints(ExemptionGround.Letter, Int)
    case unknownPoint(ExemptionGround.Letter, Int, available: Int)
    /// More than one letter: a consequence test rests on one ground.
    case severalLetters(String)

    public var description: String {
        switch self {
        case .empty:
            "Dasar hukum pengecualian wajib diisi, misalnya \"Pasal 17 huruf h angka 2\"."
        case let .missingArticle(text):
            "\"\(text)\" tidak menyebut pasal; tulis misalnya \"Pasal 17 huruf h angka 2\"."
        case let .namesStatuteNotArticle(statute):
            "\"\(statute)\" adalah nama peraturan, bukan pasalnya: sebut dasar pengecualiannya, misalnya "
                + "\"Pasal 17 huruf h angka 2\" (UU 14/2008 Pasal 17)."
        case let .wrongArticle(article):
            "Pasal \(article) bukan dasar pengecualian: informasi dikecualikan hanya berdasarkan Pasal 17 UU 14/2008."
        case let .missingLetter(text):
            "\"\(text)\" tidak menyebut huruf Pasal 17 (a sampai j)."
        case let .unknownLetter(letter):
            "Pasal 17 UU 14/2008 tidak memiliki huruf \(letter); hurufnya a sampai j."
        case let .letterHasNoPoints(letter, point):
            "Pasal 17 huruf \(letter.rawValue) tidak memiliki angka (angka \(point) disebut); sebut hurufnya saja."
        case let .severalLetters(text):
            "\"\(text)\" menyebut lebih dari satu huruf Pasal 17. Satu uji konsekuensi berdasar satu dasar pengecualian: "
                + "pilih huruf yang paling tepat, atau pisahkan informasinya per dasar (UU 14/2008 Pasal 17 dan 19)."
        case let .unknownPoint(letter, point, available):
            "Pasal 17 huruf \(letter.rawValue) hanya memiliki angka 1 sampai \(available); angka \(point) tidak ada."
        }
    }
}

/// A word or number of a citation, with its place in the text.
private struct Token {
    let text: String
    let range: Range<String.Index>

    var number: Int? { text.first?.isNumber == true ? Int(text) : nil }

    static let articleWords: Set = ["pasal", "ps", "psl", "pas"]
    static let letterWords: Set = ["huruf", "hrf", "hur", "ayat", "ay", "hruf"]
    static let pointWords: Set = ["angka", "butir", "poin", "point", "nomor", "no", "ke", "ayat", "angk"]

    /// Splits into runs of ASCII letters and runs of digits; everything else separates.
    static func scan(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var start: String.Index?
        var isDigit = false
        var index = text.startIndex
        func close(at end: String.Index) {
            if let s = start { tokens.append(Token(text: text[s..<end].lowercased(), range: s..<end)) }
            start = nil
        }
        while index < text.endIndex {
            let c = text[index]
            let kind: Bool? = c.isASCII && c.isLetter ? false : (c.isASCII && c.isNumber ? true : nil)
            if let kind {
                if start != nil, kind != isDigit { close(at: index) }
                if start == nil { start = index; isDigit = kind }
            } else {
                close(at: index)
            }
            index = text.index(after: index)
        }
        close(at: text.endIndex)
        return tokens
    }

    /// What follows the citation, less punctuation and any reference to UU 14/2008 itself.
    static func remainder(of text: String, after last: Token?) -> String? {
        let rest = last.map { String(text[$0.range.upperBound...]) } ?? text
        var words = scan(rest).map(\.text)
        let kipReference: [[String]] = [
            ["uu", "no", "14", "tahun", "2008"], ["uu", "nomor", "14", "tahun", "2008"],
            ["uu", "14", "tahun", "2008"], ["uu", "14", "2008"], ["uu", "no", "14", "2008"],
            ["undang", "undang", "nomor", "14", "tahun", "2008"], ["undang", "undang", "no", "14", "tahun", "2008"],
            ["undang", "undang", "14", "tahun", "2008"], ["uu", "kip"], ["kip"],
        ]
        for pattern in kipReference where words.starts(with: pattern) {
            words.removeFirst(pattern.count)
            if words.starts(with: ["tentang", "keterbukaan", "informasi", "publik"]) { words.removeFirst(4) }
            if words.isEmpty { return nil }
            break
        }
        if words.isEmpty { return nil }
        // Give back the original spelling of the rest, trimmed of leading separators.
        let trimmed = rest.drop { !($0.isLetter || $0.isNumber) }
        let all = scan(String(trimmed)).map(\.text)
        let dropped = all.count - words.count
        guard dropped > 0 else { return String(trimmed).trimmingTrailingPunctuation() }
        let kept = scan(String(trimmed))[dropped]
        return String(trimmed[kept.range.lowerBound...]).trimmingTrailingPunctuation()
    }
}

private extension String {
    func trimmingTrailingPunctuation() -> String? {
        var s = Substring(self)
        while let last = s.last, last.isWhitespace || last == "." || last == "," || last == ";" { s = s.dropLast() }
        return s.isEmpty ? nil : String(s)
    }
}
