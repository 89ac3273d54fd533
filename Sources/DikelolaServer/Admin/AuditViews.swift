import DikelolaCore
import Foundation
import Plot
import Vapor

/// The history as a table, newest first.
enum AuditViews {
    /// Actions whose summaries are about accounts, roles, units and security, which an
    /// administrator manages; every other action's summary may quote exempted content (a title, a
    /// note, a file name, a location) and is not shown to them.
    static func isAdministrative(_ action: String) -> Bool {
        AuditAction(rawValue: action)?.isAdministrative ?? false
    }

    static func table(
        _ ctx: PageContext, _ events: [AuditEvent], showsSummary: (String) -> Bool = { _ in true }
    ) -> Node<HTML.BodyContext> {
        guard !events.isEmpty else { return .p(.text(ctx.t("Belum ada riwayat.", "No history yet."))) }
        return .table(
            .tr(
                .th(.text("#")), .th(.text(ctx.t("Waktu (UTC)", "Time (UTC)"))), .th(.text(ctx.t("Peristiwa", "Event"))),
                .th(.text(ctx.t("Sebelum", "Before"))), .th(.text(ctx.t("Sesudah", "After"))),
                .th(.text(ctx.t("Alamat", "Address")))),
            .forEach(events) { event in
                .tr(
                    .td(.text(String(event.sequence))), .td(.text(event.occurredAt.formatted(.iso8601))),
                    .td(.text(event.action)),
                    .td(.text(showsSummary(event.action) ? event.summaryBefore ?? "" : "")),
                    .td(
                        .text(
                            showsSummary(event.action)
                                ? event.summaryAfter ?? "" : ctx.t("(isi tidak ditampilkan)", "(content not shown)"))),
                    .td(.text(event.clientAddress ?? "")))
            }
        )
    }
}
