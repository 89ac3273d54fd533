import DikelolaCore
import Fluent
import Foundation
import Vapor

/// The officer's one correction form of a draft import: the earlier decree's fields, the column
/// mapping, and for each row shown its cells and whether to leave it out. A cell is kept as a
/// correction only where the typed text differs from what the row showed; everything is saved
/// with its audit event, and the rows are read again on the next view.
enum ImportCorrections {
    /// The cells a row's correction may change.
    static let editable: [ImportColumn] = [
        .title, .unit, .legalBasis, .otherStatute, .period, .ifOpened, .ifClosed, .reason, .decreeNumber, .decreeDate,
    ]

    static func apply(_ form: FormValues, to record: RegisterImport, acting: Acting) async throws {
        guard record.status == .draft else { throw ProcedureError(status: .conflict, message: "Impor ini bukan rancangan lagi.") }
        let decree = RegisterImportService.EarlierDecree(
            number: form["decreeNumber"], date: try ImportController.decreeDate(form["decreeDate"]),
            signerName: form["signerName"], signerPosition: form["signerPosition"], signerNIP: form["signerNIP"])
        try RegisterImportService.check(decree)
        let current = try await RegisterImportService.preview(record, services: acting.services, now: acting.now, on: acting.db)
        var corrections = record.storedCorrections
        var changed: [String] = []
        for column in current.table.columns {
            guard let chosen = form.optional("map-\(column.index)") else { continue }
            let now = column.field?.rawValue ?? ""
            guard chosen != now, chosen == "" || ImportColumn(rawValue: chosen) != nil else { continue }
            corrections.mapping[column.index] = chosen
            changed.append("kolom \(SheetGrid.columnName(column.index)) → \(ImportColumn(rawValue: chosen)?.indonesian ?? "tidak dipakai")")
        }
        let shown = Set(form["shown"].split(separator: ",").compactMap { Int($0) })
        var cells = 0
        for row in current.rows where shown.contains(row.sheetRow) {
            let skip = form.optional("skip-\(row.sheetRow)") != nil
            if skip != corrections.skipped.contains(row.sheetRow) {
                if skip { corrections.skipped.insert(row.sheetRow) } else { corrections.skipped.remove(row.sheetRow) }
                changed.append("baris \(row.sheetRow) \(skip ? "dilewati" : "dipakai lagi")")
            }
            for field in editable {
                guard let typed = form.optional("row-\(row.sheetRow)-\(field.rawValue)") else { continue }
                let text = TextInput.normalized(typed).trimmingCharacters(in: .whitespacesAndNewlines)
                let shownText = (row.cells[field] ?? (field == .ifOpened ? row.cells[.consequence] : nil) ?? "")
                    .trimmingCharacters(in: .whitespacesAndNewlines)
                guard text != shownText else { continue }
                corrections.cells[row.sheetRow, default: [:]][field.rawValue] = text
                cells += 1
            }
        }
        if cells > 0 { changed.append("\(cells) sel diperbaiki") }
        let before = [record.decreeNumber, record.decreeDate?.iso, record.signerName, record.signerPosition, record.signerNIP]
        RegisterImportService.apply(decree, to: record)
        let after = [record.decreeNumber, record.decreeDate?.iso, record.signerName, record.signerPosition, record.signerNIP]
        if before != after {
            changed.append("SK terdahulu: \(record.decreeNumber ?? "—"), \(record.decreeDate.map(IndonesianFormat.date) ?? "—")")
        }
        guard !changed.isEmpty else { return }
        record.storedCorrections = corrections
        let summary = changed.joined(separator: "; ")
        try await acting.write { db in
            try await record.save(on: db)
            try await AuditLog.record(
                acting.auditDraft(
                    .importCorrect, targetType: .registerImport, targetID: record.id?.uuidString,
                    bodyID: record.$body.id.uuidString, after: summary), on: db)
        }
    }
}
