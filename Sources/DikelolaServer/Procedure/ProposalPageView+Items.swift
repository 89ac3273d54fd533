import DikelolaCore
import Foundation
import Plot
import Vapor

/// The items of a proposal page: each with its test, location and copies, and the forms that add and edit them.
extension ProposalPageView {
    static func itemBox(
        _ ctx: PageContext, _ p: ProposalView, _ item: ProposalView.Item, canAct: Bool, effect: StepEffect?,
        state: FormState?
    ) -> Node<HTML.BodyContext> {
        let formID = "test-\(item.id)"
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
            .unwrap(item.test) { testTable(ctx, $0) },
            .if(item.test == nil, .p(.class("pending"), .text(ctx.t("Belum diuji konsekuensi.", "Not yet tested.")))),
            .ul(.class("findings"), .forEach(item.findings) { .li(.text($0)) }),
            .if(canAct && (effect?.allowsEditingItems ?? false), editItem(ctx, p, item, state: state)),
            .if(
                canAct && (effect?.allowsTesting ?? false),
                .element(
                    named: "details",
                    nodes: [
                        // Open where the step still needs it, so the page walks through the work.
                        .attribute(
                            named: "open",
                            value: state?.form == formID || item.stillNeeds(.test, .testCorrection)
                                ? "open" : nil),
                        .element(
                            named: "summary",
                            text: item.test == nil
                                ? ctx.t("Isi uji konsekuensi", "Fill in the consequence test")
                                : ctx.t("Ubah uji konsekuensi", "Change the consequence test")),
                        testForm(ctx, p, item, formID: formID, state: state),
                    ])),
            // Where copies are kept is recorded while the list is made and at the archive step, not
            // by the head deciding on it.
            .if(canAct && (effect == .archive || (effect?.allowsEditingItems ?? false)), locationForms(ctx, p, item, state: state))
        )
    }

    /// An item's recorded test, as a table.
    static func testTable(_ ctx: PageContext, _ test: ProposalView.Test) -> Node<HTML.BodyContext> {
        .table(
            .tr(
                .th(.text(ctx.t("Kesimpulan uji", "Conclusion of the test"))),
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
            .tr(.th(.text(ctx.t("Alasan", "Reason"))), .td(.text(test.reason))),
            .unwrap(test.openPart) { .tr(.th(.text(ctx.t("Bagian terbuka", "Open part"))), .td(.text($0))) }
        )
    }

    /// Where an item's hard copy is kept, and the upload of its soft copy.
    static func locationForms(_ ctx: PageContext, _ p: ProposalView, _ item: ProposalView.Item, state: FormState?)
        -> Node<HTML.BodyContext>
    {
        let locationID = "location-\(item.id)"
        return .element(
            named: "details",
            nodes: [
                .attribute(
                    named: "open",
                    value: state?.form == locationID || item.stillNeeds(.location, .redacted)
                        ? "open" : nil),
                .element(
                    named: "summary",
                    text: ctx.t("Lokasi arsip fisik dan berkas digital", "Paper file location and digital file")),
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
                    .button(.type(.submit), .text(ctx.t("Unggah berkas digital", "Upload the digital file")))),
                .if(item.test?.verdict == "partlyClosed", redactedForm(ctx, p, item, state: state)),
            ])
    }

    /// For a partly exempted item: its blacked-out version, which is given on request (UU 14/2008
    /// Ps 22(7)(e)) and is required before the documents are archived.
    static func redactedForm(_ ctx: PageContext, _ p: ProposalView, _ item: ProposalView.Item, state: FormState?)
        -> Node<HTML.BodyContext>
    {
        let formID = "redacted-\(item.id)"
        return .form(
            .class("stack"), .action(SiteURL.proposalUpload(p.id).path), .method(.post), .enctype(.multipartData),
            Layout.csrfField(ctx),
            .input(.type(.hidden), .name("itemID"), .value(item.id.uuidString)),
            .input(.type(.hidden), .name("requirement"), .value(ProposalService.redactedVersion)),
            .input(.type(.hidden), .name("form"), .value(formID)),
            fileField(ctx, id: "redacted-file-\(item.id)", error: state?.form == formID ? state?.errors["file"] : nil),
            .button(
                .type(.submit),
                .text(ctx.t("Unggah versi yang dihitamkan (terbuka bagi publik)", "Upload the blacked-out version (public)"))))
    }

    static func testForm(
        _ ctx: PageContext, _ proposal: ProposalView, _ item: ProposalView.Item, formID: String,
        state: FormState?
    ) -> Node<HTML.BodyContext> {
        // A hint from the item's words (GroundHint's documented table); the officer confirms or chooses another.
        let hint = GroundHint.suggest(item.title + " " + item.description).first.map { hint in
            ctx.t(
                "Saran dari kata \"\(hint.phrase)\": \(hint.ground.citation) (\(hint.ground.label)). Pilih bila sesuai; "
                    + "dasar lain akan ditandai untuk diperiksa pimpinan.",
                "Suggested by the word \"\(hint.phrase)\": \(hint.ground.englishCitation) (\(hint.ground.englishLabel)). "
                    + "Choose it if it fits; another ground is flagged for the head.")
        }
        return testForm(
            ctx, action: SiteURL.proposalTest(proposal.id, item.id).path, test: item.test, prefix: "\(item.id)-", formID: formID,
            state: state, groundHint: hint)
    }

    /// The consequence test as a form: the ground from the Pasal 17 catalog, the period by its kind.
    static func testForm(
        _ ctx: PageContext, action: String, test: ProposalView.Test?, prefix: String, formID: String, state: FormState?,
        verdictOptions: [String] = ["closed", "partlyClosed", "open"], groundHint: String? = nil
    ) -> Node<HTML.BodyContext> {
        func value(_ field: String, _ fallback: String) -> String { state?.value(formID, field, default: fallback) ?? fallback }
        func error(_ field: String) -> String? { state?.error(formID, field) }
        let grounds =
            [("", ctx.t("(pilih dasar hukum — kosongkan bila terbuka)", "(choose the ground — empty if open)"))]
            + ExemptionGround.catalog.map {
                ($0.code, "\($0.citation) — \(ctx.language == .indonesian ? $0.label : $0.englishLabel)")
            }
        let verdicts = [
            ("closed", ctx.t("Dikecualikan", "Exempted")), ("partlyClosed", ctx.t("Dikecualikan sebagian", "Partly exempted")),
            ("open", ctx.t("Terbuka (masuk DIP)", "Open (to the DIP)")),
        ].filter { verdictOptions.contains($0.0) }
        return .form(
            .class("stack"), .action(action), .method(.post), Layout.csrfField(ctx),
            .data(named: "period-preview", value: SiteURL.periodPreview.path),
            .input(.type(.hidden), .name("form"), .value(formID)),
            FormFields.select(
                "ground", published: .published, label: ctx.t("Dasar hukum (Pasal 17 UU 14/2008)", "Ground (Article 17, Law 14/2008)"), options: grounds,
                selected: value("ground", test?.ground.flatMap { try? GroundCitation.parse($0).ground.code } ?? ""),
                error: error("ground"), hint: groundHint, idPrefix: prefix),
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
                "verdict", published: .published, label: ctx.t("Kesimpulan uji", "Conclusion of the test"), options: verdicts,
                selected: value("verdict", test?.verdict ?? "closed"),
                error: error("verdict"), idPrefix: prefix),
            Layout.field(
                "parts", published: .internalOnly, label: ctx.t("Bagian yang dihitamkan (pisahkan dengan koma)", "Parts blacked out (comma-separated)"),
                value: value("parts", test?.parts.joined(separator: ", ") ?? ""), autocomplete: "off", error: error("parts"),
                idPrefix: prefix),
            FormFields.textarea(
                "openPart", published: .published,
                label: ctx.t("Bagian yang tetap terbuka (bila dikecualikan sebagian)", "Part that stays open (if partly exempted)"),
                value: value("openPart", test?.openPart ?? ""), rows: 2, error: error("openPart"),
                hint: ctx.t(
                    "Diumumkan di DIK, dan versi yang dihitamkan masuk Daftar Informasi Publik (UU 14/2008 Pasal 22 ayat 7 huruf e).",
                    "Published in the register; the blacked-out version enters the list of public information."),
                idPrefix: prefix),
            periodFields(ctx, PeriodFields(test?.period), value: value, error: error, prefix: prefix),
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
                        selected: value("form", item.form.rawValue), error: state?.error(formID, "form"), idPrefix: "edit-\(item.id)-"),
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
                        "Judulnya terbit dalam DIK bila dikecualikan (uraian tidak): sebut jenis informasinya, bukan isinya.",
                        "The title is published in the register if exempted (the description is not): name the kind of information, not its content."
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

    /// The period's fields, with the live explanation the script fills in (`output.period-preview`).
    static func periodFields(
        _ ctx: PageContext, _ fields: PeriodFields, value: (String, String) -> String, error: (String) -> String?,
        prefix: String
    ) -> Node<HTML.FormContext> {
        let kinds = [
            ("length", ctx.t("Lama waktu sejak tanggal", "A length from a date")),
            ("until", ctx.t("Sampai tanggal", "Until a date")),
            ("event", ctx.t("Sampai suatu peristiwa", "Until an event")),
            ("statute", ctx.t("Sesuai peraturan perundang-undangan", "As the statute sets")),
        ]
        return .group(
        FormFields.select(
            "periodKind", published: .published, label: ctx.t("Jenis jangka waktu", "Kind of period"), options: kinds,
            selected: value("periodKind", fields.kind), error: error("periodKind") ?? error("period"), idPrefix: prefix),
        Layout.field(
            "years", published: .published, label: ctx.t("Tahun", "Years"), type: .number, value: value("years", fields.years), autocomplete: "off",
            error: error("years"), idPrefix: prefix),
        Layout.field(
            "months", published: .published, label: ctx.t("Bulan", "Months"), type: .number, value: value("months", fields.months),
            autocomplete: "off", error: error("months"), idPrefix: prefix),
        Layout.field(
            "from", published: .published, label: ctx.t("Sejak tanggal", "From"), type: .date, value: value("from", fields.from),
            autocomplete: "off", error: error("from"), idPrefix: prefix),
        Layout.field(
            "end", published: .published, label: ctx.t("Sampai tanggal / paling lambat", "Until / at the latest"), type: .date,
            value: value("end", fields.end),
            autocomplete: "off", error: error("end"), idPrefix: prefix),
        Layout.field(
            "event", published: .published, label: ctx.t("Peristiwa yang mengakhiri", "Ending event"), value: value("event", fields.event),
            autocomplete: "off", error: error("event"), idPrefix: prefix),
        Layout.field(
            "reviewOn", published: .published, label: ctx.t("Tanggal peninjauan", "Review date"), type: .date,
            value: value("reviewOn", fields.reviewOn),
            autocomplete: "off", error: error("reviewOn"), idPrefix: prefix),
        Layout.field(
            "statute", published: .published, label: ctx.t("Peraturan yang menetapkan jangka waktu", "Statute setting the period"),
            value: value("statute", fields.statute), autocomplete: "off", error: error("statute"), idPrefix: prefix),
        .element(
            named: "output", nodes: [.class("period-preview"), .attribute(named: "aria-live", value: "polite")]))
    }
}
