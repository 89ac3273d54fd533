import DikelolaCore
import Fluent
import Foundation

/// What the database knows that a brought-in row is judged against: the body's units (a row's
/// "Unit" cell names one), the entries already registered (never entered twice) and the decree
/// numbers in use (an earlier decree may not take the number of one issued here).
struct RegisterKnowledge: Sendable {
    struct KnownUnit: Sendable {
        let id: UUID
        let name: String
        let words: [String]
    }

    let units: [KnownUnit]
    let defaultUnit: KnownUnit
    /// `title words|decree number` → the register number holding it.
    let entries: [String: String]
    /// Register number → its title.
    let numbers: [String: String]
    /// Decree number → its date and whether it was registered from an earlier decree.
    let decrees: [String: (date: LocalDate, earlier: Bool)]

    static func load(bodyID: UUID, defaultUnitID: UUID, on db: any Database) async throws -> RegisterKnowledge {
        let units = try await Unit.query(on: db).filter(\.$body.$id == bodyID).all().map { unit in
            KnownUnit(
                id: unit.storedID, name: unit.name,
                words: [unit.name, unit.shortName].compactMap { $0 }.map(ImportColumn.words).filter { !$0.isEmpty })
        }
        guard let fallback = units.first(where: { $0.id == defaultUnitID }) else { throw Refusal.notFound }
        let decrees = try await Decree.query(on: db).filter(\.$body.$id == bodyID)
            .field(\.$id).field(\.$number).field(\.$decreeDate).field(\.$registeredFromEarlier).all()
        let decreeNumbers = Dictionary(decrees.map { ($0.storedID, $0.number) }, uniquingKeysWith: { a, _ in a })
        var entries: [String: String] = [:]
        var numbers: [String: String] = [:]
        // Only the three columns compared: a body may hold tens of thousands of entries.
        for entry in try await RegisterEntry.query(on: db).filter(\.$body.$id == bodyID)
            .field(\.$id).field(\.$title).field(\.$registerNumber).field(\.$decree.$id).all()
        {
            numbers[entry.registerNumber] = entry.title
            entries[key(title: entry.title, decree: decreeNumbers[entry.$decree.id])] = entry.registerNumber
        }
        return RegisterKnowledge(
            units: units, defaultUnit: fallback, entries: entries, numbers: numbers,
            decrees: Dictionary(
                decrees.map { ($0.number, (date: $0.decreeDate, earlier: $0.registeredFromEarlier)) },
                uniquingKeysWith: { a, _ in a }))
    }

    static func key(title: String, decree: String?) -> String {
        ImportColumn.words(title) + "|" + ImportColumn.words(decree ?? "")
    }

    /// The unit a row's cell names: by its name or short name, whole or contained ("A. Dinas
    /// Kesehatan" names "Dinas Kesehatan"); the import's unit when the cell is empty or unknown.
    func unit(for name: String?) -> (unit: KnownUnit, unknown: Bool) {
        guard let name, !ImportColumn.words(name).isEmpty else { return (defaultUnit, false) }
        let words = ImportColumn.words(name)
        if let exact = units.first(where: { $0.words.contains(words) }) { return (exact, false) }
        let contained = units.filter { unit in unit.words.contains { $0.count >= 3 && (" " + words + " ").contains(" " + $0 + " ") } }
        if let best = contained.max(by: { ($0.words.map(\.count).max() ?? 0) < ($1.words.map(\.count).max() ?? 0) }) {
            return (best, false)
        }
        return (defaultUnit, true)
    }

    /// Adds to every row of `preview` what only the database can say.
    func judge(_ preview: inout ImportPreview) {
        for index in preview.rows.indices { judge(&preview.rows[index]) }
    }

    /// Adds to a row what only the database can say.
    func judge(_ row: inout ImportRowReading) {
        let (unit, unknown) = unit(for: row.unit)
        row.readings[.unit] = unit.name
        if unknown, let name = row.unit {
            row.findings.append(
                ImportFinding(
                    .warning, field: .unit,
                    "Unit \"\(name.prefix(80))\" tidak ada di badan publik ini; dicatat pada \(unit.name). Perbaiki kolom Unit "
                        + "atau tambahkan unitnya lebih dulu."))
        }
        if let held = entries[Self.key(title: row.title, decree: row.decreeNumber)] {
            row.findings.append(
                ImportFinding(.refused, field: .title, "Sudah ada di register sebagai \(held) (informasi dan nomor SK yang sama)."))
        }
        if let number = row.registerNumber, let title = numbers[number] {
            row.findings.append(
                ImportFinding(
                    .note, field: .registerNumber, "Nomor \(number) sudah dipakai (\"\(title.prefix(60))\"); nomor baru akan diberikan."))
            row.registerNumber = nil
        }
        if let number = row.decreeNumber, let known = decrees[number] {
            if !known.earlier {
                row.findings.append(
                    ImportFinding(
                        .refused, field: .decreeNumber,
                        "Nomor SK \(number) sudah dipakai surat penetapan yang diterbitkan di Dikelola; SK terdahulu tidak "
                            + "boleh memakai nomor yang sama."))
            } else if let date = row.decreeDate, date != known.date {
                row.findings.append(
                    ImportFinding(
                        .refused, field: .decreeDate,
                        "SK \(number) sudah terdaftar bertanggal \(IndonesianFormat.date(known.date)), bukan "
                            + "\(IndonesianFormat.date(date))."))
            }
        }
        row.findings.sort { $0.severity < $1.severity }
    }
}
