import DikelolaCore
import Foundation

/// The preview as plain text, for the command line: the columns found, then every row with what
/// was read and what the law says about it.
enum ImportReportText {
    static func render(_ preview: ImportPreview, fileName: String) -> String {
        var lines = ["Berkas \(fileName): \(preview.readAs)."]
        let heading = preview.table.headingRows
        lines.append(
            "Judul kolom di baris \(heading.lowerBound)" + (heading.count > 1 ? "–\(heading.upperBound)" : "") + ":")
        for column in preview.table.columns {
            lines.append(
                "  \(SheetGrid.columnName(column.index)) \"\(column.heading)\" → \(column.field?.indonesian ?? "tidak dipakai")")
        }
        lines += preview.table.notes.map { "  · \($0)" }
        for row in preview.rows {
            let status =
                preview.skipped.contains(row.sheetRow) ? "DILEWATI" : row.isRefused ? "DITOLAK" : "DITERIMA"
            lines.append("")
            lines.append("Baris \(row.sheetRow)" + (row.number.map { " (No. \($0))" } ?? "") + ": \(status)")
            for (label, value) in ImportView.readingLines(row) {
                lines.append("  \(label): \(value.replacingOccurrences(of: "\n", with: " ").prefix(160))")
            }
            for finding in row.findings {
                lines.append(
                    "  [\(finding.severity.indonesian)] \(finding.message)"
                        + (finding.article.flatMap { finding.message.contains($0) ? nil : " (\($0))" } ?? ""))
            }
        }
        let report = preview.report
        lines.append("")
        lines.append(
            "Ringkasan: \(report.summary["rows"] ?? 0) baris — \(report.summary["accepted"] ?? 0) diterima, "
                + "\(report.summary["refused"] ?? 0) ditolak, \(report.summary["skipped"] ?? 0) dilewati; "
                + "\(report.summary["warnings"] ?? 0) perhatian.")
        return lines.joined(separator: "\n")
    }
}
