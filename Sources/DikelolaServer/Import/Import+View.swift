import DikelolaCore
import Foundation
import Plot
import Vapor

/// The import pages (see `ImportController`): the upload form, and the preview of a draft — the
/// columns found, every row with what was read and what the law says about it, one form to
/// correct, and the confirmation.
enum ImportView {
    /// Which rows the preview shows: those needing attention first, a page at a time.
    struct Filter {
        enum Show: String { case attention = "perlu", refused = "ditolak", all = "semua" }
        var show: Show
        var page: Int
        static let pageSize = 100

        func rows(_ preview: ImportPreview) -> (rows: [ImportRowReading], total: Int) {
            let chosen: [ImportRowReading]
            switch show {
            case .all: chosen = preview.rows
            case .refused: chosen = preview.rows.filter(\.isRefused)
            case .attention:
                let needing = preview.rows.filter { $0.isRefused || $0.findings.contains { $0.severity == .warning } }
                chosen = needing.isEmpty ? preview.rows : needing
            }
            let start = min((page - 1) * Self.pageSize, chosen.count)
            return (Array(chosen[start..<min(start + Self.pageSize, chosen.count)]), chosen.count)
        }
    }

    static func upload(_ ctx: PageContext, unit: Unit, earlier: [RegisterImport], notice: String?) -> Response {
        Layout.page(
            ctx, title: ctx.t("Impor DIK — \(unit.name)", "Import a register — \(unit.name)"),
            .h1(.text(ctx.t("Impor DIK dan SK terdahulu — \(unit.name)", "Import a register and its earlier decree — \(unit.name)"))),
            .unwrap(notice) { Layout.notice($0, kind: "error") },
            .p(
                .text(
                    ctx.t(
                        "Unggah DIK yang sudah ada (XLSX atau CSV, seperti disimpan kantor Anda, atau ekspor Dikelola). "
                            + "Setiap baris dibaca dan diperiksa menurut UU 14/2008 dan PP 61/2010; belum ada yang masuk DIK "
                            + "sampai Anda memeriksa pratinjau dan menekan Impor.",
                        "Upload the register you keep (XLSX or CSV, or a Dikelola export). Each row is read and checked "
                            + "against the law; nothing enters the register until you confirm the preview."))),
            .form(
                .class("stack"), .action(SiteURL.unitImport(unit.id).path), .method(.post), .enctype(.multipartData),
                Layout.csrfField(ctx),
                .div(
                    .class("field"),
                    .label(.for("file"), .text(ctx.t("Berkas DIK (XLSX, CSV atau JSON)", "Register file (XLSX, CSV or JSON)"))),
                    .input(
                        .type(.file), .id("file"), .name("file"), .attribute(named: "required", value: "required"),
                        .attribute(named: "accept", value: ".xlsx,.csv,.json,.txt"))),
                .fieldset(
                    .element(named: "legend", text: ctx.t("SK terdahulu (bagi baris yang tidak menyebut SK-nya)", "Earlier decree")),
                    decreeFields(ctx, number: nil, date: nil, signerName: nil, signerPosition: nil, signerNIP: nil),
                    .div(
                        .class("field"),
                        .label(.for("scan"), .text(ctx.t("Pindaian SK bertanda tangan (PDF, boleh menyusul)", "Signed scan (PDF)"))),
                        .input(.type(.file), .id("scan"), .name("scan"), .attribute(named: "accept", value: ".pdf,.png,.jpg,.jpeg")))),
                .button(.type(.submit), .text(ctx.t("Unggah dan lihat pratinjau", "Upload and preview")))),
            .if(!earlier.isEmpty, .h2(.text(ctx.t("Impor sebelumnya", "Earlier imports")))),
            .ul(
                .forEach(earlier) { record in
                    .li(
                        .a(.href(SiteURL.importDraft(record.id).path), .text(record.fileName)),
                        .text(" — " + status(ctx, record)))
                })
        )
    }

    static func status(_ ctx: PageContext, _ record: RegisterImport) -> String {
        switch record.status {
        case .draft: ctx.t("rancangan, belum diimpor", "draft, not imported")
        case .imported: ctx.t("diimpor: \(record.entryCount ?? 0) entri", "imported: \(record.entryCount ?? 0) entries")
        case .discarded: ctx.t("dibatalkan", "discarded")
        }
    }

    static func decreeFields(
        _ ctx: PageContext, number: String?, date: LocalDate?, signerName: String?, signerPosition: String?, signerNIP: String?
    ) -> Node<HTML.FormContext> {
        .group(
            Layout.field("decreeNumber", published: .published, label: ctx.t("Nomor SK", "Decree number"), value: number ?? "", autocomplete: "off"),
            Layout.field(
                "decreeDate", published: .published, label: ctx.t("Tanggal SK", "Decree date"), type: .date, value: date?.iso ?? "",
                autocomplete: "off",
                hint: ctx.t("Jangka waktu dan berakhirnya dihitung sejak tanggal ini.", "Periods and their end count from this date.")),
            Layout.field("signerName", label: ctx.t("Nama penandatangan", "Signed by"), value: signerName ?? "", autocomplete: "off"),
            Layout.field("signerPosition", label: ctx.t("Jabatan penandatangan", "Signer's position"), value: signerPosition ?? "", autocomplete: "off"),
            Layout.field("signerNIP", label: ctx.t("NIP penandatangan", "Signer's NIP"), value: signerNIP ?? "", autocomplete: "off"))
    }

    /// A long import while it runs: the page reloads itself every two seconds.
    static func progress(_ ctx: PageContext, record: RegisterImport, state: ImportProgress.State) -> Response {
        let share = state.total == 0 ? 0 : state.done * 100 / state.total
        return Layout.page(
            ctx, title: ctx.t("Mengimpor — \(record.fileName)", "Importing — \(record.fileName)"),
            .element(named: "meta", nodes: [.attribute(named: "http-equiv", value: "refresh"), .attribute(named: "content", value: "2")]),
            .h1(.text(ctx.t("Mengimpor \(record.fileName)", "Importing \(record.fileName)"))),
            .p(
                .attribute(named: "role", value: "status"),
                .text(
                    ctx.t(
                        "\(IndonesianFormat.number(state.done)) dari \(IndonesianFormat.number(state.total)) baris (\(share)%). "
                            + "Semua baris disimpan sekaligus di akhir; bila gagal, tidak ada yang tersimpan.",
                        "\(state.done) of \(state.total) rows (\(share)%). All rows are saved together at the end."))),
            .element(
                named: "progress",
                nodes: [.attribute(named: "max", value: String(max(1, state.total))), .attribute(named: "value", value: String(state.done))]))
    }

    /// A draft that was imported or discarded: what came of it.
    static func closed(_ ctx: PageContext, record: RegisterImport, unit: Unit, zone: TimeZoneRegion = .wib) -> Response {
        Layout.page(
            ctx, title: record.fileName,
            .h1(.text(ctx.t("Impor DIK — \(record.fileName)", "Import — \(record.fileName)"))),
            .p(.strong(.text(status(ctx, record)))),
            .unwrap(record.importedAt) { .p(.text(ctx.t("Diimpor ", "Imported ") + Dates.show($0, ctx, zone: zone))) },
            .p(.text("SHA-256 \(record.fileSHA256)")),
            .p(
                .a(.href(SiteURL.unitRegister(unit.id).path), .text(ctx.t("DIK \(unit.name)", "Register of \(unit.name)"))),
                .text(" · "),
                .a(.href(SiteURL.unitImport(unit.id).path), .text(ctx.t("Impor berkas lain", "Import another file")))))
    }

    static func unreadable(_ ctx: PageContext, record: RegisterImport, unit: Unit, message: String) -> Response {
        Layout.page(
            ctx, title: record.fileName, status: .unprocessableEntity,
            .h1(.text(ctx.t("Impor DIK — \(record.fileName)", "Import — \(record.fileName)"))),
            Layout.notice(message, kind: "error"),
            .p(.a(.href(SiteURL.unitImport(unit.id).path), .text(ctx.t("← Unggah berkas lain", "← Upload another file")))))
    }
}
