import DikelolaCore
import Foundation
import Plot
import Vapor

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
                p.status == .completed,
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
                                .text(document.requirement ?? document.itemTitle.map { ctx.t("berkas digital: ", "digital file: ") + $0 } ?? "")),
                            .td(.text("\(max(1, document.size / 1024)) KB")),
                            .td(.small(.text(String(document.sha256.prefix(16)) + "…"))))
                    })),
            history(ctx, p)
        )
    }

    static func stepBox(_ ctx: PageContext, _ p: ProposalView, _ step: ProposalView.Step, state: FormState?) -> Node<
        HTML.BodyContext
    > {
        let effect = StepEffect(rawValue: step.effect)
        return .section(
            .class("step"), .data(named: "step", value: String(step.number)), .data(named: "effect", value: step.effect),
            .data(named: "actor", value: step.actorRole),
            .h2(.text(ctx.t("Langkah \(step.label): ", "Step \(step.label): ") + (effect?.indonesian ?? step.effect))),
            returnedNote(ctx, p),
            .unwrap(step.addedByLaw) { note in
                .p(
                    .class("notice"),
                    .text(
                        ctx.t(
                            note,
                            "Added by the system: this SOP issues the decree without the head's approval, which "
                                + "PP 61/2010 Art. 3 requires.")))
            },
            .p(.text(step.activity)),
            .if(
                step.issuesDecree,
                .p(
                    .a(
                        .href(SiteURL.proposalDraftDecree(p.id).path),
                        .text(
                            ctx.t(
                                "Baca rancangan keputusan beserta lampirannya sebelum memutuskan",
                                "Read the draft decree and its attachment before deciding"))))),
            actorLine(ctx, step),
            .p(
                .strong(.text(ctx.t("Waktu: ", "Time: "))), .text(step.timeStandard),
                .unwrap(step.dueAt) { due in
                    .group(
                        .text(" · "), .strong(.text(ctx.t("Tenggat: ", "Due: "))),
                        .text(Dates.show(due, ctx, zone: TimeZoneRegion(rawValue: p.timeZone) ?? .wib)),
                        .unwrap(Labels.provisional(step.dueProvisionalYears, ctx)) { .small(.text($0)) },
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
                                .unwrap(requirement.madeAtStep) { later in
                                    .small(
                                        .text(
                                            ctx.t(
                                                " (dibuat sistem pada langkah \(later))", " (made by the system at step \(later))")))
                                },
                                .if(!requirement.satisfied, .small(.text(ctx.t(" (belum ada)", " (missing)")))))
                        })
                )),
            checklist(ctx, p, step),
            .if(
                !step.blockers.isEmpty,
                .group(
                    .h3(.text(ctx.t("Yang masih kurang sebelum langkah ini dapat diselesaikan", "Still missing before this step can be completed"))),
                    .ul(.forEach(step.blockers) { .li(.text($0)) })
                )),
            .if(step.youMayAct, actions(ctx, p, step, state: state)),
            .if(!step.youMayAct, notYours(ctx, step))
        )
    }

    static func actions(_ ctx: PageContext, _ p: ProposalView, _ step: ProposalView.Step, state: FormState?) -> Node<
        HTML.BodyContext
    > {
        let effect = StepEffect(rawValue: step.effect)
        // Only what a file can stand for is offered for upload; what the system makes never is.
        let uploads = step.requiredDocuments.filter {
            !$0.satisfied && (DocumentRequirement(rawValue: $0.kind)?.acceptsUpload ?? false)
        }
        return .group(
            .if(
                step.recordsMemo,
                .form(
                    .class("stack"), .action(SiteURL.proposalMemo(p.id).path), .method(.post), Layout.csrfField(ctx),
                    Layout.field(
                        "memoNumber", published: .internalOnly, label: ctx.t("Nomor nota dinas", "Memo number"),
                        value: state?.value("memo", "memoNumber") ?? p.memoNumber ?? "",
                        autocomplete: "off", error: state?.error("memo", "memoNumber")),
                    FormFields.textarea(
                        "memoText", published: .internalOnly, label: ctx.t("Isi perintah", "Instruction"), value: state?.value("memo", "memoText") ?? p.memoText ?? ""),
                    .button(.type(.submit), .text(ctx.t("Simpan nota dinas", "Save memo"))))),
            .if(
                step.recordsPanelOpinion,
                .form(
                    .class("stack"), .action(SiteURL.proposalOpinion(p.id).path), .method(.post), Layout.csrfField(ctx),
                    FormFields.textarea(
                        "panelOpinion", published: .internalOnly, label: ctx.t("Pertimbangan Tim Pertimbangan", "The panel's opinion"),
                        value: state?.value("opinion", "panelOpinion") ?? p.panelOpinion ?? "",
                        error: state?.error("opinion", "panelOpinion")),
                    .button(.type(.submit), .text(ctx.t("Simpan pertimbangan", "Save opinion"))))),
            .if((effect?.allowsEditingItems ?? false), meetingForm(ctx, p, state: state)),
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

    /// The test meeting: when, where and who, the sheet to print, and the signed sheet to upload.
    static func meetingForm(_ ctx: PageContext, _ p: ProposalView, state: FormState?) -> Node<HTML.BodyContext> {
        .element(
            named: "details",
            nodes: [
                // Open until the meeting is recorded: the decree needs it (UU 14/2008 Ps 19).
                .attribute(named: "open", value: state?.form == "meeting" || p.meetingDate == nil ? "open" : nil),
                .element(named: "summary", text: ctx.t("Rapat uji konsekuensi", "The test meeting")),
                .form(
                    .class("stack"), .action(SiteURL.proposalMeeting(p.id).path), .method(.post), Layout.csrfField(ctx),
                    Layout.field(
                        "meetingDate", published: .internalOnly, label: ctx.t("Tanggal", "Date"), type: .date,
                        value: state?.value("meeting", "meetingDate") ?? p.meetingDate?.iso ?? "", autocomplete: "off",
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
                        error: state?.error("meeting", "meetingParticipants"),
                        hint: ctx.t(
                            "Sertakan PPID (PPID Pembantu atau PPID Utama): uji konsekuensi dilakukan oleh PPID (UU 14/2008 Pasal 19).",
                            "Include the PPID: the consequence test is the PPID's (Law 14/2008 Art. 19).")),
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
            ])
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
        let pending = p.warnings.filter { !$0.acknowledged }
        guard let back = step.onDisagreeLabel else {
            return .form(
                .class("stack"), .action(action), .method(.post), Layout.csrfField(ctx),
                .input(.type(.hidden), .name("version"), .value(String(p.version))),
                .button(.type(.submit), .text(ctx.t("Selesaikan langkah \(step.label)", "Complete step \(step.label)"))))
        }
        return .group(
            .form(
                .class(step.issuesDecree && !pending.isEmpty ? "stack" : "inline"), .action(action), .method(.post),
                Layout.csrfField(ctx),
                .input(.type(.hidden), .name("version"), .value(String(p.version))),
                .input(.type(.hidden), .name("decision"), .value("agree")),
                .if(step.issuesDecree, acknowledgementFields(ctx, pending, state: state)),
                .button(.type(.submit), .text(ctx.t("Setuju", "Agree")))),
            .form(
                .class("stack"), .action(action), .method(.post), Layout.csrfField(ctx),
                .input(.type(.hidden), .name("version"), .value(String(p.version))),
                .input(.type(.hidden), .name("decision"), .value("disagree")),
                FormFields.textarea(
                    "note", published: .internalOnly,
                    label: ctx.t(
                        "Tidak setuju — kembalikan ke langkah \(back) dengan catatan",
                        "Disagree — return to step \(back) with a note"),
                    value: state?.value("step", "note") ?? "", rows: 3, error: state?.error("step", "note")),
                .button(.type(.submit), .class("secondary"), .text(ctx.t("Tidak setuju", "Disagree"))))
        )
    }

    /// One checkbox per warning the head has not acknowledged: the decree is not approved until
    /// each is ticked (the warnings cite UU 14/2008 Ps 18, 9 and 11, the letter and the horizon).
    static func acknowledgementFields(
        _ ctx: PageContext, _ pending: [ProposalView.Warning], state: FormState?
    ) -> Node<HTML.FormContext> {
        guard !pending.isEmpty else { return .empty }
        return .div(
            .class("acknowledgements"),
            .p(.strong(.text(ctx.t("Peringatan yang wajib dibaca pimpinan", "Warnings the head must acknowledge")))),
            .unwrap(state?.error("step", "acknowledgements")) { .p(.class("error"), .text($0)) },
            .forEach(Array(pending.enumerated())) { index, warning in
                .div(
                    .class("check"),
                    .input(.type(.checkbox), .id("ack\(index)"), .name("ack\(index)"), .value(warning.key.attributeEscaped)),
                    .label(
                        .for("ack\(index)"),
                        .strong(.text(warning.item + ": ")), .text(warning.text),
                        .text(ctx.t(" — Saya telah membaca dan mempertimbangkannya.", " — I have read and weighed it."))))
            })
    }
}
