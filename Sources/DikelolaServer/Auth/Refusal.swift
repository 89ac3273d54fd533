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

extension Request {
    /// Records a refusal: as an audit event of its own for a signed-in person, counted per address
    /// and minute for an anonymous request (`RefusalTally`).
    func auditRefusal(_ action: AuditAction, reason: String?) async throws {
        guard currentUser != nil else {
            application.dikelola.refusals.count(action: action, address: clientAddress, at: now)
            return
        }
        try await application.writeTransaction { db in
            try await AuditLog.record(
                self.auditDraft(action, targetType: .request, targetID: "\(self.method) \(self.url.path)", after: reason), on: db)
        }
    }
}

/// Turns a `Refusal` into a page or a JSON error; leaves other errors to Vapor's error middleware.
struct RefusalMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: req)
        } catch let refusal as Refusal {
            switch refusal {
            case let .forbidden(denial): try await req.auditRefusal(.securityForbidden, reason: denial.description)
            // A signed-in person asking for what is not theirs (another proposal's item) is recorded too.
            case .notFound where req.currentUser != nil: try await req.auditRefusal(.securityNotFound, reason: nil)
            case .csrf, .notFound: break
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
            if error.status == .forbidden { try await req.auditRefusal(.securityForbidden, reason: error.message) }
            // A form refused for what was typed: the browser keeps the text for the form's page.
            return Self.page(req, status: error.status, message: error.message, keepDrafts: error.status == .unprocessableEntity)
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
            : .a(.href(back.attributeEscaped), .text(ctx.t("Kembali ke formulir", "Back to the form")))
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

    static func page(_ req: Request, status: HTTPStatus, message: String, keepDrafts: Bool = false) -> Response {
        let ctx = PageContext(req)
        let back = keepDrafts ? req.refererPath : nil
        return Layout.page(
            ctx, title: ctx.t("Tidak dapat diproses", "Cannot be done"), status: status,
            .if(keepDrafts, Layout.keepDrafts),
            .h1(.text(ctx.t("Tidak dapat diproses", "Cannot be done"))),
            Layout.notice(message, kind: "error"),
            .unwrap(back) { back in
                .p(
                    .a(
                        .href(back.attributeEscaped),
                        .text(
                            ctx.t(
                                "Kembali ke formulir (isian Anda dikembalikan oleh peramban)",
                                "Back to the form (the browser puts back what you typed)"))))
            },
            .p(.a(.href(SiteURL.home.path), .text(ctx.t("Kembali ke beranda", "Back to the home page")))))
    }
}
