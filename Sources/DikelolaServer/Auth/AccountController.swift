import DikelolaCore
import Fluent
import Plot
import Vapor

/// The signed-in person's own account: changing the password.
enum AccountController {
    @Sendable static func passwordPage(req: Request, user: CurrentUser) async throws -> Response {
        render(req, user: user)
    }

    @Sendable static func changePassword(req: Request, user current: CurrentUser) async throws -> Response {
        let values = try req.formValues()
        let form = (current: values.optional("current"), new: values.optional("new"), confirm: values.optional("confirm"))
        let ctx = PageContext(req)
        guard let user = try await User.find(current.id, on: req.db) else { throw Refusal.notFound }
        var errors: [String: String] = [:]
        let new = form.new ?? ""
        if form.current?.isEmpty ?? true {
            errors["current"] = ctx.t("Kata sandi sekarang wajib diisi.", "The current password is required.")
        } else if try !(await req.password.async.verify(form.current ?? "", created: user.passwordHash)) {
            errors["current"] = ctx.t("Kata sandi sekarang salah.", "The current password is wrong.")
        }
        let problems = PasswordPolicy.problems(with: new, email: user.email)
        if let first = problems.first {
            errors["new"] = ctx.t(first.description, first.english)
        } else if new == form.current {
            errors["new"] = ctx.t(
                "Kata sandi baru harus berbeda dari yang sekarang.", "The new password must differ from the current one.")
        }
        if errors["new"] == nil, new != form.confirm {
            errors["confirm"] = ctx.t("Ulangan kata sandi tidak sama.", "The repeated password does not match.")
        }
        guard errors.isEmpty else { return render(req, user: current, errors: errors, status: .unprocessableEntity) }

        let hash = try await req.password.async.hash(new)
        try await req.application.writeTransaction { db in
            user.passwordHash = hash
            user.mustChangePassword = false
            user.sessionEpoch += 1
            try await user.save(on: db)
            try await AuditLog.record(
                req.auditDraft(
                    .userPasswordChange, targetType: .user,
                    targetID: current.id.uuidString,
                    after: "kata sandi diganti; sesi lain diakhiri"), on: db)
        }
        try await Sessions.signIn(req, user: user)
        Sessions.setNotice(req, ctx.t("Kata sandi sudah diganti.", "Your password has been changed."))
        return req.redirect(to: SiteURL.home.path)
    }

    private static func render(_ req: Request, user: CurrentUser, errors: [String: String] = [:], status: HTTPStatus = .ok) -> Response {
        let ctx = PageContext(req, user: user)
        return Layout.page(
            ctx, title: ctx.t("Ganti kata sandi", "Change password"), status: status,
            .h1(.text(ctx.t("Ganti kata sandi", "Change password"))),
            .if(
                user.mustChangePassword,
                Layout.notice(
                    ctx.t(
                        "Anda masuk dengan kata sandi sekali pakai. Buat kata sandi Anda sendiri untuk melanjutkan.",
                        "You signed in with a one-time password. Choose your own password to continue."))),
            .form(
                .class("stack"), .action(SiteURL.changePassword.path), .method(.post),
                Layout.csrfField(ctx),
                Layout.field(
                    "current", label: ctx.t("Kata sandi sekarang", "Current password"), type: .password,
                    autocomplete: "current-password", error: errors["current"]),
                Layout.field(
                    "new", label: ctx.t("Kata sandi baru", "New password"), type: .password,
                    autocomplete: "new-password", error: errors["new"],
                    hint: ctx.t(
                        "Minimal \(PasswordPolicy.minimumLength) karakter. Kalimat pendek yang mudah Anda ingat lebih aman daripada kata yang rumit.",
                        "At least \(PasswordPolicy.minimumLength) characters. A short sentence you remember beats a complicated word."
                    )),
                Layout.field(
                    "confirm", label: ctx.t("Ulangi kata sandi baru", "Repeat the new password"), type: .password,
                    autocomplete: "new-password", error: errors["confirm"]),
                .button(.type(.submit), .text(ctx.t("Simpan kata sandi", "Save password")))
            )
        )
    }
}

/// Where each address of `AccountController` goes.
struct AccountRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.signedIn(.GET, .changePassword, use: AccountController.passwordPage)
        routes.signedIn(.POST, .changePassword, use: AccountController.changePassword)
    }
}
