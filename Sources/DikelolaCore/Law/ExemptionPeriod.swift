/// How long information stays exempted (jangka waktu pengecualian), as the four forms found in
/// real registers: a length from a start date ("5 tahun sejak ditetapkan"), a fixed end date,
/// an event ("sampai putusan berkekuatan hukum tetap") and "as the cited statute sets".
public enum ExemptionPeriod: Hashable, Sendable {
    /// A length counted from `from`; ends on the anniversary date (PP 61/2010 Ps 11(3): the item
    /// opens on the end date).
    case length(PeriodLength, from: LocalDate)
    /// Ends on a fixed date.
    case until(LocalDate)
    /// Ends when `event` happens. Because nobody is told when an event occurs, it must carry a date
    /// by which the PPID reviews whether it has; `latestEnd` bounds it where the law does.
    case untilEvent(event: String, reviewOn: LocalDate, latestEnd: LocalDate?)
    /// As the cited statute sets (PP 61/2010 Ps 6, 8(1), 9 for grounds b, g, i; the statute itself
    /// for j), with the end date where that statute gives one.
    case asStatuteSets(statute: String, end: LocalDate?)

    /// The date the exemption ends and the information opens, where the period fixes one. Throws
    /// for a length that leaves the calendar (a stored period typed before lengths were bounded).
    public var endDate: LocalDate? {
        get throws(DateRangeError) {
            switch self {
            case let .length(length, from): try length.added(to: from)
            case let .until(end): end
            case let .untilEvent(_, _, latestEnd): latestEnd
            case let .asStatuteSets(_, end): end
            }
        }
    }

    /// The date by which the PPID must check whether an event-based period has ended.
    public var reviewDate: LocalDate? {
        if case let .untilEvent(_, reviewOn, _) = self { return reviewOn }
        return nil
    }

    /// No date ends it: "permanent" in the words of UU 14/2008 Ps 20 — a statute's period without
    /// an end, or an event that can never happen ("selamanya", "tidak terbatas") with no latest end.
    public var isOpenEnded: Bool {
        switch self {
        case .asStatuteSets(_, nil): true
        case let .untilEvent(event, _, nil): ExemptionPeriod.meansForever(event)
        default: false
        }
    }

    /// "sampai putusan berkekuatan hukum tetap"; an event already written as a duration
    /// ("selama masih diperlukan", "hingga …") or "permanen" keeps its own words.
    public static func eventPhrase(_ event: String) -> String {
        let lower = event.lowercased()
        if ["selama", "sampai", "hingga", "sepanjang", "s.d."].contains(where: { lower.hasPrefix($0) }) || meansForever(event) {
            return event
        }
        return "sampai \(event)"
    }

    /// "5 tahun sejak 1 Januari 2025", "sampai dengan 31 Desember 2030", …
    public var indonesianDescription: String {
        switch self {
        case let .length(length, from):
            "\(length.indonesianDescription) sejak \(IndonesianFormat.date(from))"
        case let .until(end):
            "sampai dengan \(IndonesianFormat.date(end))"
        case let .untilEvent(event, reviewOn, latestEnd):
            "\(Self.eventPhrase(event)) (ditinjau \(IndonesianFormat.date(reviewOn))"
                + (latestEnd.map { "; paling lama sampai \(IndonesianFormat.date($0)))" } ?? ")")
        case let .asStatuteSets(statute, end):
            "sesuai ketentuan \(statute)" + (end.map { " (sampai dengan \(IndonesianFormat.date($0)))" } ?? "")
        }
    }
}

/// A length of time as officers write it: years, months and days.
public struct PeriodLength: Hashable, Sendable, Codable {
    public var years: Int
    public var months: Int
    public var days: Int

    public init(years: Int = 0, months: Int = 0, days: Int = 0) {
        self.years = years
        self.months = months
        self.days = days
    }

    public var isEmpty: Bool { years == 0 && months == 0 && days == 0 }

    /// The most a person may type for each part: no exemption lasts longer, and the bounds keep
    /// every computation with them far from overflow.
    public static let maximumYears = 100
    public static let maximumMonths = 1_200
    public static let maximumDays = 36_500

    public var isWithinBounds: Bool {
        (0...Self.maximumYears).contains(years) && (0...Self.maximumMonths).contains(months)
            && (0...Self.maximumDays).contains(days)
    }

    /// Reads a length as typed ("5", "", " 12 "), refusing anything but whole numbers within the
    /// bounds; the error names the part.
    public static func parse(years: String, months: String, days: String = "") throws(PeriodLengthError) -> PeriodLength {
        func number(_ text: String, _ part: PeriodLengthError.Part, max: Int) throws(PeriodLengthError) -> Int {
            let trimmed = text.trimmingWhitespace
            if trimmed.isEmpty { return 0 }
            guard trimmed.allSatisfy({ $0.isASCII && $0.isNumber }) else { throw .notAWholeNumber(part) }
            guard trimmed.utf8.count <= 6, let value = Int(trimmed), value <= max else { throw .tooLong(part, maximum: max) }
            return value
        }
        return PeriodLength(
            years: try number(years, .years, max: maximumYears), months: try number(months, .months, max: maximumMonths),
            days: try number(days, .days, max: maximumDays))
    }

    public func added(to date: LocalDate) throws(DateRangeError) -> LocalDate {
        let (yearMonths, o1) = years.multipliedReportingOverflow(by: 12)
        let (allMonths, o2) = yearMonths.addingReportingOverflow(months)
        guard !o1, !o2 else { throw .outOfRange(from: date, adding: indonesianDescription) }
        return try date.adding(months: allMonths).adding(days: days)
    }

    /// "5 tahun", "1 tahun 6 bulan".
    public var indonesianDescription: String {
        var parts: [String] = []
        if years != 0 { parts.append("\(years) tahun") }
        if months != 0 { parts.append("\(months) bulan") }
        if days != 0 { parts.append("\(days) hari") }
        return parts.isEmpty ? "0 hari" : parts.joined(separator: " ")
    }
}

public enum ExemptionPeriodViolation: Error, Hashable, Sendable, CustomStringConvertible {
    case emptyLength
    case negativeLength
    case endNotAfterStart(end: LocalDate, start: LocalDate)
    case reviewNotAfterStart(review: LocalDate, start: LocalDate)
    case eventMissing
    case eventNeedsLatestEnd(ExemptionGround.Letter)
    case statuteMissing
    case mustNotBeOpenEnded(ExemptionGround.Letter)
    case exceedsThirtyYears(end: LocalDate, limit: LocalDate)
    case lengthTooLong
    case outsideCalendar(DateRangeError)
    /// Grounds a–f: an end further than the body's horizon after the decree (Ps 20(1)).
    case beyondHorizon(end: LocalDate, limit: LocalDate, years: Int)
    /// A length counted from a day after the decree (PP 61/2010 Ps 4–5: from the classification).
    case startsAfterClassification(start: LocalDate, classifiedOn: LocalDate)
    /// A length counted from a day so long before the decree that it cannot be meant.
    case startsImplausiblyEarly(start: LocalDate, earliest: LocalDate)
    /// The period ended on or before the day it is tested: the information is already public.
    case alreadyEnded(end: LocalDate, classifiedOn: LocalDate)
    /// Grounds a–f: an event that means "for ever" ends nothing (Ps 20(1)).
    case eventMeansForever(String)
    /// The statute a period follows is not recognisable as one, or is UU 14/2008 itself.
    case statuteNotRecognised(OtherStatuteProblem)
    /// An event named by too little to be an event (".", invisible characters).
    case eventUnreadable(String)
    /// The review date of an event period falls after its latest end.
    case reviewAfterLatestEnd(review: LocalDate, latestEnd: LocalDate)

    public var description: String {
        switch self {
        case .emptyLength:
            "Lama jangka waktu pengecualian wajib diisi (tahun, bulan atau hari)."
        case .negativeLength:
            "Lama jangka waktu pengecualian tidak boleh negatif."
        case .lengthTooLong:
            "Lama jangka waktu pengecualian paling lama \(PeriodLength.maximumYears) tahun, \(PeriodLength.maximumMonths) bulan "
                + "atau \(PeriodLength.maximumDays) hari."
        case let .outsideCalendar(error):
            error.description
        case let .endNotAfterStart(end, start):
            "Tanggal berakhir \(IndonesianFormat.date(end)) harus sesudah tanggal penetapan \(IndonesianFormat.date(start))."
        case let .reviewNotAfterStart(review, start):
            "Tanggal peninjauan \(IndonesianFormat.date(review)) harus sesudah tanggal penetapan \(IndonesianFormat.date(start))."
        case .eventMissing:
            "Peristiwa yang mengakhiri pengecualian wajib disebut, misalnya \"sampai putusan berkekuatan hukum tetap\"."
        case let .eventNeedsLatestEnd(letter):
            letter == .a
                ? "Pengecualian berdasarkan Pasal 17 huruf a paling lama 30 tahun (PP 61/2010 Pasal 5): "
                    + "jangka waktu berupa peristiwa wajib menyebut tanggal berakhir paling lambat."
                : "Pengecualian berdasarkan Pasal 17 huruf \(letter.rawValue) tidak boleh permanen (UU 14/2008 Pasal 20 ayat 1): "
                    + "jangka waktu berupa peristiwa wajib menyebut tanggal berakhir paling lambat."
        case .statuteMissing:
            "Sebut peraturan perundang-undangan yang menetapkan jangka waktunya."
        case let .mustNotBeOpenEnded(letter):
            "Pengecualian berdasarkan Pasal 17 huruf \(letter.rawValue) tidak boleh permanen (UU 14/2008 Pasal 20 ayat 1): "
                + "tetapkan tanggal berakhir, lama waktu, atau peristiwa yang mengakhirinya."
        case let .exceedsThirtyYears(end, limit):
            "Pengecualian berdasarkan Pasal 17 huruf a paling lama 30 tahun sejak ditetapkan (PP 61/2010 Pasal 5): "
                + "berakhir \(IndonesianFormat.date(end)) melewati batas \(IndonesianFormat.date(limit))."
        case let .beyondHorizon(end, limit, years):
            "Pengecualian berdasarkan Pasal 17 huruf a sampai f tidak boleh permanen (UU 14/2008 Pasal 20 ayat 1): "
                + "berakhir \(IndonesianFormat.date(end)) melewati batas \(years) tahun sejak penetapan "
                + "(\(IndonesianFormat.date(limit))) yang ditetapkan badan publik ini."
        case let .startsAfterClassification(start, classifiedOn):
            "Jangka waktu dihitung sejak informasi ditetapkan dikecualikan (PP 61/2010 Pasal 4 dan 5): "
                + "tanggal mulai \(IndonesianFormat.date(start)) tidak boleh sesudah tanggal penetapan "
                + "\(IndonesianFormat.date(classifiedOn))."
        case let .startsImplausiblyEarly(start, earliest):
            "Tanggal mulai \(IndonesianFormat.date(start)) terlalu jauh sebelum penetapan (paling awal "
                + "\(IndonesianFormat.date(earliest))); periksa tahunnya."
        case let .alreadyEnded(end, classifiedOn):
            "Jangka waktu ini sudah berakhir \(IndonesianFormat.date(end)), sebelum penetapan "
                + "\(IndonesianFormat.date(classifiedOn)): informasinya sudah terbuka demi hukum (PP 61/2010 Pasal 11 ayat 3) "
                + "dan tidak dapat dikecualikan dengan jangka waktu ini."
        case let .statuteNotRecognised(problem):
            problem.description
        case let .eventUnreadable(event):
            "Peristiwa \"\(event)\" tidak terbaca sebagai peristiwa; tulis misalnya \"sampai putusan berkekuatan hukum tetap\"."
        case let .reviewAfterLatestEnd(review, latestEnd):
            "Tanggal peninjauan \(IndonesianFormat.date(review)) jatuh sesudah tanggal berakhir paling lambat "
                + "\(IndonesianFormat.date(latestEnd)); tinjau sebelum jangka waktu berakhir."
        case let .eventMeansForever(event):
            "\"\(event)\" bukan peristiwa yang mengakhiri pengecualian: pengecualian berdasarkan Pasal 17 huruf a sampai f "
                + "tidak boleh permanen (UU 14/2008 Pasal 20 ayat 1). Sebut peristiwanya dan tanggal berakhir paling lambat."
        }
    }
}

/// A length typed that is not a whole number of years, months or days within the bounds.
public enum PeriodLengthError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Part: String, Sendable {
        case years, months, days

        public var indonesian: String {
            switch self {
            case .years: "tahun"
            case .months: "bulan"
            case .days: "hari"
            }
        }
    }

    case notAWholeNumber(Part)
    case tooLong(Part, maximum: Int)

    /// The part the error is about, for the field to mark.
    public var part: Part {
        switch self {
        case let .notAWholeNumber(part), let .tooLong(part, _): part
        }
    }

    public var description: String {
        switch self {
        case let .notAWholeNumber(part):
            "Jumlah \(part.indonesian) harus bilangan bulat tidak negatif."
        case let .tooLong(part, maximum):
            "Jumlah \(part.indonesian) paling banyak \(maximum)."
        }
    }
}

extension String {
    var trimmingWhitespace: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
