import DikelolaCore
import Fluent
import Foundation

enum RetentionQueries {
    /// The body's retention schedule by classification code.
    static func rules(bodyID: UUID, on db: any Database) async throws -> [String: RetentionRule] {
        let rows = try await RetentionScheduleRow.query(on: db).filter(\.$body.$id == bodyID).all()
        return Dictionary(
            rows.compactMap { row in
                RetentionDisposition(rawValue: row.disposition).map {
                    (
                        row.code,
                        RetentionRule(
                            code: row.code, activeYears: row.activeYears, inactiveYears: row.inactiveYears, disposition: $0)
                    )
                }
            }, uniquingKeysWith: { a, _ in a })
    }
}
