import DikelolaCore
import Fluent
import Foundation
import Plot
import Vapor

/// The end of a period in the browser: a unit's "Daftar informasi yang akan berakhir jangka waktu
/// pengecualiannya", the opening or re-classification being prepared and approved, and its decree.
struct PeriodPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.signedIn(.GET, .unitEnding(nil), use: ending)
        routes.signedIn(.POST, .unitStartPeriodAction(nil)) { req, user in
            let form = try req.formValues()
            let unitID = try req.id("unit")
            let entryIDs = form.values.filter { $0.key.hasPrefix("entry-") && $0.value == "on" }
                .compactMap { UUID(uuidString: String($0.key.dropFirst("entry-".count))) }
            do {
                let action = try await PeriodActionService.start(
                    unitID: unitID, kind: form["kind"] == "reclassification" ? .reclassification : .opening, entryIDs: entryIDs,
                    acting: req.acting(user))
                Sessions.setNotice(
                    req, PageContext(req).t("Daftar dibuat; lengkapi lalu ajukan.", "List made; complete it, then submit."))
                return req.redirect(to: SiteURL.periodAction(action.id).path)
            } catch let error as ProcedureError {
                Sessions.setNotice(req, error.fields.values.sorted().first ?? error.message)
                return req.redirect(to: SiteURL.unitEnding(unitID).path)
            }
        }
        routes.signedIn(.GET, .periodAction(nil)) { req, user in try await show(req, user, state: nil) }
        routes.signedIn(.POST, .periodActionItem(nil, nil)) { req, user in
            let form = try req.formValues()
            let itemID = try req.id("item")
            return try await act(req, user, form: "fields-\(itemID)", values: form) { ctx in
                try await PeriodActionService.setOpeningFields(
                    ctx, itemID: itemID,
                    .init(summary: form["summary"], responsible: form["responsible"], retention: form["retention"]), acting: req.acting(user))
                return PageContext(req).t("Kolom DIP disimpan.", "DIP fields saved.")
            }
        }
        routes.signedIn(.POST, .periodActionTest(nil, nil)) { req, user in
            let form = try req.formValues()
            let itemID = try req.id("item")
            return try await act(req, user, form: "test-\(itemID)", values: form) { ctx in
                let period: ExemptionPeriod
                switch PeriodFields.period(from: form) {
                case let .success(value): period = value
                case let .failure(error): throw ProcedureError.invalid([error.field: error.message])
                }
                let input = ProposalService.TestInput(
                    ground: form["ground"].nilIfBlank.flatMap(ExemptionGround.init(code:))?.citation,
                    otherStatute: form["otherStatute"], consequenceIfOpened: form["consequenceIfOpened"],
                    consequenceIfClosed: form["consequenceIfClosed"], verdict: form["verdict"],
                    parts: form["parts"].split(separator: ",").map { String($0) }, period: period, reason: form["reason"])
                try await PeriodActionService.recordTest(ctx, itemID: itemID, input, acting: req.acting(user))
                return PageContext(req).t("Uji konsekuensi baru disimpan.", "New test saved.")
            }
        }
        routes.signedIn(.POST, .periodActionRemove(nil, nil)) { req, user in
            let itemID = try req.id("item")
            return try await act(req, user, form: "remove", values: try req.formValues()) { ctx in
                try await PeriodActionService.removeItem(ctx, itemID: itemID, acting: req.acting(user))
                return PageContext(req).t("Dikeluarkan dari daftar.", "Removed from the list.")
            }
        }
        routes.signedIn(.POST, .periodActionSubmit(nil)) { req, user in
            let form = try req.formValues()
            return try await act(req, user, form: "submit", values: form) { ctx in
                try await PeriodActionService.submit(ctx, expectedVersion: Int(form["version"]), acting: req.acting(user))
                return PageContext(req).t("Diajukan kepada pimpinan.", "Sent to the head.")
            }
        }
        routes.signedIn(.POST, .periodActionCancel(nil)) { req, user in
            let form = try req.formValues()
            return try await act(req, user, form: "cancel", values: form) { ctx in
                try await PeriodActionService.cancel(ctx, expectedVersion: Int(form["version"]), acting: req.acting(user))
                return PageContext(req).t("Dibatalkan.", "Cancelled.")
            }
        }
        routes.signedIn(.POST, .periodActionDecide(nil)) { req, user in
            let form = try req.formValues()
            return try await act(req, user, form: "decide", values: form) { ctx in
                let approve = form["decision"] == "agree"
                let decree = try await PeriodActionService.decide(
                    try ctx.action.requireID(), approve: approve, note: form["note"], expectedVersion: Int(form["version"]),
                    acting: req.acting(user))
                let c = PageContext(req)
                return decree.map { c.t("Disetujui. Surat \($0.number) diterbitkan.", "Approved. Decree \($0.number) issued.") }
                    ?? c.t("Dikembalikan kepada PPID dengan catatan.", "Returned to the PPID with the note.")
            }
        }
    }

    // MARK: The list of entries ending

    @Sendable func ending(req: Request, user: CurrentUser) async throws -> Response {
        guard let unit = try await Unit.find(try req.id("unit"), on: req.db) else { throw Refusal.notFound }
        let place = try await AccessQueries.place(of: unit, on: req.db)
        try user.require(.viewExemptedContent, on: place)
        let unitID = try unit.requireID()
        let body = try await unit.$body.get(on: req.db)
        let procedure = PeriodEndProcedure(definition: unit.sopID.flatMap(req.application.dikelola.sopLibrary.definition(id:)))
        let mayPrepare = (try? PeriodActionService.requirePreparer(user, place: place, procedure: procedure)) != nil
        let entries = try await RegisterEntry.query(on: req.db).filter(\.$unit.$id == unitID).with(\.$decree).all()
        let due = entries.filter { $0.status.awaitsDecision }.sorted {
            ($0.openingDecreeDue ?? $0.reviewDate ?? "9999") < ($1.openingDecreeDue ?? $1.reviewDate ?? "9999")
        }
        let opened = entries.filter { $0.status == .opened }.sorted { ($0.openedOn ?? "") > ($1.openedOn ?? "") }
        let actions = try await PeriodAction.query(on: req.db).filter(\.$unit.$id == unitID).sort(\.$createdAt, .descending)
            .all()
        let inAction = try await PeriodActionItem.query(on: req.db).filter(\.$action.$id ~~ actions.compactMap(\.id)).all()
        let openActionIDs = Set(actions.filter { $0.stage.isOpen }.compactMap(\.id))
        let busy = Dictionary(
            inAction.filter { openActionIDs.contains($0.$action.id) }.map { ($0.$entry.id, $0.$action.id) },
            uniquingKeysWith: { a, _ in a })
        let ctx = PageContext(req, user: user)
        let zone = TimeZoneRegion(rawValue: body.timeZone) ?? .wib
        func day(_ iso: String?) -> String { iso.flatMap(LocalDate.init(iso:)).map(ctx.date) ?? "—" }
        return Layout.page(
            ctx, title: ctx.t("Akan berakhir — \(unit.name)", "Ending — \(unit.name)"),
            .h1(
                .text(
                    ctx.t(
                        "Daftar informasi yang akan berakhir jangka waktu pengecualiannya — \(unit.name)",
                        "Information whose exemption is ending — \(unit.name)"))),
            .unwrap(Sessions.takeNotice(req)) { Layout.notice($0, kind: "ok") },
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
            .if(
                !due.isEmpty,
                .form(
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
                )),
            .h2(.text(ctx.t("Pembukaan dan klasifikasi ulang", "Openings and re-classifications"))),
            .if(actions.isEmpty, .p(.text(ctx.t("Belum ada.", "None yet.")))),
            .ul(
                .forEach(actions) { action in
                    .li(
                        .a(
                            .href(SiteURL.periodAction(action.id).path),
                            .text(
                                ctx.t(action.kind.indonesian, action.kind.english)
                                    + " — " + Dates.show(action.createdAt ?? req.now, ctx, zone: zone))),
                        .text(" · " + PeriodActionService.stageLabel(action.stage)))
                }),
            .h2(.text(ctx.t("Sudah terbuka", "Opened"))),
            .if(opened.isEmpty, .p(.text(ctx.t("Belum ada.", "None yet.")))),
            .ul(
                .forEach(opened) { entry in
                    .li(
                        .text(
                            "\(entry.registerNumber) \(entry.title) — " + ctx.t("terbuka sejak ", "public since ")
                                + day(entry.openedOn)),
                        .text(
                            entry.openedByLaw
                                ? ctx.t(" demi hukum (PP 61/2010 Pasal 11 ayat 3)", " by law (PP 61/2010 Art. 11(3))")
                                : ctx.t(" dengan surat pembukaan", " by an opening decree")))
                }),
            .p(
                .a(
                    .href(SiteURL.bodyDIP(body.id).path),
                    .text(ctx.t("Daftar Informasi Publik (DIP) badan publik", "The body's list of public information (DIP)"))))
        )
    }

    // MARK: One opening or re-classification

    private func load(_ req: Request, _ user: CurrentUser) async throws -> PeriodActionContext {
        let ctx = try await PeriodActionContext.load(
            try req.id("action"), library: req.application.dikelola.sopLibrary, on: req.db)
        try user.require(.viewExemptedContent, on: ctx.place)
        return ctx
    }

    private func act(
        _ req: Request, _ user: CurrentUser, form: String, values: FormValues,
        _ action: (PeriodActionContext) async throws -> String
    ) async throws -> Response {
        let ctx = try await load(req, user)
        do {
            Sessions.setNotice(req, try await action(ctx))
            return req.redirect(to: SiteURL.periodAction(ctx.action.id).path)
        } catch let error as ProcedureError {
            return try await show(
                req, user, state: FormState(form: form, values: values, errors: error.fields, message: error.message),
                status: error.status)
        }
    }

    private func show(_ req: Request, _ user: CurrentUser, state: FormState?, status: HTTPStatus = .ok) async throws -> Response {
        let ctx = try await load(req, user)
        let page = PageContext(req, user: user)
        let mayPrepare =
            ctx.stage == .preparing
            && (try? PeriodActionService.requirePreparer(user, place: ctx.place, procedure: ctx.procedure)) != nil
        let mayDecide =
            ctx.stage == .awaitingApproval && user.may(.signDecree, on: ctx.place).isAllowed
            && Authorization.roles(of: user.person, covering: ctx.place).contains(PeriodEndProcedure.approverRole)
        let decree = try await ctx.action.$decree.get(on: req.db)
        let history = try await AuditEvent.query(on: req.db).filter(\.$targetID == ctx.action.storedID.uuidString)
            .sort(\.$sequence).all()
        let response = Layout.page(
            page, title: page.t(ctx.kind.indonesian, ctx.kind.english),
            .h1(.text(page.t(ctx.kind.indonesian, ctx.kind.english) + " — " + ctx.unit.name)),
            .unwrap(Sessions.takeNotice(req)) { Layout.notice($0, kind: "ok") },
            .unwrap(state?.message) { Layout.notice($0, kind: "error") },
            .dl(
                .dt(.text(page.t("Keadaan", "Stage"))), .dd(.text(PeriodActionService.stageLabel(ctx.stage))),
                .unwrap(ctx.action.legalDue.flatMap(LocalDate.init(iso:))) {
                    .group(
                        .dt(.text(page.t("Surat paling lambat", "Decree due by"))),
                        .dd(.text(page.date($0) + " (PP 61/2010 Pasal 11 ayat 2)")))
                },
                .unwrap(ctx.action.stageDueAt) {
                    .group(
                        .dt(.text(page.t("Tenggat SOP", "SOP due"))),
                        .dd(
                            .text(
                                Dates.show($0, page, zone: ctx.zone) + ($0 < req.now ? page.t(" — terlambat", " — overdue") : ""))
                        ))
                },
                .unwrap(decree) { decree in
                    .group(
                        .dt(.text(page.t("Surat", "Decree"))),
                        .dd(.a(.href(SiteURL.decree(decree.id).path), .text("\(decree.number), \(day(decree.decreeDate, page))")))
                    )
                }),
            .unwrap(ctx.action.returnNote) {
                Layout.notice(page.t("Dikembalikan pimpinan: ", "Returned by the head: ") + $0, kind: "error")
            },
            .h2(.text(page.t("Informasi", "Items"))),
            .forEach(ctx.items) { item in itemBox(page, ctx, item, editable: mayPrepare, state: state) },
            .if(
                mayPrepare,
                .group(
                    .unwrap(ctx.missing.isEmpty ? nil : ctx.missing) { missing in
                        .div(
                            .class("notice"), .p(.text(page.t("Belum lengkap:", "Still missing:"))),
                            .ul(.forEach(missing) { .li(.text($0)) }))
                    },
                    .form(
                        .class("stack"), .action(SiteURL.periodActionSubmit(ctx.action.id).path), .method(.post),
                        Layout.csrfField(page),
                        .input(.type(.hidden), .name("version"), .value(String(ctx.action.version))),
                        .button(.type(.submit), .text(page.t("Ajukan kepada pimpinan", "Send to the head")))),
                    .form(
                        .class("stack"), .action(SiteURL.periodActionCancel(ctx.action.id).path), .method(.post),
                        Layout.csrfField(page),
                        .input(.type(.hidden), .name("version"), .value(String(ctx.action.version))),
                        .button(.type(.submit), .class("secondary"), .text(page.t("Batalkan", "Cancel")))))),
            .if(
                mayDecide,
                .form(
                    .class("stack"), .action(SiteURL.periodActionDecide(ctx.action.id).path), .method(.post),
                    Layout.csrfField(page),
                    .input(.type(.hidden), .name("version"), .value(String(ctx.action.version))),
                    FormFields.textarea(
                        "note", published: .internalOnly, label: page.t("Catatan (wajib bila tidak setuju)", "Note (required to return)"),
                        value: state?.value("decide", "note") ?? "", error: state?.error("decide", "note")),
                    .div(
                        .class("actions"),
                        .button(
                            .type(.submit), .name("decision"), .value("agree"),
                            .text(page.t("Setuju — terbitkan surat", "Approve — issue the decree"))),
                        .button(
                            .type(.submit), .name("decision"), .value("disagree"), .class("secondary"),
                            .text(page.t("Tidak setuju — kembalikan", "Return with a note")))))),
            .h2(.text(page.t("Riwayat", "History"))),
            .ul(
                .forEach(history) { event in
                    .li(.text(Dates.show(event.occurredAt, page, zone: ctx.zone) + " — " + (event.summaryAfter ?? event.action)))
                })
        )
        response.status = status
        return response
    }

    private func day(_ iso: String, _ page: PageContext) -> String { LocalDate(iso: iso).map(page.date) ?? iso }

    private func itemBox(
        _ page: PageContext, _ ctx: PeriodActionContext, _ item: PeriodActionItem, editable: Bool, state: FormState?
    )
        -> Node<HTML.BodyContext>
    {
        guard let entry = ctx.entry(of: item) else { return .empty }
        let itemID = item.storedID
        let period = try? JSONDecoder().decode(ExemptionPeriod.self, from: Data(entry.period.utf8))
        let ground = ExemptionGround(code: entry.groundCode)?.citation ?? entry.groundCode
        let due = entry.openingDecreeDue.flatMap(LocalDate.init(iso:)).map(page.date) ?? "—"
        let facts =
            ground + " · " + (period?.indonesianDescription ?? "") + " · "
            + page.t("surat pembukaan paling lambat ", "opening decree due by ") + due
        let content: Node<HTML.BodyContext> =
            switch (ctx.kind, editable) {
            case (.opening, true): openingForm(page, ctx, item, entry: entry, state: state)
            case (.opening, false): .p(.text(openingSummary(page, item)))
            case (.reclassification, true):
                ProposalPageView.testForm(
                    page, action: SiteURL.periodActionTest(ctx.action.id, itemID).path,
                    test: ctx.test(of: item).map(ProposalView.Test.init), prefix: "\(itemID)-", formID: "test-\(itemID)",
                    state: state, verdictOptions: ["closed", "partlyClosed"])
            case (.reclassification, false):
                .p(.text(ctx.test(of: item).map(ProposalService.summary) ?? page.t("Uji baru belum diisi.", "No new test yet.")))
            }
        let remove: Node<HTML.BodyContext> =
            editable && ctx.items.count > 1
            ? .form(
                .action(SiteURL.periodActionRemove(ctx.action.id, itemID).path), .method(.post), Layout.csrfField(page),
                .button(.type(.submit), .class("secondary"), .text(page.t("Keluarkan dari daftar", "Remove from the list"))))
            : .empty
        return .section(
            .class("item"), .id("informasi-\(itemID)"),
            .h3(.text("\(entry.registerNumber) \(entry.title)")),
            .p(.small(.text(facts))),
            content, remove)
    }

    private func openingSummary(_ page: PageContext, _ item: PeriodActionItem) -> String {
        let responsible = item.responsible.map { page.t("Penanggung jawab: ", "Responsible: ") + $0 }
        let retention = item.retention.map { page.t("Retensi: ", "Retention: ") + $0 }
        return [item.summary, responsible, retention].compactMap { $0 }.joined(separator: " · ")
    }

    private func openingForm(
        _ page: PageContext, _ ctx: PeriodActionContext, _ item: PeriodActionItem, entry: RegisterEntry, state: FormState?
    ) -> Node<HTML.BodyContext> {
        let itemID = item.storedID
        let formID = "fields-\(itemID)"
        let prefix = "\(itemID)-"
        func value(_ field: String, _ fallback: String?) -> String {
            state?.value(formID, field, default: fallback ?? "") ?? (fallback ?? "")
        }
        let information = ctx.informationItems[entry.$item.id]
        let made = [information?.madeWhen, information?.madeWhere].compactMap { $0 }.joined(separator: ", ")
        let madeLine =
            page.t("Waktu dan tempat pembuatan: ", "Made: ") + made + page.t(" · Bentuk: ", " · Form: ")
            + Labels.form(information?.form ?? .both, page)
        let summary = FormFields.textarea(
            "summary", published: .published, label: page.t("Ringkasan isi informasi (DIP)", "Summary (DIP)"), value: value("summary", item.summary),
            rows: 2, error: state?.error(formID, "summary"), idPrefix: prefix)
        let responsible = Layout.field(
            "responsible", published: .published,
            label: page.t("Penanggung jawab pembuatan/penerbitan informasi", "Person responsible for the information"),
            value: value("responsible", item.responsible), autocomplete: "off", error: state?.error(formID, "responsible"),
            hint: page.t("Nama dan jabatan, mis. Kepala Bidang Pelayanan", "Name and position"), idPrefix: prefix)
        let retention = Layout.field(
            "retention", published: .published, label: page.t("Jangka waktu penyimpanan (retensi arsip)", "Retention period"),
            value: value("retention", item.retention), autocomplete: "off", error: state?.error(formID, "retention"),
            hint: page.t(
                "Terisi dari JRA bila kode klasifikasinya terdaftar", "Filled from the retention schedule when its code is listed"
            ),
            idPrefix: prefix)
        return .form(
            .class("stack"), .action(SiteURL.periodActionItem(ctx.action.id, itemID).path), .method(.post),
            Layout.csrfField(page),
            summary, responsible, retention, .p(.small(.text(madeLine))),
            .button(.type(.submit), .text(page.t("Simpan kolom DIP", "Save DIP fields"))))
    }
}
