import DikelolaCore
import Foundation

/// The checks on what officers type about a dispute: the law's order of events and stages.
extension DisputeService {
    /// What the law's order of stages says of a decision in this dispute: the head answers an
    /// objection once (Ps 36(2)); the Commission hears a dispute only after the objection (Ps 37(1)),
    /// and a court only a challenge to the Commission's ruling (Ps 47–48); a decision is recorded once.
    static func stageProblems(_ draft: RulingDraft, dispute: InformationDispute, earlier: [Ruling]) -> [String: String] {
        var errors: [String: String] = [:]
        if earlier.contains(where: { $0.kind == draft.kind && $0.number.lowercased() == draft.number.lowercased() }) {
            errors["number"] = "\(draft.kind.indonesian) Nomor \(draft.number) sudah dicatat pada sengketa ini."
        }
        switch draft.kind {
        case .objectionDecision:
            if let received = dispute.objectionReceivedOn {
                if draft.date < received {
                    errors["date"] =
                        "Tanggapan atas keberatan tidak mungkin sebelum keberatan diterima (\(IndonesianFormat.date(received)))."
                }
            } else {
                errors["kind"] =
                    "Catat dulu tanggal keberatan diterima pada sengketa ini: tanggapan atasan PPID menjawab keberatan (UU 14/2008 Pasal 36)."
            }
            if earlier.contains(where: { $0.kind == .objectionDecision }) {
                errors["kind"] =
                    "Atasan PPID sudah menanggapi keberatan ini; keberatan ditanggapi satu kali (UU 14/2008 Pasal 36 ayat 2). Bila pemohon tidak puas, sengketa berlanjut ke Komisi Informasi."
            }
        case .commissionMediation, .commissionRuling:
            if dispute.objectionReceivedOn == nil {
                errors["kind"] =
                    "Sengketa diajukan ke Komisi Informasi sesudah keberatan (UU 14/2008 Pasal 37 ayat 1): catat dulu tanggal keberatan diterima."
            } else if let filed = dispute.commissionFiledOn, draft.date < filed {
                errors["date"] = "Putusan Komisi tidak mungkin sebelum sengketa diajukan (\(IndonesianFormat.date(filed)))."
            }
        case .courtRuling:
            guard let commission = earlier.filter({ $0.kind == .commissionRuling }).map(\.rulingDate).max() else {
                errors["kind"] =
                    "Pengadilan memeriksa gugatan atas putusan Komisi Informasi (UU 14/2008 Pasal 47–48): catat dulu putusan Komisinya."
                break
            }
            if draft.date < commission {
                errors["date"] = "Putusan pengadilan tidak mungkin sebelum putusan Komisi (\(IndonesianFormat.date(commission)))."
            }
        }
        return errors
    }

    /// Why an adjudication of the Commission does not yet have legal force on `today`: a party may
    /// reject it in writing within 14 working days (Ps 48(1)); nil once that window has passed.
    static func challengeStillOpen(_ ruled: LocalDate, today: LocalDate, acting: Acting) throws -> String? {
        let window = try acting.calendar.adding(
            DisputeTimeline.StageKind.challenge.workingDays, workingDaysTo: ruled, policy: .assumeWeekdaysOnly)
        guard today <= window.value else { return nil }
        return "Putusan ajudikasi Komisi baru berkekuatan hukum tetap bila tidak digugat sampai \(IndonesianFormat.date(window.value)) "
            + "(UU 14/2008 Pasal 48 ayat 1); putusan dari kesepakatan mediasi final sejak dicatat (Pasal 39)."
    }

    typealias Dates = (reference: String, refused: LocalDate, objection: LocalDate?, commission: LocalDate?)

    /// The typed dates, each checked against the law's order of events, every field at fault named.
    static func checkedDates(_ input: DisputeInput, classifiedOn: LocalDate?, today: LocalDate) throws -> Dates {
        var errors: [String: String] = [:]
        let reference = input.requestReference.trimmingCharacters(in: .whitespacesAndNewlines)
        if reference.isEmpty {
            errors["requestReference"] = "Nomor registrasi permohonan informasi yang ditolak wajib diisi."
        } else if reference.count > 200 {
            errors["requestReference"] = "Nomor registrasi permohonan terlalu panjang (paling banyak 200 karakter)."
        }
        func date(_ text: String, _ field: String, required: Bool) -> LocalDate? {
            let text = text.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else {
                if required { errors[field] = "Tanggal wajib diisi." }
                return nil
            }
            guard let date = LocalDate(iso: text) else {
                errors[field] = "Tanggal tidak dikenali; tulis sebagai tahun-bulan-tanggal, misalnya 2026-11-21."
                return nil
            }
            if date > today { errors[field] = "Tanggal tidak boleh sesudah hari ini (\(IndonesianFormat.date(today)))." }
            return date
        }
        let refused = date(input.refusedOn, "refusedOn", required: true)
        let objection = date(input.objectionReceivedOn, "objectionReceivedOn", required: false)
        let commission = date(input.commissionFiledOn, "commissionFiledOn", required: false)
        if let refused, let classifiedOn, refused < classifiedOn, errors["refusedOn"] == nil {
            errors["refusedOn"] =
                "Permohonan ditolak sebelum informasi ini ditetapkan dikecualikan (\(IndonesianFormat.date(classifiedOn))); catat sengketa pada entri yang berlaku saat itu."
        }
        if let refused, let objection, objection < refused, errors["objectionReceivedOn"] == nil {
            errors["objectionReceivedOn"] = "Keberatan tidak mungkin diterima sebelum permohonan ditolak."
        }
        if commission != nil, objection == nil, errors["commissionFiledOn"] == nil {
            errors["commissionFiledOn"] =
                "Sengketa diajukan ke Komisi Informasi sesudah keberatan (UU 14/2008 Pasal 37 ayat 1); isi dulu tanggal keberatan diterima."
        }
        if let objection, let commission, commission < objection, errors["commissionFiledOn"] == nil {
            errors["commissionFiledOn"] = "Sengketa tidak mungkin diajukan sebelum keberatan diterima."
        }
        guard errors.isEmpty, let refused else { throw ProcedureError.invalid(errors) }
        return (reference, refused, objection, commission)
    }

    static func describe(_ dates: Dates) -> String {
        var parts = ["permohonan \(dates.reference) ditolak \(IndonesianFormat.date(dates.refused))"]
        if let objection = dates.objection { parts.append("keberatan diterima \(IndonesianFormat.date(objection))") }
        if let commission = dates.commission { parts.append("diajukan ke Komisi Informasi \(IndonesianFormat.date(commission))") }
        return parts.joined(separator: "; ")
    }
}
