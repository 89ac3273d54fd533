import Foundation

/// The stage of a record in its life (UU 43/2009, PP 28/2012), which decides who inside the body
/// may read it.
public enum ArchiveStage: String, Codable, Sendable, CaseIterable {
    /// In frequent use, held by the unit that made it; only that unit and the PPID.
    case active = "aktif"
    /// Use has declined, held by the archive unit; others need the holder's permission.
    case inactive = "inaktif"
    /// Historical, kept permanently; in principle open to everyone.
    case `static` = "statis"
    /// Essential and irreplaceable; kept like an active record.
    case vital = "vital"

    public var indonesian: String {
        switch self {
        case .active: "Aktif"
        case .inactive: "Inaktif"
        case .static: "Statis"
        case .vital: "Vital"
        }
    }

    public var english: String {
        switch self {
        case .active: "Active"
        case .inactive: "Inactive"
        case .static: "Static"
        case .vital: "Vital"
        }
    }
}

/// What happens to a record when its retention ends.
public enum RetentionDisposition: String, Codable, Sendable, CaseIterable {
    case destroy = "musnah"
    case permanent = "permanen"
    case reappraise = "dinilai kembali"

    public var indonesian: String {
        switch self {
        case .destroy: "Musnah"
        case .permanent: "Permanen"
        case .reappraise: "Dinilai kembali"
        }
    }
}

/// A row of a body's retention schedule (JRA): a classification code with its active and inactive
/// retention and its final disposition.
public struct RetentionRule: Hashable, Sendable {
    public var code: String
    public var activeYears: Int
    public var inactiveYears: Int
    public var disposition: RetentionDisposition

    public init(code: String, activeYears: Int, inactiveYears: Int, disposition: RetentionDisposition) {
        self.code = code
        self.activeYears = activeYears
        self.inactiveYears = inactiveYears
        self.disposition = disposition
    }

    /// The last day of the active retention for a record made on `start`.
    public func activeUntil(_ start: LocalDate) throws(DateRangeError) -> LocalDate { try start.adding(years: activeYears) }

    /// The day the whole retention ends and the disposition applies.
    public func retentionEnds(_ start: LocalDate) throws(DateRangeError) -> LocalDate {
        let (total, overflow) = activeYears.addingReportingOverflow(inactiveYears)
        guard !overflow else { throw .outOfRange(from: start, adding: "\(activeYears) + \(inactiveYears) tahun") }
        return try start.adding(years: total)
    }

    /// "2 tahun aktif, 5 tahun inaktif, musnah": the DIP's "jangka waktu penyimpanan".
    public var indonesianDescription: String {
        "\(activeYears) tahun aktif, \(inactiveYears) tahun inaktif, \(disposition.indonesian.lowercased())"
    }

    public enum Problem: Error, Hashable, Sendable, CustomStringConvertible {
        case codeMissing
        /// The code is not in the body's archive classification list.
        case unknownCode(String)
        case negativeYears
        case noRetention
        case tooLong

        public var field: String {
            switch self {
            case .codeMissing, .unknownCode: "code"
            case .negativeYears, .noRetention, .tooLong: "activeYears"
            }
        }

        public var description: String {
            switch self {
            case .codeMissing: "Kode klasifikasi arsip wajib diisi."
            case let .unknownCode(code):
                "Kode klasifikasi \"\(code)\" belum ada dalam daftar klasifikasi arsip badan publik ini; tambahkan kodenya lebih dulu."
            case .negativeYears: "Masa retensi aktif dan inaktif tidak boleh negatif."
            case .noRetention: "Masa retensi aktif dan inaktif tidak boleh keduanya nol."
            case .tooLong: "Masa retensi aktif dan inaktif masing-masing paling lama \(RetentionRule.maximumYears) tahun."
            }
        }
    }

    /// The longest active or inactive retention a row may give; JRA schedules count in years.
    public static let maximumYears = 100

    /// Checks a row against the body's classification codes.
    public static func problems(
        code: String, activeYears: Int, inactiveYears: Int, knownCodes: Set<String>
    ) -> [Problem] {
        var found: [Problem] = []
        let code = code.trimmingWhitespace
        if code.isEmpty {
            found.append(.codeMissing)
        } else if !knownCodes.contains(code) {
            found.append(.unknownCode(code))
        }
        if activeYears < 0 || inactiveYears < 0 {
            found.append(.negativeYears)
        } else if activeYears > maximumYears || inactiveYears > maximumYears {
            found.append(.tooLong)
        } else if activeYears + inactiveYears == 0 {
            found.append(.noRetention)
        }
        return found
    }
}

/// The warnings the archive view raises for an exempted record.
public enum ArchiveWarning: Hashable, Sendable, CustomStringConvertible {
    /// The record is due for destruction before its exemption ends: it would be destroyed while
    /// still exempted, or the exemption outlives the record.
    case retentionEndsBeforeExemption(retentionEnds: LocalDate, exemptionEnds: LocalDate)
    /// A static archive is in principle open; still listing it as exempted needs a reason.
    case staticButExempted
    /// The record has a classification code the retention schedule does not know.
    case noRetentionRule(code: String)
    /// Neither a soft copy nor a hard-copy location is recorded.
    case notStored

    public var description: String {
        switch self {
        case let .retentionEndsBeforeExemption(retention, exemption):
            "Retensi arsip berakhir \(IndonesianFormat.date(retention)), sebelum jangka waktu pengecualian berakhir \(IndonesianFormat.date(exemption)): tinjau JRA atau jangka waktu pengecualian."
        case .staticButExempted:
            "Arsip statis pada prinsipnya terbuka, tetapi masih tercatat sebagai informasi yang dikecualikan: tinjau pengecualiannya."
        case let .noRetentionRule(code):
            "Kode klasifikasi \(code) belum memiliki baris di Jadwal Retensi Arsip (JRA)."
        case .notStored:
            "Belum ada berkas digital maupun lokasi arsip fisik."
        }
    }

    /// The warnings for an exempted record.
    public static func check(
        stage: ArchiveStage, exempted: Bool, exemptionEnds: LocalDate?, madeOn: LocalDate?, code: String?,
        rule: RetentionRule?, stored: Bool
    ) -> [ArchiveWarning] {
        var found: [ArchiveWarning] = []
        if let code, rule == nil { found.append(.noRetentionRule(code: code)) }
        if exempted, let rule, rule.disposition == .destroy, let madeOn, let end = exemptionEnds,
            let retention = try? rule.retentionEnds(madeOn), retention < end
        {
            found.append(.retentionEndsBeforeExemption(retentionEnds: retention, exemptionEnds: end))
        }
        if exempted, stage == .static { found.append(.staticButExempted) }
        if !stored { found.append(.notStored) }
        return found
    }
}

/// Who inside the body may read an archived record's content, by its stage (UU 43/2009 Ps 42–44;
/// the Kapuas Hulu SOP: active and inactive archives are not opened to the public).
public enum ArchiveAccess {
    public enum Decision: Equatable, Sendable {
        case allowed
        case denied(String)
    }

    /// - Parameters:
    ///   - holdsIt: the person acts for the holding unit (its operator, PPID Pembantu or head) or is the PPID Utama.
    ///   - sameBody: the person belongs to the body.
    ///   - permitted: the holder has given this person permission (inactive records).
    ///   - headOrPPID: the person is the holding unit's head or a PPID (they grant permissions).
    public static func decide(stage: ArchiveStage, sameBody: Bool, holdsIt: Bool, headOrPPID: Bool, permitted: Bool) -> Decision {
        guard sameBody else { return .denied("Arsip badan publik lain tidak dapat diakses.") }
        switch stage {
        case .active, .vital:
            return holdsIt
                ? .allowed : .denied("Arsip \(stage.indonesian.lowercased()) hanya dapat diakses unit pengolahnya dan PPID.")
        case .inactive:
            return headOrPPID || permitted
                ? .allowed : .denied("Arsip inaktif hanya dapat diakses dengan izin pemiliknya (kepala unit pengolah atau PPID).")
        case .static:
            return .allowed
        }
    }
}
