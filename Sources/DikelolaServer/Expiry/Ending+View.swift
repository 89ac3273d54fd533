import DikelolaCore
import Foundation
import Plot
import Vapor

/// A unit's "Daftar informasi yang akan berakhir jangka waktu pengecualiannya" (see
/// `EndingController`): what is ending or due for review, with the forms that start an opening or
/// a re-classification, the ones under way, and what has opened.
enum EndingView {
    struct Model {
        let unit: Unit
        let body: PublicBody
        let procedure: PeriodEndProcedure
        let mayPrepare: Bool
        /// Ending soon or due for review, the most urgent first.
        let due: [RegisterEntry]
        let opened: [RegisterEntry]
        let actions: [PeriodAction]
        /// The open action each busy entry is in.
        let busy: [UUID: UUID]
        let notice: String?
        let now: Date
        var zone: TimeZoneRegion { body.zone }
        var today: LocalDate { zone.localDate(of: now) }
    }

    static func page(_ ctx: PageContext, _ m: Model) -> Response {
        let unit = m.unit, procedure = m.procedure, due = m.due
        return Layout.page(
            ctx, title: ctx.t("Akan berakhir — \(unit.name)", "Ending — \(unit.name)"),
            .h1(
                .text(
                    ctx.t(
                        "Daftar informasi yang akan berakhir jangka waktu pengecualiannya — \(unit.name)",
                        "Information whose exemption is ending — \(unit.name)"))),
            .unwrap(m.notice) { Layout.notice($0, kind: "ok") },
            .p(
                .text(
                    ctx.t(
                        "Surat pembukaan diterbitkan paling lambat 30 hari kerja sebelum jangka waktu berakhir; tanpa surat itu informasi terbuka demi hukum pada tanggal berakhirnya (PP 61/2010 Pasal 11). ",
                        "The opening decree is due at the latest 30 working days before the period ends; without it the information is public by law on the end date (PP 61/2010 Art. 11). "
                    )),
                .text(
                    procedure.step.map {
                        ctx.t(
                            "Menurut SOP unit ini (langkah \($0.number)): \(procedure.preparerTitle) menyiapkan, waktu \($0.time.description); pimpinan menyetujui.",
                            "By this unit's SOP (step \($0.number)): \(procedure.preparerTitle) prepares, time \($0.time.description); the head approves."
                        )
                    }
                        ?? ctx.t(
                            "SOP unit ini tidak memuat langkah pembukaan; PPID menyiapkan, pimpinan menyetujui.",
                            "This unit's SOP has no opening step; the PPID prepares, the head approves."))),
            .if(
                due.isEmpty,
                .p(
                    .text(
                        ctx.t(
                            "Tidak ada informasi yang akan berakhir atau perlu ditinjau.", "Nothing is ending or due for review.")
                    ))),
            .if(!due.isEmpty, dueForm(ctx, m)),
            actionList(ctx, m),
            openedList(ctx, m),
            .p(
                .a(
                    .href(SiteURL.bodyDIP(m.body.id).path),
                    .text(ctx.t("Daftar Informasi Publik (DIP) badan publik", "The body's list of public information (DIP)"))))
        )
    }

    static func day(_ date: LocalDate?, _ ctx: PageContext) -> String { date.map(ctx.date) ?? "—" }

    /// The entries ending or due, each with a box to pick it when the person may prepare.
    static func dueForm(_ ctx: PageContext, _ m: Model) -> Node<HTML.BodyContext> {
        let unit = m.unit, mayPrepare = m.mayPrepare, busy = m.busy, due = m.due
        func day(_ date: LocalDate?) -> String { Self.day(date, ctx) }
        return .form(
            .action(SiteURL.unitStartPeriodAction(unit.id).path), .method(.post), Layout.csrfField(ctx),
            .table(
                .class("register"),
                .tr(
                    .th(.text(mayPrepare ? ctx.t("Pilih", "Pick") : "")), .th(.text(ctx.t("No. DIK", "No."))),
                    .th(.text(ctx.t("Informasi", "Information"))),
                    .th(.text(ctx.t("Berakhir", "Ends"))),
                    .th(.text(ctx.t("Surat pembukaan paling lambat", "Opening decree due by"))),
                    .th(.text(ctx.t("Keadaan", "Status")))),
                .forEach(due) { entry in
                    let action = busy[entry.storedID]
                    return .tr(
                        .td(
                            .if(
                                mayPrepare && action == nil,
                                .input(
                                    .type(.checkbox), .name("entry-\(entry.storedID.uuidString)"), .value("on"),
                                    .attribute(named: "aria-label", value: entry.registerNumber)))),
                        .td(.text(entry.registerNumber)),
                        .td(.text(entry.title), .br(), .small(.text(entry.decree.number))),
                        .td(
                            .text(entry.endDate == nil ? ctx.t("Sampai peristiwa", "Until an event") : day(entry.endDate))
                        ),
                        .td(.text(day(entry.openingDecreeDue))),
                        .td(
                            .text(
                                entry.status == .reviewDue
                                    ? ctx.t(
                                        "Perlu ditinjau sejak \(day(entry.reviewDate))",
                                        "Review due since \(day(entry.reviewDate))")
                                    : ctx.t("Akan berakhir", "Ending soon")),
                            .if(
                                entry.isOverdue(on: m.today),
                                .strong(.class("overdue"), .text(ctx.t(" — terlambat", " — overdue")))),
                            .unwrap(action) {
                                .p(
                                    .a(
                                        .href(SiteURL.periodAction($0).path),
                                        .text(ctx.t("Sedang diproses", "In progress"))))
                            })
                    )
                }
            ),
            .if(
                mayPrepare,
                .div(
                    .class("actions"),
                    .button(
                        .type(.submit), .name("kind"), .value("opening"),
                        .text(ctx.t("Siapkan pembukaan", "Prepare the opening"))),
                    .button(
                        .type(.submit), .name("kind"), .value("reclassification"), .class("secondary"),
                        .text(ctx.t("Klasifikasi ulang (uji baru)", "Re-classify (new test)")))))
        )
    }

    static func actionList(_ ctx: PageContext, _ m: Model) -> Node<HTML.BodyContext> {
        .group(
            .h2(.text(ctx.t("Pembukaan dan klasifikasi ulang", "Openings and re-classifications"))),
            .if(m.actions.isEmpty, .p(.text(ctx.t("Belum ada.", "None yet.")))),
            .ul(
                .forEach(m.actions) { action in
                    .li(
                        .a(
                            .href(SiteURL.periodAction(action.id).path),
                            .text(
                                ctx.t(action.kind.indonesian, action.kind.english)
                                    + " — " + Dates.show(action.createdAt ?? m.now, ctx, zone: m.zone))),
                        .text(" · " + PeriodActionService.stageLabel(action.stage)))
                }))
    }

    static func openedList(_ ctx: PageContext, _ m: Model) -> Node<HTML.BodyContext> {
        func day(_ date: LocalDate?) -> String { Self.day(date, ctx) }
        return .group(
            .h2(.text(ctx.t("Sudah terbuka", "Opened"))),
            .if(m.opened.isEmpty, .p(.text(ctx.t("Belum ada.", "None yet.")))),
            .ul(
                .forEach(m.opened) { entry in
                    .li(
                        .text(
                            "\(entry.registerNumber) \(entry.title) — " + ctx.t("terbuka sejak ", "public since ")
                                + day(entry.openedOn)),
                        .text(
                            entry.openingRulingID != nil
                                ? ctx.t(
                                    " melalui keberatan atau sengketa (UU 14/2008 Pasal 11 ayat 2)", " through an objection or dispute")
                                : entry.openedByLaw
                                    ? ctx.t(" demi hukum (PP 61/2010 Pasal 11 ayat 3)", " by law (PP 61/2010 Art. 11(3))")
                                    : ctx.t(" dengan surat pembukaan", " by an opening decree")))
                }))
    }
}
