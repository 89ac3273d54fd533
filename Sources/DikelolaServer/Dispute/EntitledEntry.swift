import DikelolaCore
import Fluent
import Foundation

/// A register entry with its unit, body and place, for a person entitled to its exempted content:
/// the one check every page, form, document and dossier of an entry starts with.
struct EntitledEntry {
    let entry: RegisterEntry
    let unit: Unit
    let body: PublicBody
    let place: Authorization.Place

    static func load(_ id: UUID, for user: CurrentUser, on db: any Database) async throws -> EntitledEntry {
        guard let entry = try await RegisterEntry.find(id, on: db), let unit = try await Unit.find(entry.$unit.id, on: db),
            let body = try await PublicBody.find(entry.$body.id, on: db)
        else { throw Refusal.notFound }
        let place = try await AccessQueries.place(of: unit, on: db)
        try user.require(.viewExemptedContent, on: place)
        return EntitledEntry(entry: entry, unit: unit, body: body, place: place)
    }
}
