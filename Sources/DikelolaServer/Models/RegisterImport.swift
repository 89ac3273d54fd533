import DikelolaCore
import Fluent
import Foundation

/// A register brought in from a spreadsheet: the file as uploaded (kept, with its SHA-256, so the
/// same file is never imported twice), the earlier decree its rows came from, the officer's
/// corrections, and — once imported — the entries it made.
final class RegisterImport: Model, @unchecked Sendable {
    static let schema = "register_imports"

    enum Status: String, Codable, Sendable {
        case draft, imported, discarded
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "body_id") var body: PublicBody
    /// The unit the rows belong to when their own "Unit" cell names none.
    @Parent(key: "unit_id") var unit: Unit
    @Parent(key: "file_id") var file: StoredFile
    @Field(key: "file_name") var fileName: String
    @Field(key: "file_sha256") var fileSHA256: String
    @Field(key: "status") var status: Status
    /// JSON of `ImportPreview.Corrections`.
    @Field(key: "corrections") var corrections: String
    // The earlier decree, for rows that do not name their own.
    @OptionalField(key: "decree_number") var decreeNumber: String?
    @OptionalField(key: "decree_date") var decreeDate: LocalDate?
    @OptionalField(key: "signer_name") var signerName: String?
    @OptionalField(key: "signer_position") var signerPosition: String?
    @OptionalField(key: "signer_nip") var signerNIP: String?
    @OptionalParent(key: "scan_id") var scan: StoredFile?
    @OptionalField(key: "scan_sha256") var scanSHA256: String?
    @OptionalField(key: "created_by") var createdBy: UUID?
    @OptionalField(key: "imported_at") var importedAt: Date?
    /// The record the imported items hang on (a completed proposal "Impor DIK").
    @OptionalField(key: "proposal_id") var proposalID: UUID?
    @OptionalField(key: "entry_count") var entryCount: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var storedCorrections: ImportPreview.Corrections {
        get { (try? JSONDecoder().decode(ImportPreview.Corrections.self, from: Data(corrections.utf8))) ?? .init() }
        set { corrections = (try? String(decoding: JSONEncoder().encode(newValue), as: UTF8.self)) ?? "{}" }
    }
}
