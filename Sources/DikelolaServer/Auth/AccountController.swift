import DikelolaCore
import Fluent
import Plot
import Vapor

/// The signed-in person's own account: changing the password.
struct AccountController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.signedIn(.GET, .changePassword) { req, user in render(req, user: user) }
        routes.signedIn(.POST, .changePassword, use: changePassword)
    }

    @Sendable func changePassword(req: Request, user current: CurrentUser) async throws -> Response {
        let values = try req.formValues()
        let form = (current: values.optional("current"), new: values.optional("new"), confirm: values.optional("confirm"))
        let ctx = PageContext(req)
        guard let user = try await User.find(current.id, on: req.db) else { throw Refusal.notFound }
        var errors: [String: String] = [:]
        let new = form.new ?? ""
        if form.current?.isEmpty ?? true {
            errors["current"] = ctx.t("Kata sandi sekarang wajib diisi.", "The current password is required.")
        } else if try !(await req.password.async.verify(form.current ?? "", created: user.passwordHash)) {
            errors["current"] = ctx.t("Kata sandi sekarang salah.", "The current password is wrong.")
        }
        let problems = PasswordPolicy.problems(with: new, email: user.email)
        if let first = problems.first {
            errors["new"] = ctx.t(first.description, first.english)
        } else if new == form.current {
            errors["new"] = ctx.t(
                "Kata sandi baru harus berbeda dari yang sekarang.", "The new password must differ from the current one.")
        }
        if errors["new"] == nil, new != form.confirm {
            errors["confirm"] = ctx.t("Ulangan kata sandi tidak sama.", "The repeated password does not match.")
        }
        guard errors.isEmpty else { return render(req, user: current, errors: errors, status: .unprocessableEntity) }

        let hash = try await req.password.async.hash(new)
        try await req.application.writeTransaction { db in
            user.passwordHash = hash
            user.mustChangePassword = false
            user.sessionEpoch += 1
            try await user.save(on: db)
            try await AuditLog.record(
                req.auditDraft(
                    "user.password.change", targetType: "user",
                    targetID: current.id.uuidString,
                    after: "kata sandi diganti; sesi lain diakhiri"), on: db)
        }
        try await Sessions.signIn(req, user: user)
        Sessions.setNotice(req, ctx.t("Kata sandi sudah diganti.", "Your password has been changed."))
        return req.redirect(to: SiteURL.home.path)
    }

    private func render(_ req: Request, user: CurrentUser, errors: [String: String] = [:], status: HTTPStatus = .ok) -> Response {
        let ctx = PageContext(req, user: user)
        return Layout.page(
            ctx, title: ctx.t("Ganti kata sandi", "Change password"), status: status,
            .h1(.text(ctx.t("Ganti kata sandi", "Change password"))),
            .if(
                user.mustChangePassword,
                Layout.notice(
                    ctx.t(
                        "Anda masuk dengan kata sandi sekali pakai. Buat kata sandi Anda sendiri untuk melanjutkan.",
                        "You signed in with a one-time password. Choose your own password to continue."))),
            .form(
                .class("stack"), .action(SiteURL.changePassword.path), .method(.post),
                Layout.csrfField(ctx),
                Layout.field(
                    "current", label: ctx.t("Kata sandi sekarang", "Current password"), type: .password,
                    autocomplete: "current-password", error: errors["current"]),
                Layout.field(
                    "new", label: ctx.t("Kata sandi baru", "New password"), type: .password,
                    autocomplete: "new-password", error: errors["new"],
                    hint: ctx.t(
                        "Minimal \(PasswordPolicy.minimumLength) karakter. Kalimat pendek yang mudah Anda ingat lebih aman daripada kata yang rumit.",
                        "At least \(PasswordPolicy.minimumLength) characters. A short sentence you remember beats a complicated word."
                    )),
                Layout.field(
                    "confirm", label: ctx.t("Ulangi kata sandi baru", "Repeat the new password"), type: .password,
                    autocomplete: "new-password", error: errors["confirm"]),
                .button(.type(.submit), .text(ctx.t("Simpan kata sandi", "Save password")))
            )
        )
    }
}

/// The first page after signing in. The dashboards of the procedure build on it.
struct HomeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.signedIn(.GET, .home, use: home)
        routes.get(SiteURL.stylesheet.pathComponents) { _ in Stylesheet.response() }
        routes.get(SiteURL.script.pathComponents) { _ in Script.response() }
    }

    @Sendable func home(req: Request, user: CurrentUser) async throws -> Response {
        let ctx = PageContext(req, user: user)
        let notice = Sessions.takeNotice(req)
        let unitIDs = Set(user.person.assignments.compactMap { UUID(uuidString: $0.unit.id) })
        let units = try await Unit.query(on: req.db).filter(\.$id ~~ unitIDs).sort(\.$name).all()
        let waiting = try await Awaiting.proposals(for: req.acting(user))
        let overdue = try await Awaiting.overdue(for: req.acting(user))
        let board = try await Dashboard.load(for: req.acting(user))
        let now = req.now
        let today = try await PeriodPreviewRoute.zone(of: user, on: req.db).localDate(of: now)
        func day(_ iso: String?) -> String { iso.flatMap(LocalDate.init(iso:)).map(ctx.date) ?? "—" }
        return Layout.page(
            ctx, title: ctx.t("Beranda", "Home"),
            .h1(.text(ctx.t("Selamat datang, \(user.name)", "Welcome, \(user.name)"))),
            .unwrap(notice) { Layout.notice($0, kind: "ok") },
            .h2(.text(ctx.t("Menunggu Anda", "Waiting for you"))),
            .if(waiting.isEmpty, .p(.text(ctx.t("Tidak ada langkah yang menunggu Anda.", "No step is waiting for you.")))),
            .if(
                !waiting.isEmpty,
                .table(
                    .tr(
                        .th(.text(ctx.t("Usulan", "Proposal"))), .th(.text(ctx.t("Langkah", "Step"))),
                        .th(.text(ctx.t("Tenggat", "Due")))),
                    .forEach(waiting) { item in
                        .tr(
                            .td(.a(.href(SiteURL.proposal(item.proposal.id).path), .text(item.proposal.title))),
                            .td(.text("\(item.step.number). \(item.step.activity.prefix(90))…")),
                            .td(
                                .text(
                                    item.proposal.currentStepDueAt.map {
                                        Dates.show($0, ctx) + ($0 < now ? ctx.t(" — terlambat", " — overdue") : "")
                                    }
                                        ?? ctx.t("tentatif", "no limit"))))
                    })),
            .if(
                !overdue.isEmpty,
                .group(
                    .h2(.text(ctx.t("Terlambat di unit yang Anda awasi", "Overdue in the units you oversee"))),
                    .table(
                        .tr(
                            .th(.text(ctx.t("Usulan", "Proposal"))), .th(.text(ctx.t("Unit", "Unit"))),
                            .th(.text(ctx.t("Langkah", "Step"))),
                            .th(.text(ctx.t("Tenggat", "Due")))),
                        .forEach(overdue) { item in
                            .tr(
                                .td(.a(.href(SiteURL.proposal(item.proposal.id).path), .text(item.proposal.title))),
                                .td(.text(item.proposal.unit.name)),
                                .td(.text(String(item.step.number))),
                                .td(
                                    .span(
                                        .class("overdue"), .text(item.proposal.currentStepDueAt.map { Dates.show($0, ctx) } ?? "")
                                    )))
                        }))),
            .if(
                !board.pendingActions.isEmpty,
                .group(
                    .h2(
                        .text(
                            ctx.t(
                                "Pembukaan dan klasifikasi ulang menunggu Anda", "Openings and re-classifications waiting for you"
                            ))),
                    .ul(
                        .forEach(board.pendingActions) { pending in
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
                !board.ending.isEmpty,
                .group(
                    .h2(.text(ctx.t("Akan berakhir atau perlu ditinjau", "Ending soon or due for review"))),
                    .table(
                        .tr(
                            .th(.text(ctx.t("No. DIK", "No."))), .th(.text(ctx.t("Informasi", "Information"))),
                            .th(.text(ctx.t("Unit", "Unit"))), .th(.text(ctx.t("Berakhir / ditinjau", "Ends / review"))),
                            .th(.text(ctx.t("Surat pembukaan paling lambat", "Opening decree due by")))),
                        .forEach(board.ending.prefix(Dashboard.listLimit)) { entry in
                            .tr(
                                .td(.text(entry.registerNumber)),
                                .td(.a(.href(SiteURL.unitEnding(entry.$unit.id).path), .text(entry.title))),
                                .td(.text(entry.unit.shortName ?? entry.unit.name)),
                                .td(
                                    .text(
                                        entry.status == .reviewDue
                                            ? ctx.t("ditinjau sejak ", "review since ") + day(entry.reviewDate)
                                            : day(entry.endDate))),
                                .td(
                                    .span(
                                        .class(entry.openingDecreeDue.map { $0 < today.iso } == true ? "overdue" : ""),
                                        .text(day(entry.openingDecreeDue)))))
                        }),
                    .if(
                        board.ending.count > Dashboard.listLimit,
                        .p(
                            .small(
                                .text(
                                    ctx.t(
                                        "dan \(board.ending.count - Dashboard.listLimit) lagi",
                                        "and \(board.ending.count - Dashboard.listLimit) more"))))))),
            .if(
                !board.decisions.isEmpty,
                .group(
                    .h2(.text(ctx.t("Keputusan terbaru", "Recent decisions"))),
                    .ul(
                        .forEach(board.decisions) { decision in
                            .li(
                                .a(.href(SiteURL.decree(decision.decree.id).path), .text(decision.decree.number)),
                                .text(
                                    " — "
                                        + ctx.t(decision.decree.kind.indonesian, decision.decree.kind.english) + ", "
                                        + (decision.unit.shortName ?? decision.unit.name)
                                        + ", " + day(decision.decree.decreeDate)))
                        }))),
            .unwrap(board.overview) { rows in
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
            .h2(.text(ctx.t("Peran dan unit Anda", "Your roles and units"))),
            .if(
                user.person.assignments.isEmpty,
                .p(.text(ctx.t("Anda belum memiliki peran di unit mana pun.", "You hold no role in any unit yet.")))),
            .ul(
                .forEach(units) { unit in
                    let roles = user.person.assignments.filter { $0.unit.id == unit.id?.uuidString }.map(\.role.indonesianTitle)
                    return .li(
                        .a(.href(SiteURL.unit(unit.id).path), .text(unit.name)), .text(" — " + roles.joined(separator: ", ")))
                }),
            .p(.a(.href(SiteURL.changePassword.path), .text(ctx.t("Ganti kata sandi", "Change password"))))
        )
    }

}
