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
        let raw = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !raw.isEmpty else { return PeriodProse(problem: "Jangka waktu kosong.") }
        var reader = Reader(raw: raw, classifiedOn: classifiedOn, reviewOn: columnReview, latestEnd: columnEnd)
        // In order: "sesuai ketentuan …", for ever, a length, a date, an event.
        if let problem = PeriodProseChecks.problem(in: reader.t, raw: raw) {
            return PeriodProse(problem: problem)
        }
        if reader.statute() || reader.forever() || reader.fiscalYear() || reader.length() || reader.date() || reader.event() {
            return reader.reading
        }
        reader.reading.problem =
            "Jangka waktu \"\(raw.prefix(120))\" tidak terbaca: tulis lama waktu (\"5 tahun\"), tanggal berakhir "
            + "(\"31 Desember 2028\") atau peristiwa (\"sampai putusan berkekuatan hukum tetap; ditinjau 31 Desember 2027\")."
        return reader.reading
    }

    /// One reading in progress: the text as written and normalised, the review and long-stop dates
    /// found in it, and the event's own words.
    private struct Reader {
        let raw: String
        let classifiedOn: LocalDate
        var t: String
        var reviewOn: LocalDate?
        var latestEnd: LocalDate?
        var eventText: String
        var hasMarker: Bool
        var reading = PeriodProse()

        init(raw: String, classifiedOn: LocalDate, reviewOn: LocalDate?, latestEnd: LocalDate?) {
            self.raw = raw
            self.classifiedOn = classifiedOn
            self.reviewOn = reviewOn
            self.latestEnd = latestEnd
            var t = PeriodProse.normalize(raw)
            // "ditinjau …" and "paling lama …" name the review and the long-stop date of an event.
            if let (date, range) = PeriodProse.dateAfter(["ditinjau", "peninjauan", "ditinjau kembali"], in: t) {
                self.reviewOn = date
                t.removeSubrange(range)
            }
            if let (date, range) = PeriodProse.dateAfter(
                ["paling lama sampai", "paling lama", "paling lambat", "selambat lambatnya"], in: t)
            {
                self.latestEnd = date
                t.removeSubrange(range)
            }
            self.t = t.trimmingCharacters(in: CharacterSet(charactersIn: " ;,.()"))
            // The event's words end where its review or long-stop date is written.
            var eventText = raw
            for marker in ["(ditinjau", "; ditinjau", ", ditinjau", "ditinjau", "; paling lama", "paling lama", "paling lambat", "selambat"] {
                if let range = eventText.range(of: marker, options: .caseInsensitive) { eventText = String(eventText[..<range.lowerBound]) }
            }
            self.eventText = PeriodProse.cleanEvent(eventText)
            let markers = ["sampai", "selama", "menunggu", "setelah", "sebelum"]
            let normalised = self.t
            hasMarker = markers.contains { normalised.hasPrefix($0) || normalised.contains(" " + $0 + " ") }
        }

        mutating func setEvent(latest: LocalDate?) {
            let assumedReview = reviewOn ?? min((try? classifiedOn.adding(years: 1)) ?? classifiedOn, latest ?? .lastRepresentable)
            reading.reviewMissing = reviewOn == nil
            reading.period = .untilEvent(event: eventText, reviewOn: assumedReview, latestEnd: latest)
        }

        /// "sesuai ketentuan UU …": the other statute sets the period.
        mutating func statute() -> Bool {
            guard t.contains("sesuai "),
                let range = raw.range(of: "sesuai ketentuan ", options: .caseInsensitive)
                    ?? raw.range(of: "sesuai dengan ", options: .caseInsensitive) ?? raw.range(of: "sesuai ", options: .caseInsensitive)
            else { return false }
            let statute = raw[range.upperBound...].split(separator: "(", maxSplits: 1).first.map(String.init) ?? ""
            reading.period = .asStatuteSets(statute: PeriodProse.cleanEvent(statute), end: latestEnd ?? Dates.find(in: t).last?.date)
            return true
        }

        mutating func forever() -> Bool {
            guard ExemptionPeriod.meansForever(raw) || ["permanen", "tidak terbatas", "selamanya", "tanpa batas"].contains(where: t.contains)
            else { return false }
            setEvent(latest: nil)
            reading.assumptions.append("\"\(raw)\" dibaca sebagai pengecualian tanpa akhir (permanen).")
            return true
        }

        /// A length, from "sejak <date>" or the decree's date; with an event named, the event ends
        /// it and the length is its long stop.
        mutating func fiscalYear() -> Bool {
            guard let (end, said) = PeriodProseChecks.fiscalYear(in: t, classifiedOn: classifiedOn) else { return false }
            reading.period = .until(end)
            reading.assumptions.append(said)
            return true
        }

        mutating func length() -> Bool {
            let found: Lengths.Found
            switch Lengths.find(in: t) {
            case let .failure(unreadable):
                reading.problem = unreadable.message
                return true
            case .success(nil):
                return false
            case let .success(length?):
                found = length
            }
            if PeriodProseChecks.countsFromAnEvent(t) {
                reading.problem =
                    "\"\(raw.prefix(80))\" dihitung dari peristiwa yang tanggalnya tidak ada di berkas, sehingga akhirnya tidak "
                    + "dapat dihitung: tulis tanggal berakhirnya, atau peristiwanya dengan tanggal paling lambat dan tanggal peninjauan."
                return true
            }
            var start = classifiedOn
            if let (date, _) = PeriodProse.dateAfter(["sejak", "terhitung sejak", "terhitung mulai", "mulai"], in: t) {
                start = date
            } else {
                reading.assumptions.append("Dihitung sejak tanggal SK, \(IndonesianFormat.date(classifiedOn)).")
            }
            let plain: Set = ["sampai", "selama", "atau", "dengan", "sejak", "paling", "lama", "ditetapkan", "tanggal", "sk", "terhitung"]
            let eventWords = Set(t.split { !($0.isLetter || $0.isNumber) }.map(String.init)).subtracting(Lengths.vocabulary)
                .subtracting(plain).filter { Dates.months[$0] == nil }
            if hasMarker, eventWords.contains(where: { $0.count > 3 && Int($0) == nil }) {
                setEvent(latest: latestEnd ?? (try? found.length.added(to: start)))
                reading.assumptions.append("Dibaca sebagai peristiwa dengan batas paling lama \(found.length.indonesianDescription).")
            } else {
                reading.period = .length(found.length, from: start)
                // "sampai tahun 2030 (5 tahun)": a length and an end that disagree are not guessed between.
                let written = Dates.find(in: t).filter { $0.date != start }
                if let end = try? found.length.added(to: start), let other = written.last, other.date != end {
                    reading.period = nil
                    reading.problem =
                        "Lama waktu \(found.length.indonesianDescription) (berakhir \(IndonesianFormat.date(end))) dan tanggal "
                        + "\(IndonesianFormat.date(other.date)) yang juga ditulis berbeda; tulis salah satunya."
                }
            }
            return true
        }

        /// A date: the last one written is the end ("1 Januari 2024 s.d. 31 Desember 2028").
        mutating func date() -> Bool {
            let dates = Dates.find(in: t)
            guard let last = dates.last else { return false }
            if dates.count > 1 { reading.assumptions.append("Tanggal terakhir, \(IndonesianFormat.date(last.date)), dibaca sebagai akhir.") }
            if last.assumed { reading.assumptions.append("\"\(raw)\" dibaca \(IndonesianFormat.date(last.date)).") }
            if hasMarker, !dates.contains(where: { !$0.assumed }), Dates.hasEventWords(t) {
                setEvent(latest: latestEnd ?? last.date)
            } else {
                reading.period = .until(last.date)
            }
            return true
        }

        mutating func event() -> Bool {
            guard hasMarker || latestEnd != nil || reviewOn != nil else { return false }
            setEvent(latest: latestEnd)
            return true
        }
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
            // "sejak 1 Januari 2024", "sejak tanggal 1 Januari 2024", "ditinjau pada tgl. 31-12-2027".
            let lead = rest.prefix { !$0.isNumber }.split(separator: " ").map(String.init)
            guard lead.allSatisfy({ ["tanggal", "tgl", "tgl.", "pada", ":", "tanggal:", "tahun"].contains($0) }) else { continue }
            if let first = Dates.find(in: String(rest)).first, first.offset <= 20 {
                let end = t.index(range.upperBound, offsetBy: first.offset + first.length, limitedBy: t.endIndex) ?? t.endIndex
                return (first.date, range.lowerBound..<end)
            }
        }
        return nil
    }
}
