/// A period as JSON, for storage and the API:
/// `{"kind":"length","years":5,"months":0,"days":0,"from":"2026-11-21"}`,
/// `{"kind":"until","end":"2030-12-31"}`,
/// `{"kind":"event","event":"…","reviewOn":"2027-06-01","latestEnd":"2036-11-21"}`,
/// `{"kind":"statute","statute":"UU 23/2006","end":null}`.
extension ExemptionPeriod: Codable {
    enum CodingKeys: String, CodingKey {
        case kind, years, months, days, from, end, event, reviewOn, latestEnd, statute
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func date(_ key: CodingKeys) throws -> LocalDate? {
            guard let text = try c.decodeIfPresent(String.self, forKey: key) else { return nil }
            guard let date = LocalDate(iso: text) else {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: c,
                    debugDescription: "tanggal '\(text)' tidak valid; tulis TTTT-BB-HH")
            }
            return date
        }
        func required(_ key: CodingKeys) throws -> LocalDate {
            guard let value = try date(key) else {
                throw DecodingError.keyNotFound(
                    key, .init(codingPath: c.codingPath, debugDescription: "\(key.stringValue) wajib diisi"))
            }
            return value
        }
        switch try c.decode(String.self, forKey: .kind) {
        case "length":
            // Bounded when read, so a length that cannot be computed never enters the system.
            func part(_ key: CodingKeys, max: Int) throws -> Int {
                let value = try c.decodeIfPresent(Int.self, forKey: key) ?? 0
                guard (0...max).contains(value) else {
                    throw DecodingError.dataCorruptedError(
                        forKey: key, in: c, debugDescription: "\(key.stringValue) harus antara 0 dan \(max)")
                }
                return value
            }
            self = .length(
                PeriodLength(
                    years: try part(.years, max: PeriodLength.maximumYears),
                    months: try part(.months, max: PeriodLength.maximumMonths),
                    days: try part(.days, max: PeriodLength.maximumDays)),
                from: try required(.from))
        case "until":
            self = .until(try required(.end))
        case "event":
            self = .untilEvent(
                event: try c.decode(String.self, forKey: .event), reviewOn: try required(.reviewOn),
                latestEnd: try date(.latestEnd))
        case "statute":
            self = .asStatuteSets(statute: try c.decode(String.self, forKey: .statute), end: try date(.end))
        case let other:
            throw DecodingError.dataCorruptedError(
                forKey: .kind, in: c,
                debugDescription: "jenis jangka waktu '\(other)' tidak dikenal (length, until, event, statute)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case let .length(length, from):
            try c.encode("length", forKey: .kind)
            try c.encode(length.years, forKey: .years)
            try c.encode(length.months, forKey: .months)
            try c.encode(length.days, forKey: .days)
            try c.encode(from.iso, forKey: .from)
        case let .until(end):
            try c.encode("until", forKey: .kind)
            try c.encode(end.iso, forKey: .end)
        case let .untilEvent(event, reviewOn, latestEnd):
            try c.encode("event", forKey: .kind)
            try c.encode(event, forKey: .event)
            try c.encode(reviewOn.iso, forKey: .reviewOn)
            try c.encodeIfPresent(latestEnd?.iso, forKey: .latestEnd)
        case let .asStatuteSets(statute, end):
            try c.encode("statute", forKey: .kind)
            try c.encode(statute, forKey: .statute)
            try c.encodeIfPresent(end?.iso, forKey: .end)
        }
    }
}
