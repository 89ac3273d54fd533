import DikelolaCore
import Plot
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
            if case .csrf = refusal { return Self.expiredForm(req) }
            return Self.page(req, status: refusal.status, message: PageContext(req).t(refusal.indonesian, refusal.english))
        } catch let error as ProcedureError where !req.isAPI {
            // A rule of the procedure refused what a page asked (the API answers these in JSON).
            return Self.page(req, status: error.status, message: error.message)
        }
    }

    /// A form whose session or token has expired: nothing was saved; what was typed is kept in the
    /// browser for the form's page, reached again through the sign-in when the session is gone.
    static func expiredForm(_ req: Request) -> Response {
        let ctx = PageContext(req)
        let back = req.refererPath ?? SiteURL.home.path
        let link =
            req.currentUser == nil
            ? Node<HTML.BodyContext>.a(
                .href(SiteURL.login.with(query: ["lanjut": back])), .text(ctx.t("Masuk lagi", "Sign in again")))
            : .a(.href(back), .text(ctx.t("Kembali ke formulir", "Back to the form")))
        return Layout.page(
            ctx, title: ctx.t("Tidak dapat diproses", "Cannot be done"), status: .forbidden,
            Layout.keepDrafts,
            .h1(.text(ctx.t("Formulir belum terkirim", "The form was not sent"))),
            Layout.notice(
                ctx.t(
                    Refusal.csrf.indonesian
                        + " Yang sudah Anda ketik tersimpan di peramban ini dan dikembalikan saat formulirnya dibuka lagi.",
                    Refusal.csrf.english + " What you typed is kept in this browser and put back when the form is opened again."
                ), kind: "error"),
            .p(link))
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
