import DikelolaCore
import Foundation
import Plot
import Vapor

/// A form on the proposal page that was refused: which one, what was typed, what is wrong.
struct FormState {
    var form: String
    var values: FormValues
    var errors: [String: String]
    var message: String?

    func value(_ form: String, _ field: String, default fallback: String = "") -> String {
        self.form == form ? (values.optional(field) ?? fallback) : fallback
    }

    func error(_ form: String, _ field: String) -> String? { self.form == form ? errors[field] : nil }
}

/// The proposal page: where it stands, who acts, what is missing, its items and tests, its history.
enum ProposalPageView {
    struct DocumentRow {
        let id: UUID
        let name: String
        let requirement: String?
        let itemTitle: String?
        let size: Int
        let sha256: String
    }

    static func render(
        _ ctx: PageContext, _ p: ProposalView, documents: [DocumentRow] = [], state: FormState?, notice: String?,
        status: HTTPStatus = .ok
    ) -> Response {
        let step = p.currentStep
        let canAct = step?.youMayAct ?? false
        let effect = step.flatMap { StepEffect(rawValue: $0.effect) }
        return Layout.page(
            ctx, title: p.title, status: status,
            .p(.a(.href(SiteURL.unit(p.unitID).path), .text(ctx.t("← Usulan unit", "← Unit's proposals")))),
            .h1(.text(p.title)),
            .p(.small(.text("SOP \(p.sop.number) — \(p.sop.name) (\(p.sop.body))"))),
            .unwrap(notice) { Layout.notice($0, kind: "ok") },
            .unwrap(state?.message) { Layout.notice($0, kind: "error") },
            .unwrap(p.decree) { decree in
                .p(
                    .strong(.text(ctx.t("Surat penetapan: ", "Decree: "))),
                    .a(.href(SiteURL.decree(decree.id).path), .text(decree.number)))
            },
            .if(
                p.status == "completed",
                Layout.notice(ctx.t("Usulan ini sudah selesai.", "This proposal is complete."), kind: "ok")),
            .unwrap(step) { step in stepBox(ctx, p, step, state: state) },
            .h2(.text(ctx.t("Daftar informasi", "Information items"))),
            .if(p.items.isEmpty, .p(.text(ctx.t("Belum ada informasi.", "No items yet.")))),
            .forEach(p.items) { item in itemBox(ctx, p, item, canAct: canAct, effect: effect, state: state) },
            .if(canAct && (effect?.allowsEditingItems ?? false), addItemForm(ctx, p, state: state)),
            .h2(.text(ctx.t("Berkas", "Documents"))),
            .if(documents.isEmpty, .p(.text(ctx.t("Belum ada berkas.", "No documents yet.")))),
            .if(
                !documents.isEmpty,
                .table(
                    .tr(
                        .th(.text(ctx.t("Berkas", "File"))), .th(.text(ctx.t("Untuk", "For"))),
                        .th(.text(ctx.t("Ukuran", "Size"))), .th(.text("SHA-256"))),
                    .forEach(documents) { document in
                        .tr(
                            .td(.a(.href(SiteURL.proposalDocument(p.id, document.id).path), .text(document.name))),
                            .td(
                                .text(document.requirement ?? document.itemTitle.map { ctx.t("salinan: ", "copy: ") + $0 } ?? "")),
                            .td(.text("\(max(1, document.size / 1024)) KB")),
                            .td(.small(.text(String(document.sha256.prefix(16)) + "…"))))
                    })),
            .h2(.text(ctx.t("Riwayat langkah", "Steps taken"))),
            .if(p.history.isEmpty, .p(.text(ctx.t("Belum ada langkah yang diselesaikan.", "No step completed yet.")))),
            .if(
                !p.history.isEmpty,
                .table(
                    .tr(
                        .th(.text(ctx.t("Langkah", "Step"))), .th(.text(ctx.t("Peran", "Role"))),
                        .th(.text(ctx.t("Selesai", "Completed"))), .th(.text(ctx.t("Keputusan", "Decision"))),
                        .th(.text(ctx.t("Catatan", "Note")))),
                    .forEach(p.history) { entry in
                        .tr(
                            .td(.text(String(entry.stepNumber))),
                            .td(.text(Role(rawValue: entry.actorRole)?.indonesianTitle ?? entry.actorRole)),
                            .td(.text(Dates.show(entry.completedAt, ctx, zone: TimeZoneRegion(rawValue: p.timeZone) ?? .wib))),
                            .td(
                                .text(
                                    entry.decision == "agree"
                                        ? ctx.t("setuju", "agree")
                                        : entry.decision == "disagree" ? ctx.t("tidak setuju", "disagree") : "—")),
                            .td(.text(entry.note ?? "")))
                    }
                ))
        )
    }

    static func stepBox(_ ctx: PageContext, _ p: ProposalView, _ step: ProposalView.Step, state: FormState?) -> Node<
        HTML.BodyContext
    > {
        let effect = StepEffect(rawValue: step.effect)
        return .section(
            .class("step"), .data(named: "step", value: String(step.number)), .data(named: "effect", value: step.effect),
            .data(named: "actor", value: step.actorRole),
            .h2(.text(ctx.t("Langkah \(step.number): ", "Step \(step.number): ") + (effect?.indonesian ?? step.effect))),
            .p(.text(step.activity)),
            .p(
                .strong(.text(ctx.t("Pelaksana: ", "Actor: "))), .text(step.actorTitle),
                .text(" · "), .strong(.text(ctx.t("Waktu: ", "Time: "))), .text(step.timeStandard),
                .unwrap(step.dueAt) { due in
                    .group(
                        .text(" · "), .strong(.text(ctx.t("Tenggat: ", "Due: "))),
                        .text(Dates.show(due, ctx, zone: TimeZoneRegion(rawValue: p.timeZone) ?? .wib)),
                        .if(step.overdue, .span(.class("overdue"), .text(ctx.t(" — terlambat", " — overdue")))))
                }),
            .if(
                !step.requiredDocuments.isEmpty,
                .group(
                    .h3(.text(ctx.t("Kelengkapan", "Required documents"))),
                    .ul(
                        .forEach(step.requiredDocuments) { requirement in
                            .li(
                                .text(requirement.satisfied ? "✔ " : "✘ "), .text(requirement.name),
                                .if(!requirement.satisfied, .small(.text(ctx.t(" (belum ada)", " (missing)")))))
                        })
                )),
            .if(
                !step.blockers.isEmpty,
                .group(
                    .h3(.text(ctx.t("Yang masih kurang", "Still missing"))),
                    .ul(.forEach(step.blockers) { .li(.text($0)) })
                )),
            .if(step.youMayAct, actions(ctx, p, step, state: state)),
            .if(
                !step.youMayAct,
                .p(
                    .small(
                        .text(
                            ctx.t(
                                "Langkah ini dikerjakan oleh \(step.actorTitle).",
                                "This step is done by \(step.actorTitle).")))))
        )
    }

    static func actions(_ ctx: PageContext, _ p: ProposalView, _ step: ProposalView.Step, state: FormState?) -> Node<
        HTML.BodyContext
    > {
        let effect = StepEffect(rawValue: step.effect)
        let uploads = step.requiredDocuments.filter {
            !$0.satisfied && DocumentRequirement(name: $0.name) != .itemList
                && DocumentRequirement(name: $0.name) != .testSheets
        }
        return .group(
            .if(
                effect == .instruct,
                .form(
                    .class("stack"), .action(SiteURL.proposalMemo(p.id).path), .method(.post), Layout.csrfField(ctx),
                    Layout.field(
                        "memoNumber", published: .internalOnly, label: ctx.t("Nomor nota dinas", "Memo number"),
                        value: state?.value("memo", "memoNumber") ?? p.memoNumber ?? "",
                        autocomplete: "off", error: state?.error("memo", "memoNumber")),
                    FormFields.textarea(
                        "memoText", published: .internalOnly, label: ctx.t("Isi perintah", "Instruction"), value: state?.value("memo", "memoText") ?? ""),
                    .button(.type(.submit), .text(ctx.t("Simpan nota dinas", "Save memo"))))),
            .if(
                effect == .advise,
                .form(
                    .class("stack"), .action(SiteURL.proposalOpinion(p.id).path), .method(.post), Layout.csrfField(ctx),
                    FormFields.textarea(
                        "panelOpinion", published: .internalOnly, label: ctx.t("Pertimbangan Tim Pertimbangan", "The panel's opinion"),
                        value: state?.value("opinion", "panelOpinion") ?? p.panelOpinion ?? "",
                        error: state?.error("opinion", "panelOpinion")),
                    .button(.type(.submit), .text(ctx.t("Simpan pertimbangan", "Save opinion"))))),
            .if(
                (effect?.allowsEditingItems ?? false),
                .element(
                    named: "details",
                    nodes: [
                        .attribute(named: "open", value: state?.form == "meeting" ? "open" : nil),
                        .element(named: "summary", text: ctx.t("Rapat uji konsekuensi", "The test meeting")),
                        .form(
                            .class("stack"), .action(SiteURL.proposalMeeting(p.id).path), .method(.post), Layout.csrfField(ctx),
                            Layout.field(
                                "meetingDate", published: .internalOnly, label: ctx.t("Tanggal", "Date"), type: .date,
                                value: state?.value("meeting", "meetingDate") ?? p.meetingDate ?? "", autocomplete: "off",
                                error: state?.error("meeting", "meetingDate")),
                            Layout.field(
                                "meetingPlace", published: .internalOnly, label: ctx.t("Tempat", "Place"),
                                value: state?.value("meeting", "meetingPlace") ?? p.meetingPlace ?? "",
                                autocomplete: "off", error: state?.error("meeting", "meetingPlace")),
                            FormFields.textarea(
                                "meetingParticipants", published: .internalOnly,
                                label: ctx.t(
                                    "Peserta (satu per baris: Nama — Jabatan)", "Participants (one per line: Name — Position)"),
                                value: state?.value("meeting", "meetingParticipants") ?? p.meetingParticipants ?? "",
                                error: state?.error("meeting", "meetingParticipants")),
                            .button(.type(.submit), .text(ctx.t("Simpan rapat", "Save meeting")))),
                        .p(
                            .a(
                                .href(SiteURL.proposalTestSheet(p.id).path),
                                .text(ctx.t("Cetak lembar pengujian konsekuensi", "Print the test sheet")))),
                        .form(
                            .class("stack"), .action(SiteURL.proposalUpload(p.id).path), .method(.post), .enctype(.multipartData),
                            Layout.csrfField(ctx),
                            .input(.type(.hidden), .name("requirement"), .value(ProposalService.signedTestSheet)),
                            .input(.type(.hidden), .name("form"), .value("signed-sheet")),
                            fileField(
                                ctx, id: "signed-sheet", error: state?.form == "signed-sheet" ? state?.errors["file"] : nil),
                            .button(
                                .type(.submit),
                                .text(
                                    ctx.t(
                                        "Unggah lembar yang sudah ditandatangani peserta",
                                        "Upload the sheet signed by the participants")))),
                    ])),
            .if(
                !uploads.isEmpty,
                .form(
                    .class("stack"), .action(SiteURL.proposalUpload(p.id).path), .method(.post), .enctype(.multipartData),
                    Layout.csrfField(ctx),
                    FormFields.select(
                        "requirement", published: .internalOnly, label: ctx.t("Unggah kelengkapan", "Upload a required document"),
                        options: uploads.map { ($0.name, $0.name) }, selected: nil, error: state?.error("upload", "requirement")),
                    fileField(ctx, error: state?.error("upload", "file")),
                    .button(.type(.submit), .text(ctx.t("Unggah", "Upload"))))),
            completeForm(ctx, p, step, state: state)
        )
    }

    static func fileField(_ ctx: PageContext, id: String = "file", error: String?) -> Node<HTML.FormContext> {
        .div(
            .class(error == nil ? "field" : "field invalid"),
            .label(
                .for(id), .text(ctx.t("Berkas (PDF, gambar, atau dokumen Office)", "File (PDF, image or office document)")),
                Layout.visibilityTag(.internalOnly)),
            .input(.type(.file), .id(id), .name("file")),
            .unwrap(error) { .p(.class("error"), .text($0)) })
    }

    static func completeForm(_ ctx: PageContext, _ p: ProposalView, _ step: ProposalView.Step, state: FormState?) -> Node<
        HTML.BodyContext
    > {
        let action = SiteURL.proposalStep(p.id, step.number).path
        guard step.onDisagree != nil else {
            return .form(
                .class("stack"), .action(action), .method(.post), Layout.csrfField(ctx),
                .input(.type(.hidden), .name("version"), .value(String(p.version))),
                .button(.type(.submit), .text(ctx.t("Selesaikan langkah \(step.number)", "Complete step \(step.number)"))))
        }
        return .group(
            .form(
                .class("inline"), .action(action), .method(.post), Layout.csrfField(ctx),
                .input(.type(.hidden), .name("version"), .value(String(p.version))),
                .input(.type(.hidden), .name("decision"), .value("agree")),
                .button(.type(.submit), .text(ctx.t("Setuju", "Agree")))),
            .form(
                .class("stack"), .action(action), .method(.post), Layout.csrfField(ctx),
                .input(.type(.hidden), .name("version"), .value(String(p.version))),
                .input(.type(.hidden), .name("decision"), .value("disagree")),
                FormFields.textarea(
                    "note", published: .internalOnly,
                    label: ctx.t(
                        "Tidak setuju — kembalikan ke langkah \(step.onDisagree!) dengan catatan",
                        "Disagree — return to step \(step.onDisagree!) with a note"),
                    value: state?.value("step", "note") ?? "", rows: 3, error: state?.error("step", "note")),
                .button(.type(.submit), .class("secondary"), .text(ctx.t("Tidak setuju", "Disagree"))))
        )
    }

    static func itemBox(
        _ ctx: PageContext, _ p: ProposalView, _ item: ProposalView.Item, canAct: Bool, effect: StepEffect?,
        state: FormState?
    ) -> Node<HTML.BodyContext> {
        let formID = "test-\(item.id)"
        let locationID = "location-\(item.id)"
        return .section(
            .class("item"), .id("informasi-\(item.id)"),
            .data(named: "tested", value: item.test == nil ? "no" : "yes"),
            .data(named: "located", value: item.location.isEmpty ? "no" : "yes"),
            .h3(.text(item.title)),
            .p(.text(item.description)),
            .p(
                .small(
                    .text(
                        [
                            ctx.t("Bentuk: ", "Form: ") + Labels.form(item.form, ctx),
                            item.madeWhen.map { ctx.t("Dibuat: ", "Made: ") + $0 },
                            item.madeWhere, item.archiveCode.map { ctx.t("Kode klasifikasi: ", "Classification code: ") + $0 },
                            item.location.isEmpty
                                ? nil : ctx.t("Lokasi: ", "Location: ") + item.location.joined(separator: " / "),
                        ]
                        .compactMap { $0 }.joined(separator: " · ")))),
            .unwrap(item.test) { test in
                .table(
                    .tr(
                        .th(.text(ctx.t("Putusan", "Verdict"))),
                        .td(
                            .text(
                                Labels.verdict(test.verdict, ctx)
                                    + (test.parts.isEmpty
                                        ? ""
                                        : " — " + ctx.t("dihitamkan: ", "blacked out: ") + test.parts.joined(separator: ", "))))),
                    .tr(
                        .th(.text(ctx.t("Dasar hukum", "Legal basis"))),
                        .td(
                            .text([test.ground, test.otherStatute].compactMap { $0 }.joined(separator: " jo. ")),
                            .unwrap(test.groundLabel) { .small(.text(" — " + $0)) })),
                    .tr(.th(.text(ctx.t("Bila dibuka", "If opened"))), .td(.text(test.consequenceIfOpened))),
                    .tr(.th(.text(ctx.t("Bila ditutup", "If kept closed"))), .td(.text(test.consequenceIfClosed))),
                    .tr(.th(.text(ctx.t("Jangka waktu", "Period"))), .td(.text(test.periodDescription ?? "—"))),
                    .tr(.th(.text(ctx.t("Alasan", "Reason"))), .td(.text(test.reason)))
                )
            },
            .if(item.test == nil, .p(.class("pending"), .text(ctx.t("Belum diuji konsekuensi.", "Not yet tested.")))),
            .ul(.class("findings"), .forEach(item.findings) { .li(.text($0)) }),
            .if(canAct && (effect?.allowsEditingItems ?? false), editItem(ctx, p, item, state: state)),
            .if(
                canAct && (effect?.allowsTesting ?? false),
                .element(
                    named: "details",
                    nodes: [
                        .attribute(named: "open", value: state?.form == formID ? "open" : nil),
                        .element(named: "summary", text: ctx.t("Isi uji konsekuensi", "Fill in the consequence test")),
                        testForm(ctx, p, item, formID: formID, state: state),
                    ])),
            .if(
                canAct,
                .element(
                    named: "details",
                    nodes: [
                        .attribute(named: "open", value: state?.form == locationID ? "open" : nil),
                        .element(
                            named: "summary",
                            text: ctx.t("Lokasi salinan keras dan salinan lunak", "Hard-copy location and soft copy")),
                        .form(
                            .class("stack"), .action(SiteURL.proposalLocation(p.id, item.id).path), .method(.post),
                            Layout.csrfField(ctx),
                            .input(.type(.hidden), .name("form"), .value(locationID)),
                            .forEach([
                                ("building", ctx.t("Gedung", "Building")), ("room", ctx.t("Ruang", "Room")),
                                ("cabinet", ctx.t("Lemari", "Cabinet")),
                                ("box", ctx.t("Boks", "Box")), ("folder", ctx.t("Map", "Folder")),
                            ]) { field in
                                Layout.field(
                                    field.0, published: .internalOnly, label: field.1, value: state?.value(locationID, field.0) ?? "", autocomplete: "off",
                                    idPrefix: "\(item.id)-")
                            },
                            .unwrap(state?.error(locationID, "location")) { .p(.class("error"), .text($0)) },
                            .button(.type(.submit), .text(ctx.t("Simpan lokasi", "Save location")))),
                        .form(
                            .class("stack"), .action(SiteURL.proposalUpload(p.id).path), .method(.post), .enctype(.multipartData),
                            Layout.csrfField(ctx),
                            .input(.type(.hidden), .name("itemID"), .value(item.id.uuidString)),
                            .input(.type(.hidden), .name("form"), .value("upload-\(item.id)")),
                            fileField(
                                ctx, id: "file-\(item.id)",
                                error: state?.form == "upload-\(item.id)" ? state?.errors["file"] : nil),
                            .button(.type(.submit), .text(ctx.t("Unggah salinan lunak", "Upload soft copy")))),
                    ]))
        )
    }

    static func testForm(
        _ ctx: PageContext, _ proposal: ProposalView, _ item: ProposalView.Item, formID: String,
        state: FormState?
    ) -> Node<HTML.BodyContext> {
        testForm(
            ctx, action: SiteURL.proposalTest(proposal.id, item.id).path, test: item.test, prefix: "\(item.id)-", formID: formID,
            state: state)
    }

    /// The consequence test as a form: the ground from the Pasal 17 catalog, the period by its kind.
    static func testForm(
        _ ctx: PageContext, action: String, test: ProposalView.Test?, prefix: String, formID: String, state: FormState?,
        verdictOptions: [String] = ["closed", "partlyClosed", "open"]
    ) -> Node<HTML.BodyContext> {
        func value(_ field: String, _ fallback: String) -> String { state?.value(formID, field, default: fallback) ?? fallback }
        func error(_ field: String) -> String? { state?.error(formID, field) }
        let fields = PeriodFields(test?.period)
        let grounds =
            [("", ctx.t("(pilih dasar hukum — kosongkan bila terbuka)", "(choose the ground — empty if open)"))]
            + ExemptionGround.catalog.map {
                ($0.code, "\($0.citation) — \(ctx.language == .indonesian ? $0.label : $0.englishLabel)")
            }
        let verdicts = [
            ("closed", ctx.t("Dikecualikan", "Exempted")), ("partlyClosed", ctx.t("Dikecualikan sebagian", "Partly exempted")),
            ("open", ctx.t("Terbuka (masuk DIP)", "Open (to the DIP)")),
        ].filter { verdictOptions.contains($0.0) }
        let kinds = [
            ("length", ctx.t("Lama waktu sejak tanggal", "A length from a date")),
            ("until", ctx.t("Sampai tanggal", "Until a date")),
            ("event", ctx.t("Sampai suatu peristiwa", "Until an event")),
            ("statute", ctx.t("Sesuai peraturan perundang-undangan", "As the statute sets")),
        ]
        return .form(
            .class("stack"), .action(action), .method(.post), Layout.csrfField(ctx),
            .data(named: "period-preview", value: SiteURL.periodPreview.path),
            .input(.type(.hidden), .name("form"), .value(formID)),
            FormFields.select(
                "ground", published: .published, label: ctx.t("Dasar hukum (Pasal 17 UU 14/2008)", "Ground (Article 17, Law 14/2008)"), options: grounds,
                selected: value("ground", test?.ground.flatMap { try? GroundCitation.parse($0).ground.code } ?? ""),
                error: error("ground"), idPrefix: prefix),
            Layout.field(
                "otherStatute", published: .published,
                label: ctx.t("Peraturan lain yang menjadi dasar (huruf b, g, i, j)", "Other statute (letters b, g, i, j)"),
                value: value("otherStatute", test?.otherStatute ?? ""), autocomplete: "off", error: error("otherStatute"),
                idPrefix: prefix),
            FormFields.textarea(
                "consequenceIfOpened", published: .published, label: ctx.t("Konsekuensi bila dibuka", "Consequence if opened"),
                value: value("consequenceIfOpened", test?.consequenceIfOpened ?? ""), error: error("consequenceIfOpened"),
                hint: ctx.t(Labels.publishedHint, Labels.publishedHintEnglish), idPrefix: prefix),
            FormFields.textarea(
                "consequenceIfClosed", published: .published,
                label: ctx.t("Konsekuensi bila ditutup (kepentingan publik)", "Consequence if kept closed (public interest)"),
                value: value("consequenceIfClosed", test?.consequenceIfClosed ?? ""), error: error("consequenceIfClosed"),
                idPrefix: prefix),
            FormFields.select(
                "verdict", published: .published, label: ctx.t("Putusan", "Verdict"), options: verdicts,
                selected: value("verdict", test?.verdict ?? "closed"),
                error: error("verdict"), idPrefix: prefix),
            Layout.field(
                "parts", published: .internalOnly, label: ctx.t("Bagian yang dihitamkan (pisahkan dengan koma)", "Parts blacked out (comma-separated)"),
                value: value("parts", test?.parts.joined(separator: ", ") ?? ""), autocomplete: "off", error: error("parts"),
                idPrefix: prefix),
            FormFields.select(
                "periodKind", published: .published, label: ctx.t("Jenis jangka waktu", "Kind of period"), options: kinds,
                selected: value("periodKind", fields.kind), error: error("period"), idPrefix: prefix),
            Layout.field(
                "years", published: .published, label: ctx.t("Tahun", "Years"), type: .number, value: value("years", fields.years), autocomplete: "off",
                idPrefix: prefix),
            Layout.field(
                "months", published: .published, label: ctx.t("Bulan", "Months"), type: .number, value: value("months", fields.months),
                autocomplete: "off", idPrefix: prefix),
            Layout.field(
                "from", published: .published, label: ctx.t("Sejak tanggal", "From"), type: .date, value: value("from", fields.from),
                autocomplete: "off", idPrefix: prefix),
            Layout.field(
                "end", published: .published, label: ctx.t("Sampai tanggal / paling lambat", "Until / at the latest"), type: .date,
                value: value("end", fields.end),
                autocomplete: "off", idPrefix: prefix),
            Layout.field(
                "event", published: .published, label: ctx.t("Peristiwa yang mengakhiri", "Ending event"), value: value("event", fields.event),
                autocomplete: "off", idPrefix: prefix),
            Layout.field(
                "reviewOn", published: .published, label: ctx.t("Tanggal peninjauan", "Review date"), type: .date,
                value: value("reviewOn", fields.reviewOn),
                autocomplete: "off", idPrefix: prefix),
            Layout.field(
                "statute", published: .published, label: ctx.t("Peraturan yang menetapkan jangka waktu", "Statute setting the period"),
                value: value("statute", fields.statute), autocomplete: "off", idPrefix: prefix),
            .element(
                named: "output", nodes: [.class("period-preview"), .attribute(named: "aria-live", value: "polite")]),
            FormFields.textarea(
                "reason", published: .internalOnly, label: ctx.t("Alasan", "Reason"), value: value("reason", test?.reason ?? ""),
                error: error("reason"), hint: ctx.t(Labels.internalHint, Labels.internalHintEnglish), idPrefix: prefix),
            .button(.type(.submit), .text(ctx.t("Simpan uji konsekuensi", "Save the test")))
        )
    }

    static func editItem(_ ctx: PageContext, _ p: ProposalView, _ item: ProposalView.Item, state: FormState?) -> Node<
        HTML.BodyContext
    > {
        let formID = "edit-\(item.id)"
        func value(_ field: String, _ fallback: String) -> String { state?.value(formID, field, default: fallback) ?? fallback }
        return .element(
            named: "details",
            nodes: [
                .attribute(named: "open", value: state?.form == formID ? "open" : nil),
                .element(named: "summary", text: ctx.t("Ubah atau hapus informasi ini", "Edit or remove this item")),
                .form(
                    .class("stack"), .action(SiteURL.proposalItem(p.id, item.id).path), .method(.post), Layout.csrfField(ctx),
                    Layout.field(
                        "title", published: .published, label: ctx.t("Judul informasi", "Title"), value: value("title", item.title), autocomplete: "off",
                        error: state?.error(formID, "title"), idPrefix: "edit-\(item.id)-"),
                    FormFields.textarea(
                        "description", published: .internalOnly, label: ctx.t("Uraian", "Description"), value: value("description", item.description),
                        error: state?.error(formID, "description"), idPrefix: "edit-\(item.id)-"),
                    FormFields.select(
                        "form", published: .internalOnly, label: ctx.t("Bentuk", "Form"),
                        options: [
                            ("both", ctx.t("Softcopy dan hardcopy", "Soft and hard copy")), ("soft", "Softcopy"),
                            ("hard", "Hardcopy"),
                        ],
                        selected: value("form", item.form), error: state?.error(formID, "form"), idPrefix: "edit-\(item.id)-"),
                    Layout.field(
                        "madeWhen", published: .internalOnly, label: ctx.t("Waktu pembuatan", "When made"), value: value("madeWhen", item.madeWhen ?? ""),
                        autocomplete: "off", idPrefix: "edit-\(item.id)-"),
                    Layout.field(
                        "madeWhere", published: .internalOnly, label: ctx.t("Tempat pembuatan", "Where made"),
                        value: value("madeWhere", item.madeWhere ?? ""),
                        autocomplete: "off", idPrefix: "edit-\(item.id)-"),
                    Layout.field(
                        "archiveCode", published: .internalOnly, label: ctx.t("Kode klasifikasi arsip", "Archive classification code"),
                        value: value("archiveCode", item.archiveCode ?? ""), autocomplete: "off", idPrefix: "edit-\(item.id)-"),
                    .button(.type(.submit), .text(ctx.t("Simpan perubahan", "Save changes")))),
                .form(
                    .class("inline"), .action(SiteURL.proposalItemRemove(p.id, item.id).path), .method(.post),
                    Layout.csrfField(ctx),
                    .button(.type(.submit), .class("secondary"), .text(ctx.t("Hapus dari daftar", "Remove from the list")))),
            ])
    }

    static func addItemForm(_ ctx: PageContext, _ p: ProposalView, state: FormState?) -> Node<HTML.BodyContext> {
        func value(_ field: String, _ fallback: String = "") -> String {
            state?.value("item", field, default: fallback) ?? fallback
        }
        return .section(
            .h3(.text(ctx.t("Tambah informasi", "Add an item"))),
            .form(
                .class("stack"), .action(SiteURL.proposalAddItem(p.id).path), .method(.post), Layout.csrfField(ctx),
                Layout.field(
                    "title", published: .published, label: ctx.t("Judul informasi", "Title"), value: value("title"), autocomplete: "off",
                    error: state?.error("item", "title")),
                FormFields.textarea(
                    "description", published: .internalOnly, label: ctx.t("Uraian", "Description"), value: value("description"),
                    error: state?.error("item", "description"),
                    hint: ctx.t(
                        "Judul dan uraian terbit dalam DIK bila dikecualikan: sebut jenis informasinya, bukan isinya.",
                        "The title and description are published in the register if exempted: name the kind of information, not its content."
                    )),
                FormFields.select(
                    "form", published: .internalOnly, label: ctx.t("Bentuk", "Form"),
                    options: [
                        ("both", ctx.t("Softcopy dan hardcopy", "Soft and hard copy")), ("soft", "Softcopy"),
                        ("hard", "Hardcopy"),
                    ],
                    selected: value("form", "both"), error: state?.error("item", "form")),
                Layout.field(
                    "madeWhen", published: .internalOnly, label: ctx.t("Waktu pembuatan", "When made"), value: value("madeWhen"), autocomplete: "off"),
                Layout.field(
                    "madeWhere", published: .internalOnly, label: ctx.t("Tempat pembuatan", "Where made"), value: value("madeWhere"), autocomplete: "off"),
                Layout.field(
                    "archiveCode", published: .internalOnly, label: ctx.t("Kode klasifikasi arsip (tidak wajib)", "Archive classification code (optional)"),
                    value: value("archiveCode"), autocomplete: "off"),
                .button(.type(.submit), .text(ctx.t("Tambahkan", "Add")))
            )
        )
    }
}

/// The period of a test spread over the form's fields.
struct PeriodFields {
    var kind = "length", years = "", months = "", from = "", end = "", event = "", reviewOn = "", statute = ""

    init(_ period: ExemptionPeriod?) {
        switch period {
        case let .length(length, start)?:
            kind = "length"; years = String(length.years); months = String(length.months); from = start.iso
        case let .until(date)?:
            kind = "until"; end = date.iso
        case let .untilEvent(text, review, latest)?:
            kind = "event"; event = text; reviewOn = review.iso; end = latest?.iso ?? ""
        case let .asStatuteSets(text, date)?:
            kind = "statute"; statute = text; end = date?.iso ?? ""
        case nil:
            break
        }
    }

    /// Reads the period back from a posted form; a field error names what is wrong.
    static func period(from form: FormValues) -> Result<ExemptionPeriod, FieldError> {
        func date(_ name: String, required: Bool) -> Result<LocalDate?, FieldError> {
            guard let text = form[name].nilIfBlank else {
                return required
                    ? .failure(FieldError(field: "period", message: "Tanggal \(Labels.periodField(name)) wajib diisi."))
                    : .success(nil)
            }
            guard let value = LocalDate(iso: text) else {
                return .failure(
                    FieldError(
                        field: "period",
                        message: "Tanggal \(Labels.periodField(name)) tidak valid: tulis tanggal antara tahun 1900 dan 9999."))
            }
            return .success(value)
        }
        func requiredDate(_ name: String) throws -> LocalDate {
            guard let value = try date(name, required: true).get() else {
                throw FieldError(field: "period", message: "Tanggal \(Labels.periodField(name)) wajib diisi.")
            }
            return value
        }
        do {
            switch form["periodKind"] {
            case "length":
                let length: PeriodLength
                do {
                    length = try PeriodLength.parse(years: form["years"], months: form["months"], days: form["days"])
                } catch {
                    return .failure(FieldError(field: "period", message: error.description))
                }
                return .success(.length(length, from: try requiredDate("from")))
            case "until":
                return .success(.until(try requiredDate("end")))
            case "event":
                return .success(
                    .untilEvent(
                        event: form["event"], reviewOn: try requiredDate("reviewOn"),
                        latestEnd: try date("end", required: false).get()))
            case "statute":
                return .success(.asStatuteSets(statute: form["statute"], end: try date("end", required: false).get()))
            default:
                return .failure(FieldError(field: "period", message: "Pilih jenis jangka waktu."))
            }
        } catch let error as FieldError {
            return .failure(error)
        } catch {
            return .failure(FieldError(field: "period", message: "\(error)"))
        }
    }
}

struct FieldError: Error {
    let field: String
    let message: String
}

enum Labels {
    static let publishedHint = "Terbit dalam DIK untuk umum; jangan menulis isi informasi yang dikecualikan."
    static let publishedHintEnglish = "Published in the public register; do not write the exempted content itself."
    static let internalHint = "Untuk pertimbangan surat penetapan dan pembuktian; tidak diumumkan dalam DIK."
    static let internalHintEnglish = "For the decree's reasoning and as evidence; not published in the register."

    static func form(_ code: String, _ ctx: PageContext) -> String {
        switch code {
        case "soft": "softcopy"
        case "hard": "hardcopy"
        default: ctx.t("softcopy dan hardcopy", "soft and hard copy")
        }
    }

    static func verdict(_ code: String, _ ctx: PageContext) -> String {
        switch code {
        case "open": ctx.t("Terbuka", "Open")
        case "partlyClosed": ctx.t("Dikecualikan sebagian", "Partly exempted")
        default: ctx.t("Dikecualikan", "Exempted")
        }
    }

    static func periodField(_ name: String) -> String {
        switch name {
        case "from": "mulai"
        case "end": "berakhir"
        default: "peninjauan"
        }
    }
}

enum Dates {
    /// An instant in the body's zone as officers read it: "21 November 2026 14.30".
    static func show(_ date: Date, _ ctx: PageContext, zone: TimeZoneRegion = .wib) -> String {
        let day = zone.localDate(of: date)
        let seconds = (Int(date.timeIntervalSince1970) + zone.secondsFromUTC) % 86_400
        let hh = seconds / 3600, mm = (seconds % 3600) / 60
        return ctx.date(day) + String(format: " %02d.%02d ", hh, mm) + zone.rawValue
    }
}
