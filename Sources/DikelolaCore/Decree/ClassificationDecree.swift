/// The classification decree (surat penetapan klasifikasi), built from the data. PP 61/2010 Ps 4
/// requires at least: the type of classification, the identity of the PPID, the body and its
/// unit, the exemption period, the reason (the statute relied on and the consequence analysis),
/// and the place and date. The list of exempted items is its attachment, the DIK.
public struct ClassificationDecree: Hashable, Sendable {
    public var number: String
    /// The signing date; the decree takes effect on it.
    public var date: LocalDate
    public var place: String
    public var bodyName: String
    public var unitName: String
    /// The PPID that proposes it: office and officer.
    public var ppid: String
    public var signer: Signer
    public var entries: [Entry]

    /// Jenis klasifikasi.
    public static let classificationType = "Informasi yang Dikecualikan"

    public struct Signer: Hashable, Sendable {
        public var name: String
        public var position: String
        public var nip: String?

        public init(name: String, position: String, nip: String?) {
            self.name = name
            self.position = position
            self.nip = nip
        }
    }

    public struct Entry: Hashable, Sendable {
        public var registerNumber: String
        public var title: String
        public var ground: ExemptionGround
        public var otherStatute: String?
        public var consequenceIfOpened: String
        public var consequenceIfClosed: String
        public var verdict: ConsequenceTest.Verdict
        public var period: ExemptionPeriod
        public var reason: String

        public init(
            registerNumber: String, title: String, ground: ExemptionGround, otherStatute: String?,
            consequenceIfOpened: String, consequenceIfClosed: String, verdict: ConsequenceTest.Verdict,
            period: ExemptionPeriod, reason: String
        ) {
            self.registerNumber = registerNumber
            self.title = title
            self.ground = ground
            self.otherStatute = otherStatute
            self.consequenceIfOpened = consequenceIfOpened
            self.consequenceIfClosed = consequenceIfClosed
            self.verdict = verdict
            self.period = period
            self.reason = reason
        }

        /// "Pasal 17 huruf j UU 14/2008 jo. UU 23/2006".
        public var legalBasis: String {
            ground.citation + " UU 14/2008" + (otherStatute.map { " jo. \($0)" } ?? "")
        }
    }

    public init(
        number: String, date: LocalDate, place: String, bodyName: String, unitName: String, ppid: String,
        signer: Signer, entries: [Entry]
    ) {
        self.number = number
        self.date = date
        self.place = place
        self.bodyName = bodyName
        self.unitName = unitName
        self.ppid = ppid
        self.signer = signer
        self.entries = entries
    }

    /// The fields of PP 61/2010 Ps 4 that are missing; empty for a complete decree.
    public var missingRequiredFields: [String] {
        var missing: [String] = []
        if ppid.trimmingWhitespace.isEmpty { missing.append("identitas PPID") }
        if bodyName.trimmingWhitespace.isEmpty || unitName.trimmingWhitespace.isEmpty { missing.append("badan publik dan unit") }
        if entries.isEmpty { missing.append("informasi yang dikecualikan beserta jangka waktunya") }
        if entries.contains(where: { $0.consequenceIfOpened.trimmingWhitespace.isEmpty || $0.reason.trimmingWhitespace.isEmpty })
        {
            missing.append("alasan pengecualian")
        }
        if place.trimmingWhitespace.isEmpty { missing.append("tempat penetapan") }
        if signer.name.trimmingWhitespace.isEmpty { missing.append("penanda tangan") }
        return missing
    }

    /// Entries in the order of their periods' end (the SOPs' "classify by period"), open-ended last.
    public var entriesByPeriod: [Entry] {
        entries.sorted { a, b in
            switch ((try? a.period.endDate) ?? a.period.reviewDate, (try? b.period.endDate) ?? b.period.reviewDate) {
            case let (x?, y?): x == y ? a.registerNumber < b.registerNumber : x < y
            case (_?, nil): true
            case (nil, _?): false
            case (nil, nil): a.registerNumber < b.registerNumber
            }
        }
    }
}

/// Register numbers: `DIK-2026-0007`, counted per body and year.
public enum RegisterNumber {
    public static func make(year: Int, serial: Int) -> String {
        let digits = String(serial)
        return "DIK-\(year)-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
