/// The consequence test of one information item (uji konsekuensi, UU 14/2008 Ps 2(4) and Ps 19):
/// the ground cited, what harm opening would do, what keeping it closed costs the public, and the
/// verdict with its period. In a dispute the body must prove this reasoning (Ps 45), so it is
/// stored as fields, not as a free-text sheet.
public struct ConsequenceTest: Hashable, Sendable {
    public enum Verdict: Hashable, Sendable {
        /// Wholly exempted.
        case closed
        /// Exempted in part: the named parts are blacked out, the rest is given (Ps 22(7)(e)).
        case partlyClosed(parts: [String])
        /// Not exempted: the item goes to the list of public information (DIP).
        case open

        public var code: String {
            switch self {
            case .closed: "closed"
            case .partlyClosed: "partlyClosed"
            case .open: "open"
            }
        }

        public var indonesian: String {
            switch self {
            case .closed: "Dikecualikan"
            case .partlyClosed: "Dikecualikan sebagian"
            case .open: "Terbuka"
            }
        }

        public var exempts: Bool { self != .open }
    }

    public var ground: ExemptionGround?
    /// The other statute, for grounds b, g, i and j.
    public var otherStatute: String?
    /// Konsekuensi bila dibuka: the harm opening would cause.
    public var consequenceIfOpened: String
    /// Konsekuensi bila ditutup: the public interest weighed against it.
    public var consequenceIfClosed: String
    public var verdict: Verdict
    public var period: ExemptionPeriod?
    public var reason: String

    public init(
        ground: ExemptionGround?, otherStatute: String? = nil, consequenceIfOpened: String, consequenceIfClosed: String,
        verdict: Verdict, period: ExemptionPeriod?, reason: String
    ) {
        self.ground = ground
        self.otherStatute = otherStatute
        self.consequenceIfOpened = consequenceIfOpened
        self.consequenceIfClosed = consequenceIfClosed
        self.verdict = verdict
        self.period = period
        self.reason = reason
    }

    /// Every problem of the test for an item titled `title`, classified on `classifiedOn`.
    /// Errors block the step; warnings are shown to the officers and kept with the item.
    public func findings(
        itemTitle title: String, itemDescription description: String = "",
        classifiedOn: LocalDate
    ) -> [Finding] {
        var found: [Finding] = []
        if consequenceIfOpened.trimmingWhitespace.isEmpty { found.append(.error(.consequenceIfOpenedMissing)) }
        if consequenceIfClosed.trimmingWhitespace.isEmpty { found.append(.error(.consequenceIfClosedMissing)) }
        if reason.trimmingWhitespace.isEmpty { found.append(.error(.reasonMissing)) }
        switch verdict {
        case .open:
            break
        case let .partlyClosed(parts):
            if parts.allSatisfy({ $0.trimmingWhitespace.isEmpty }) { found.append(.error(.partsMissing)) }
            found += exemptionFindings(classifiedOn: classifiedOn)
        case .closed:
            found += exemptionFindings(classifiedOn: classifiedOn)
        }
        if let kind = NeverExempt.match(title + " " + description), verdict.exempts {
            found.append(.warning(.mayNeverBeExempted(kind)))
        }
        if let ground, ground.opensWithPersonalConsent, verdict.exempts {
            found.append(.warning(.opensWithConsent))
        }
        return found
    }

    private func exemptionFindings(classifiedOn: LocalDate) -> [Finding] {
        var found: [Finding] = []
        guard let ground else { return [.error(.groundMissing)] }
        if ground.citesOtherStatute, (otherStatute ?? "").trimmingWhitespace.isEmpty {
            found.append(.error(.otherStatuteMissing(ground.letter)))
        }
        guard let period else { return found + [.error(.periodMissing)] }
        found += period.violations(for: ground, classifiedOn: classifiedOn).map { .error(.period($0)) }
        return found
    }

    public enum Finding: Hashable, Sendable, CustomStringConvertible {
        case error(Problem)
        case warning(Warning)

        public var isError: Bool {
            if case .error = self { return true }
            return false
        }

        public var description: String {
            switch self {
            case let .error(problem): problem.description
            case let .warning(warning): warning.description
            }
        }
    }

    public enum Problem: Hashable, Sendable, CustomStringConvertible {
        case groundMissing
        case otherStatuteMissing(ExemptionGround.Letter)
        case consequenceIfOpenedMissing
        case consequenceIfClosedMissing
        case reasonMissing
        case partsMissing
        case periodMissing
        case period(ExemptionPeriodViolation)
        /// A re-classification that would open the information is an opening, not a re-classification.
        case reclassificationMustExempt

        public var field: String {
            switch self {
            case .groundMissing: "ground"
            case .otherStatuteMissing: "otherStatute"
            case .consequenceIfOpenedMissing: "consequenceIfOpened"
            case .consequenceIfClosedMissing: "consequenceIfClosed"
            case .reasonMissing: "reason"
            case .partsMissing: "parts"
            case .periodMissing, .period: "period"
            case .reclassificationMustExempt: "verdict"
            }
        }

        public var description: String {
            switch self {
            case .groundMissing:
                "Dasar hukum pengecualian (Pasal 17 UU 14/2008) wajib dipilih untuk informasi yang dikecualikan."
            case let .otherStatuteMissing(letter):
                "Pengecualian berdasarkan Pasal 17 huruf \(letter.rawValue) wajib menyebut peraturan perundang-undangan yang menjadi dasarnya."
            case .consequenceIfOpenedMissing:
                "Konsekuensi bila informasi dibuka wajib diuraikan (UU 14/2008 Pasal 19)."
            case .consequenceIfClosedMissing:
                "Konsekuensi bila informasi ditutup — pertimbangan kepentingan publik — wajib diuraikan (UU 14/2008 Pasal 2 ayat 4)."
            case .reasonMissing:
                "Alasan pengecualian wajib diisi."
            case .partsMissing:
                "Sebut bagian yang dihitamkan; pengecualian sebagian tidak boleh menutup seluruh dokumen (UU 14/2008 Pasal 22 ayat 7 huruf e)."
            case .periodMissing:
                "Jangka waktu pengecualian wajib ditetapkan (PP 61/2010 Pasal 4)."
            case let .period(violation):
                violation.description
            case .reclassificationMustExempt:
                "Klasifikasi ulang mempertahankan pengecualian dengan jangka waktu baru (PP 61/2010 Pasal 10); bila hasil uji menyatakan terbuka, gunakan pembukaan."

            }
        }
    }

    public enum Warning: Hashable, Sendable, CustomStringConvertible {
        case mayNeverBeExempted(NeverExempt)
        case opensWithConsent

        public var description: String {
            switch self {
            case let .mayNeverBeExempted(kind):
                "Perhatian: \(kind.indonesian) termasuk informasi yang tidak dapat dikecualikan (UU 14/2008 Pasal 18 ayat 1). Periksa kembali."
            case .opensWithConsent:
                "Informasi Pasal 17 huruf g dan h dapat dibuka dengan persetujuan tertulis pemiliknya, atau bila berkaitan dengan jabatan publik (UU 14/2008 Pasal 18 ayat 2)."
            }
        }
    }
}

/// The kinds of information UU 14/2008 Ps 18(1) says may never be exempted, recognised in a title
/// or description so the officers are warned (the decision stays theirs).
public enum NeverExempt: String, CaseIterable, Hashable, Sendable {
    case courtRuling, decreeOrRegulation, policy, lawEnforcementBudget, financialReport

    var keywords: [String] {
        switch self {
        case .courtRuling: ["putusan pengadilan", "putusan badan peradilan", "putusan hakim"]
        case .decreeOrRegulation:
            [
                "peraturan daerah", "peraturan bupati", "peraturan gubernur", "peraturan wali kota", "peraturan walikota",
                "peraturan menteri", "peraturan pemerintah", "undang-undang", "perda ", "perbup ", "pergub ",
            ]
        case .policy: ["kebijakan publik", "rencana strategis", "renstra"]
        case .lawEnforcementBudget: ["anggaran penegakan hukum"]
        case .financialReport: ["laporan keuangan", "laporan realisasi anggaran", "lra "]
        }
    }

    public var indonesian: String {
        switch self {
        case .courtRuling: "putusan badan peradilan"
        case .decreeOrRegulation: "peraturan atau ketetapan yang berlaku"
        case .policy: "kebijakan yang ditetapkan"
        case .lawEnforcementBudget: "rencana pengeluaran tahunan lembaga penegak hukum"
        case .financialReport: "laporan keuangan"
        }
    }

    public static func match(_ text: String) -> NeverExempt? {
        let lowered = " " + text.lowercased() + " "
        return allCases.first { kind in kind.keywords.contains { lowered.contains($0) } }
    }
}
