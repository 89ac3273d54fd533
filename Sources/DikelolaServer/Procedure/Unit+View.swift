import DikelolaCore
import Foundation
import Plot
import Vapor

/// The unit's page (see `UnitController`).
enum UnitView {
    static func page(
        _ ctx: PageContext, unit: Unit, sop: SOPDefinition?, proposals: [Proposal], notice: String?, now: Date,
        mayImport: Bool = false, refused: FormState? = nil, status: HTTPStatus = .ok
    ) -> Response {
        Layout.page(
            ctx, title: unit.name, status: status,
            .h1(.text(unit.name)),
            .unwrap(notice) { Layout.notice($0, kind: "ok") },
            .unwrap(refused?.message) { Layout.notice($0, kind: "error") },
            .p(
                .text(
                    sop.map { "SOP \($0.identity.number) — \($0.identity.name) (\($0.identity.body), \($0.steps.count) langkah)" }
                        ?? ctx.t("Unit ini belum memiliki SOP.", "This unit has no SOP yet."))),
            .p(
                .a(
                    .href(SiteURL.unitRegister(unit.id).path),
                    .text(ctx.t("Daftar Informasi yang Dikecualikan (DIK) unit ini", "This unit's register (DIK)"))),
                .text(" · "),
                .a(
                    .href(SiteURL.unitEnding(unit.id).path),
                    .text(ctx.t("Akan berakhir, pembukaan dan klasifikasi ulang", "Ending, opening and re-classification"))),
                .text(" · "),
                .a(.href(SiteURL.unitArchive(unit.id).path), .text(ctx.t("Arsip", "Archive"))),
                .text(" · "),
                .a(.href(SiteURL.bodyDIP(unit.$body.id).path), .text(ctx.t("DIP", "DIP"))),
                .if(
                    mayImport,
                    .group(
                        .text(" · "),
                        .a(
                            .href(SiteURL.unitImport(unit.id).path),
                            .text(ctx.t("Impor DIK dan SK terdahulu", "Import a register and earlier decrees")))))),
            .h2(.text(ctx.t("Usulan", "Proposals"))),
            .if(proposals.isEmpty, .p(.text(ctx.t("Belum ada usulan.", "No proposals yet.")))),
            .if(
                !proposals.isEmpty,
                .table(
                    .tr(
                        .th(.text(ctx.t("Judul", "Title"))), .th(.text(ctx.t("Langkah", "Step"))),
                        .th(.text(ctx.t("Tenggat", "Due")))),
                    .forEach(proposals) { proposal in
                        .tr(
                            .td(.a(.href(SiteURL.proposal(proposal.id).path), .text(proposal.title))),
                            .td(
                                .text(
                                    proposal.currentStep.map { step in
                                        "\(step). " + (sop.flatMap { sop in sop.step(number: step).map { sop.actor(for: $0).title } } ?? "")
                                    } ?? ctx.t("selesai", "complete"))),
                            .td(
                                .text(
                                    proposal.currentStepDueAt.map {
                                        Dates.show($0, ctx) + ($0 < now ? ctx.t(" — terlambat", " — overdue") : "")
                                    } ?? "—")))
                    }
                )),
            .if(
                sop != nil,
                .form(
                    .class("stack"), .action(SiteURL.unitOpenProposal(unit.id).path), .method(.post), Layout.csrfField(ctx),
                    Layout.field(
                        "title", published: .internalOnly, label: ctx.t("Judul usulan baru", "Title of a new proposal"),
                        value: refused?.values["title"] ?? "", autocomplete: "off", error: refused?.errors["title"],
                        hint: ctx.t("Misalnya: DIK Dinas Kesehatan 2026", "E.g. DIK Dinas Kesehatan 2026")),
                    .button(.type(.submit), .text(ctx.t("Buat usulan", "Start a proposal")))))
        )
    }
}
