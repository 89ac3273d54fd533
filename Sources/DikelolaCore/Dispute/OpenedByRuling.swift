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

    /// The opened information that `title` names, if any: the same item, or a title holding every
    /// meaningful word of the opened one (case, accents, punctuation and word order aside), or held
    /// whole by it when it says at least three things. A new name for the same document ("Salinan …",
    /// "… tahun 2025") is caught; a title that only shares a word or two is not.
    public static func barring(title: String, itemID: String? = nil, among opened: [OpenedByRuling]) -> OpenedByRuling? {
        if let itemID, let same = opened.first(where: { $0.itemID == itemID }) { return same }
        let words = significantWords(title)
        guard !words.isEmpty else { return nil }
        return opened.first { info in
            let theirs = significantWords(info.title)
            guard !theirs.isEmpty else { return false }
            return theirs.isSubset(of: words) || (words.count >= 3 && words.isSubset(of: theirs))
        }
    }

    /// The words that say what the information is: folded for case and accents, without the small
    /// words of Indonesian and English that any title may hold.
    static func significantWords(_ text: String) -> Set<String> {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        let words = folded.split { !($0.isLetter || $0.isNumber) }.map(String.init)
        return Set(words.filter { !stopWords.contains($0) })
    }

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
