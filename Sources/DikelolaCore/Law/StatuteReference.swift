import Foundation

/// The "other statute" an exemption under Pasal 17 huruf b, g, i or j relies on (PP 61/2010 Ps 6,
/// 8(1), 9; UU 14/2008 Ps 17 j), read as officers write it, so that "-", "x" or "UU 14/2008"
/// cannot stand in for it.
///
/// Recognised forms (case-insensitive, whole words):
/// - a kind of regulation, then its number and year: "UU Nomor 23 Tahun 2006", "UU No. 23 Th 2006",
///   "UU 23/2006", "PP 40/2019", "Perpres 95/2018", "Permendagri Nomor 1 Tahun 2023",
///   "Perda Kabupaten Contoh Nomor 3 Tahun 2020", "Perbup 12/2021", "Perki 1/2017";
/// - a statute by its short name: "UU ITE", "UU Adminduk", "UU Perbankan", "UU PDP";
/// - the codes: KUHP, KUHAP, KUHPerdata ("KUH Perdata"), KUHD.
///
/// UU 14/2008 itself (also "UU KIP") and its PP 61/2010 are refused: the ground needs a law other
/// than the one that makes the exemption possible.
public struct StatuteReference: Hashable, Sendable {
    /// The kind as written, e.g. "UU", "Permendagri".
    public let kind: String
    public let number: Int?
    public let year: Int?
    /// The short name after "UU" ("ITE"), or the code ("KUHP").
    public let name: String?

    public static let kindWords: [String: String] = [
        "uu": "UU", "undang undang": "UU", "perppu": "Perppu", "pp": "PP", "peraturan pemerintah": "PP",
        "perpres": "Perpres", "peraturan presiden": "Perpres", "keppres": "Keppres", "inpres": "Inpres",
        "permen": "Permen", "peraturan menteri": "Permen", "permendagri": "Permendagri", "permenkes": "Permenkes",
        "permenpan rb": "PermenPAN-RB", "permenpanrb": "PermenPAN-RB", "permenkominfo": "Permenkominfo",
        "permenkumham": "Permenkumham", "permendikbud": "Permendikbud", "pmk": "PMK", "perda": "Perda",
        "peraturan daerah": "Perda", "pergub": "Pergub", "peraturan gubernur": "Pergub", "perbup": "Perbup",
        "peraturan bupati": "Perbup", "perwal": "Perwal", "perwali": "Perwal", "peraturan wali kota": "Perwal",
        "peraturan walikota": "Perwal", "perki": "Perki", "peraturan komisi informasi": "Perki", "perma": "Perma",
        "peraturan mahkamah agung": "Perma", "perkap": "Perkap", "perkapolri": "Perkap", "perja": "Perja",
        "perka": "Perka", "peraturan kepala": "Perka", "peraturan badan": "Peraturan Badan", "pbi": "PBI",
        "peraturan bank indonesia": "PBI", "pojk": "POJK", "peraturan ojk": "POJK", "peraturan lembaga": "Peraturan Lembaga",
        "peraturan desa": "Perdes", "perdes": "Perdes",
    ]

    static let codes: [String: String] = [
        "kuhp": "KUHP", "kuhap": "KUHAP", "kuhper": "KUHPerdata", "kuhperdata": "KUHPerdata", "kuh perdata": "KUHPerdata",
        "kitab undang undang hukum pidana": "KUHP", "kitab undang undang hukum acara pidana": "KUHAP",
        "kitab undang undang hukum perdata": "KUHPerdata", "kuhd": "KUHD", "burgerlijk wetboek": "KUHPerdata",
    ]

    static let numberWords: Set = ["nomor", "no", "nr", "nmr"]
    static let regionalKinds: Set = ["Perda", "Perbup", "Pergub", "Perwal", "Perdes"]
    static let yearWords: Set = ["tahun", "th", "thn", "tahn"]
    /// Names of UU 14/2008 that are not a number.
    static let kipNames = ["kip", "keterbukaan informasi publik", "keterbukaan informasi", "keterbukaan", "informasi publik"]

    /// The short names officers give statutes ("UU ITE", "UU Adminduk"): only these stand without
    /// a number and year; any other "UU <word>" ("UU ini", "UU lain") is not a reference.
    static let shortNames: [String] = [
        "ite", "adminduk", "administrasi kependudukan", "pdp", "pelindungan data pribadi", "perlindungan data pribadi",
        "perbankan", "kearsipan", "kesehatan", "asn", "aparatur sipil negara", "kepegawaian", "narkotika", "tipikor",
        "kepolisian", "kejaksaan", "intelijen", "intelijen negara", "pertahanan", "pertahanan negara", "perlindungan anak",
        "sppa", "sistem peradilan pidana anak", "statistik", "kup", "perpajakan", "hak cipta", "paten", "merek",
        "rahasia dagang", "persaingan usaha", "praktik kedokteran", "rumah sakit", "keimigrasian", "pemilu", "desa",
        "pemda", "pemerintahan daerah", "keuangan negara", "perbendaharaan negara", "jabatan notaris",
        "perlindungan saksi dan korban", "tpks", "pers", "penyiaran", "telekomunikasi", "minerba", "migas", "kehutanan",
        "pplh", "cipta kerja", "kesejahteraan sosial", "penanggulangan bencana", "rahasia negara", "psikologi",
        "pendidikan tinggi", "sisdiknas", "praktik psikologi", "kesehatan jiwa", "tenaga kesehatan", "ketenagakerjaan",
    ]

    /// Years a numbered regulation of the Republic can carry.
    static let years = 1945...2100

    /// Whether this names UU 14/2008 or PP 61/2010, which cannot be the "other" statute.
    public var isPublicInformationLaw: Bool {
        (kind == "UU" && number == 14 && year == 2008) || (kind == "PP" && number == 61 && year == 2010)
            || (kind == "UU" && name.map { Self.kipNames.contains($0.lowercased()) } == true)
    }

    /// An undang-undang: a UU, a Perppu (which has its force), or a code (KUHP, KUHAP, KUHPerdata).
    public var isStatute: Bool { kind == "UU" || kind == "Perppu" || StatuteReference.codes.values.contains(kind) }

    /// "UU 23/2006", "UU ITE", "KUHP".
    public var shortForm: String {
        if let number, let year { return "\(kind) \(number)/\(year)" }
        if let name { return kind == name ? name : "\(kind) \(name)" }
        return kind
    }

    /// Every statute named in `text`, in order.
    public static func find(in text: String) -> [StatuteReference] {
        // Full-width and other compatibility forms ("ＵＵ １４/２００８") read as their plain letters.
        let plain = text.precomposedStringWithCompatibilityMapping.lowercased()
        let words = plain.split { !($0.isLetter || $0.isNumber) }.map(String.init)
            .map { $0.allSatisfy(\.isNumber) && !$0.allSatisfy(\.isASCII) ? "" : $0 }.filter { !$0.isEmpty }
        var found: [StatuteReference] = []
        var index = 0
        while index < words.count {
            if let (code, length) = longest(codes, in: words, at: index) {
                found.append(StatuteReference(kind: code, number: nil, year: nil, name: code))
                index += length
            } else if let (kind, length) = longest(kindWords, in: words, at: index) {
                let (reference, used) = rest(of: kind, words: words, from: index + length)
                if let reference { found.append(reference) }
                index += length + used
            } else {
                index += 1
            }
        }
        return found
    }

    /// The longest phrase of `table` starting at `index`, with its word count.
    private static func longest(_ table: [String: String], in words: [String], at index: Int) -> (String, Int)? {
        for length in stride(from: 6, through: 1, by: -1) where index + length <= words.count {
            let phrase = words[index..<(index + length)].joined(separator: " ")
            if let value = table[phrase] { return (value, length) }
        }
        return nil
    }

    /// After the kind: "[nomor] N [tahun|/] YYYY", words of a place ("Kabupaten Contoh") before
    /// "nomor", or a short name after "UU".
    private static func rest(of kind: String, words: [String], from start: Int) -> (StatuteReference?, Int) {
        var index = start
        // A regional regulation names its region first: "Perda Kabupaten Contoh Nomor 3 Tahun 2020".
        if regionalKinds.contains(kind),
            let nomor = words[start...].prefix(7).firstIndex(where: numberWords.contains),
            words[start..<nomor].allSatisfy({ Int($0) == nil })
        {
            index = nomor
        }
        if index < words.count, numberWords.contains(words[index]) { index += 1 }
        if index < words.count, let number = Int(words[index]), (1...99_999).contains(number) {
            var next = index + 1
            if next < words.count, yearWords.contains(words[next]) { next += 1 }
            if next < words.count, let year = Int(words[next]), years.contains(year) {
                return (StatuteReference(kind: kind, number: number, year: year, name: nil), next + 1 - start)
            }
            return (nil, index + 1 - start)
        }
        // "UU ITE", "UU Adminduk", "UU Keterbukaan Informasi Publik": a short name of letters.
        if kind == "UU", start < words.count, Int(words[start]) == nil, !numberWords.contains(words[start]),
            words[start].count >= 2
        {
            let name = kipNames.first { phrase in
                let parts = phrase.split(separator: " ").map(String.init)
                return Array(words.dropFirst(start).prefix(parts.count)) == parts
            }
            if let name { return (StatuteReference(kind: kind, number: nil, year: nil, name: name), name.split(separator: " ").count) }
            let known = shortNames.sorted { $0.count > $1.count }.first { phrase in
                let parts = phrase.split(separator: " ").map(String.init)
                return Array(words.dropFirst(start).prefix(parts.count)) == parts
            }
            guard let known else { return (nil, 0) }
            return (
                StatuteReference(kind: kind, number: nil, year: nil, name: known.uppercased()), known.split(separator: " ").count
            )
        }
        return (nil, 0)
    }
}

/// Why an "other statute" cannot be accepted.
public enum OtherStatuteProblem: Hashable, Sendable, CustomStringConvertible {
    case unrecognised(ExemptionGround.Letter, String)
    case isPublicInformationLaw(ExemptionGround.Letter, String)
    /// Ground j exempts what a statute (undang-undang) bars; a regulation below one does not suffice.
    case notAStatute(String)

    public var description: String {
        switch self {
        case let .unrecognised(letter, text):
            "\"\(text)\" tidak dikenali sebagai peraturan perundang-undangan. Pengecualian berdasarkan Pasal 17 huruf "
                + "\(letter.rawValue) wajib menyebut peraturan yang menjadi dasarnya, misalnya \"UU Nomor 23 Tahun 2006\", "
                + (letter == .j
                    ? "\"UU Nomor 23 Tahun 2006\", \"UU 27/2022\", \"UU ITE\" atau \"KUHP Pasal 322\"."
                    : "\"UU 23/2006 Pasal 79\", \"Perbup Nomor 12 Tahun 2021\" atau \"UU ITE\".")
        case let .isPublicInformationLaw(letter, text):
            "\"\(text)\" adalah UU 14/2008 atau PP 61/2010 sendiri. Pengecualian berdasarkan Pasal 17 huruf \(letter.rawValue) "
                + "wajib menyebut peraturan lain yang menjadi dasarnya (UU 14/2008 Pasal 17 huruf \(letter.rawValue); "
                + "PP 61/2010 Pasal 6, 8 dan 9)."
        case let .notAStatute(text):
            "Pasal 17 huruf j mengecualikan informasi yang tidak boleh diungkapkan berdasarkan undang-undang: \"\(text)\" "
                + "bukan undang-undang. Sebut undang-undangnya (UU, Perppu atau kitab undang-undang seperti KUHP), misalnya "
                + "\"UU 27/2022\" (UU 14/2008 Pasal 17 huruf j)."
        }
    }

    /// Checks the text typed as the other statute for a ground citing one.
    public static func check(_ text: String, for letter: ExemptionGround.Letter) -> OtherStatuteProblem? {
        let trimmed = text.trimmingWhitespace
        let found = StatuteReference.find(in: trimmed)
        if found.isEmpty { return .unrecognised(letter, trimmed) }
        if found.allSatisfy(\.isPublicInformationLaw) { return .isPublicInformationLaw(letter, trimmed) }
        if letter == .j, !found.contains(where: { !$0.isPublicInformationLaw && $0.isStatute }) { return .notAStatute(trimmed) }
        return nil
    }
}
