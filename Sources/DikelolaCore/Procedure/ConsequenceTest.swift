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
    /// For a partial exemption, what stays open and is given (UU 14/2008 Ps 22(7)(e)): published
    /// in the register and listed, as the blacked-out version, among the public information.
    public var openPart: String

    public init(
        ground: ExemptionGround?, otherStatute: String? = nil, consequenceIfOpened: String, consequenceIfClosed: String,
        verdict: Verdict, period: ExemptionPeriod?, reason: String, openPart: String = ""
    ) {
        self.openPart = openPart
        self.ground = ground
        self.otherStatute = otherStatute
        self.consequenceIfOpened = consequenceIfOpened
        self.consequenceIfClosed = consequenceIfClosed
        self.verdict = verdict
        self.period = period
        self.reason = reason
    }

    /// Every problem of the test for an item titled `title`, classified on `classifiedOn` under
    /// the body's period `policy`. Errors block the step; warnings are shown to the officers, and
    /// the head acknowledges each before approving. With `expiry`, a period whose opening decree
    /// (PP 61/2010 Ps 11(2)) is already due is warned. A test that would exempt information in
    /// `openedByRuling` (the body's information opened through an objection or a dispute) is refused
    /// (UU 14/2008 Ps 18(1)(g) jo. Ps 11(2)); every caller passes the body's list.
    public func findings(
        itemTitle title: String, itemDescription description: String = "", itemID: String? = nil,
        classifiedOn: LocalDate, policy: PeriodPolicy, expiry: ExpiryRules?, openedByRuling: [OpenedByRuling]
    ) -> [Finding] {
        var found: [Finding] = []
        if consequenceIfOpened.trimmingWhitespace.isEmpty { found.append(.error(.consequenceIfOpenedMissing)) }
        if consequenceIfClosed.trimmingWhitespace.isEmpty { found.append(.error(.consequenceIfClosedMissing)) }
        if reason.trimmingWhitespace.isEmpty { found.append(.error(.reasonMissing)) }
        guard verdict.exempts else { return found }
        if let opened = OpenedByRuling.barring(title: title, itemID: itemID, among: openedByRuling) {
            found.append(.error(.openedByRuling(opened)))
        }
        if case let .partlyClosed(parts) = verdict {
            if parts.allSatisfy({ $0.trimmingWhitespace.isEmpty }) { found.append(.error(.partsMissing)) }
            if openPart.trimmingWhitespace.isEmpty { found.append(.error(.openPartMissing)) }
        }
        found += exemptionFindings(classifiedOn: classifiedOn, policy: policy, expiry: expiry)
        let words = title + " " + description
        found += NeverExempt.matches(words).map { .warning(.mayNeverBeExempted($0)) }
        if let ground, let hint = GroundHint.disagreement(with: ground, in: words) {
            found.append(.warning(.groundHint(hint, chosen: ground)))
        }
        if let ground, ground.opensWithPersonalConsent { found.append(.warning(.opensWithConsent)) }
        return found
    }

    private func exemptionFindings(classifiedOn: LocalDate, policy: PeriodPolicy, expiry: ExpiryRules?) -> [Finding] {
        var found: [Finding] = []
        guard let ground else { return [.error(.groundMissing)] }
        if ground.citesOtherStatute {
            let statute = (otherStatute ?? "").trimmingWhitespace
            if statute.isEmpty {
                found.append(.error(.otherStatuteMissing(ground.letter)))
            } else if let problem = OtherStatuteProblem.check(statute, for: ground.letter) {
                found.append(.error(.otherStatute(problem)))
            }
        }
        guard let period else { return found + [.error(.periodMissing)] }
        let violations = period.violations(for: ground, classifiedOn: classifiedOn, policy: policy)
        found += violations.map { .error(.period($0)) }
        found += period.cautions(for: ground, classifiedOn: classifiedOn, policy: policy).map { .warning(.period($0)) }
        if violations.isEmpty, let expiry, let end = try? period.endDate {
            let due = expiry.openingDecreeDue(endingOn: end).value
            if due < classifiedOn { found.append(.warning(.period(.openingDecreeAlreadyDue(due: due, end: end)))) }
        }
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
        case openPartMissing
        case periodMissing
        case period(ExemptionPeriodViolation)
        case otherStatute(OtherStatuteProblem)
        /// A re-classification that would open the information is an opening, not a re-classification.
        case reclassificationMustExempt
        /// The information was opened through an objection or a dispute (Ps 18(1)(g) jo. Ps 11(2)).
        case openedByRuling(OpenedByRuling)

        public var field: String {
            switch self {
            case .groundMissing: "ground"
            case .otherStatuteMissing, .otherStatute: "otherStatute"
            case .consequenceIfOpenedMissing: "consequenceIfOpened"
            case .consequenceIfClosedMissing: "consequenceIfClosed"
            case .reasonMissing: "reason"
            case .partsMissing: "parts"
            case .openPartMissing: "openPart"
            case .periodMissing, .period: "period"
            case .reclassificationMustExempt, .openedByRuling: "verdict"
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
            case .openPartMissing:
                "Sebut bagian yang tetap terbuka dan diberikan: pengecualian sebagian hanya menghitamkan bagian yang "
                    + "dikecualikan (UU 14/2008 Pasal 22 ayat 7 huruf e)."
            case .periodMissing:
                "Jangka waktu pengecualian wajib ditetapkan (PP 61/2010 Pasal 4)."
            case let .period(violation):
                violation.description
            case let .otherStatute(problem):
                problem.description
            case .reclassificationMustExempt:
                "Klasifikasi ulang mempertahankan pengecualian dengan jangka waktu baru (PP 61/2010 Pasal 10); bila hasil uji menyatakan terbuka, gunakan pembukaan."
            case let .openedByRuling(info):
                Self.openedByRulingDescription(info)

            }
        }
    }

    public enum Warning: Hashable, Sendable, CustomStringConvertible {
        case mayNeverBeExempted(NeverExempt)
        case opensWithConsent
        case period(ExemptionPeriodCaution)
        /// The item's words point to another letter than the one chosen.
        case groundHint(GroundHint, chosen: ExemptionGround)

        /// Whether the head must declare it read before approving the decree: every warning that
        /// questions the exemption. The note on consent (Ps 18(2)) informs and asks nothing.
        public var requiresAcknowledgement: Bool {
            if case .opensWithConsent = self { return false }
            return true
        }

        /// A stable name, under which the head's acknowledgement is kept.
        public var code: String {
            switch self {
            case let .mayNeverBeExempted(kind): "neverExempt.\(kind.rawValue)"
            case .opensWithConsent: "opensWithConsent"
            case .period(.beyondHorizon): "period.beyondHorizon"
            case .period(.openingDecreeAlreadyDue): "period.openingDecreeAlreadyDue"
            case let .groundHint(hint, _): "groundHint.\(hint.ground.code)"
            }
        }

        public var description: String {
            switch self {
            case let .mayNeverBeExempted(kind):
                kind.isForbiddenToExempt
                    ? "Perhatian: \(kind.indonesian) termasuk informasi yang tidak dapat dikecualikan (\(kind.article)). Periksa kembali."
                    : "Perhatian: \(kind.indonesian) wajib tersedia bagi publik (\(kind.article)). Periksa kembali."
            case .opensWithConsent:
                "Informasi Pasal 17 huruf g dan h dapat dibuka dengan persetujuan tertulis pemiliknya, atau bila berkaitan dengan jabatan publik (UU 14/2008 Pasal 18 ayat 2)."
            case let .period(caution):
                caution.description
            case let .groundHint(hint, chosen):
                "Perhatian: kata \"\(hint.phrase)\" biasanya menunjuk \(hint.ground.citation) (\(hint.ground.label)), "
                    + "sedangkan yang dipilih \(chosen.citation). Periksa kembali dasar pengecualiannya."
            }
        }
    }
}
