import DikelolaCore
import Foundation
import Plot
import Vapor

/// The page of one register entry (see `EntryController`).
enum EntryView {
    struct Model {
        let loaded: EntryController.Loaded
        let mayRecord: Bool
        let notice: String?
        let today: LocalDate
        let calendar: WorkingDayCalendar
    }

    static func page(_ page: PageContext, _ m: Model, state: FormState?, status: HTTPStatus) -> Response {
        let entry = m.loaded.entry
        let exempted = entry.status.isExempted
        let response = Layout.page(
            page, title: "\(entry.registerNumber) — \(entry.title)",
            .h1(.text("\(entry.registerNumber) — \(entry.title)")),
            .unwrap(m.notice) { Layout.notice($0, kind: "ok") },
            .unwrap(state?.message) { Layout.notice($0, kind: "error") },
            facts(page, m),
            .p(
                .a(
                    .href(SiteURL.entryDossier(entry.id).path),
                    .text(page.t("Berkas bukti (PDF dengan daftar isi, ZIP dokumen asli)", "Dossier (PDF with index, ZIP of originals)")))),
            .h2(.text(page.t("Keberatan dan sengketa informasi", "Objections and information disputes"))),
            .p(
                .small(
                    .text(
                        page.t(
                            "Permohonan yang ditolak dapat diajukan keberatan kepada atasan PPID dalam 30 hari kerja, ditanggapi dalam 30 hari kerja, lalu diajukan ke Komisi Informasi dalam 14 hari kerja (UU 14/2008 Pasal 36–37). Informasi yang dibuka melalui keberatan atau sengketa tidak dapat dikecualikan lagi (\(OpenedByRuling.article)).",
                            "A refused request may be objected to within 30 working days, answered within 30, then taken to the Information Commission within 14 (Law 14/2008 Art. 36–37). Information opened through an objection or dispute can never be exempted again."
                        )))),
            .if(m.loaded.disputes.isEmpty, .p(.text(page.t("Belum ada keberatan atau sengketa.", "No objection or dispute yet.")))),
            .forEach(Array(m.loaded.disputes.enumerated())) { index, pair in
                disputeBox(page, m, number: index + 1, pair.dispute, pair.rulings, state: state)
            },
            .if(m.mayRecord && exempted, newDisputeForm(page, entryID: entry.id, state: state)),
            .h2(.text(page.t("Riwayat", "History"))),
            .ul(
                .forEach(m.loaded.history) { event in
                    .li(
                        .text(
                            Dates.show(event.occurredAt, page, zone: m.loaded.body.zone) + " — "
                                + (event.summaryAfter ?? event.action)))
                })
        )
        response.status = status
        return response
    }

    /// What the entry is, and how it stands.
    static func facts(_ page: PageContext, _ m: Model) -> Node<HTML.BodyContext> {
        let l = m.loaded, entry = l.entry
        let opening = l.openingRuling
        let ground = ExemptionGround(code: entry.groundCode)
        return .group(
            .unwrap(l.openedElsewhere) { info in
                Layout.notice(
                    page.t(
                        "Informasi yang sama telah dibuka: \(info.registerNumber) berdasarkan \(info.ruling). Informasi itu tidak dapat dikecualikan lagi (\(OpenedByRuling.article)); bukalah entri ini.",
                        "The same information was opened: \(info.registerNumber) by \(info.ruling). It can never be exempted again; open this entry."),
                    kind: "error")
            },
            .if(
                l.openedElsewhere != nil && m.mayRecord,
                .form(
                    .action(SiteURL.entryOpenLikewise(entry.id).path), .method(.post), Layout.csrfField(page),
                    .button(.type(.submit), .text(page.t("Buka berdasarkan putusan yang sama", "Open it by the same decision"))))),
            .unwrap(opening) { ruling in
                Layout.notice(
                    page.t(
                        "Dibuka sejak \(entry.openedOn.map(page.date) ?? "—") berdasarkan \(ruling.citation). Informasi ini tidak dapat dikecualikan lagi (\(OpenedByRuling.article)).",
                        "Opened since \(entry.openedOn.map(page.date) ?? "—") by \(ruling.citation). It can never be exempted again."),
                    kind: "ok")
            },
            .dl(
                .dt(.text(page.t("Unit", "Unit"))), .dd(.a(.href(SiteURL.unitRegister(l.unit.id).path), .text(l.unit.name))),
                .dt(.text(page.t("Keadaan", "Status"))), .dd(.text(statusText(page, entry, opening: opening, l.openingDecree))),
                .dt(.text(page.t("Dasar hukum", "Legal basis"))),
                .dd(.text((ground?.citation ?? entry.groundCode) + (entry.otherStatute.map { " jo. \($0)" } ?? ""))),
                .dt(.text(page.t("Konsekuensi bila dibuka", "If opened"))), .dd(.text(entry.ifOpened)),
                .dt(.text(page.t("Konsekuensi bila ditutup", "If closed"))), .dd(.text(entry.ifClosed)),
                .dt(.text(page.t("Alasan (internal)", "Reason (internal)"))), .dd(.text(entry.reason)),
                .dt(.text(page.t("Berakhir", "Ends"))),
                .dd(
                    .text(
                        entry.endDate.map(page.date)
                            ?? entry.reviewDate.map { page.t("peristiwa; ditinjau ", "event; review ") + page.date($0) } ?? "—")),
                .unwrap(l.decree) { decree in
                    .group(
                        .dt(.text(page.t("Surat penetapan", "Decree"))),
                        .dd(.a(.href(SiteURL.decree(decree.id).path), .text("\(decree.number), \(page.date(decree.decreeDate))"))))
                })
        )
    }

    static func statusText(_ page: PageContext, _ entry: RegisterEntry, opening: Ruling?, _ decree: Decree?) -> String {
        let since = entry.openedOn.map(page.date) ?? "—"
        switch entry.status {
        case .opened:
            if let opening { return page.t("Terbuka sejak \(since) berdasarkan \(opening.citation)", "Open since \(since) by \(opening.citation)") }
            if let decree { return page.t("Dibuka sejak \(since) dengan \(decree.number)", "Opened since \(since) by \(decree.number)") }
            return page.t("Terbuka demi hukum sejak \(since) (PP 61/2010 Pasal 11 ayat 3)", "Public by law since \(since)")
        case .reclassified: return page.t("Diklasifikasikan ulang", "Re-classified")
        case .exempted: return page.t("Dikecualikan", "Exempted")
        case .endingSoon: return page.t("Akan berakhir", "Ending soon")
        case .reviewDue: return page.t("Perlu ditinjau", "Review due")
        }
    }

    // MARK: Disputes

    static func disputeBox(
        _ page: PageContext, _ m: Model, number: Int, _ dispute: InformationDispute, _ rulings: [Ruling], state: FormState?
    ) -> Node<HTML.BodyContext> {
        let dates = RulingQueries.dates(dispute, rulings: rulings)
        let timeline = try? DisputeTimeline(dates, today: m.today, calendar: m.calendar)
        let open = m.mayRecord && m.loaded.entry.status.isExempted
        return .section(
            .class("box"),
            .h3(
                .text(
                    page.t("Sengketa \(number): permohonan \(dispute.requestReference)", "Dispute \(number): request \(dispute.requestReference)"))),
            .unwrap(timeline) { stagesTable(page, $0) },
            .if(
                !rulings.isEmpty,
                .group(
                    .h4(.text(page.t("Keputusan", "Decisions"))),
                    .ul(.forEach(rulings) { rulingItem(page, $0, mayRecord: m.mayRecord, entryOpen: !m.loaded.entry.status.isExempted) }))),
            .if(open, datesForm(page, dispute, state: state)),
            .if(open, EntryView.rulingForm(page, dispute, state: state))
        )
    }

    static func stagesTable(_ page: PageContext, _ timeline: DisputeTimeline) -> Node<HTML.BodyContext> {
        .table(
            .class("register"),
            .tr(
                .th(.text(page.t("Tahap", "Stage"))), .th(.text(page.t("Dihitung sejak", "From"))),
                .th(.text(page.t("Batas", "Due"))), .th(.text(page.t("Keadaan", "State")))),
            .forEach(timeline.stages) { stage in
                let provisional = stage.provisionalYears.isEmpty
                    ? ""
                    : page.t(
                        " (sementara: hari libur \(stage.provisionalYears.map(String.init).joined(separator: ", ")) belum ditetapkan)",
                        " (provisional: holidays of \(stage.provisionalYears.map(String.init).joined(separator: ", ")) not yet set)")
                return .tr(
                    .td(.text(page.t(stage.kind.indonesian, stage.kind.english)), .br(), .small(.text(stage.kind.article))),
                    .td(.text(page.date(stage.from))),
                    .td(
                        .text(page.date(stage.due)),
                        .small(.text(" — \(stage.kind.workingDays) " + page.t("hari kerja", "working days") + provisional))),
                    .td(.text(stateText(page, stage))))
            })
    }

    static func stateText(_ page: PageContext, _ stage: DisputeTimeline.Stage) -> String {
        switch stage.state {
        case let .done(on): return page.t("Selesai \(page.date(on))", "Done \(page.date(on))")
        case .running(overdue: false): return page.t("Berjalan", "Running")
        case .running(overdue: true): return page.t("TERLAMBAT — belum ditanggapi", "OVERDUE — not answered")
        case .lapsed:
            return stage.kind == .challenge
                ? page.t("Lewat: putusan tidak digugat", "Passed: the ruling was not challenged")
                : page.t("Lewat: tidak diajukan", "Passed: not lodged")
        case .notNeeded: return page.t("Tidak diperlukan: sengketa selesai", "Not needed: the dispute ended")
        }
    }

    static func rulingItem(_ page: PageContext, _ ruling: Ruling, mayRecord: Bool, entryOpen: Bool) -> Node<HTML.ListContext> {
        let force =
            ruling.kind.bindsTheBodyAtOnce
            ? "" : ruling.hasLegalForce
                ? page.t(" — berkekuatan hukum tetap", " — with legal force")
                : page.t(" — belum berkekuatan hukum tetap", " — without legal force yet")
        return .li(
            .strong(.text(ruling.citation)), .text(" — " + page.t(ruling.order.indonesian, ruling.order.english) + force),
            .unwrap(ruling.openedOn) { .text(page.t(" — membuka informasi sejak \(page.date($0))", " — opened the information on \(page.date($0))")) },
            .p(.text(page.t("Amar: ", "Order: ") + ruling.orderText)),
            .p(
                .small(
                    .a(.href(SiteURL.rulingDocument(ruling.id).path), .text(page.t("Dokumen", "Document"))),
                    .text(" SHA-256 "), .code(.text(ruling.documentSHA256)))),
            .if(
                mayRecord && !ruling.hasLegalForce && !(ruling.order == .open && entryOpen),
                .form(
                    .action(SiteURL.rulingLegalForce(ruling.id).path), .method(.post), Layout.csrfField(page),
                    .button(
                        .type(.submit), .class("secondary"),
                        .text(page.t("Nyatakan berkekuatan hukum tetap", "Declare it has legal force"))))))
    }
}
