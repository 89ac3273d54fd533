import DikelolaCore
import Fluent
import Plot
import Vapor

/// Personal API tokens (`/akun/token`) and the smallest API call, `GET /api/v1/me`.
enum TokenController {
    @Sendable static func tokensPage(req: Request, user: CurrentUser) async throws -> Response {
        try await render(req, user: user, form: TokenForm(), errors: [:])
    }

    static let maximumDays = 365

    static var meOperation: APIOperation {
        APIOperation(
            method: .GET, url: .apiMe, summary: "The token's owner and the roles they hold, by unit",
            answers: [.ok(.ref("Me"))], handler: me)
    }

    struct TokenForm {
        var name: String = ""
        var days: String = "90"

        init() {}

        init(_ form: FormValues) {
            name = form["name"]
            days = form["days"]
        }
    }

    @Sendable static func create(req: Request, user: CurrentUser) async throws -> Response {
        let form = TokenForm(try req.formValues())
        let ctx = PageContext(req, user: user)
        var errors: [String: String] = [:]
        let name = form.name.trimmingCharacters(in: .whitespaces)
        if name.isEmpty {
            errors["name"] = ctx.t("Beri nama token, misalnya \"Website PPID\".", "Name the token, e.g. \"PPID website\".")
        }
        let days = Int(form.days.trimmingCharacters(in: .whitespaces)).flatMap { (1...Self.maximumDays).contains($0) ? $0 : nil }
        if days == nil {
            errors["days"] = ctx.t("Masa berlaku 1 sampai \(Self.maximumDays) hari.", "Valid for 1 to \(Self.maximumDays) days.")
        }
        guard errors.isEmpty, let days else {
            return try await render(req, user: user, form: form, errors: errors, status: .unprocessableEntity)
        }
        let issued = try await req.application.writeTransaction { db in
            let issued = try await ApiTokens.issue(userID: user.id, name: name, validFor: days, now: req.now, on: db)
            try await AuditLog.record(
                req.auditDraft(
                    .apiTokenCreate, targetType: .apiToken,
                    targetID: try issued.record.requireID().uuidString,
                    after: "\(name), \(issued.record.prefix)…, berlaku \(days) hari"), on: db)
            return issued.token
        }
        return try await render(req, user: user, form: TokenForm(), errors: [:], newToken: issued)
    }

    @Sendable static func revoke(req: Request, user: CurrentUser) async throws -> Response {
        guard let token = try await ApiToken.find(try req.id("token"), on: req.db), token.$user.id == user.id else {
            throw Refusal.notFound
        }
        if token.revokedAt == nil {
            token.revokedAt = req.now
            try await req.application.writeTransaction { db in
                try await token.save(on: db)
                try await AuditLog.record(
                    req.auditDraft(
                        .apiTokenRevoke, targetType: .apiToken, targetID: try token.requireID().uuidString,
                        before: "\(token.name), \(token.prefix)…"), on: db)
            }
        }
        Sessions.setNotice(req, PageContext(req).t("Token \(token.name) dicabut.", "Token \(token.name) revoked."))
        return req.redirect(to: SiteURL.apiTokens.path)
    }

    struct Me: Content {
        struct RoleInUnit: Content {
            let role: String
            let unitID: String
            let bodyID: String
        }

        let id: UUID
        let email: String
        let name: String
        let position: String
        let roles: [RoleInUnit]
    }

    @Sendable static func me(req: Request, user: CurrentUser) async throws -> Response {
        let me = Me(
            id: user.id, email: user.email, name: user.name, position: user.position,
            roles: user.person.assignments.map { .init(role: $0.role.rawValue, unitID: $0.unit.id, bodyID: $0.unit.bodyID) })
        return try await me.encodeResponse(for: req)
    }

    private static func render(
        _ req: Request, user: CurrentUser, form: TokenForm, errors: [String: String], status: HTTPStatus = .ok,
        newToken: String? = nil
    ) async throws -> Response {
        let ctx = PageContext(req, user: user)
        let tokens = try await ApiToken.query(on: req.db).filter(\.$user.$id == user.id).sort(\.$createdAt, .descending).all()
        let now = req.now
        return Layout.page(
            ctx, title: ctx.t("Token API", "API tokens"), status: status,
            .h1(.text(ctx.t("Token API pribadi", "Personal API tokens"))),
            .unwrap(Sessions.takeNotice(req)) { Layout.notice($0, kind: "ok") },
            .unwrap(newToken) { token in
                .div(
                    Layout.notice(
                        ctx.t(
                            "Salin token ini sekarang; token tidak akan ditampilkan lagi.",
                            "Copy this token now; it will not be shown again."), kind: "ok"),
                    .p(.class("secret"), .element(named: "code", text: token)))
            },
            .p(
                .text(
                    ctx.t(
                        "Pakai sebagai header Authorization: Bearer TOKEN untuk /api/v1/.",
                        "Use as the header Authorization: Bearer TOKEN for /api/v1/."))),
            .table(
                .tr(
                    .th(.text(ctx.t("Nama", "Name"))), .th(.text(ctx.t("Awalan", "Prefix"))),
                    .th(.text(ctx.t("Berlaku sampai", "Expires"))),
                    .th(.text(ctx.t("Terakhir dipakai", "Last used"))), .th(.text(ctx.t("Status", "Status"))), .th(.text(""))),
                .forEach(tokens) { token in
                    let status =
                        token.revokedAt != nil
                        ? ctx.t("dicabut", "revoked")
                        : (token.expiresAt <= now ? ctx.t("kedaluwarsa", "expired") : ctx.t("berlaku", "valid"))
                    return .tr(
                        .td(.text(token.name)), .td(.element(named: "code", text: token.prefix + "…")),
                        .td(.text(token.expiresAt.formatted(.iso8601))),
                        .td(.text(token.lastUsedAt.map { $0.formatted(.iso8601) } ?? "—")),
                        .td(.text(status)),
                        .td(
                            .if(
                                token.revokedAt == nil,
                                .form(
                                    .class("inline"), .action(SiteURL.revokeApiToken(token.id).path), .method(.post),
                                    Layout.csrfField(ctx),
                                    .button(.type(.submit), .text(ctx.t("Cabut", "Revoke"))))))
                    )
                }
            ),
            .h2(.text(ctx.t("Token baru", "New token"))),
            .form(
                .class("stack"), .action(SiteURL.apiTokens.path), .method(.post), Layout.csrfField(ctx),
                Layout.field("name", label: ctx.t("Nama", "Name"), value: form.name, autocomplete: "off", error: errors["name"]),
                Layout.field(
                    "days", label: ctx.t("Berlaku (hari)", "Valid for (days)"), type: .number, value: form.days,
                    autocomplete: "off", error: errors["days"]),
                .button(.type(.submit), .text(ctx.t("Buat token", "Create token"))))
        )
    }
}

/// Where each address of `TokenController` goes.
struct TokenRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.signedIn(.GET, .apiTokens, use: TokenController.tokensPage)
        routes.signedIn(.POST, .apiTokens, use: TokenController.create)
        routes.signedIn(.POST, .revokeApiToken(nil), use: TokenController.revoke)
        routes.described(TokenController.meOperation)
    }
}
