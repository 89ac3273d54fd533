import Foundation

extension ImportRowReading {
    /// The register's own numbers, `DIK-2026-0007`, kept when a register moves between servers.
    public static func isRegisterNumber(_ text: String) -> Bool {
        text.wholeMatch(of: /DIK-\d{4}-\d{4,6}/) != nil
    }

    mutating func readTest(_ values: [ImportColumn: String], context: Context) {
        if title.isEmpty, !findings.contains(where: { $0.field == .title }) {
            findings.append(ImportFinding(.refused, field: .title, "Kolom Informasi kosong: sebut informasi yang dikecualikan."))
        }
        readGround(values)
        // The consequences and the reason.
        test.consequenceIfOpened = values[.ifOpened] ?? values[.consequence] ?? ""
        if values[.ifOpened] == nil, values[.consequence] != nil {
            readings[.consequence] = "dibaca sebagai konsekuensi bila dibuka"
        }
        test.consequenceIfClosed = values[.ifClosed] ?? ""
        test.reason = values[.reason] ?? ""
        if let partly = values[.partly], ["ya", "y", "sebagian", "iya"].contains(ImportColumn.words(partly)) {
            test.verdict = .partlyClosed(parts: [])
            test.openPart = values[.openPart] ?? ""
        }
        if let number = registerNumber, !Self.isRegisterNumber(number) {
            findings.append(ImportFinding(.note, field: .registerNumber, "\"\(number)\" bukan nomor DIK; nomor baru akan diberikan."))
            registerNumber = nil
        }
        // The period, through the prose reader, counted from the decree's date.
        guard let decreeDate else { return }
        let date: (ImportColumn) -> LocalDate? = { field in
            values[field].flatMap { Dates.find(in: PeriodProse.normalize($0)).first { !$0.assumed }?.date }
        }
        let prose = PeriodProse.read(values[.period] ?? "", classifiedOn: decreeDate, reviewOn: date(.reviewDate), latestEnd: date(.endDate))
        if let problem = prose.problem {
            findings.append(ImportFinding(.refused, field: .period, article: "PP 61/2010 Pasal 4", problem))
            return
        }
        test.period = prose.period
        if prose.reviewMissing, case let .untilEvent(event, _, latest)? = prose.period {
            readings[.period] =
                "\(ExemptionPeriod.eventPhrase(event)) (tanggal peninjauan belum disebut"
                + (latest.map { "; paling lama sampai \(IndonesianFormat.date($0)))" } ?? ")")
        } else {
            readings[.period] = prose.period?.indonesianDescription
        }
        findings += prose.assumptions.map { ImportFinding(.note, field: .period, $0) }
        let foreverRefused =
            prose.period?.isOpenEnded == true && test.ground?.letter.neverPermanent == true
        if prose.reviewMissing, !foreverRefused {
            findings.append(
                ImportFinding(
                    .refused, field: .period, article: "PP 61/2010 Pasal 4",
                    "Jangka waktu berupa peristiwa wajib punya tanggal peninjauan, dan berkas tidak menyebutnya: tambahkan "
                        + "tanggal kapan pengecualian ini ditinjau, misalnya \"; ditinjau "
                        + "\(IndonesianFormat.date((try? decreeDate.adding(years: 1)) ?? decreeDate))\" (setahun sejak SK)."))
        }
        if case .length = prose.period, let written = date(.endDate), let end = try? prose.period?.endDate, written != end {
            findings.append(
                ImportFinding(
                    .warning, field: .endDate,
                    "Kolom Berakhir menulis \(IndonesianFormat.date(written)), sedangkan jangka waktunya berakhir "
                        + "\(IndonesianFormat.date(end)). Periksa mana yang benar."))
        }
    }

    /// The ground, through the core's citation parser; the other statute from its own column or
    /// from what follows the citation ("jo. Permendagri 1/2023").
    private mutating func readGround(_ values: [ImportColumn: String]) {
        var statute = values[.otherStatute]
        if let text = values[.legalBasis] {
            do {
                let citation = try GroundCitation.parse(text)
                test.ground = citation.ground
                if statute == nil, let rest = citation.remainder.map(Self.withoutJuncto), !rest.isEmpty {
                    statute = rest
                }
                readings[.legalBasis] = citation.ground.citation + (statute.map { " jo. \($0)" } ?? "")
                if citation.ground.point == nil, !citation.ground.letter.points.isEmpty {
                    findings.append(
                        ImportFinding(
                            .note, field: .legalBasis,
                            "Pasal 17 huruf \(citation.ground.letter.rawValue) memiliki angka 1 sampai "
                                + "\(citation.ground.letter.points.count); sebut angkanya bila diketahui."))
                }
            } catch {
                findings.append(ImportFinding(.refused, field: .legalBasis, article: "UU 14/2008 Pasal 17", error.description))
            }
        }
        test.otherStatute = test.ground?.citesOtherStatute == true ? statute : nil
        if let statute, test.ground?.citesOtherStatute == false {
            findings.append(
                ImportFinding(
                    .note, field: .legalBasis,
                    "\"\(statute.prefix(80))\" disebut bersama dasar hukumnya; Pasal 17 huruf \(test.ground?.letter.rawValue ?? "") "
                        + "tidak merujuk peraturan lain, jadi tidak dicatat sebagai peraturan lain."))
        }
    }

    /// "jo. Permendagri 1/2023" → "Permendagri 1/2023".
    static func withoutJuncto(_ text: String) -> String {
        var t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        for prefix in ["juncto ", "jo. ", "jo.", "jo ", "dan ", "serta "] where t.lowercased().hasPrefix(prefix) {
            t = String(t.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
            break
        }
        return t
    }

    /// The law's findings on the row, as the consequence test gets them today.
    mutating func judge(context: Context) {
        let classifiedOn = decreeDate ?? context.today
        let unreadable = Set(findings.filter { $0.severity == .refused }.compactMap(\.field))
        var law = test.findings(
            itemTitle: title, itemDescription: description, classifiedOn: classifiedOn, policy: context.policy,
            expiry: opened == nil ? context.expiry : nil, openedByRuling: context.openedByRuling)
        law.removeAll { finding in
            guard case let .error(problem) = finding else { return false }
            switch problem {
            case .groundMissing: return unreadable.contains(.legalBasis)
            case .periodMissing: return unreadable.contains(.period) || decreeDate == nil
            default: return false
            }
        }
        for finding in law {
            var severity: ImportFinding.Severity = finding.isError ? .refused : .warning
            // The file may not carry what was blacked out, nor the reasoning the earlier decree gave:
            // asked for after the import, not refused. The consequences the DIK publishes are required.
            if case .error(.partsMissing) = finding { severity = .warning }
            if case .error(.reasonMissing) = finding { severity = .warning }
            // Information already open keeps its history; the law's checks on the period inform.
            if opened != nil, severity == .refused, case .error(.period) = finding { severity = .note }
            var message = finding.description
            if message.hasPrefix("Perhatian: ") { message.removeFirst("Perhatian: ".count) }
            if case .error(.reasonMissing) = finding {
                message = "Alasan pengecualian tidak ada di berkas; lengkapi sesudah impor pada uji konsekuensinya."
            }
            findings.append(ImportFinding(severity, field: field(of: finding), article: finding.article, message))
        }
        if opened == nil, let end = try? test.period?.endDate, end < context.today, end >= classifiedOn {
            findings.append(
                ImportFinding(
                    .refused, field: .period, article: "PP 61/2010 Pasal 11 ayat 3",
                    "Jangka waktunya berakhir \(IndonesianFormat.date(end)), sebelum hari ini: informasi ini sudah terbuka "
                        + "demi hukum dan masuk Daftar Informasi Publik, bukan DIK."))
        }
    }

    private func field(of finding: ConsequenceTest.Finding) -> ImportColumn? {
        switch finding {
        case let .error(problem):
            switch problem.field {
            case "ground": .legalBasis
            case "otherStatute": test.otherStatute == nil ? .legalBasis : .otherStatute
            case "consequenceIfOpened": .ifOpened
            case "consequenceIfClosed": .ifClosed
            case "reason": .reason
            case "openPart", "parts": .openPart
            default: .period
            }
        case .warning(.mayNeverBeExempted), .warning(.groundHint): .title
        case .warning(.opensWithConsent): .legalBasis
        case .warning: .period
        }
    }
}
