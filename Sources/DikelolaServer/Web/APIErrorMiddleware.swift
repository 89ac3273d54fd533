import Vapor

/// Every error of the API in its documented shape, `{"error": "…", "fields": {…}}`: what the
/// framework raises itself (no token, no such address, a body of the wrong type or size) as much
/// as what the handlers refuse. Pages are left to `ErrorMiddleware`.
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
            let (status, message, fields) = Self.describe(error, req)
            let response = try await Body(error: message, fields: fields).encodeResponse(status: status, for: req)
            if status == .unauthorized { response.headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer") }
            return response
        }
    }

    static func describe(_ error: any Error, _ req: Request) -> (HTTPStatus, String, [String: String]) {
        if let error = error as? ProcedureError { return (error.status, error.message, error.fields) }
        if let refusal = error as? Refusal { return (refusal.status, refusal.indonesian, [:]) }
        if error is DecodingError { return (.badRequest, "Isian tidak dapat dibaca sebagai JSON yang diharapkan.", [:]) }
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
}
