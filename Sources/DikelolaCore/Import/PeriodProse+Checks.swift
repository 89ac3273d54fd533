import Foundation

/// What a period written as prose may say that no typed period can hold: a fraction, a negative or
/// minimum length, working days, a length counted from an event whose date is not known, a range,
/// a date that does not exist. Each is named, never guessed into another period.
enum PeriodProseChecks {
    /// Why `t` (normalised) cannot be read as one period, or nil.
    static func problem(in t: String, raw: String) -> String? {
        if t.contains("½") || t.contains("setengah") || t.firstMatch(of: /\d+[.,]\d+ ?(tahun|thn|th|bulan|bln|hari|hr)\b/) != nil {
            return "Lama waktu berpecahan (\"\(raw.prefix(60))\") tidak dibaca: tulis dalam tahun dan bulan, misalnya "
                + "\"1 tahun 6 bulan\"."
        }
        if t.firstMatch(of: /(^|\s)- ?\d/) != nil, t.firstMatch(of: /\d ?- ?\d/) == nil {
            return "Lama waktu tidak boleh negatif (\"\(raw.prefix(60))\")."
        }
        for phrase in ["minimal", "paling sedikit", "sekurang kurangnya", "sekurang-kurangnya", "sedikitnya", "lebih dari"]
        where t.contains(phrase) {
            return "\"\(phrase)\" menyebut batas bawah, bukan akhir pengecualian: tetapkan tanggal berakhir, lama waktu, atau "
                + "peristiwa dengan tanggal paling lambat (untuk huruf a–f, UU 14/2008 Pasal 20 ayat 1)."
        }
        if t.contains("hari kerja") {
            return "Lama dalam hari kerja tidak dihitung dari berkas (hari libur tiap tahun berbeda): tulis tanggal berakhirnya."
        }
        if let invalid = invalidDate(in: t) {
            return "Tanggal \"\(invalid)\" tidak ada; periksa hari, bulan dan tahunnya."
        }
        return nil
    }

    /// A length counted from something other than the decree or a date ("2 tahun setelah pemilu",
    /// "5 tahun sejak dokumen diterima"): its end cannot be known from the file.
    static func countsFromAnEvent(_ t: String) -> Bool {
        if t.contains(" setelah ") || t.contains(" sesudah ") || t.hasPrefix("setelah ") { return true }
        guard let range = t.range(of: "sejak ") ?? t.range(of: "terhitung mulai ") else { return false }
        let after = t[range.upperBound...].trimmingCharacters(in: .whitespaces)
        let fromDecree = ["ditetapkan", "tanggal ditetapkan", "penetapan", "tanggal penetapan", "sk", "tanggal sk", "keputusan",
                          "surat keputusan", "dikecualikan", "tanggal dikecualikan", "tanggal surat keputusan"]
        if fromDecree.contains(where: { after.hasPrefix($0) }) { return false }
        return Dates.find(in: String(after)).first.map { $0.offset > 12 } ?? true
    }

    /// "31 februari 2028", "30/02/2028": a date written in full that no calendar has.
    static func invalidDate(in t: String) -> String? {
        for match in t.matches(of: /(\d{1,2}) ?([a-z]+)\.? ?(\d{4})/) {
            guard let month = Dates.months[String(match.2)], let day = Int(match.1), let year = Int(match.3) else { continue }
            if LocalDate(year: year, month: month, day: day) == nil { return String(match.0) }
        }
        for match in t.matches(of: /(\d{1,2}) ?[\-\/.] ?(\d{1,2}) ?[\-\/.] ?(\d{4})/) {
            guard let day = Int(match.1), let month = Int(match.2), let year = Int(match.3) else { continue }
            if LocalDate(year: year, month: month, day: day) == nil {
                return String(match.0) + (month > 12 && day <= 12 ? " (urutan bulan/hari? tulis hari-bulan-tahun)" : "")
            }
        }
        return nil
    }

    /// "tahun anggaran 2025" → 31 Desember 2025; "1 tahun anggaran" → the end of the decree's
    /// fiscal year (a fiscal year is the calendar year, UU 17/2003 Pasal 4).
    static func fiscalYear(in t: String, classifiedOn: LocalDate) -> (end: LocalDate, said: String)? {
        if let match = t.firstMatch(of: /tahun anggaran (\d{4})/), let year = Int(match.1),
            let end = LocalDate(year: year, month: 12, day: 31)
        {
            return (end, "\"\(match.0)\" dibaca sampai akhir tahun anggaran, \(IndonesianFormat.date(end)).")
        }
        let tokens = t.split(separator: " ").map(String.init)
        guard let index = tokens.firstIndex(of: "anggaran"), index >= 2, tokens[index - 1] == "tahun" else { return nil }
        let count = Lengths.number(tokens, at: index - 2)?.0 ?? 1
        guard (1...10).contains(count), let end = LocalDate(year: classifiedOn.year + count - 1, month: 12, day: 31) else {
            return nil
        }
        return (end, "\"\(count) tahun anggaran\" dibaca sampai akhir tahun anggaran \(end.year), \(IndonesianFormat.date(end)) "
            + "(tahun anggaran sama dengan tahun takwim, UU 17/2003 Pasal 4).")
    }
}
