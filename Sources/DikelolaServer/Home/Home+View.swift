import DikelolaCore
import Foundation
import Plot
import Vapor

/// The first page after signing in (see `HomeController`): what waits for the person, what is late
/// in the units they oversee, what ends soon, the latest decisions, the body at a glance, their roles.
enum HomeView {
    struct Model {
        let user: CurrentUser
        let units: [Unit]
        /// Where the person may start a proposal.
        let startable: [Unit]
        let waiting: [Awaiting.Entry]
        let overdue: [Awaiting.Entry]
        let board: Dashboard
        let notice: String?
        let now: Date
        let today: LocalDate
        /// For marking dates counted across years whose holidays are not yet decreed.
        let calendar: WorkingDayCalendar
        /// A start form sent back: its form is the unit's id.
        var refused: FormState? = nil
        /// For the PPID Utama and the administrator: units whose SOP has an actor no one holds.
        var staffingGaps: [SOPStaffing] = []
    }

    static func page(_ ctx: PageContext, _ m: Model, status: HTTPStatus = .ok) -> Response {
        let user = m.user, notice = m.notice, units = m.units
        return Layout.page(
            ctx, title: ctx.t("Beranda", "Home"), status: status,
            .h1(.text(ctx.t("Selamat datang, \(user.name)", "Welcome, \(user.name)"))),
            .unwrap(notice) { Layout.notice($0, kind: "ok") },
            returnedBanner(ctx, m),
            staffing(ctx, m.staffingGaps, admin: m.user.person.assignments.contains { $0.role == .admin }),
            work(ctx, m),
            start(ctx, m),
            periods(ctx, m),
            overview(ctx, m),
            .h2(.text(ctx.t("Peran dan unit Anda", "Your roles and units"))),
            .if(
                user.person.assignments.isEmpty,
                .p(.text(ctx.t("Anda belum memiliki peran di unit mana pun.", "You hold no role in any unit yet.")))),
            .ul(
                .forEach(units) { unit in
                    let held = user.person.assignments.filter { $0.unit.id == unit.id?.uuidString }.map(\.role)
                    // An administrator manages the body's organisation, not the unit's content: the
                    // link goes where the role may act.
                    let link = held.allSatisfy { $0 == .admin } ? SiteURL.adminBody(unit.$body.id).path : SiteURL.unit(unit.id).path
                    return .li(
                        .a(.href(link), .text(unit.name)), .text(" — " + held.map(\.indonesianTitle).joined(separator: ", ")))
                }),
            .p(.a(.href(SiteURL.changePassword.path), .text(ctx.t("Ganti kata sandi", "Change password"))))

        )
    }

    /// "Buat usulan baru": a title and a button for each unit where the person may start one.
    static func start(_ ctx: PageContext, _ m: Model) -> Node<HTML.BodyContext> {
        guard !m.startable.isEmpty else { return .empty }
        return .section(
            .class("start"),
            .h2(.text(ctx.t("Buat usulan baru", "Start a new proposal"))),
            .forEach(m.startable) { unit in
                let id = "judul-\(unit.id?.uuidString.lowercased() ?? "")"
                let form = unit.id?.uuidString ?? ""
                let error = m.refused?.error(form, "title") ?? (m.refused?.form == form ? m.refused?.message : nil)
                return .form(
                    .class("inline start"), .action(SiteURL.unitOpenProposal(unit.id).path), .method(.post), Layout.csrfField(ctx),
                    .label(.for(id), .text(unit.name)),
                    .input(
                        .type(.text), .id(id), .name("title"), .value(m.refused?.value(form, "title") ?? ""),
                        .attribute(named: "required", value: "required"),
                        .attribute(named: "aria-invalid", value: error == nil ? nil : "true"),
                        .attribute(named: "aria-describedby", value: error == nil ? nil : "\(id)-error"),
                        .attribute(named: "placeholder", value: ctx.t("Judul, misalnya DIK \(unit.shortName ?? unit.name) 2026", "Title"))),
                    .button(.type(.submit), .text(ctx.t("Buat usulan", "Start"))),
                    .unwrap(error) { .p(.class("error"), .id("\(id)-error"), .text($0)) })
            })
    }

    /// Work sent back to the person, first thing on the page (on a phone too): who, and the note.
    static func returnedBanner(_ ctx: PageContext, _ m: Model) -> Node<HTML.BodyContext> {
        let returned = m.waiting.filter { $0.returned != nil }
        guard !returned.isEmpty else { return .empty }
        return .div(
            .class("returned"), .attribute(named: "role", value: "alert"),
            .p(.strong(.text(ctx.t("Dikembalikan kepada Anda (\(returned.count))", "Returned to you (\(returned.count))")))),
            .ul(
                .forEach(returned) { item in
                    .li(
                        .a(.href(SiteURL.proposal(item.proposal.id).path + "#dikembalikan"), .text(item.proposal.title)),
                        .text(": " + String((item.returned?.note ?? "").prefix(200))))
                }))
    }

    /// The units where a step cannot be done because no one holds its actor's role.
    static func staffing(_ ctx: PageContext, _ gaps: [SOPStaffing], admin: Bool) -> Node<HTML.BodyContext> {
        guard !gaps.isEmpty else { return .empty }
        return .div(
            .class("notice error"), .attribute(named: "role", value: "alert"),
            .p(
                .strong(
                    .text(
                        ctx.t(
                            "Pelaksana SOP yang belum ada pemegangnya: usulan di unit ini akan berhenti pada langkah mereka.",
                            "SOP actors no one holds: proposals in these units will stop at their steps.")))),
            .ul(
                .forEach(gaps) { staffing in
                    .li(
                        admin
                            ? .a(.href(SiteURL.adminUnit(staffing.unit.$body.id, staffing.unit.id).path), .text(staffing.unit.name))
                            : .text(staffing.unit.name),
                        .text(": " + staffing.gapList))
                }),
            .p(
                .small(
                    .text(
                        ctx.t(
                            "Administrator badan publik memberikan peran itu kepada pegawai yang ditunjuk (Pengguna dan peran).",
                            "The body's administrator gives the role to the officer appointed (People and roles).")))))
    }

    /// The steps waiting for the person and the ones late in the units they oversee.
    static func work(_ ctx: PageContext, _ m: Model) -> Node<HTML.BodyContext> {
        func day(_ date: LocalDate?) -> String { date.map(ctx.date) ?? "—" }
        return .group(
            .h2(.text(ctx.t("Menunggu Anda", "Waiting for you"))),
            .if(m.waiting.isEmpty, .p(.text(ctx.t("Tidak ada langkah yang menunggu Anda.", "No step is waiting for you.")))),
            .if(
                !m.waiting.isEmpty,
                .table(
                    .tr(
                        .th(.text(ctx.t("Usulan", "Proposal"))), .th(.text(ctx.t("Langkah", "Step"))),
                        .th(.text(ctx.t("Tenggat", "Due")))),
                    .forEach(m.waiting) { item in
                        .tr(
                            .class(item.returned == nil ? "" : "returned"),
                            .td(
                                .a(
                                    .href(SiteURL.proposal(item.proposal.id).path + (item.returned == nil ? "" : "#dikembalikan")),
                                    .text(item.proposal.title)),
                                .unwrap(item.returned) { step in
                                    .group(
                                        .text(" "), .span(.class("tag returned"), .text(ctx.t("dikembalikan", "returned"))),
                                        .br(), .small(.text(String((step.note ?? "").prefix(140)))))
                                }),
                            .td(.text("\(item.step.label). \(item.step.activity.prefix(90))…")),
                            .td(
                                .text(
                                    item.proposal.currentStepDueAt.map {
                                        Dates.show($0, ctx) + ($0 < m.now ? ctx.t(" — terlambat", " — overdue") : "")
                                    }
                                        ?? ctx.t("tentatif", "no limit"))))
                    })),
            .if(
                !m.overdue.isEmpty,
                .group(
                    .h2(.text(ctx.t("Terlambat di unit yang Anda awasi", "Overdue in the units you oversee"))),
                    .table(
                        .tr(
                            .th(.text(ctx.t("Usulan", "Proposal"))), .th(.text(ctx.t("Unit", "Unit"))),
                            .th(.text(ctx.t("Langkah", "Step"))),
                            .th(.text(ctx.t("Tenggat", "Due")))),
                        .forEach(m.overdue) { item in
                            .tr(
                                .td(.a(.href(SiteURL.proposal(item.proposal.id).path), .text(item.proposal.title))),
                                .td(.text(item.proposal.unit.name)),
                                .td(.text(String(item.step.number))),
                                .td(
                                    .span(
                                        .class("overdue"), .text(item.proposal.currentStepDueAt.map { Dates.show($0, ctx) } ?? "")
                                    )))
                        })))
        )
    }

    /// Openings and re-classifications m.waiting, entries ending, and the latest decisions.
    /// The opening decree's latest date, marked provisional and late where it is.
    static func openingDue(_ ctx: PageContext, _ m: Model, _ entry: RegisterEntry) -> Node<HTML.BodyContext> {
        let late = entry.isOverdue(on: m.today)
        return .span(
            .class(late ? "overdue" : ""),
            .text(entry.openingDecreeDue.map(ctx.date) ?? "—"),
            .unwrap(
                entry.openingDecreeDue.flatMap { due in
                    Labels.provisional(m.calendar.yearsWithoutData(from: due, through: entry.endDate ?? due), ctx)
                }
            ) { .small(.text($0)) },
            .if(late, .strong(.text(ctx.t(" terlambat", " overdue")))))
    }

    static func periods(_ ctx: PageContext, _ m: Model) -> Node<HTML.BodyContext> {
        func day(_ date: LocalDate?) -> String { date.map(ctx.date) ?? "—" }
        return .group(
            .if(
                !m.board.pendingActions.isEmpty,
                .group(
                    .h2(
                        .text(
                            ctx.t(
                                "Pembukaan dan klasifikasi ulang menunggu Anda", "Openings and re-classifications waiting for you"
                            ))),
                    .ul(
                        .forEach(m.board.pendingActions) { pending in
                            .li(
                                .a(
                                    .href(SiteURL.periodAction(pending.action.id).path),
                                    .text(
                                        (pending.action.kind == .opening
                                            ? ctx.t("Pembukaan informasi", "Opening")
                                            : ctx.t("Klasifikasi ulang", "Re-classification"))
                                            + " — "
                                            + (pending.task == "approve"
                                                ? ctx.t("menunggu persetujuan Anda", "awaiting your approval")
                                                : ctx.t("sedang Anda siapkan", "being prepared by you")))),
                                .unwrap(pending.action.legalDue) {
                                    .text(ctx.t(" · surat paling lambat ", " · decree due by ") + day($0))
                                })
                        }))),
            .if(
                !m.board.ending.isEmpty,
                .group(
                    .h2(.text(ctx.t("Akan berakhir atau perlu ditinjau", "Ending soon or due for review"))),
                    .table(
                        .tr(
                            .th(.text(ctx.t("No. DIK", "No."))), .th(.text(ctx.t("Informasi", "Information"))),
                            .th(.text(ctx.t("Unit", "Unit"))), .th(.text(ctx.t("Berakhir / ditinjau", "Ends / review"))),
                            .th(.text(ctx.t("Surat pembukaan paling lambat", "Opening decree due by")))),
                        .forEach(m.board.ending.prefix(Dashboard.listLimit)) { entry in
                            .tr(
                                .td(.text(entry.registerNumber)),
                                .td(.a(.href(SiteURL.unitEnding(entry.$unit.id).path), .text(entry.title))),
                                .td(.text(entry.unit.shortName ?? entry.unit.name)),
                                .td(
                                    .text(
                                        entry.status == .reviewDue
                                            ? ctx.t("ditinjau sejak ", "review since ") + day(entry.reviewDate)
                                            : day(entry.endDate))),
                                .td(openingDue(ctx, m, entry)))
                        }),
                    .if(
                        m.board.ending.count > Dashboard.listLimit,
                        .p(
                            .small(
                                .text(
                                    ctx.t(
                                        "dan \(m.board.ending.count - Dashboard.listLimit) lagi",
                                        "and \(m.board.ending.count - Dashboard.listLimit) more"))))))),
            .if(
                !m.board.decisions.isEmpty,
                .group(
                    .h2(.text(ctx.t("Keputusan terbaru", "Recent decisions"))),
                    .ul(
                        .forEach(m.board.decisions) { decision in
                            .li(
                                .a(.href(SiteURL.decree(decision.decree.id).path), .text(decision.decree.number)),
                                .text(
                                    " — "
                                        + ctx.t(decision.decree.kind.indonesian, decision.decree.kind.english) + ", "
                                        + (decision.unit.shortName ?? decision.unit.name)
                                        + ", " + day(decision.decree.decreeDate)))
                        })))
        )
    }

    /// Each unit of the body at a glance, for those who oversee it.
    static func overview(_ ctx: PageContext, _ m: Model) -> Node<HTML.BodyContext> {
        func day(_ date: LocalDate?) -> String { date.map(ctx.date) ?? "—" }
        return .group(
            .unwrap(m.board.overview) { rows in
                .group(
                    .h2(.text(ctx.t("Ikhtisar badan publik", "The body at a glance"))),
                    .table(
                        .tr(
                            .th(.text(ctx.t("Unit", "Unit"))), .th(.text(ctx.t("Usulan berjalan", "Proposals in progress"))),
                            .th(.text(ctx.t("Langkah terlambat", "Overdue steps"))),
                            .th(.text(ctx.t("Isi DIK", "Register entries"))),
                            .th(.text(ctx.t("Akan berakhir / ditinjau", "Ending / review")))),
                        .forEach(rows) { row in
                            .tr(
                                .td(.a(.href(SiteURL.unit(row.unit.id).path), .text(row.unit.name))),
                                .td(.text(String(row.inProgress))),
                                .td(.span(.class(row.overdue > 0 ? "overdue" : ""), .text(String(row.overdue)))),
                                .td(.a(.href(SiteURL.unitRegister(row.unit.id).path), .text(String(row.register)))),
                                .td(.a(.href(SiteURL.unitEnding(row.unit.id).path), .text(String(row.ending)))))
                        }))
            },
            .unwrap(m.board.figures) { figures in
                .group(
                    .h2(.text(ctx.t("DIK badan publik dalam angka", "The body's register in figures"))),
                    BarChart.registerFigures(figures, english: ctx.language == .english, t: ctx.t))
            }
        )
    }
}
