import DikelolaCore
import Vapor

/// Why a request is refused, with the words the person sees (Bahasa Indonesia, then English).
/// Browser pages render it; the API answers JSON with the same reason.
enum Refusal: Error {
    case csrf
    case forbidden(Authorization.Denial)
    case notFound

    var status: HTTPStatus {
        switch self {
        case .csrf, .forbidden: .forbidden
        case .notFound: .notFound
        }
    }

    var indonesian: String {
        switch self {
        case .csrf:
            "Formulir ini sudah kedaluwarsa atau tidak sah. Muat ulang halaman, lalu kirim lagi; isian Anda belum disimpan."
        case let .forbidden(denial): denial.description
        case .notFound: "Halaman atau data yang dicari tidak ada, atau Anda tidak berhak melihatnya."
        }
    }

    var english: String {
        switch self {
        case .csrf: "This form has expired or is not valid. Reload the page and send it again; nothing was saved."
        case .forbidden: "You are not allowed to do this."
        case .notFound: "The page or record does not exist, or you may not see it."
        }
    }
}

/// Turns a `Refusal` into a page or a JSON error; leaves other errors to Vapor's error middleware.
struct RefusalMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: req)
        } catch let refusal as Refusal {
            if case let .forbidden(denial) = refusal {
                try await req.application.writeTransaction { db in
                    try await AuditLog.record(
                        req.auditDraft(
                            "security.forbidden", targetType: "request",
                            targetID: "\(req.method) \(req.url.path)", after: denial.description), on: db)
                }
            }
            if req.isAPI || req.headers.bearerAuthorization != nil {
                let response = Response(status: refusal.status)
                try response.content.encode(["error": refusal.indonesian, "errorEnglish": refusal.english])
                return response
            }
            return Self.page(req, status: refusal.status, message: PageContext(req).t(refusal.indonesian, refusal.english))
        } catch let error as ProcedureError where !req.isAPI {
            // A rule of the procedure refused what a page asked (the API answers these in JSON).
            return Self.page(req, status: error.status, message: error.message)
        }
    }

    static func page(_ req: Request, status: HTTPStatus, message: String) -> Response {
        let ctx = PageContext(req)
        return Layout.page(
            ctx, title: ctx.t("Tidak dapat diproses", "Cannot be done"), status: status,
            .h1(.text(ctx.t("Tidak dapat diproses", "Cannot be done"))),
            Layout.notice(message, kind: "error"),
            .p(.a(.href(SiteURL.home.path), .text(ctx.t("Kembali ke beranda", "Back to the home page")))))
    }
}
