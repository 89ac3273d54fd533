import DikelolaCore
import Vapor

/// A refused procedure action, with the words the officer sees and, where a field is at fault, the
/// field's name. Nothing was written when one is thrown.
struct ProcedureError: Error, CustomStringConvertible {
    let status: HTTPStatus
    let message: String
    var fields: [String: String] = [:]

    var description: String { message }

    static func invalid(_ fields: [String: String]) -> ProcedureError {
        ProcedureError(
            status: .unprocessableEntity,
            message: "Isian belum benar: " + fields.sorted { $0.key < $1.key }.map(\.value).joined(separator: " "),
            fields: fields)
    }

    static func workflow(_ error: WorkflowError) -> ProcedureError {
        let status: HTTPStatus =
            switch error {
            case .finished, .notCurrentStep: .conflict
            case .wrongRole: .forbidden
            case .unknownStep: .notFound
            case .decisionRequired, .decisionNotOffered, .noteRequired, .blocked: .unprocessableEntity
            }
        return ProcedureError(status: status, message: error.description)
    }

    static let staleVersion = ProcedureError(
        status: .conflict,
        message:
            "Isian ini baru saja diubah orang lain. Muat ulang halaman untuk melihat keadaan terbaru; perubahan Anda belum disimpan."
    )

    static func notAllowedAtThisStep(_ what: String) -> ProcedureError {
        ProcedureError(status: .conflict, message: "\(what) tidak dapat dilakukan pada langkah yang sedang berjalan.")
    }
}
