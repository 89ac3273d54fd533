import DikelolaCore
import Fluent
import Plot
import Vapor

/// Signing in and out of the browser interface.
struct LoginController: RouteCollection {
    let throttle = LoginThrottle()

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.login.pathComponents, use: form)
        routes.post(SiteURL.login.pathComponents, use: signIn)
        routes.signedIn(.POST, .logout, use: signOut)
    }

    struct LoginForm {
        var email: String?
        var password: String?
        var lanjut: String?
    }

    @Sendable func form(req: Request) async throws -> Response {
        if req.currentUser != nil { return req.redirect(to: SiteURL.home.path) }
        let next = req.query[String.self, at: "lanjut"]
        if req.query[String.self, at: "sesi"] == "berakhir" {
            let ctx = PageContext(req)
            return render(
                req, form: LoginForm(email: nil, password: nil, lanjut: next),
                notice: ctx.t(
                    "Sesi Anda berakhir sebelum formulir terkirim, jadi isiannya belum disimpan. Masuk lagi: yang sudah Anda ketik dikembalikan ke formulirnya (di peramban ini).",
                    "Your session ended before the form was sent, so it was not saved. Sign in again: what you typed goes back into the form (in this browser)."
                ), noticeKind: "error", keepDrafts: true)
        }
        return render(req, form: LoginForm(email: nil, password: nil, lanjut: next), notice: Sessions.takeNotice(req))
    }

    @Sendable func signIn(req: Request) async throws -> Response {
        let values = try req.formValues()
        let form = LoginForm(
            email: values.optional("email"), password: values.optional("password"), lanjut: values.optional("lanjut"))
        let email = (form.email ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let password = form.password ?? ""
        let ctx = PageContext(req)
        var errors: [String: String] = [:]
        if email.isEmpty { errors["email"] = ctx.t("E-mail wajib diisi.", "E-mail is required.") }
        if password.isEmpty { errors["password"] = ctx.t("Kata sandi wajib diisi.", "Password is required.") }
        guard errors.isEmpty else { return render(req, form: form, errors: errors, status: .unprocessableEntity) }

        let now = req.now
        let since = now.addingTimeInterval(-throttle.window)
        let address = req.clientAddress
        let user = try await User.query(on: req.db).filter(\.$email == email).first()
        // What was typed is kept only when it names an account: a password typed into the e-mail
        // field must not stay in the history (found by an outside probe).
        let attempted = user == nil ? Self.unknownAccount(email) : email
        let accountFailures = try await LoginAttempt.query(on: req.db)
            .filter(\.$email == attempted).filter(\.$succeeded == false).filter(\.$occurredAt > since).all()
        let addressFailures = try await LoginAttempt.query(on: req.db)
            .filter(\.$clientAddress == address).filter(\.$succeeded == false).filter(\.$occurredAt > since)
            .all().map(\.occurredAt)
        let verdict = throttle.verdict(
            pairFailures: accountFailures.filter { $0.clientAddress == address }.map(\.occurredAt),
            accountFailures: accountFailures.map(\.occurredAt), addressFailures: addressFailures, now: now)
        if let until = verdict.until {
            // Counted per address and minute, like other anonymous refusals: a flood of attempts
            // while waiting costs a counter, not a row of the history each.
            req.application.dikelola.refusals.count(action: .authLoginThrottled, address: address, at: now)
            let seconds = max(1, Int(until.timeIntervalSince(now).rounded()))
            let wait =
                seconds < 60
                ? ctx.t("\(seconds) detik", "\(seconds) seconds")
                : ctx.t("\((seconds + 59) / 60) menit", "\((seconds + 59) / 60) minutes")
            let message = ctx.t(
                "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam \(wait).",
                "Too many failed sign-in attempts. Try again in \(wait).")
            return render(req, form: form, notice: message, noticeKind: "error", status: .tooManyRequests)
        }

        // Verify against a fixed hash when there is no such account, so timing does not tell.
        let verified = try await req.password.async.verify(password, created: user?.passwordHash ?? Self.decoyHash)
        guard let user, verified, user.isActive else {
            try await req.application.writeTransaction { db in
                try await LoginAttempt(email: attempted, clientAddress: req.clientAddress, succeeded: false, occurredAt: now)
                    .create(on: db)
                try await AuditLog.record(
                    req.auditDraft(
                        .authLoginFailed, targetType: .account, targetID: attempted,
                        after: user == nil ? "akun tidak dikenal" : (verified ? "akun nonaktif" : "kata sandi salah")),
                    on: db)
            }
            let message =
                user != nil && verified
                ? ctx.t(
                    "Akun ini dinonaktifkan. Hubungi administrator.", "This account is deactivated. Contact the administrator.")
                : ctx.t("E-mail atau kata sandi salah.", "Wrong e-mail or password.")
            return render(
                req, form: LoginForm(email: form.email, password: nil, lanjut: form.lanjut), notice: message,
                noticeKind: "error", status: .unauthorized)
        }

        try await req.application.writeTransaction { db in
            user.lastLoginAt = now
            try await user.save(on: db)
            try await LoginAttempt(email: email, clientAddress: req.clientAddress, succeeded: true, occurredAt: now).create(
                on: db)
            var draft = req.auditDraft(.authLogin, targetType: .user, targetID: try user.requireID().uuidString)
            draft.actorID = try user.requireID().uuidString
            try await AuditLog.record(draft, on: db)
        }
        try await Sessions.signIn(req, user: user)
        if user.mustChangePassword { return req.redirect(to: SiteURL.changePassword.path) }
        return req.redirect(to: Self.safeNext(form.lanjut))
    }

    /// An e-mail that names no account, as it is kept: a digest, the same for the same text (so the
    /// throttle still counts it), never the text.
    static func unknownAccount(_ typed: String) -> String {
        "tidak-dikenal:" + RandomToken.sha256Hex(typed).prefix(16)
    }

    @Sendable func signOut(req: Request, user: CurrentUser) async throws -> Response {
        try await req.application.writeTransaction { db in
            try await AuditLog.record(req.auditDraft(.authLogout, targetType: .user, targetID: user.id.uuidString), on: db)
        }
        Sessions.signOut(req)
        Sessions.setNotice(req, PageContext(req).t("Anda sudah keluar.", "You are signed out."))
        return req.redirect(to: SiteURL.login.path)
    }

    /// Only a path of this site: never `//other.site` or `https://…`, so the sign-in page cannot
    /// be used to send people elsewhere.
    static func safeNext(_ next: String?) -> String {
        // A path of this site only: printable ASCII without spaces or backslashes (a browser drops a
        // tab or newline from `/\t/evil.example/` and goes to `//evil.example/`), no scheme, no host.
        guard let next, next.utf8.count <= 2_000, next.hasPrefix("/"), !next.hasPrefix("//"),
            next.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) && $0 != "\\" }),
            let components = URLComponents(string: next), components.scheme == nil, components.host == nil
        else { return SiteURL.home.path }
        return next
    }

    /// bcrypt of a random string nobody knows, made once.
    static let decoyHash: String = (try? Bcrypt.hash(RandomToken.make(bytes: 24))) ?? ""

    private func render(
        _ req: Request, form: LoginForm, errors: [String: String] = [:], notice: String? = nil,
        noticeKind: String = "info", status: HTTPStatus = .ok, keepDrafts: Bool = false
    ) -> Response {
        let ctx = PageContext(req)
        return Layout.page(
            ctx, title: ctx.t("Masuk", "Sign in"), status: status,
            .if(keepDrafts, Layout.keepDrafts),
            .h1(.text(ctx.t("Masuk ke Dikelola", "Sign in to Dikelola"))),
            .unwrap(notice) { Layout.notice($0, kind: noticeKind) },
            .form(
                .class("stack"), .action(SiteURL.login.path), .method(.post),
                Layout.csrfField(ctx),
                .input(.type(.hidden), .name("lanjut"), .value((form.lanjut ?? "").attributeEscaped)),
                Layout.field(
                    "email", label: ctx.t("E-mail", "E-mail"), type: .email, value: form.email ?? "",
                    autocomplete: "username", error: errors["email"]),
                Layout.field(
                    "password", label: ctx.t("Kata sandi", "Password"), type: .password,
                    autocomplete: "current-password", error: errors["password"]),
                .button(.type(.submit), .text(ctx.t("Masuk", "Sign in")))
            )
        )
    }
}
