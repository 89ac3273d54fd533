import Vapor

/// Every error of the API in its documented shape, `{"error": "…", "fields": {…}}`: what the
/// framework raises itself (no token, no such address, a body of the wrong type or size) as much
/// as what the handlers refuse (`ProcedureError`, with the fields it names). Pages are left to
/// `RefusalMiddleware`, `PageErrorMiddleware` and `ErrorMiddleware`.
struct APIErrorMiddleware: AsyncMiddleware {
    struct Body: Content {
        let error: String
        let fields: [String: String]
    }

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: req)
        } catch {
            guard req.isAPI || req.headers.bearerAuthorization != nil else { throw error }
            // Acting on another actor's step is a refusal like any other, and recorded as one.
            if let error = error as? ProcedureError, error.status == .forbidden {
                try await req.auditRefusal(.securityForbidden, reason: error.message)
            }
            let (status, message, fields) = Self.describe(error, req)
            let response = try await Body(error: message, fields: fields).encodeResponse(status: status, for: req)
            if status == .unauthorized { response.headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer") }
            return response
        }
    }

    static func describe(_ error: any Error, _ req: Request) -> (HTTPStatus, String, [String: String]) {
        if let error = error as? ProcedureError { return (error.status, error.message, error.fields) }
        if let refusal = error as? Refusal { return (refusal.status, refusal.indonesian, [:]) }
        if let error = error as? DecodingError { return (.badRequest, "Isian tidak dapat dibaca: \(Self.describe(error))", [:]) }
        guard let abort = error as? any AbortError else {
            req.logger.report(error: error)
            return (.internalServerError, "Terjadi kesalahan pada server; perubahan Anda belum disimpan. Coba lagi sebentar lagi.", [:])
        }
        let message: String =
            switch abort.status {
            case .unauthorized: "Masuk terlebih dahulu: kirim token API pada Authorization: Bearer dk_… (dibuat di /akun/token)."
            case .notFound: "Alamat atau data ini tidak ada, atau Anda tidak berhak melihatnya."
            case .unsupportedMediaType: "Jenis isi tidak didukung: kirim application/json (berkas: multipart/form-data)."
            case .payloadTooLarge: "Isian terlalu besar."
            case .badRequest: "Permintaan tidak dapat dibaca: \(abort.reason)"
            case .methodNotAllowed: "Metode ini tidak tersedia untuk alamat ini."
            default: abort.reason
            }
        return (abort.status, message, [:])
    }

    /// Which field of the JSON could not be read, and why.
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
