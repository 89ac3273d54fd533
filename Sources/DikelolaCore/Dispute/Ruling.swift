/// Who decided on an exemption after a requester was refused: the head of the body answering an
/// objection (keberatan, UU 14/2008 Ps 35–36), the Information Commission settling the dispute by
/// mediation (whose result is final, Ps 39) or adjudication (Ps 37–38, 48), or a court hearing a
/// challenge to the Commission's adjudication
/// (the administrative or district court, Ps 47–49, and the Supreme Court on cassation, Ps 50).
public enum RulingKind: String, Codable, Sendable, CaseIterable {
    case objectionDecision
    case commissionMediation
    case commissionRuling
    case courtRuling

    public var indonesian: String {
        switch self {
        case .objectionDecision: "Tanggapan atasan PPID atas keberatan"
        case .commissionMediation: "Putusan Komisi Informasi dari kesepakatan mediasi"
        case .commissionRuling: "Putusan ajudikasi Komisi Informasi"
        case .courtRuling: "Putusan pengadilan"
        }
    }

    public var english: String {
        switch self {
        case .objectionDecision: "The head's answer to an objection"
        case .commissionMediation: "Information Commission ruling from a mediated agreement"
        case .commissionRuling: "Adjudication of the Information Commission"
        case .courtRuling: "Court ruling"
        }
    }

    /// The articles this kind of decision rests on.
    public var article: String {
        switch self {
        case .objectionDecision: "UU 14/2008 Pasal 35–36"
        case .commissionMediation: "UU 14/2008 Pasal 37–39"
        case .commissionRuling: "UU 14/2008 Pasal 37–38, 48"
        case .courtRuling: "UU 14/2008 Pasal 47–50"
        }
    }

    /// The head's answer is the body's own decision, and a ruling from a mediated agreement is
    /// final and binding (Ps 39): an order in either binds the body at once. An adjudication or a
    /// court's ruling opens information once it has legal force (Ps 11(2): "dinyatakan terbuka …
    /// berdasarkan mekanisme keberatan dan/atau penyelesaian sengketa").
    public var bindsTheBodyAtOnce: Bool { self == .objectionDecision || self == .commissionMediation }

    /// Decided by the Information Commission.
    public var isCommission: Bool { self == .commissionMediation || self == .commissionRuling }
}

/// What a decision orders about the exempted information.
public enum RulingOrder: String, Codable, Sendable, CaseIterable {
    /// The information is to be given: it opens and can never be exempted again (Ps 18(1)(g) jo. Ps 11(2)).
    case open
    /// The exemption stands (the objection or the dispute is rejected).
    case uphold

    public var indonesian: String {
        switch self {
        case .open: "Membuka informasi (keberatan/permohonan dikabulkan)"
        case .uphold: "Menguatkan pengecualian (keberatan/permohonan ditolak)"
        }
    }

    public var english: String {
        switch self {
        case .open: "Open the information (objection or request granted)"
        case .uphold: "Uphold the exemption (objection or request rejected)"
        }
    }
}

/// A decision as typed, before it is recorded against an entry.
public struct RulingDraft: Hashable, Sendable {
    public var kind: RulingKind
    public var number: String
    public var date: LocalDate
    /// "Komisi Informasi Provinsi Kalimantan Barat", "PTUN Pontianak", "Bupati Contoh".
    public var issuer: String
    public var order: RulingOrder
    /// The operative part (amar) as the decision words it.
    public var orderText: String
    /// Whether a Commission's or a court's ruling has legal force (berkekuatan hukum tetap): it was
    /// not challenged in time (Ps 48(1), 50), or it came from mediation (final, Ps 39).
    public var hasLegalForce: Bool

    public init(
        kind: RulingKind, number: String, date: LocalDate, issuer: String, order: RulingOrder, orderText: String,
        hasLegalForce: Bool
    ) {
        self.kind = kind
        self.number = number
        self.date = date
        self.issuer = issuer
        self.order = order
        self.orderText = orderText
        self.hasLegalForce = hasLegalForce
    }

    /// Whether recording it opens the entry now: an order to open that binds the body.
    public var opensNow: Bool { order == .open && (kind.bindsTheBodyAtOnce || hasLegalForce) }

    /// "Putusan Komisi Informasi Provinsi Kalimantan Barat Nomor 012/KIP-KB/2026 tanggal 3 November 2026".
    public var citation: String { Self.citation(kind: kind, issuer: issuer, number: number, date: date) }

    public static func citation(kind: RulingKind, issuer: String, number: String, date: LocalDate) -> String {
        let name: String =
            switch kind {
            case .objectionDecision: "Tanggapan atas keberatan oleh \(issuer)"
            case .commissionMediation, .commissionRuling, .courtRuling: "Putusan \(issuer)"
            }
        return "\(name) Nomor \(number) tanggal \(IndonesianFormat.date(date))"
    }

    /// Everything wrong with the draft for an entry classified on `classifiedOn`, in a dispute that
    /// began with a refusal on `refusedOn`, recorded on `today`.
    public func problems(classifiedOn: LocalDate, refusedOn: LocalDate, today: LocalDate) -> [RulingProblem] {
        var found: [RulingProblem] = []
        if number.trimmingWhitespace.isEmpty { found.append(.numberMissing) }
        if issuer.trimmingWhitespace.isEmpty { found.append(.issuerMissing(kind)) }
        if orderText.trimmingWhitespace.isEmpty { found.append(.orderTextMissing) }
        if date > today {
            found.append(.dateInFuture)
        } else if date < refusedOn {
            found.append(.dateBeforeRefusal(refusedOn))
        } else if date < classifiedOn {
            found.append(.dateBeforeClassification(classifiedOn))
        }
        return found
    }
}

/// Why a decision cannot be recorded, with the form field it belongs to.
public enum RulingProblem: Hashable, Sendable, CustomStringConvertible {
    case numberMissing
    case issuerMissing(RulingKind)
    case orderTextMissing
    case dateInFuture
    case dateBeforeRefusal(LocalDate)
    case dateBeforeClassification(LocalDate)

    public var field: String {
        switch self {
        case .numberMissing: "number"
        case .issuerMissing: "issuer"
        case .orderTextMissing: "orderText"
        case .dateInFuture, .dateBeforeRefusal, .dateBeforeClassification: "date"
        }
    }

    public var description: String {
        switch self {
        case .numberMissing: "Nomor putusan atau surat tanggapan wajib diisi."
        case let .issuerMissing(kind):
            switch kind {
            case .objectionDecision: "Sebut pejabat yang menanggapi keberatan (atasan PPID, UU 14/2008 Pasal 36)."
            case .commissionMediation, .commissionRuling:
                "Sebut Komisi Informasi yang memutus (misalnya Komisi Informasi Provinsi Kalimantan Barat)."
            case .courtRuling: "Sebut pengadilan yang memutus (misalnya PTUN Pontianak atau Mahkamah Agung)."
            }
        case .orderTextMissing: "Amar putusan (apa yang diperintahkan) wajib diisi."
        case .dateInFuture: "Tanggal putusan tidak boleh sesudah hari ini."
        case let .dateBeforeRefusal(refused):
            "Tanggal putusan tidak boleh sebelum permohonan ditolak (\(IndonesianFormat.date(refused)))."
        case let .dateBeforeClassification(classified):
            "Tanggal putusan tidak boleh sebelum informasi ini ditetapkan dikecualikan (\(IndonesianFormat.date(classified)))."
        }
    }
}
