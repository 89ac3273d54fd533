import DikelolaCore
import Foundation
import Plot
import Vapor

/// The register as a table: No | Informasi | Dasar hukum | Konsekuensi | Jangka waktu | SK.
enum RegisterTable {
    /// The group an entry is listed under: the year its period ends, else how it ends.
    static func group(_ entry: RegisterEntryView, _ ctx: PageContext) -> String {
        if let end = entry.endDate {
            return ctx.t("Berakhir tahun \(end.year)", "Ending in \(end.year)")
        }
        if entry.reviewDate != nil { return ctx.t("Sampai suatu peristiwa (ditinjau berkala)", "Until an event (reviewed)") }
        return ctx.t("Sesuai peraturan perundang-undangan", "As the statute sets")
    }

    /// What `ExpiryRules` says of an entry today, in words; nil where nothing is due.
    static func expiry(_ entry: RegisterEntryView, rules: ExpiryRules, today: LocalDate, _ ctx: PageContext) -> String? {
        // What happened to the entry comes first: an opening decree opens it before its dates do.
        switch entry.status {
        case .opened:
            let since = entry.openedOn.map(ctx.date) ?? "—"
            if entry.openedByRuling {
                return ctx.t(
                    "Dibuka melalui keberatan atau sengketa sejak \(since) (UU 14/2008 Pasal 11 ayat 2)",
                    "Opened through an objection or dispute since \(since)")
            }
            return entry.openedByLaw
                ? ctx.t("Terbuka demi hukum sejak \(since) (PP 61/2010 Pasal 11 ayat 3)", "Public by law since \(since)")
                : ctx.t("Dibuka dengan surat pembukaan sejak \(since)", "Opened by decree since \(since)")
        case .reclassified:
            return ctx.t("Diklasifikasikan ulang (lihat entri penggantinya)", "Re-classified (see the entry replacing it)")
        case .exempted, .endingSoon, .reviewDue:
            break
        }
        let assessment = rules.assess(
            endDate: entry.endDate, reviewDate: entry.reviewDate,
            today: today)
        let provisional = Labels.provisional(assessment.provisionalYears, ctx) ?? ""
        let late = assessment.status.isOverdue(on: today) ? ctx.t(" — TERLAMBAT", " — OVERDUE") : ""
        switch assessment.status {
        case .exempted:
            return provisional.isEmpty ? nil : ctx.t("Dikecualikan", "Exempted") + provisional
        case let .endingSoon(_, due):
            return ctx.t(
                "Akan berakhir: surat pembukaan paling lambat \(ctx.date(due))",
                "Ending soon: opening decree due by \(ctx.date(due))")
                + provisional + late
        case let .reviewDue(since):
            return ctx.t("Perlu ditinjau sejak \(ctx.date(since))", "Review due since \(ctx.date(since))") + late
        case let .expired(on):
            return ctx.t(
                "Terbuka demi hukum sejak \(ctx.date(on)) (PP 61/2010 Pasal 11 ayat 3)",
                "Public by law since \(ctx.date(on)) (PP 61/2010 Art. 11(3))")
        }
    }

    static func render(
        _ ctx: PageContext, _ entries: [RegisterEntryView], unitNames: [UUID: String] = [:], rules: ExpiryRules? = nil,
        today: LocalDate? = nil
    ) -> Node<HTML.BodyContext> {
        guard !entries.isEmpty else { return .p(.text(ctx.t("Belum ada informasi yang dikecualikan.", "Nothing exempted yet."))) }
        return .table(
            .class("register"),
            // In <thead>, so that a printed register repeats its column heads on every page.
            .thead(
                .tr(
                    .th(.text(ctx.t("No.", "No."))), .th(.text(ctx.t("Informasi", "Information"))),
                    .th(.text(ctx.t("Dasar hukum", "Legal basis"))),
                    .th(.text(ctx.t("Konsekuensi bila dibuka / ditutup", "If opened / if closed"))),
                    .th(.text(ctx.t("Jangka waktu", "Period"))),
                    .th(.text(ctx.t("Surat penetapan", "Decree"))))),
            .tbody(
                .forEach(Array(entries.enumerated())) { index, entry in
                    let header: Node<HTML.TableContext> =
                        index == 0 || group(entries[index - 1], ctx) != group(entry, ctx)
                        ? .tr(.class("group"), .th(.attribute(named: "colspan", value: "6"), .text(group(entry, ctx)))) : .group()
                    let status = rules.flatMap { rules in today.flatMap { expiry(entry, rules: rules, today: $0, ctx) } }
                    return .group(header, row(ctx, entry, unit: unitNames[entry.unitID], status: status))
                })
        )
    }

    static func row(_ ctx: PageContext, _ entry: RegisterEntryView, unit: String?, status: String? = nil) -> Node<
        HTML.TableContext
    > {
        let basis = entry.ground + (entry.otherStatute.map { " jo. \($0)" } ?? "")
        let parts =
            entry.parts.isEmpty ? "" : ctx.t(" (dihitamkan: ", " (blacked out: ") + entry.parts.joined(separator: ", ") + ")"
        let ends = entry.endDate.map { " — " + ctx.t("berakhir ", "ends ") + ctx.date($0) } ?? ""
        let decreeDate = ctx.date(entry.decreeDate)
        return .tr(
            .td(.a(.href(SiteURL.registerEntry(entry.id).path), .text(entry.registerNumber)), .unwrap(unit) { .small(.text(" " + $0)) }),
            .td(.text(entry.title), .small(.text(parts))),
            .td(.text(basis)),
            .td(.text(entry.consequenceIfOpened), .br(), .small(.text(entry.consequenceIfClosed))),
            .td(
                .text(entry.periodDescription), .small(.text(ends)), .unwrap(status) { .p(.class("expiry"), .strong(.text($0))) }),
            .td(
                .text(entry.decreeNumber), .br(), .small(.text(decreeDate)),
                .if(entry.registeredFromEarlier, .p(.class("muted"), .small(.text(ctx.t("didaftarkan dari SK terdahulu", "registered from an earlier decree"))))))
        )
    }
}
