import DikelolaCore
import Foundation
import Plot
import Vapor

extension ImportView {
    static func preview(
        _ ctx: PageContext, record: RegisterImport, unit: Unit, preview: ImportPreview, filter: Filter, notice: String?
    ) -> Response {
        let report = preview.report
        let (rows, total) = filter.rows(preview)
        let draft = record.status == .draft
        return Layout.page(
            ctx, title: ctx.t("Impor DIK — \(record.fileName)", "Import — \(record.fileName)"),
            .h1(.text(ctx.t("Impor DIK — \(record.fileName)", "Import — \(record.fileName)"))),
            .unwrap(notice) { Layout.notice($0) },
            .p(
                .strong(.text(status(ctx, record))), .text(" · \(unit.name) · \(preview.readAs) · SHA-256 \(record.fileSHA256.prefix(16))…")),
            .if(
                draft,
                .p(.text(ctx.t("Belum ada yang masuk DIK. Periksa setiap baris, perbaiki atau lewati, lalu tekan Impor.",
                               "Nothing has entered the register yet. Check each row, correct or leave it out, then import.")))),
            .p(
                .class("summary"),
                .text(
                    ctx.t(
                        "\(report.summary["rows"] ?? 0) baris: \(report.summary["accepted"] ?? 0) diterima, "
                            + "\(report.summary["refused"] ?? 0) ditolak, \(report.summary["skipped"] ?? 0) dilewati; "
                            + "\(report.summary["warnings"] ?? 0) perhatian.",
                        "\(report.summary["rows"] ?? 0) rows: \(report.summary["accepted"] ?? 0) accepted, "
                            + "\(report.summary["refused"] ?? 0) refused, \(report.summary["skipped"] ?? 0) left out."))),
            .if(draft, confirmForms(ctx, record: record, accepted: report.summary["accepted"] ?? 0, refused: report.summary["refused"] ?? 0)),
            .form(
                .class("stack import"), .action(SiteURL.importCorrections(record.id).path), .method(.post),
                Layout.csrfField(ctx),
                .input(.type(.hidden), .name("shown"), .value(rows.map { String($0.sheetRow) }.joined(separator: ","))),
                .input(.type(.hidden), .name("tampil"), .value(filter.show.rawValue)),
                .input(.type(.hidden), .name("halaman"), .value(String(filter.page))),
                .fieldset(
                    .element(named: "legend", text: ctx.t("SK terdahulu", "Earlier decree")),
                    decreeFields(
                        ctx, number: record.decreeNumber, date: record.decreeDate, signerName: record.signerName,
                        signerPosition: record.signerPosition, signerNIP: record.signerNIP),
                    .unwrap(record.scanSHA256) { .p(.small(.text(ctx.t("Pindaian SK tersimpan; SHA-256 ", "Scan stored; SHA-256 ") + $0))) }),
                columns(ctx, preview),
                .div(.class("table-wrap"), rowTable(ctx, rows, preview: preview)),
                .if(draft, .button(.type(.submit), .text(ctx.t("Simpan perbaikan dan baca ulang", "Save corrections and read again"))))),
            pager(ctx, record: record, filter: filter, total: total)
        )
    }

    static func confirmForms(_ ctx: PageContext, record: RegisterImport, accepted: Int, refused: Int) -> Node<HTML.BodyContext> {
        .div(
            .class("actions"),
            .form(
                .class("inline"), .action(SiteURL.importConfirm(record.id).path), .method(.post), Layout.csrfField(ctx),
                .input(.type(.hidden), .name("accepted"), .value(String(accepted))),
                .button(
                    .type(.submit), .attribute(named: "disabled", value: accepted == 0 ? "disabled" : nil),
                    .text(
                        ctx.t("Impor \(accepted) baris yang diterima ke DIK", "Import the \(accepted) accepted rows")
                            + (refused > 0 ? ctx.t(" (\(refused) baris ditolak tidak diimpor)", " (\(refused) refused rows stay out)") : "")))),
            .form(
                .class("inline"), .action(SiteURL.importDiscard(record.id).path), .method(.post), Layout.csrfField(ctx),
                .button(.type(.submit), .class("secondary"), .text(ctx.t("Batalkan impor", "Discard")))))
    }

    static func columns(_ ctx: PageContext, _ preview: ImportPreview) -> Node<HTML.FormContext> {
        let options = [(value: "", label: ctx.t("— tidak dipakai —", "— not used —"))]
            + ImportColumn.allCases.map { (value: $0.rawValue, label: $0.indonesian) }
        return .fieldset(
            .element(
                named: "legend",
                text: ctx.t("Kolom (judul di baris \(preview.table.headingRows.lowerBound))", "Columns")),
            .forEach(preview.table.notes) { .p(.small(.text($0))) },
            .div(
                .class("columns"),
                .forEach(preview.table.columns) { column in
                    FormFields.select(
                        "map-\(column.index)",
                        label: "\(SheetGrid.columnName(column.index)) — \"\(column.heading.prefix(60))\"",
                        options: options, selected: column.field?.rawValue ?? "")
                }))
    }

    static func rowTable(_ ctx: PageContext, _ rows: [ImportRowReading], preview: ImportPreview) -> Node<HTML.FormContext> {
        // Refused rows open their correction, unless so many that the page would be endless.
        let openRefused = rows.filter(\.isRefused).count <= 10
        return .table(
            .class("import-rows"),
            .tr(
                .th(.text(ctx.t("Baris", "Row"))), .th(.text(ctx.t("Yang dibaca", "As read"))),
                .th(.text(ctx.t("Temuan", "Findings"))), .th(.text(ctx.t("Perbaiki", "Correct")))),
            .forEach(rows) { row in
                let skipped = preview.skipped.contains(row.sheetRow)
                let state =
                    skipped ? ctx.t("dilewati", "left out") : row.isRefused ? ctx.t("ditolak", "refused") : ctx.t("diterima", "accepted")
                return .tr(
                    .id("baris-\(row.sheetRow)"), .class(skipped ? "skipped" : row.isRefused ? "refused" : "accepted"),
                    .td(.text("\(row.sheetRow)"), .unwrap(row.number) { .small(.text(" (No. \($0))")) }, .br(), .strong(.text(state))),
                    .td(.dl(.forEach(readingLines(row)) { line in .group(.dt(.text(line.0)), .dd(.text(line.1))) })),
                    .td(
                        .ul(
                            .class("import-findings"),
                            .forEach(row.findings) { finding in
                                .li(
                                    .class(finding.severity.rawValue),
                                    .strong(.text(finding.severity.indonesian + ": ")), .text(finding.message),
                                    .unwrap(finding.article) { article in
                                        .if(!finding.message.contains(article), .small(.text(" (\(article))")))
                                    })
                            })),
                    .td(correction(ctx, row, skipped: skipped, open: openRefused && row.isRefused && !skipped)))
            })
    }

    static func readingLines(_ row: ImportRowReading) -> [(String, String)] {
        let order: [ImportColumn] = [.title, .unit, .legalBasis, .period, .endDate, .decreeNumber, .decreeDate, .registerNumber, .status]
        let summary = row.readingSummary
        return order.compactMap { field in summary[field.rawValue].map { (field.indonesian, $0) } }
    }

    static func correction(_ ctx: PageContext, _ row: ImportRowReading, skipped: Bool, open: Bool) -> Node<HTML.BodyContext> {
        .element(
            named: "details",
            nodes: [
                .attribute(named: "open", value: open ? "open" : nil),
                .element(named: "summary", text: ctx.t("Perbaiki baris \(row.sheetRow)", "Correct row \(row.sheetRow)")),
                .group(
                    ImportCorrections.editable.map { field in
                        let value = row.cells[field] ?? (field == .ifOpened ? row.cells[.consequence] : nil) ?? ""
                        let name = "row-\(row.sheetRow)-\(field.rawValue)"
                        // What applies when the cell stays empty (the import's unit and decree), shown as a hint.
                        let fallback = value.isEmpty ? row.readingSummary[field.rawValue] : nil
                        return .div(
                            .class("field"),
                            .label(.for(name), .text(field.indonesian)),
                            field.isMultiLine
                                ? .textarea(.id(name), .name(name), .attribute(named: "rows", value: "2"), .text(value))
                                : .input(
                                    .type(.text), .id(name), .name(name), .value(value.attributeEscaped),
                                    .attribute(named: "placeholder", value: fallback?.attributeEscaped)))
                    }),
                .div(
                    .class("field check"),
                    .label(
                        .input(
                            .type(.checkbox), .id("skip-\(row.sheetRow)"), .name("skip-\(row.sheetRow)"), .value("on"),
                            .attribute(named: "checked", value: skipped ? "checked" : nil)),
                        .text(ctx.t(" Lewati baris ini (tidak diimpor)", " Leave this row out")))),
            ])
    }

    static func pager(_ ctx: PageContext, record: RegisterImport, filter: Filter, total: Int) -> Node<HTML.BodyContext> {
        let pages = max(1, (total + Filter.pageSize - 1) / Filter.pageSize)
        let shows: [(Filter.Show, String)] = [
            (.attention, ctx.t("Perlu perhatian", "Needing attention")), (.refused, ctx.t("Ditolak", "Refused")),
            (.all, ctx.t("Semua baris", "All rows")),
        ]
        return .nav(
            .class("pager"),
            .forEach(shows) { show in
                .a(
                    .href(SiteURL.importDraft(record.id).with(query: ["tampil": show.0.rawValue])),
                    .attribute(named: "aria-current", value: show.0 == filter.show ? "page" : nil), .text(show.1 + " "))
            },
            .if(
                pages > 1,
                .group(
                    (1...min(pages, 100)).map { page in
                        .a(
                            .href(SiteURL.importDraft(record.id).with(query: ["tampil": filter.show.rawValue, "halaman": String(page)])),
                            .attribute(named: "aria-current", value: page == filter.page ? "page" : nil), .text(" \(page)"))
                    })))
    }
}
