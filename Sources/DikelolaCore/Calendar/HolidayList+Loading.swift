import Foundation
import Yams

extension HolidayList {
    /// The list shipped with Dikelola (2025 and 2026, from the SKB 3 Menteri).
    public static func bundled() throws -> HolidayList {
        try load(contentsOf: CoreResources.url(forResource: "holidays", withExtension: "yaml"))
    }

    public static func load(contentsOf url: URL) throws -> HolidayList {
        let text = try FileProblems.readText(at: url)
        return try parse(text, file: url.lastPathComponent)
    }

    /// Parses a holiday file; every problem is reported with its line, none is skipped silently.
    public static func parse(_ text: String, file: String = "holidays.yaml") throws -> HolidayList {
        let reader = YAMLReader()
        var entries: [YearEntry] = []
        if let root = reader.mapping(reader.parse(text), path: "", allowed: ["years"]),
            let years = reader.mapping(root.entry("years")?.value, path: "years")
        {
            for (yearKey, body) in years {
                let yearText = yearKey.string ?? ""
                let path = "years.\(yearText)"
                guard let year = Int(yearText), (1900...2999).contains(year) else {
                    reader.error("tahun '\(yearText)' tidak valid", at: yearKey, path: path)
                    continue
                }
                guard let fields = reader.mapping(body, path: path, allowed: ["source", "nationalHolidays", "collectiveLeave"])
                else { continue }
                let source =
                    reader.string(fields.entry("source")?.value, path: "\(path).source", required: true, parent: yearKey) ?? ""
                var holidays: [Holiday] = []
                var seen: [LocalDate: String] = [:]
                for (key, kind) in [("nationalHolidays", Holiday.Kind.nationalHoliday), ("collectiveLeave", .collectiveLeave)] {
                    let listPath = "\(path).\(key)"
                    guard let list = reader.mapping(fields.entry(key)?.value, path: listPath) else { continue }
                    for (dateNode, nameNode) in list {
                        let datePath = "\(listPath).\(dateNode.string ?? "?")"
                        guard let date = reader.date(dateNode, path: datePath, required: true) else { continue }
                        guard date.year == year else {
                            reader.error("tanggal \(date.iso) tidak berada di tahun \(year)", at: dateNode, path: datePath)
                            continue
                        }
                        let name = reader.string(nameNode, path: datePath, required: true, parent: dateNode) ?? ""
                        if let earlier = seen[date] {
                            reader.error(
                                "tanggal \(date.iso) tercantum dua kali (juga sebagai \(earlier))", at: dateNode, path: datePath)
                            continue
                        }
                        seen[date] = key
                        holidays.append(Holiday(date: date, name: name, kind: kind))
                    }
                }
                entries.append(YearEntry(year: year, source: source, holidays: holidays.sorted { $0.date < $1.date }))
            }
        } else if !reader.hasErrors {
            reader.error("kunci 'years' wajib ada", at: nil, path: "years")
        }
        if reader.hasErrors { throw FileProblems(file: file, problems: reader.problems) }
        return HolidayList(years: entries)
    }
}
