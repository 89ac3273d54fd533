import Foundation

/// A period as officers write it in a DIK, read into the typed period the law checks: lengths in
/// figures and words ("5 (lima) tahun", "dua tahun enam bulan"), dates in any Indonesian form
/// ("31 Des 2028", "31-12-2028", "s.d. 2028"), events ("sampai putusan berkekuatan hukum tetap"),
/// "sesuai ketentuan UU …", and "permanen / tidak terbatas / selama …". Every assumption the reading
/// makes is stated ("'s.d. 2028' dibaca 31 Desember 2028"); what it cannot read it says so.
public struct PeriodProse: Sendable, Equatable {
    public var period: ExemptionPeriod?
    public var assumptions: [String] = []
    /// Why the text could not be read as a period.
    public var problem: String?
    /// An event period whose review date the text does not give (the period carries one assumed
    /// for the law's checks only; the row may not enter the register without a real one).
    public var reviewMissing = false

    /// Reads `text` for an exemption classified on `classifiedOn`; `reviewOn` and `latestEnd` come
    /// from their own columns when the sheet has them.
    public static func read(
        _ text: String, classifiedOn: LocalDate, reviewOn columnReview: LocalDate? = nil, latestEnd columnEnd: LocalDate? = nil
    ) -> PeriodProse {
        var reading = PeriodProse()
        let raw = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !raw.isEmpty else {
            reading.problem = "Jangka waktu kosong."
            return reading
        }
        var t = normalize(raw)
        // "ditinjau …" and "paling lama …" name the review and the long-stop date of an event.
        var reviewOn = columnReview
        var latestEnd = columnEnd
        if let (date, range) = dateAfter(["ditinjau", "peninjauan", "ditinjau kembali"], in: t) {
            reviewOn = date
            t.removeSubrange(range)
        }
        if let (date, range) = dateAfter(["paling lama sampai", "paling lama", "paling lambat", "selambat lambatnya"], in: t) {
            latestEnd = date
            t.removeSubrange(range)
        }
        t = t.trimmingCharacters(in: CharacterSet(charactersIn: " ;,.()"))
        // The event's words end where its review or long-stop date is written.
        var eventText = raw
        for marker in ["(ditinjau", "; ditinjau", ", ditinjau", "ditinjau", "; paling lama", "paling lama", "paling lambat", "selambat"] {
            if let range = eventText.range(of: marker, options: .caseInsensitive) { eventText = String(eventText[..<range.lowerBound]) }
        }
        func event(_ name: String, latest: LocalDate?) {
            let assumedReview = reviewOn ?? min((try? classifiedOn.adding(years: 1)) ?? classifiedOn, latest ?? .lastRepresentable)
            reading.reviewMissing = reviewOn == nil
            reading.period = .untilEvent(event: name, reviewOn: assumedReview, latestEnd: latest)
        }

        // "sesuai ketentuan UU …": the other statute sets the period.
        if t.contains("sesuai "),
            let range = raw.range(of: "sesuai ketentuan ", options: .caseInsensitive)
                ?? raw.range(of: "sesuai dengan ", options: .caseInsensitive) ?? raw.range(of: "sesuai ", options: .caseInsensitive)
        {
            let statute = raw[range.upperBound...].split(separator: "(", maxSplits: 1).first.map(String.init) ?? ""
            let end = latestEnd ?? Dates.find(in: t).last?.date
            reading.period = .asStatuteSets(statute: cleanEvent(statute), end: end)
            return reading
        }
        // For ever.
        if ExemptionPeriod.meansForever(raw) || ["permanen", "tidak terbatas", "selamanya", "tanpa batas"].contains(where: t.contains) {
            event(cleanEvent(eventText), latest: nil)
            reading.assumptions.append("\"\(raw)\" dibaca sebagai pengecualian tanpa akhir (permanen).")
            return reading
        }
        let hasMarker = ["sampai", "selama", "menunggu", "setelah", "sebelum"].contains { t.hasPrefix($0) || t.contains(" " + $0 + " ") }
        // A length, from "sejak <date>" or the decree's date.
        switch Lengths.find(in: t) {
        case let .failure(unreadable):
            reading.problem = unreadable.message
            return reading
        case let .success(found?):
            var start = classifiedOn
            if let (date, _) = dateAfter(["sejak", "terhitung sejak", "terhitung mulai", "mulai"], in: t) {
                start = date
            } else {
                reading.assumptions.append("Dihitung sejak tanggal SK, \(IndonesianFormat.date(classifiedOn)).")
            }
            let words = Set(t.split(separator: " ").map(String.init))
            let eventWords = words.subtracting(Lengths.vocabulary).subtracting(["sampai", "selama", "atau", "dengan", "sejak", "paling", "lama", "ditetapkan", "tanggal", "sk", "terhitung"])
            if hasMarker, eventWords.contains(where: { $0.count > 3 && Int($0) == nil }) {
                let end = try? found.length.added(to: start)
                event(cleanEvent(eventText), latest: latestEnd ?? end)
                reading.assumptions.append("Dibaca sebagai peristiwa dengan batas paling lama \(found.length.indonesianDescription).")
            } else {
                reading.period = .length(found.length, from: start)
            }
            return reading
        case .success(nil):
            break
        }
        // A date: the last one written is the end ("1 Januari 2024 s.d. 31 Desember 2028").
        let dates = Dates.find(in: t)
        if let last = dates.last {
            if dates.count > 1 { reading.assumptions.append("Tanggal terakhir, \(IndonesianFormat.date(last.date)), dibaca sebagai akhir.") }
            if last.assumed { reading.assumptions.append("\"\(raw)\" dibaca \(IndonesianFormat.date(last.date)).") }
            if hasMarker, !dates.contains(where: { !$0.assumed }), Dates.hasEventWords(t) {
                event(cleanEvent(eventText), latest: latestEnd ?? last.date)
            } else {
                reading.period = .until(last.date)
            }
            return reading
        }
        // An event.
        if hasMarker || latestEnd != nil || reviewOn != nil {
            event(cleanEvent(eventText), latest: latestEnd)
            return reading
        }
        reading.problem =
            "Jangka waktu \"\(raw.prefix(120))\" tidak terbaca: tulis lama waktu (\"5 tahun\"), tanggal berakhir "
            + "(\"31 Desember 2028\") atau peristiwa (\"sampai putusan berkekuatan hukum tetap; ditinjau 31 Desember 2027\")."
        return reading
    }

    /// Lower case, accents folded, "s.d." / "s/d" / "hingga" as "sampai", one space between words.
    static func normalize(_ text: String) -> String {
        var t = text.folding(options: [.diacriticInsensitive], locale: nil).lowercased()
        for (from, to) in [
            ("s.d.", " sampai "), ("s.d", " sampai "), ("s/d", " sampai "), ("s. d.", " sampai "), ("sampai dengan", "sampai"),
            ("hingga", "sampai"), ("selambat-lambatnya", "selambat lambatnya"), ("\n", " "), ("\t", " "),
        ] {
            t = t.replacingOccurrences(of: from, with: to)
        }
        t = t.replacingOccurrences(of: #"\bsd\b"#, with: "sampai", options: .regularExpression)
        return t.split(separator: " ").joined(separator: " ")
    }

    /// The event as written, less a leading "sampai"/"selama".
    static func cleanEvent(_ text: String) -> String {
        var t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        for prefix in ["sampai dengan ", "sampai ", "hingga ", "s.d. ", "s/d "] where t.lowercased().hasPrefix(prefix) {
            t = String(t.dropFirst(prefix.count))
            break
        }
        return t.trimmingCharacters(in: CharacterSet(charactersIn: " ;,."))
    }

    /// The date written after one of `words`, and the range of the words and the date.
    static func dateAfter(_ words: [String], in t: String) -> (LocalDate, Range<String.Index>)? {
        for word in words {
            guard let range = t.range(of: word) else { continue }
            let rest = t[range.upperBound...]
            if let first = Dates.find(in: String(rest)).first, first.offset <= 3 {
                let end = t.index(range.upperBound, offsetBy: first.offset + first.length, limitedBy: t.endIndex) ?? t.endIndex
                return (first.date, range.lowerBound..<end)
            }
        }
        return nil
    }
}
