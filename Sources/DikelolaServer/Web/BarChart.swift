import DikelolaCore
import Foundation
import Plot

/// A horizontal bar chart drawn on the server as SVG: no script, no style attribute (the content
/// security policy allows neither), readable on a phone and printable. The same figures stand
/// beside it as a table, which is what screen readers read; the drawing is hidden from them.
enum BarChart {
    struct Bar: Sendable, Equatable {
        let label: String
        let count: Int
    }

    /// Geometry, in SVG units: the drawing scales to the width it is given.
    private static let width = 560, labelWidth = 230, barHeight = 20, gap = 8, countRoom = 48
    /// More bars than this are summed into the last one ("lainnya").
    static let maximumBars = 24

    static func figure(
        id: String, title: String, bars: [Bar], labelHeading: String, countHeading: String, empty: String
    ) -> Node<HTML.BodyContext> {
        // Plot has no <figure>: written as elements of their own name.
        func figure(_ content: Node<HTML.BodyContext>) -> Node<HTML.BodyContext> {
            .element(
                named: "figure",
                nodes: [
                    .attribute(named: "class", value: "chart"), .attribute(named: "id", value: id),
                    .element(named: "figcaption", text: title), content,
                ])
        }
        guard bars.contains(where: { $0.count > 0 }) else { return figure(.p(.class("muted"), .text(empty))) }
        return figure(
            .div(
                .class("chart-body"),
                .raw(svg(bars)),
                .table(
                    .thead(.tr(.th(.text(labelHeading)), .th(.text(countHeading)))),
                    .tbody(.forEach(bars) { .tr(.td(.text($0.label)), .td(.class("number"), .text(String($0.count)))) }))))
    }

    /// The drawing alone (tested apart: every label escaped, every bar in proportion).
    static func svg(_ bars: [Bar]) -> String {
        let shown = Array(bars.prefix(maximumBars))
        let largest = max(1, shown.map(\.count).max() ?? 1)
        let room = width - labelWidth - countRoom
        let height = max(1, shown.count) * (barHeight + gap)
        var out =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"100%\" "
            + "preserveAspectRatio=\"xMinYMin meet\" aria-hidden=\"true\" focusable=\"false\">"
        for (index, bar) in shown.enumerated() {
            let y = index * (barHeight + gap)
            // Whole numbers only: a count of zero still shows its label, with no bar.
            let length = bar.count <= 0 ? 0 : max(2, Int((Double(bar.count) / Double(largest) * Double(room)).rounded()))
            // Long names are cut to fit the label column; the whole name is in the bar's title and the table.
            let label = bar.label.count > 26 ? String(bar.label.prefix(25)) + "…" : bar.label
            out += "<g><title>\(escaped(bar.label)): \(bar.count)</title>"
            out +=
                "<text x=\"\(labelWidth - 8)\" y=\"\(y + barHeight - 5)\" text-anchor=\"end\" font-size=\"13\" "
                + "fill=\"#1b1f23\">\(escaped(label))</text>"
            out += "<rect x=\"\(labelWidth)\" y=\"\(y)\" width=\"\(length)\" height=\"\(barHeight)\" fill=\"#0b5394\"/>"
            out +=
                "<text x=\"\(labelWidth + length + 6)\" y=\"\(y + barHeight - 5)\" font-size=\"13\" "
                + "fill=\"#1b1f23\">\(bar.count)</text></g>"
        }
        return out + "</svg>"
    }

    /// Counts as bars in the order given; past `maximumBars`, the rest summed as `other`.
    static func bars(_ counts: [(key: String, count: Int)], other: String) -> [Bar] {
        let all = counts.map { Bar(label: $0.key, count: $0.count) }
        guard all.count > maximumBars else { return all }
        let rest = all.dropFirst(maximumBars - 1).reduce(0) { $0 + $1.count }
        return Array(all.prefix(maximumBars - 1)) + [Bar(label: other, count: rest)]
    }

    /// "2026-11" as "November 2026" (or in English).
    static func monthLabel(_ key: String, english: Bool) -> String {
        let parts = key.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2, (1...12).contains(parts[1]) else { return key }
        let names = english ? IndonesianFormat.englishMonthNames : IndonesianFormat.monthNames
        return "\(names[parts[1] - 1]) \(parts[0])"
    }

    /// The four charts of a register's figures: by ground, by unit, by the year the period ends,
    /// and openings per month; `t` picks the page's language.
    static func registerFigures(
        _ stats: PublicRegister.Statistics, english: Bool, t: (String, String) -> String
    ) -> Node<HTML.BodyContext> {
        let count = t("Jumlah", "Count"), other = t("lainnya", "other")
        return .div(
            .class("charts"),
            figure(
                id: "menurut-dasar-hukum", title: t("Menurut dasar hukum", "By legal ground"),
                bars: bars(stats.byGround, other: other), labelHeading: t("Dasar hukum", "Ground"), countHeading: count,
                empty: t("Belum ada informasi yang dikecualikan.", "Nothing exempted yet.")),
            figure(
                id: "menurut-unit", title: t("Menurut unit", "By unit"),
                bars: bars(stats.byUnit.sorted { ($1.count, $0.key) < ($0.count, $1.key) }, other: other),
                labelHeading: t("Unit", "Unit"), countHeading: count,
                empty: t("Belum ada informasi yang dikecualikan.", "Nothing exempted yet.")),
            figure(
                id: "menurut-tahun-berakhir", title: t("Menurut tahun berakhir", "By year the period ends"),
                bars: bars(stats.byEndYear.map { ($0.key == "tanpa tanggal" ? t($0.key, "no date") : $0.key, $0.count) }, other: other),
                labelHeading: t("Tahun", "Year"), countHeading: count,
                empty: t("Belum ada informasi yang dikecualikan.", "Nothing exempted yet.")),
            figure(
                id: "pembukaan-per-bulan", title: t("Pembukaan per bulan", "Openings per month"),
                bars: bars(Array(stats.openedByMonth.suffix(BarChart.maximumBars)).map { (monthLabel($0.key, english: english), $0.count) }, other: other),
                labelHeading: t("Bulan", "Month"), countHeading: count,
                empty: t("Belum ada informasi yang dibuka.", "Nothing opened yet.")))
    }

    /// Escaped for XML, without the control characters XML does not allow.
    private static func escaped(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.properties.generalCategory != .control }))
            .attributeEscaped
    }
}
