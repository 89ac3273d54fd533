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
            "Usulan ini baru saja diubah orang lain. Muat ulang halaman untuk melihat keadaan terbaru; perubahan Anda belum disimpan."
    )

    static func notAllowedAtThisStep(_ what: String) -> ProcedureError {
        ProcedureError(status: .conflict, message: "\(what) tidak dapat dilakukan pada langkah yang sedang berjalan.")
    }
}

/// Answers a `ProcedureError` with JSON for the API: `{"error": "...", "fields": {...}}`.
struct ProcedureErrorMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: req)
        } catch let error as ProcedureError {
            // Acting on another actor's step is a refusal like any other, and recorded as one.
            if error.status == .forbidden { try await req.auditRefusal(.securityForbidden, reason: error.message) }
            struct Body: Content {
                let error: String
                let fields: [String: String]
            }
            let response = try await Body(error: error.message, fields: error.fields).encodeResponse(
                status: error.status, for: req)
            return response
        } catch let error as DecodingError {
            struct Body: Content { let error: String }
            return try await Body(error: "Isian tidak dapat dibaca: \(Self.describe(error))").encodeResponse(
                status: .badRequest, for: req)
        }
    }

    static func describe(_ error: DecodingError) -> String {
        switch error {
        case let .keyNotFound(key, context):
            "\((context.codingPath + [key]).map(\.stringValue).joined(separator: ".")) wajib diisi"
        case let .typeMismatch(_, context), let .valueNotFound(_, context), let .dataCorrupted(context):
            "\(context.codingPath.map(\.stringValue).joined(separator: ".")): \(context.debugDescription)"
        @unknown default: "\(error)"
        }
    }
}
