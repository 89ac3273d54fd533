import DikelolaCore
import Foundation
import Plot
import Vapor

/// One opening or re-classification (see `PeriodActionController`): its stage and deadlines, its
/// entries with the DIP fields or the new tests, the PPID's and the head's forms, its history.
enum PeriodActionView {
    struct Model {
        let ctx: PeriodActionContext
        let mayPrepare: Bool
        let mayDecide: Bool
        let decree: Decree?
        let history: [AuditEvent]
        let notice: String?
        let now: Date
    }

    static func page(_ page: PageContext, _ m: Model, state: FormState?, status: HTTPStatus) -> Response {
        let ctx = m.ctx, mayPrepare = m.mayPrepare, decree = m.decree, history = m.history
        let response = Layout.page(
            page, title: page.t(ctx.kind.indonesian, ctx.kind.english),
            .h1(.text(page.t(ctx.kind.indonesian, ctx.kind.english) + " — " + ctx.unit.name)),
            .unwrap(m.notice) { Layout.notice($0, kind: "ok") },
            .unwrap(state?.message) { Layout.notice($0, kind: "error") },
            .dl(
                .dt(.text(page.t("Keadaan", "Stage"))), .dd(.text(PeriodActionService.stageLabel(ctx.stage))),
                .unwrap(ctx.action.legalDue) {
                    .group(
                        .dt(.text(page.t("Surat paling lambat", "Decree due by"))),
                        .dd(.text(page.date($0) + " (PP 61/2010 Pasal 11 ayat 2)")))
                },
                .unwrap(ctx.action.stageDueAt) {
                    .group(
                        .dt(.text(page.t("Tenggat SOP", "SOP due"))),
                        .dd(
                            .text(
                                Dates.show($0, page, zone: ctx.zone) + ($0 < m.now ? page.t(" — terlambat", " — overdue") : ""))
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
            forms(page, m, state: state),
            .h2(.text(page.t("Riwayat", "History"))),
            .ul(
                .forEach(history) { event in
                    .li(.text(Dates.show(event.occurredAt, page, zone: ctx.zone) + " — " + (event.summaryAfter ?? event.action)))
                })
        )
        response.status = status
        return response
    }

    /// The PPID's submit and cancel, or the head's decision.
    static func forms(_ page: PageContext, _ m: Model, state: FormState?) -> Node<HTML.BodyContext> {
        let ctx = m.ctx, mayPrepare = m.mayPrepare, mayDecide = m.mayDecide
        return .group(
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
                                .text(page.t("Tidak setuju — kembalikan", "Return with a note")))))))
    }

    static func day(_ date: LocalDate, _ page: PageContext) -> String { page.date(date) }

    static func itemBox(
        _ page: PageContext, _ ctx: PeriodActionContext, _ item: PeriodActionItem, editable: Bool, state: FormState?
    )
        -> Node<HTML.BodyContext>
    {
        guard let entry = ctx.entry(of: item) else { return .empty }
        let itemID = item.storedID
        let period = try? JSONDecoder().decode(ExemptionPeriod.self, from: Data(entry.period.utf8))
        let ground = ExemptionGround(code: entry.groundCode)?.citation ?? entry.groundCode
        let due = entry.openingDecreeDue.map(page.date) ?? "—"
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

    static func openingSummary(_ page: PageContext, _ item: PeriodActionItem) -> String {
        let responsible = item.responsible.map { page.t("Penanggung jawab: ", "Responsible: ") + $0 }
        let retention = item.retention.map { page.t("Retensi: ", "Retention: ") + $0 }
        return [item.summary, responsible, retention].compactMap { $0 }.joined(separator: " · ")
    }

    static func openingForm(
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
