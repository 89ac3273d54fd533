import Foundation

/// Words as the public search sees them, the same as SQLite's FTS5 `unicode61 remove_diacritics 2`
/// tokenizer that indexed them first: a word is a run of letters, digits, private-use characters and
/// combining marks; everything else separates. Words are lower-cased and lose their combining marks
/// ("Café" and "CAFE" are both `cafe`), while letters without a decomposition stay (`ø`, `ł`).
/// Words are kept as UTF-8 bytes, compared byte by byte, so a prefix matches as FTS5's does.
public enum SearchText {
    public typealias Word = [UInt8]

    /// The words of `text`, in order.
    public static func words(_ text: String) -> [Word] {
        var words: [Word] = []
        var current = String.UnicodeScalarView()
        var ascii = true
        func finish() {
            guard !current.isEmpty else { return }
            let word = fold(String(current), ascii: ascii)
            if !word.isEmpty { words.append(word) }
            current = String.UnicodeScalarView()
            ascii = true
        }
        for scalar in text.unicodeScalars {
            if isWordScalar(scalar) {
                current.append(scalar)
                if !scalar.isASCII { ascii = false }
            } else {
                finish()
            }
        }
        finish()
        return words
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A)
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber, .privateUse, .nonspacingMark:
            return true
        default:
            return false
        }
    }

    static func fold(_ word: String, ascii: Bool) -> Word {
        if ascii { return word.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 } }
        let decomposed = word.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars.filter {
            $0.properties.generalCategory != .nonspacingMark
        }
        return Array(String(String.UnicodeScalarView(decomposed)).precomposedStringWithCanonicalMapping.utf8)
    }
}
