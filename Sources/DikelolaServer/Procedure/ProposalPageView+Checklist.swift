import DikelolaCore
import Foundation
import Plot

/// The current step's work, item by item: what each still needs before the step can be completed,
/// each one click from its form (which the page opens where something is missing).
extension ProposalPageView {
    static func needLabel(_ code: String, _ ctx: PageContext) -> String {
        switch ProposalContext.ItemNeed(rawValue: code) {
        case .test: ctx.t("isi uji konsekuensi", "fill in the consequence test")
        case .testCorrection: ctx.t("perbaiki uji konsekuensi (lihat catatan di bawah informasi)", "correct the test (see the notes under the item)")
        case .location: ctx.t("catat lokasi arsip fisik atau unggah berkas digital", "record the paper file's location or upload the digital file")
        case .redacted: ctx.t("unggah versi yang dihitamkan", "upload the blacked-out version")
        case nil: code
        }
    }

    /// For the person doing the step: every item, ticked or with what it still needs.
    static func checklist(_ ctx: PageContext, _ p: ProposalView, _ step: ProposalView.Step) -> Node<HTML.BodyContext> {
        let effect = StepEffect(rawValue: step.effect)
        let works = step.issuesDecree || [.consequenceTest, .classifyByPeriod, .archive].contains(effect)
        guard step.youMayAct, works, !p.items.isEmpty else { return .empty }
        let done = p.items.filter(\.needs.isEmpty).count
        return .section(
            .class("checklist"),
            .h3(.text(ctx.t("Per informasi (\(done) dari \(p.items.count) lengkap)", "Item by item (\(done) of \(p.items.count) complete)"))),
            .ol(
                .forEach(p.items) { item in
                    .li(
                        .class(item.needs.isEmpty ? "done" : "todo"),
                        .text(item.needs.isEmpty ? "✔ " : "✘ "),
                        .a(.href("#informasi-\(item.id.uuidString)"), .text(item.title)),
                        .if(
                            !item.needs.isEmpty,
                            .text(" — " + item.needs.map { needLabel($0, ctx) }.joined(separator: "; "))))
                }))
    }
}

extension ProposalView.Item {
    /// Whether the current step still needs any of `needs` of this item.
    func stillNeeds(_ wanted: ProposalContext.ItemNeed...) -> Bool { wanted.contains { needs.contains($0.rawValue) } }
}
