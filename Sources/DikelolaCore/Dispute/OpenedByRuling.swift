import Foundation

/// Information a body was ordered to open through an objection or a dispute. It may never be
/// exempted again (UU 14/2008 Ps 18(1)(g) jo. Ps 11(2)): a later consequence test that would exempt
/// it is refused, citing the decision.
public struct OpenedByRuling: Hashable, Sendable {
    /// The entry's title as the register held it.
    public var title: String
    public var registerNumber: String
    /// The decision, as `RulingDraft.citation` words it.
    public var ruling: String
    /// The information item the entry came from: a test of that same item is always refused.
    public var itemID: String?

    public init(title: String, registerNumber: String, ruling: String, itemID: String? = nil) {
        self.title = title
        self.registerNumber = registerNumber
        self.ruling = ruling
        self.itemID = itemID
    }

    public static let article = "UU 14/2008 Pasal 18 ayat 1 huruf g jo. Pasal 11 ayat 2"

    /// The opened information that `title` names, if any: the same item; or a title in which every
    /// meaningful word of the opened one appears, however the words are split or joined ("di
    /// periksa", "di-periksa", "Berkaspegawai"), cased, accented, or typed with look-alike letters
    /// (Cyrillic "В", "l" for "I"); or a title of at least three meaningful words all held by the
    /// opened one. A new name for the same document ("Salinan …", "… tahun 2025") is caught; a
    /// title that only shares a word or two is not.
    public static func barring(title: String, itemID: String? = nil, among opened: [OpenedByRuling]) -> OpenedByRuling? {
        if let itemID, let same = opened.first(where: { $0.itemID == itemID }) { return same }
        let words = significantWords(title)
        let joined = skeleton(title)
        guard !joined.isEmpty else { return nil }
        return opened.first { info in
            let theirs = significantWords(info.title)
            guard !theirs.isEmpty else { return false }
            return theirs.allSatisfy { occurs($0, in: joined) } || (words.count >= 3 && words.isSubset(of: theirs))
        }
    }

    /// Whether `word` occurs in `text`, a few letters of `text` outside ASCII standing for any
    /// letter: no list of look-alikes is ever complete (ɑ, ɡ, ı, ʀ, Armenian օ, Cherokee Ꭺ …), so a
    /// title typed with some of them is read as the word it imitates; one written in another script
    /// is not.
    static func occurs(_ word: String, in text: String) -> Bool {
        if text.contains(word) { return true }
        let pattern = Array(word.unicodeScalars), letters = Array(text.unicodeScalars)
        guard !pattern.isEmpty, letters.count >= pattern.count, letters.contains(where: { !$0.isASCII }) else { return false }
        // A few stand-ins among Latin letters, not a title in another script.
        let allowed = max(1, pattern.count / 3)
        for start in 0...(letters.count - pattern.count) {
            var matches = true
            var standIns = 0
            for (offset, expected) in pattern.enumerated() {
                let found = letters[start + offset]
                guard found != expected else { continue }
                standIns += 1
                if found.isASCII || !expected.isASCII || standIns > allowed {
                    matches = false
                    break
                }
            }
            if matches { return true }
        }
        return false
    }

    /// The words that say what the information is, each as its `skeleton`, without the small words
    /// of Indonesian and English that any title may hold.
    static func significantWords(_ text: String) -> Set<String> {
        let words = text.split { !($0.isLetter || $0.isNumber) }.map { $0.lowercased() }
        return Set(words.filter { !stopWords.contains(fold($0)) }.map(skeleton).filter { !$0.isEmpty })
    }

    /// Letters and digits only, folded for case, accents, width and look-alike letters.
    static func skeleton(_ text: String) -> String {
        String(String.UnicodeScalarView(fold(text).unicodeScalars.compactMap { scalar in
            guard CharacterSet.alphanumerics.contains(scalar) else { return nil }
            return confusables[scalar] ?? scalar
        }))
    }

    static func fold(_ text: String) -> String {
        text.precomposedStringWithCompatibilityMapping
            .folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }

    /// Letters typed for others that look the same: Cyrillic and Greek capitals and small letters
    /// read as Latin, and "l", "1" and "|" as "i" (as "0" as "o"), on both sides of a comparison.
    static let confusables: [Unicode.Scalar: Unicode.Scalar] = {
        var map: [Unicode.Scalar: Unicode.Scalar] = [:]
        let pairs: [(String, String)] = [
            ("аеорсуххівјѕԁһԛԝ", "aeopcyxxibjsdhqw"), ("αβεικνορτυχ", "abeiknoptux"), ("l1|", "iii"), ("0", "o"),
        ]
        for (from, to) in pairs {
            for (a, b) in zip(from.unicodeScalars, to.unicodeScalars) { map[a] = b }
        }
        return map
    }()

    static let stopWords: Set<String> = [
        "dan", "atau", "yang", "di", "ke", "dari", "untuk", "pada", "dengan", "tentang", "serta", "dalam", "oleh", "atas",
        "bagi", "kepada", "terhadap", "sebagai", "beserta", "para", "the", "of", "and", "or", "a", "an", "to", "for", "in", "on",
    ]
}

extension ConsequenceTest.Problem {
    /// The refusal of a test that would exempt information opened through an objection or a dispute.
    static func openedByRulingDescription(_ info: OpenedByRuling) -> String {
        "Informasi ini telah dinyatakan terbuka melalui \(info.ruling) (\(info.registerNumber) \"\(info.title)\"); "
            + "informasi yang dibuka melalui keberatan atau sengketa informasi tidak dapat dikecualikan lagi "
            + "(\(OpenedByRuling.article))."
    }
}
