import DikelolaCore
import Fluent
import Foundation
import Vapor

/// An opening or re-classification with everything needed to decide on it.
struct PeriodActionContext: Sendable {
    let action: PeriodAction
    let items: [PeriodActionItem]
    /// The register entries, by id.
    let entries: [UUID: RegisterEntry]
    /// The information items behind the entries, by id.
    let informationItems: [UUID: ProposalItem]
    let unit: Unit
    let body: PublicBody
    let place: Authorization.Place
    let procedure: PeriodEndProcedure

    var kind: PeriodActionKind { action.kind }
    var stage: PeriodActionStage { action.stage }
    var zone: TimeZoneRegion { body.zone }

    static func load(_ id: UUID, library: SOPLibrary, on db: any Database) async throws -> PeriodActionContext {
        guard let action = try await PeriodAction.find(id, on: db),
            let unit = try await Unit.find(action.$unit.id, on: db),
            let body = try await PublicBody.find(action.$body.id, on: db)
        else { throw Refusal.notFound }
        let items = try await PeriodActionItem.query(on: db).filter(\.$action.$id == id).all()
        let entries = try await RegisterEntry.query(on: db).filter(\.$id ~~ items.map { $0.$entry.id }).all()
        let informationItems = try await ProposalItem.query(on: db).filter(\.$id ~~ entries.map { $0.$item.id }).all()
        return PeriodActionContext(
            action: action,
            items: items.sorted { a, b in
                (entries.first { $0.id == a.$entry.id }?.registerNumber ?? "")
                    < (entries.first { $0.id == b.$entry.id }?.registerNumber ?? "")
            },
            entries: Dictionary(entries.compactMap { e in e.id.map { ($0, e) } }, uniquingKeysWith: { a, _ in a }),
            informationItems: Dictionary(
                informationItems.compactMap { i in i.id.map { ($0, i) } }, uniquingKeysWith: { a, _ in a }),
            unit: unit, body: body, place: try await AccessQueries.place(of: unit, on: db),
            procedure: PeriodEndProcedure(definition: unit.sopID.flatMap(library.definition(id:))))
    }

    func entry(of item: PeriodActionItem) -> RegisterEntry? { entries[item.$entry.id] }

    /// The new test of a re-classification item as the core sees it; nil until filled in.
    func test(of item: PeriodActionItem) -> ConsequenceTest? { item.consequenceTest }

    /// What is still missing before the PPID can send it to the head.
    var missing: [String] {
        items.compactMap { item in
            let number = entry(of: item)?.registerNumber ?? "?"
            switch kind {
            case .opening:
                let absent = [
                    (item.summary, "ringkasan"), (item.responsible, "penanggung jawab"),
                    (item.retention, "jangka waktu penyimpanan"),
                ].filter { ($0.0 ?? "").nilIfBlank == nil }.map(\.1)
                return absent.isEmpty ? nil : "\(number): \(absent.joined(separator: ", ")) belum diisi"
            case .reclassification:
                return test(of: item) == nil ? "\(number): uji konsekuensi baru belum diisi" : nil
            }
        }
    }
}
