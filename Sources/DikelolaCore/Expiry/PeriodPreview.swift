/// What a period chosen on the consequence-test form means, shown beside the form before it is
/// saved: when it ends, by when the opening decree is due (PP 61/2010 Ps 11(2)), and what the law
/// refuses about it for the chosen ground. The same rules decide when the form is saved.
public struct PeriodPreview: Equatable, Sendable {
    /// The last day of the exemption, when the period has one.
    public let endDate: LocalDate?
    /// An event-based period's review date.
    public let reviewDate: LocalDate?
    /// The opening decree's latest date, for a period with an end date.
    public let openingDecreeDue: LocalDate?
    /// Years met without holiday data: the due date is counted on weekdays only there.
    public let provisionalYears: [Int]
    /// What the law refuses about the period for the ground (empty when lawful or no ground chosen).
    public let problems: [ExemptionPeriodViolation]
    /// What is lawful but worth a second look: an end beyond the body's horizon (g–j), or an
    /// opening decree already due.
    public let cautions: [ExemptionPeriodCaution]

    public init(
        period: ExemptionPeriod, ground: ExemptionGround?, classifiedOn: LocalDate, policy: PeriodPolicy,
        rules: ExpiryRules
    ) {
        reviewDate = period.reviewDate
        var problems = ground.map { period.violations(for: $0, classifiedOn: classifiedOn, policy: policy) } ?? []
        var cautions = ground.map { period.cautions(for: $0, classifiedOn: classifiedOn, policy: policy) } ?? []
        do {
            endDate = try period.endDate
        } catch {
            endDate = nil
            if !problems.contains(.outsideCalendar(error)) { problems.append(.outsideCalendar(error)) }
        }
        let due = endDate.map { rules.openingDecreeDue(endingOn: $0) }
        openingDecreeDue = due?.value
        provisionalYears = due?.yearsWithoutData ?? []
        if problems.isEmpty, let end = endDate, let due = due?.value, due < classifiedOn {
            cautions.append(.openingDecreeAlreadyDue(due: due, end: end))
        }
        self.problems = problems
        self.cautions = cautions
    }

    /// The preview as sentences for the form, in Bahasa Indonesia.
    public var indonesianLines: [String] {
        var lines: [String] = []
        if let endDate {
            lines.append(
                "Berakhir \(IndonesianFormat.date(endDate)); terbuka demi hukum sejak tanggal itu bila tidak diperpanjang.")
        } else {
            lines.append("Tanpa tanggal berakhir yang pasti.")
        }
        if let reviewDate { lines.append("Ditinjau \(IndonesianFormat.date(reviewDate)).") }
        if let openingDecreeDue {
            lines.append(
                "Surat penetapan pembukaan paling lambat \(IndonesianFormat.date(openingDecreeDue)) (30 hari kerja sebelumnya)."
            )
        }
        if !provisionalYears.isEmpty {
            let years = provisionalYears.map(String.init).joined(separator: ", ")
            lines.append("Hari libur tahun \(years) belum tersedia: tanggal surat masih perkiraan (dihitung Senin–Jumat, kecuali hari libur nasional bertanggal tetap).")
        }
        return lines
    }

    /// The same, in English.
    public var englishLines: [String] {
        var lines: [String] = []
        if let endDate {
            lines.append("Ends \(IndonesianFormat.englishDate(endDate)); public by law from that day unless extended.")
        } else {
            lines.append("No fixed end date.")
        }
        if let reviewDate { lines.append("Reviewed \(IndonesianFormat.englishDate(reviewDate)).") }
        if let openingDecreeDue {
            lines.append("Opening decree due by \(IndonesianFormat.englishDate(openingDecreeDue)) (30 working days before).")
        }
        if !provisionalYears.isEmpty {
            let years = provisionalYears.map(String.init).joined(separator: ", ")
            lines.append("No holiday data for \(years): the decree date is provisional (Monday–Friday less the fixed-date national holidays).")
        }
        return lines
    }
}
