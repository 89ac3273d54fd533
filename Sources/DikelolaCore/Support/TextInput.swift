import Foundation

/// Text a person typed, checked before anything stores it. A database keeps what it is given in
/// its own way (SQLite's C API stops a string at NUL; PostgreSQL refuses NUL outright), and the
/// audit chain hashes text: so text that a database would change is refused where it enters, and
/// what is kept is normalised once (NFC, line ends as LF), so the bytes hashed are the bytes stored.
public enum TextInput {
    /// Why a text is refused.
    public enum Problem: Error, Equatable, Sendable {
        /// A control character (NUL, ESC, DEL, C1…), or a line break in a one-line field.
        case controlCharacter(UInt32)
        /// Longer than the field takes.
        case tooLong(maximum: Int)

        public var indonesian: String {
            switch self {
            case let .controlCharacter(value):
                value == 0x0A || value == 0x0D
                    ? "tidak boleh berisi baris baru."
                    : (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
                        ? "berisi tanda pembalik arah teks (U+\(String(format: "%04X", value))) yang membuat tulisan tampil terbalik; hapus tanda itu."
                        : "berisi karakter kendali\(value == 0 ? " atau karakter rusak" : " (U+\(String(format: "%04X", value)))") yang tidak dapat disimpan; ketik ulang atau tempel sebagai teks biasa."
            case let .tooLong(maximum):
                "terlalu panjang (paling banyak \(maximum) karakter)."
            }
        }
    }

    /// The longest one-line value (a title, a name, a number) and multi-line value (a consequence,
    /// a note), in characters.
    public static let maximumSingleLine = 2_000
    public static let maximumMultiLine = 65_536

    /// `text` as it will be stored: line ends as LF (a browser sends CRLF from a textarea) and NFC,
    /// so "é" typed as e + combining accent and as one character are the same text.
    public static func normalized(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .precomposedStringWithCanonicalMapping
    }

    /// The first problem of `text` (normalised first), or nil when it may be stored. Tab is always
    /// allowed; line feed only in a multi-line field. Right-to-left marks, emoji and combining
    /// characters are text, not control characters.
    public static func problem(in text: String, multiLine: Bool) -> Problem? {
        let text = normalized(text)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value == 0x0A, !multiLine { return .controlCharacter(value) }
            if isUnstorable(value) { return .controlCharacter(value) }
            // A one-line value (a title, a name) is shown in lists and on the public register: a
            // direction override there makes "exe.jpg" of "gpj.exe". Marks (U+200E/F) stay allowed.
            if !multiLine, (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) {
                return .controlCharacter(value)
            }
        }
        let maximum = multiLine ? maximumMultiLine : maximumSingleLine
        if text.count > maximum { return .tooLong(maximum: maximum) }
        return nil
    }

    /// The normalised text, or the problem.
    public static func checked(_ text: String, multiLine: Bool) -> Result<String, Problem> {
        if let problem = problem(in: text, multiLine: multiLine) { return .failure(problem) }
        return .success(normalized(text))
    }

    /// Text a system writes (an audit summary made from stored values, a file name): normalised,
    /// with anything `problem(in:)` refuses replaced by U+FFFD, so it can always be stored whole and
    /// hashed as stored. Never fails.
    public static func storable(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in normalized(text).unicodeScalars {
            scalars.append(isUnstorable(scalar.value) ? "\u{FFFD}" : scalar)
        }
        return String(scalars)
    }

    /// Control characters other than tab and line feed (C0, DEL, C1) and the noncharacters
    /// U+FFFE/U+FFFF: what no text field keeps, in one line or many.
    static func isUnstorable(_ value: UInt32) -> Bool {
        (value < 0x20 && value != 0x09 && value != 0x0A) || (0x7F...0x9F).contains(value) || value == 0xFFFE || value == 0xFFFF
    }

    /// A file name as it may be stored and sent back in a header: no path (`../`, `a/b`), no control
    /// or bidirectional-override characters (which make `exe.pdf` read as `fdp.exe`), at most 200
    /// characters keeping the extension; "berkas" when nothing is left.
    public static func fileName(_ raw: String) -> String {
        let lastComponent = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        var scalars = String.UnicodeScalarView()
        for scalar in normalized(lastComponent).unicodeScalars {
            let value = scalar.value
            let control = value < 0x20 || (0x7F...0x9F).contains(value)
            let bidi = (0x200E...0x200F).contains(value) || (0x202A...0x202E).contains(value)
                || (0x2066...0x2069).contains(value) || value == 0x061C
            let invisible = value == 0xFEFF || value == 0xFFFE || value == 0xFFFF || (0x200B...0x200D).contains(value)
            if control || bidi || invisible { continue }
            scalars.append(scalar == "\"" ? "'" : scalar)
        }
        var name = String(scalars).trimmingCharacters(in: .whitespaces)
        while name.hasPrefix(".") { name.removeFirst() }
        if name.count > 200 {
            let dot = name.lastIndex(of: ".")
            let ext = dot.map { String(name[$0...]) }.flatMap { $0.count <= 10 ? $0 : nil } ?? ""
            name = String(name.prefix(200 - ext.count)) + ext
        }
        return name.isEmpty ? "berkas" : name
    }
}
