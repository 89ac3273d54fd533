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

    /// The combining marks FTS5's tokenizer keeps inside a word (and then removes); every other
    /// combining mark separates words, as in SQLite.
    static let diacritics: Set<UInt32> = [
        0x300, 0x301, 0x302, 0x303, 0x304, 0x306, 0x307, 0x308, 0x309, 0x30A, 0x30B, 0x30C, 0x30F, 0x311, 0x31B, 0x323,
        0x324, 0x325, 0x326, 0x327, 0x328, 0x32D, 0x32E, 0x330, 0x331,
    ]

    /// Where Unicode's simple case folding, which SQLite applies, differs from lower case.
    static let folds: [UInt32: Unicode.Scalar] = [
        0x3C2: "\u{3C3}", 0x17F: "s", 0xB5: "\u{3BC}", 0x3D0: "\u{3B2}", 0x3D1: "\u{3B8}", 0x3D5: "\u{3C6}", 0x3D6: "\u{3C0}",
        0x3F0: "\u{3BA}", 0x3F1: "\u{3C1}", 0x3F5: "\u{3B5}", 0x1E9B: "\u{1E61}", 0x1FBE: "\u{3B9}",
    ]

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A)
        }
        if diacritics.contains(scalar.value) { return true }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber, .privateUse:
            return true
        case .format, .control, .surrogate, .spaceSeparator, .lineSeparator, .paragraphSeparator:
            return false
        default:
            // SQLite's table covers the Basic Multilingual Plane; beyond it (emoji, historic
            // scripts) it keeps every character but format and control ones inside words.
            return scalar.value > 0xFFFF
        }
    }

    /// Lower case one character at a time, as simple case folding (Σ and ς are σ) in the Basic
    /// Multilingual Plane only; a Latin letter loses the diacritics above, a letter of another script keeps them.
    static func fold(_ word: String, ascii: Bool) -> Word {
        if ascii { return word.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 } }
        var out = String.UnicodeScalarView()
        for scalar in word.unicodeScalars {
            if diacritics.contains(scalar.value) { continue }
            let lowered = scalar.value <= 0xFFFF ? scalar.properties.lowercaseMapping.unicodeScalars : String(scalar).unicodeScalars
            for lowercase in lowered {
                let letter = folds[lowercase.value] ?? lowercase
                if diacritics.contains(letter.value) { continue }
                let latin = letter.value < 0x250 || (0x1E00...0x1EFF).contains(letter.value)
                if latin, let base = String(letter).decomposedStringWithCanonicalMapping.unicodeScalars.first,
                    String(letter).decomposedStringWithCanonicalMapping.unicodeScalars.dropFirst().allSatisfy({ diacritics.contains($0.value) })
                {
                    out.append(base)
                } else {
                    out.append(letter)
                }
            }
        }
        return Array(String(out).utf8)
    }
}
