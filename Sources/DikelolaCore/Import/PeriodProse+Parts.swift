import Foundation

/// Dates as Indonesian offices write them, found in normalised text (`PeriodProse.normalize`).
enum Dates {
    struct Found {
        let date: LocalDate
        /// Read from less than a day ("2028", "Desember 2028"): the reading says which day it took.
        let assumed: Bool
        /// Where it starts and how long it is, in characters.
        let offset: Int
        let length: Int
    }

    static let months: [String: Int] = [
        "januari": 1, "jan": 1, "februari": 2, "pebruari": 2, "feb": 2, "peb": 2, "maret": 3, "mar": 3, "april": 4, "apr": 4,
        "mei": 5, "may": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8,
        "agust": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "oct": 10, "november": 11, "nov": 11,
        "nop": 11, "nopember": 11, "desember": 12, "des": 12, "dec": 12, "december": 12,
    ]

    static func find(in t: String) -> [Found] {
        var found: [Found] = []
        var taken: [Range<String.Index>] = []
        func add(_ range: Range<String.Index>, _ date: LocalDate?, assumed: Bool) {
            guard let date, LocalDate.inputYears.contains(date.year), !taken.contains(where: { $0.overlaps(range) }) else { return }
            taken.append(range)
            found.append(
                Found(
                    date: date, assumed: assumed, offset: t.distance(from: t.startIndex, to: range.lowerBound),
                    length: t.distance(from: range.lowerBound, to: range.upperBound)))
        }
        for match in t.matches(of: /(\d{4})-(\d{1,2})-(\d{1,2})/) {
            add(match.range, date(Int(match.3), Int(match.2), Int(match.1)), assumed: false)
        }
        for match in t.matches(of: /(\d{1,2}) ?[\-\/.] ?(\d{1,2}) ?[\-\/.] ?(\d{4})/) {
            add(match.range, date(Int(match.1), Int(match.2), Int(match.3)), assumed: false)
        }
        for match in t.matches(of: /(\d{1,2}) ?([a-z]+)\.? ?(\d{4})/) {
            guard let month = months[String(match.2)] else { continue }
            add(match.range, date(Int(match.1), month, Int(match.3)), assumed: false)
        }
        for match in t.matches(of: /([a-z]+)\.? (\d{4})/) {
            guard let month = months[String(match.1)], let year = Int(match.2) else { continue }
            add(match.range, date(LocalDate.daysIn(month: month, year: year), month, year), assumed: true)
        }
        for match in t.matches(of: /(sampai|akhir|tahun) (tahun )?(\d{4})\b/) {
            // "UU 23 tahun 2006" names a statute, not a year.
            let before = t[..<match.range.lowerBound].split(separator: " ").last
            if match.1 == "tahun", let before, Int(before) != nil || before == "nomor" || before == "no" { continue }
            guard let year = Int(match.3) else { continue }
            add(match.range, date(31, 12, year), assumed: true)
        }
        return found.sorted { $0.offset < $1.offset }
    }

    private static func date(_ day: Int?, _ month: Int?, _ year: Int?) -> LocalDate? {
        guard let day, let month, let year else { return nil }
        return LocalDate(year: year, month: month, day: day)
    }

    /// Words that are not part of a date or a marker: an event is named.
    static func hasEventWords(_ t: String) -> Bool {
        let plain: Set = ["sampai", "dengan", "tahun", "akhir", "tanggal", "pada", "bulan", "tgl", "berakhir", "berlaku"]
        return t.split(separator: " ").contains { word in
            word.count > 3 && Int(word) == nil && !plain.contains(String(word)) && months[String(word)] == nil
        }
    }
}

/// Lengths written in figures, in words or both ("5 (lima) tahun", "dua tahun enam bulan").
enum Lengths {
    struct Found {
        let length: PeriodLength
    }

    enum Unit { case years, months, days }

    static let units: [String: Unit] = [
        "tahun": .years, "thn": .years, "th": .years, "bulan": .months, "bln": .months, "hari": .days, "hr": .days,
    ]

    struct Unreadable: Error {
        let message: String
    }

    static func add(_ count: Int, _ unit: Unit, to length: inout PeriodLength) {
        switch unit {
        case .years: length.years += count
        case .months: length.months += count
        case .days: length.days += count
        }
    }
    static let digits: [String: Int] = [
        "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8, "sembilan": 9,
    ]
    static let vocabulary: Set<String> = Set(units.keys).union(digits.keys).union([
        "sepuluh", "sebelas", "seratus", "puluh", "belas", "ratus", "setahun", "sebulan", "sehari",
    ])

    /// The length written in `t`, nil when none is, or why the one written cannot be read.
    static func find(in t: String) -> Result<Found?, Unreadable> {
        let tokens = t.split { !($0.isLetter || $0.isNumber) }.map(String.init)
        var length = PeriodLength()
        var any = false
        var seen: Set<String> = []
        var p = 0
        while p < tokens.count {
            for (word, unit) in [("setahun", "tahun"), ("sebulan", "bulan"), ("sehari", "hari")] where tokens[p] == word {
                if let unit = units[unit] { add(1, unit, to: &length) }
                any = true
            }
            guard let (first, afterFirst) = number(tokens, at: p) else {
                p += 1
                continue
            }
            var next = afterFirst
            // "5 (lima) tahun": a figure repeated in words (or words in a figure) must agree.
            var repeated: Int?
            if let (second, afterSecond) = number(tokens, at: next),
                tokens[p].allSatisfy(\.isNumber) != tokens[next].allSatisfy(\.isNumber)
            {
                repeated = second
                next = afterSecond
            }
            guard next < tokens.count, let unit = units[tokens[next]] else {
                // "5-10 tahun", "3 sampai 5 tahun": a range is not one period.
                var probe = next
                if probe < tokens.count, tokens[probe] == "sampai" { probe += 1 }
                if let (_, after) = number(tokens, at: probe), after < tokens.count, units[tokens[after]] != nil {
                    return .failure(Unreadable(message: "Rentang lama waktu tidak menetapkan akhir; tulis satu lama waktu."))
                }
                p = afterFirst
                continue
            }
            // "5 tahun, 10 tahun": two lengths of the same unit.
            guard seen.insert("\(unit)").inserted else {
                return .failure(Unreadable(message: "Dua lama waktu disebut; tulis satu saja."))
            }
            if let repeated, repeated != first {
                return .failure(Unreadable(message: "Angka dan kata pada jangka waktu berbeda (\(first) dan \(repeated)); perbaiki salah satunya."))
            }
            // "UU 23 tahun 2006" is a statute, not 23 years.
            if next + 1 < tokens.count, tokens[next + 1].count == 4, Int(tokens[next + 1]) != nil, unit == .years {
                p = next + 2
                continue
            }
            guard first <= 100_000 else { return .failure(Unreadable(message: "Lama jangka waktu terlalu besar untuk dibaca.")) }
            add(first, unit, to: &length)
            any = true
            p = next + 1
        }
        return .success(any ? Found(length: length) : nil)
    }

    /// A number in figures or Indonesian words at `p`, and the token after it.
    static func number(_ tokens: [String], at p: Int) -> (Int, Int)? {
        guard p < tokens.count else { return nil }
        if tokens[p].allSatisfy(\.isNumber) {
            guard tokens[p].count <= 7, let value = Int(tokens[p]) else { return (Int.max, p + 1) }
            return (value, p + 1)
        }
        var total = 0
        var i = p
        while i < tokens.count {
            let token = tokens[i]
            let following = i + 1 < tokens.count ? tokens[i + 1] : ""
            if token == "seratus" {
                total += 100
            } else if token == "sepuluh" {
                total += 10
            } else if token == "sebelas" {
                total += 11
            } else if let d = digits[token] {
                switch following {
                case "puluh": total += d * 10; i += 1
                case "belas": total += 10 + d; i += 1
                case "ratus": total += d * 100; i += 1
                default: total += d
                }
            } else {
                break
            }
            i += 1
        }
        return i > p ? (total, i) : nil
    }
}
