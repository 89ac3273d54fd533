import DikelolaCore
import Foundation
import Plot

/// Who acts, who sent it back, who did what: the proposal page names people, not only roles.
extension ProposalPageView {
    /// "Kepala Dinas Kesehatan, dr. Ani": the position as offices write it, then the name.
    static func named(_ person: ProposalView.Person) -> String {
        person.position.isEmpty ? person.name : "\(person.position), \(person.name)"
    }

    /// The SOP's actor and the people who hold that role for this unit; none is a problem to fix
    /// before the step can be done, said as such.
    static func actorLine(_ ctx: PageContext, _ step: ProposalView.Step) -> Node<HTML.BodyContext> {
        let role = Role(rawValue: step.actorRole)
        let roleNote = role.map { $0.indonesianTitle == step.actorTitle ? "" : ctx.t(" (peran \($0.indonesianTitle))", " (role \($0.englishTitle))") } ?? ""
        return .group(
            .p(
                .class("actor"),
                .strong(.text(ctx.t("Pelaksana: ", "Actor: "))), .text(step.actorTitle + roleNote),
                .if(!step.holders.isEmpty, .text(" — " + step.holders.map(named).joined(separator: "; ")))),
            .if(
                step.holders.isEmpty,
                .p(
                    .class("notice error"), .attribute(named: "role", value: "alert"),
                    .text(
                        ctx.t(
                            "Belum ada yang memegang peran \(role?.indonesianTitle ?? step.actorRole) untuk unit ini, "
                                + "sehingga langkah ini tidak dapat dikerjakan. Administrator badan publik memberikan peran itu "
                                + "kepada pegawai yang ditunjuk.",
                            "No one holds the role \(role?.englishTitle ?? step.actorRole) for this unit, so this step "
                                + "cannot be done. The body's administrator gives that role to the officer appointed."))))
        )
    }

    /// Shown to those who look on while someone else acts.
    static func notYours(_ ctx: PageContext, _ step: ProposalView.Step) -> Node<HTML.BodyContext> {
        let who = step.holders.isEmpty ? step.actorTitle : step.actorTitle + " (" + step.holders.map(\.name).joined(separator: ", ") + ")"
        return .p(.small(.text(ctx.t("Langkah ini dikerjakan oleh \(who).", "This step is done by \(who)."))))
    }

    /// "Dikembalikan oleh … pada …: …", at the top of the step it was returned to, with the items
    /// its note names one click away.
    static func returnedNote(_ ctx: PageContext, _ p: ProposalView) -> Node<HTML.BodyContext> {
        guard let returned = p.returned else { return .empty }
        let zone = TimeZoneRegion(rawValue: p.timeZone) ?? .wib
        let by = returned.by.map(named) ?? (Role(rawValue: returned.role)?.indonesianTitle ?? returned.role)
        let named = p.items.filter { item in returned.note.localizedCaseInsensitiveContains(item.title) }
        return .div(
            .class("returned"), .attribute(named: "role", value: "alert"), .id("dikembalikan"),
            .p(
                .strong(
                    .text(
                        ctx.t(
                            "Dikembalikan oleh \(by) pada \(Dates.show(returned.at, ctx, zone: zone)) (langkah \(returned.fromStep)):",
                            "Returned by \(by) on \(Dates.show(returned.at, ctx, zone: zone)) (step \(returned.fromStep)):")))),
            .blockquote(.text(returned.note)),
            .if(
                !named.isEmpty,
                .p(
                    .text(ctx.t("Yang disebut catatan: ", "Named in the note: ")),
                    .forEach(Array(named.enumerated())) { index, item in
                        .group(
                            .if(index > 0, .text(", ")),
                            .a(.href("#informasi-\(item.id.uuidString)"), .text(item.title)))
                    }))
        )
    }

    /// The steps taken: which, by whom (name and role), when, the decision and its note.
    static func history(_ ctx: PageContext, _ p: ProposalView) -> Node<HTML.BodyContext> {
        let zone = TimeZoneRegion(rawValue: p.timeZone) ?? .wib
        return .group(
            .h2(.text(ctx.t("Riwayat langkah", "Steps taken"))),
            .if(p.history.isEmpty, .p(.text(ctx.t("Belum ada langkah yang diselesaikan.", "No step completed yet.")))),
            .if(
                !p.history.isEmpty,
                .table(
                    .class("history"),
                    .tr(
                        .th(.text(ctx.t("Langkah", "Step"))), .th(.text(ctx.t("Oleh", "By"))),
                        .th(.text(ctx.t("Selesai", "Completed"))), .th(.text(ctx.t("Keputusan", "Decision"))),
                        .th(.text(ctx.t("Catatan", "Note")))),
                    .forEach(p.history) { entry in
                        let role = Role(rawValue: entry.actorRole)
                        return .tr(
                            .td(.text(entry.stepLabel)),
                            .td(
                                .text(entry.actor.map(named) ?? ctx.t("(akun dihapus)", "(account removed)")),
                                .br(), .small(.text(role.map { ctx.t($0.indonesianTitle, $0.englishTitle) } ?? entry.actorRole))),
                            .td(.text(Dates.show(entry.completedAt, ctx, zone: zone))),
                            .td(
                                .text(
                                    entry.decision == "agree"
                                        ? ctx.t("setuju", "agree")
                                        : entry.decision == "disagree" ? ctx.t("tidak setuju", "disagree") : "—")),
                            .td(.text(entry.note ?? "")))
                    }))
        )
    }
}
