import DikelolaCore
import Fluent
import Plot
import Vapor

/// People of a body: accounts, their roles in units, resets and deactivation, and their history.
struct UserAdminController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.signedIn(.GET, .adminUsers(nil), use: list)
        routes.signedIn(.GET, .adminNewUser(nil)) { req, user in
            let body = try await AdminAccess.body(try req.id("body"), for: user, .manageUsers, on: req.db)
            return renderNew(req, user: user, body: body, form: UserForm(), errors: [:])
        }
        routes.signedIn(.POST, .adminNewUser(nil), use: create)
        routes.signedIn(.GET, .adminUser(nil)) { req, user in
            let target = try await AdminAccess.managedUser(try req.id("user"), for: user, on: req.db)
            return try await renderUser(req, user: user, target: target, form: UserForm(target), errors: [:])
        }
        routes.signedIn(.POST, .adminUser(nil), use: update)
        routes.signedIn(.POST, .adminUserStatus(nil), use: toggleStatus)
        routes.signedIn(.POST, .adminUserReset(nil), use: resetPassword)
        routes.signedIn(.POST, .adminUserRoles(nil), use: addRole)
        routes.signedIn(.POST, .adminUserRoleRemove(nil, nil), use: removeRole)
    }

    struct UserForm {
        var name: String = ""
        var position: String = ""
        var nip: String = ""
        var email: String = ""

        init() {}

        init(_ form: FormValues) {
            name = form["name"]
            position = form["position"]
            nip = form["nip"]
            email = form["email"]
        }

        init(_ user: User) {
            name = user.name
            position = user.position
            nip = (try? NIP(user.nip ?? ""))?.formatted ?? user.nip ?? ""
            email = user.email
        }

        var normalizedEmail: String { email.trimmingCharacters(in: .whitespaces).lowercased() }

        func errors(_ ctx: PageContext) -> [String: String] {
            var errors: [String: String] = [:]
            if name.trimmingCharacters(in: .whitespaces).isEmpty {
                errors["name"] = ctx.t("Nama wajib diisi.", "The name is required.")
            }
            if position.trimmingCharacters(in: .whitespaces).isEmpty {
                errors["position"] = ctx.t("Jabatan wajib diisi.", "The position is required.")
            }
            if !nip.trimmingCharacters(in: .whitespaces).isEmpty {
                do { _ = try NIP(nip) } catch { errors["nip"] = error.description }
            }
            if !EmailAddress.isPlausible(normalizedEmail) {
                errors["email"] = ctx.t(
                    "Isi alamat e-mail yang benar, misalnya nama@contohkab.go.id.",
                    "Enter a valid e-mail address, e.g. name@example.go.id.")
            }
            return errors
        }

        func apply(to user: User) {
            user.name = name.trimmingCharacters(in: .whitespaces)
            user.position = position.trimmingCharacters(in: .whitespaces)
            user.nip = (try? NIP(nip))?.digits
            user.email = normalizedEmail
        }

        var summary: String { "\(name), \(position), NIP \(nip.isEmpty ? "-" : nip), \(normalizedEmail)" }
    }

    // MARK: List and create

    @Sendable func list(req: Request, user: CurrentUser) async throws -> Response {
        let body = try await AdminAccess.body(try req.id("body"), for: user, .manageUsers, on: req.db)
        let people = try await User.query(on: req.db).filter(\.$homeBody.$id == body.requireID()).sort(\.$name)
            .with(\.$assignments) { $0.with(\.$unit) }.all()
        let ctx = PageContext(req, user: user)
        return Layout.page(
            ctx, title: ctx.t("Pengguna", "People"),
            .h1(.text(ctx.t("Pengguna — \(body.name)", "People — \(body.name)"))),
            .unwrap(Sessions.takeNotice(req)) { Layout.notice($0, kind: "ok") },
            .p(
                .a(.href(SiteURL.adminBody(body.id).path), .text("← \(body.name)")), .text(" · "),
                .a(.href(SiteURL.adminNewUser(body.id).path), .text(ctx.t("Tambah pengguna", "Add a person")))),
            .table(
                .tr(
                    .th(.text(ctx.t("Nama", "Name"))), .th(.text(ctx.t("E-mail", "E-mail"))), .th(.text(ctx.t("Peran", "Roles"))),
                    .th(.text(ctx.t("Status", "Status")))),
                .forEach(people) { person in
                    .tr(
                        .td(
                            .a(.href(SiteURL.adminUser(person.id).path), .text(person.name)), .br(),
                            .small(.text(person.position))),
                        .td(.text(person.email)),
                        .td(
                            .text(
                                person.assignments.map {
                                    "\(Role(rawValue: $0.role)?.indonesianTitle ?? $0.role) (\($0.unit.shortName ?? $0.unit.name))"
                                }
                                .joined(separator: "; "))),
                        .td(.text(person.isActive ? ctx.t("aktif", "active") : ctx.t("nonaktif", "deactivated")))
                    )
                }
            )
        )
    }

    @Sendable func create(req: Request, user: CurrentUser) async throws -> Response {
        let body = try await AdminAccess.body(try req.id("body"), for: user, .manageUsers, on: req.db)
        let form = UserForm(try req.formValues())
        let ctx = PageContext(req, user: user)
        var errors = form.errors(ctx)
        if errors["email"] == nil, try await User.query(on: req.db).filter(\.$email == form.normalizedEmail).first() != nil {
            errors["email"] = ctx.t("E-mail ini sudah dipakai akun lain.", "Another account uses this e-mail.")
        }
        guard errors.isEmpty else {
            return renderNew(req, user: user, body: body, form: form, errors: errors, status: .unprocessableEntity)
        }
        let password = OneTimePassword.generate()
        let person = User(
            email: "", name: "", position: "", passwordHash: try await req.password.async.hash(password),
            mustChangePassword: true, homeBodyID: try body.requireID())
        form.apply(to: person)
        person.credentialsSetBy = user.id
        try await req.application.writeTransaction { db in
            try await person.create(on: db)
            try await AuditLog.record(
                req.auditDraft(
                    "user.create", targetType: "user", targetID: try person.requireID().uuidString,
                    bodyID: try body.requireID().uuidString, after: form.summary), on: db)
        }
        return renderPassword(
            req, user: user, target: person, password: password,
            intro: ctx.t("Akun \(person.name) dibuat.", "The account of \(person.name) was created."))
    }

    // MARK: One person

    @Sendable func update(req: Request, user: CurrentUser) async throws -> Response {
        let target = try await AdminAccess.managedUser(try req.id("user"), for: user, on: req.db)
        let form = UserForm(try req.formValues())
        let ctx = PageContext(req, user: user)
        var errors = form.errors(ctx)
        if errors["email"] == nil, let other = try await User.query(on: req.db).filter(\.$email == form.normalizedEmail).first(),
            other.id != target.id
        {
            errors["email"] = ctx.t("E-mail ini sudah dipakai akun lain.", "Another account uses this e-mail.")
        }
        guard errors.isEmpty else {
            return try await renderUser(req, user: user, target: target, form: form, errors: errors, status: .unprocessableEntity)
        }
        let before = UserForm(target).summary
        form.apply(to: target)
        try await req.application.writeTransaction { db in
            try await target.save(on: db)
            try await AuditLog.record(
                req.auditDraft(
                    "user.update", targetType: "user", targetID: try target.requireID().uuidString,
                    bodyID: target.$homeBody.id?.uuidString, before: before, after: form.summary), on: db)
        }
        Sessions.setNotice(req, ctx.t("Data pengguna disimpan.", "Saved."))
        return req.redirect(to: SiteURL.adminUser(target.id).path)
    }

    @Sendable func toggleStatus(req: Request, user: CurrentUser) async throws -> Response {
        let target = try await AdminAccess.managedUser(try req.id("user"), for: user, on: req.db)
        let ctx = PageContext(req, user: user)
        guard target.id != user.id else {
            Sessions.setNotice(
                req, ctx.t("Anda tidak dapat menonaktifkan akun Anda sendiri.", "You cannot deactivate your own account."))
            return req.redirect(to: SiteURL.adminUser(target.id).path)
        }
        target.isActive.toggle()
        try await req.application.writeTransaction { db in
            try await target.save(on: db)
            try await AuditLog.record(
                req.auditDraft(
                    target.isActive ? "user.activate" : "user.deactivate", targetType: "user",
                    targetID: try target.requireID().uuidString, bodyID: target.$homeBody.id?.uuidString,
                    before: target.isActive ? "nonaktif" : "aktif",
                    after: target.isActive ? "aktif" : "nonaktif"), on: db)
        }
        Sessions.setNotice(
            req,
            target.isActive
                ? ctx.t("Akun diaktifkan.", "Account activated.")
                : ctx.t("Akun dinonaktifkan; semua sesinya berakhir.", "Account deactivated; its sessions ended."))
        return req.redirect(to: SiteURL.adminUser(target.id).path)
    }

    @Sendable func resetPassword(req: Request, user: CurrentUser) async throws -> Response {
        let target = try await AdminAccess.managedUser(try req.id("user"), for: user, on: req.db)
        let password = OneTimePassword.generate()
        let hash = try await req.password.async.hash(password)
        try await req.application.writeTransaction { db in
            target.passwordHash = hash
            target.mustChangePassword = true
            target.sessionEpoch += 1
            target.credentialsSetBy = user.id
            try await target.save(on: db)
            try await AuditLog.record(
                req.auditDraft(
                    "user.password.reset", targetType: "user", targetID: try target.requireID().uuidString,
                    bodyID: target.$homeBody.id?.uuidString,
                    after: "kata sandi sekali pakai baru; sesi lama diakhiri"), on: db)
        }
        let ctx = PageContext(req, user: user)
        return renderPassword(
            req, user: user, target: target, password: password,
            intro: ctx.t("Kata sandi \(target.name) diatur ulang.", "The password of \(target.name) was reset."))
    }

    @Sendable func addRole(req: Request, user: CurrentUser) async throws -> Response {
        let target = try await AdminAccess.managedUser(try req.id("user"), for: user, on: req.db)
        let values = try req.formValues()
        let form = (role: values["role"], unitID: values["unitID"])
        let ctx = PageContext(req, user: user)
        var errors: [String: String] = [:]
        let role = Role(rawValue: form.role)
        if try target.requireID() == user.id {
            // Nobody raises their own access: another administrator gives the role, and it is audited.
            errors["role"] = ctx.t(
                "Anda tidak dapat memberi peran kepada diri sendiri; mintalah administrator lain.",
                "You cannot give yourself a role; ask another administrator.")
        } else if target.credentialsSetBy == user.id {
            // Whoever knew the password could sign in as the account and use the role themselves.
            errors["role"] = ctx.t(
                "Anda yang menetapkan kata sandi akun ini, jadi perannya harus diberikan administrator lain.",
                "You set this account's password, so another administrator must give it roles.")
        } else if role == nil {
            errors["role"] = ctx.t("Peran '\(form.role)' tidak dikenal.", "Unknown role '\(form.role)'.")
        }
        let unit = try await UUID(uuidString: form.unitID).asyncMap { try await Unit.find($0, on: req.db) } ?? nil
        if unit == nil {
            errors["unitID"] = ctx.t("Pilih unit.", "Choose a unit.")
        } else if unit?.$body.id != target.$homeBody.id {
            errors["unitID"] = ctx.t(
                "Unit ini milik badan publik lain; peran hanya dapat diberikan di badan publik pengguna.",
                "This unit belongs to another public body; roles are given only in the person's own body.")
        } else if let role, let unit,
            try await RoleAssignment.query(on: req.db).filter(\.$user.$id == target.requireID())
                .filter(\.$unit.$id == unit.requireID()).filter(\.$role == role.rawValue).first() != nil
        {
            errors["role"] = ctx.t(
                "Pengguna sudah memegang peran ini di unit ini.", "The person already holds this role in this unit.")
        }
        if let unit, errors["unitID"] == nil {
            try AdminAccess.require(user, .manageUsers, inBody: unit.$body.id)
        }
        guard errors.isEmpty, let role, let unit else {
            if errors["unitID"] != nil || errors["role"] != nil {
                let reasons = errors.values.sorted().joined(separator: " ")
                try await req.application.writeTransaction { db in
                    try await AuditLog.record(
                        req.auditDraft(
                            "role.assign.refused", targetType: "user",
                            targetID: try target.requireID().uuidString,
                            bodyID: target.$homeBody.id?.uuidString,
                            after: "\(form.role) @ \(form.unitID): \(reasons)"), on: db)
                }
            }
            return try await renderUser(
                req, user: user, target: target, form: UserForm(target), errors: errors, status: .unprocessableEntity)
        }
        try await req.application.writeTransaction { db in
            let assignment = RoleAssignment(userID: try target.requireID(), unitID: try unit.requireID(), role: role)
            try await assignment.create(on: db)
            try await AuditLog.record(
                req.auditDraft(
                    "role.assign", targetType: "user", targetID: try target.requireID().uuidString,
                    bodyID: unit.$body.id.uuidString, role: nil,
                    after: "\(role.rawValue) @ \(unit.name)"), on: db)
        }
        Sessions.setNotice(req, ctx.t("Peran \(role.indonesianTitle) di \(unit.name) diberikan.", "Role given."))
        return req.redirect(to: SiteURL.adminUser(target.id).path)
    }

    @Sendable func removeRole(req: Request, user: CurrentUser) async throws -> Response {
        let target = try await AdminAccess.managedUser(try req.id("user"), for: user, on: req.db)
        guard
            let assignment = try await RoleAssignment.query(on: req.db).filter(\.$id == req.id("assignment"))
                .filter(\.$user.$id == target.requireID()).with(\.$unit).first()
        else { throw Refusal.notFound }
        try AdminAccess.require(user, .manageUsers, inBody: assignment.unit.$body.id)
        try await req.application.writeTransaction { db in
            try await assignment.delete(on: db)
            try await AuditLog.record(
                req.auditDraft(
                    "role.remove", targetType: "user", targetID: try target.requireID().uuidString,
                    bodyID: assignment.unit.$body.id.uuidString,
                    before: "\(assignment.role) @ \(assignment.unit.name)"), on: db)
        }
        Sessions.setNotice(req, PageContext(req).t("Peran dicabut.", "Role removed."))
        return req.redirect(to: SiteURL.adminUser(target.id).path)
    }

    // MARK: Views

    private func userFields(_ ctx: PageContext, _ form: UserForm, _ errors: [String: String]) -> Node<HTML.FormContext> {
        .group(
            Layout.field(
                "name", label: ctx.t("Nama lengkap dan gelar", "Full name and titles"), value: form.name, autocomplete: "off",
                error: errors["name"]),
            Layout.field(
                "position", label: ctx.t("Jabatan", "Position"), value: form.position, autocomplete: "off",
                error: errors["position"]),
            Layout.field(
                "nip", label: ctx.t("NIP (tidak wajib)", "NIP (optional)"), value: form.nip, autocomplete: "off",
                error: errors["nip"],
                hint: ctx.t("18 angka, misalnya 19860926 201505 1 001", "18 digits, e.g. 19860926 201505 1 001")),
            Layout.field(
                "email", label: ctx.t("E-mail (untuk masuk)", "E-mail (to sign in)"), type: .email, value: form.email,
                autocomplete: "off", error: errors["email"])
        )
    }

    private func renderNew(
        _ req: Request, user: CurrentUser, body: PublicBody, form: UserForm, errors: [String: String],
        status: HTTPStatus = .ok
    ) -> Response {
        let ctx = PageContext(req, user: user)
        return Layout.page(
            ctx, title: ctx.t("Pengguna baru", "New person"), status: status,
            .h1(.text(ctx.t("Pengguna baru — \(body.name)", "New person — \(body.name)"))),
            .form(
                .class("stack"), .action(SiteURL.adminNewUser(body.id).path), .method(.post), Layout.csrfField(ctx),
                userFields(ctx, form, errors),
                .p(
                    .small(
                        .text(
                            ctx.t(
                                "Kata sandi sekali pakai dibuat dan ditampilkan satu kali sesudah disimpan.",
                                "A one-time password is made and shown once after saving.")))),
                .button(.type(.submit), .text(ctx.t("Buat akun", "Create account"))))
        )
    }

    private func renderPassword(_ req: Request, user: CurrentUser, target: User, password: String, intro: String) -> Response {
        let ctx = PageContext(req, user: user)
        return Layout.page(
            ctx, title: ctx.t("Kata sandi sekali pakai", "One-time password"),
            .h1(.text(ctx.t("Kata sandi sekali pakai", "One-time password"))),
            Layout.notice(intro, kind: "ok"),
            .p(
                .text(
                    ctx.t(
                        "Serahkan kepada \(target.name) (\(target.email)). Kata sandi ini tidak akan ditampilkan lagi, dan wajib diganti saat pertama masuk:",
                        "Give it to \(target.name) (\(target.email)). It is not shown again, and must be changed at the first sign-in:"
                    ))),
            .p(.class("secret"), .strong(.text(password))),
            .p(.a(.href(SiteURL.adminUser(target.id).path), .text(ctx.t("Ke halaman pengguna", "To the person's page"))))
        )
    }

    private func renderUser(
        _ req: Request, user: CurrentUser, target: User, form: UserForm, errors: [String: String],
        status: HTTPStatus = .ok
    ) async throws -> Response {
        let ctx = PageContext(req, user: user)
        let targetID = try target.requireID()
        let assignments = try await RoleAssignment.query(on: req.db).filter(\.$user.$id == targetID).with(\.$unit).all()
        let units =
            try await target.$homeBody.id.asyncMap { bodyID in
                try await Unit.query(on: req.db).filter(\.$body.$id == bodyID).sort(\.$name).all()
            } ?? []
        let history = try await AuditEvent.query(on: req.db)
            .group(.or) { $0.filter(\.$targetID == targetID.uuidString).filter(\.$actorID == targetID.uuidString) }
            .sort(\.$sequence, .descending).limit(50).all()
        let roleOptions =
            [("", ctx.t("(pilih peran)", "(choose a role)"))] + Role.allCases.map { ($0.rawValue, $0.indonesianTitle) }
        let unitOptions = [("", ctx.t("(pilih unit)", "(choose a unit)"))] + units.map { ($0.storedID.uuidString, $0.name) }
        return Layout.page(
            ctx, title: target.name, status: status,
            .h1(.text(target.name)),
            .unwrap(Sessions.takeNotice(req)) { Layout.notice($0, kind: "ok") },
            .unwrap(target.$homeBody.id) {
                .p(.a(.href(SiteURL.adminUsers($0).path), .text(ctx.t("← Semua pengguna", "← All people"))))
            },
            .p(
                .text(
                    target.isActive ? ctx.t("Akun aktif.", "Active account.") : ctx.t("Akun nonaktif.", "Deactivated account.")),
                .text(" "),
                .text(
                    target.lastLoginAt.map { ctx.t("Terakhir masuk ", "Last signed in ") + "\($0)" }
                        ?? ctx.t("Belum pernah masuk.", "Never signed in."))),
            .form(
                .class("stack"), .action(SiteURL.adminUser(target.id).path), .method(.post), Layout.csrfField(ctx),
                userFields(ctx, form, errors), .button(.type(.submit), .text(ctx.t("Simpan", "Save")))),
            .h2(.text(ctx.t("Peran", "Roles"))),
            .table(
                .tr(.th(.text(ctx.t("Peran", "Role"))), .th(.text(ctx.t("Unit", "Unit"))), .th(.text(""))),
                .forEach(assignments) { assignment in
                    .tr(
                        .td(.text(Role(rawValue: assignment.role)?.indonesianTitle ?? assignment.role)),
                        .td(.text(assignment.unit.name)),
                        .td(
                            .form(
                                .class("inline"), .action(SiteURL.adminUserRoleRemove(target.id, assignment.id).path),
                                .method(.post),
                                Layout.csrfField(ctx), .button(.type(.submit), .text(ctx.t("Cabut", "Remove"))))))
                }
            ),
            .form(
                .class("stack"), .action(SiteURL.adminUserRoles(target.id).path), .method(.post), Layout.csrfField(ctx),
                FormFields.select(
                    "role", label: ctx.t("Peran baru", "New role"), options: roleOptions, selected: nil, error: errors["role"]),
                FormFields.select(
                    "unitID", label: ctx.t("Di unit", "In unit"), options: unitOptions, selected: nil, error: errors["unitID"]),
                .button(.type(.submit), .text(ctx.t("Berikan peran", "Give role")))),
            .h2(.text(ctx.t("Akses", "Access"))),
            .form(
                .class("inline"), .action(SiteURL.adminUserReset(target.id).path), .method(.post), Layout.csrfField(ctx),
                .button(.type(.submit), .text(ctx.t("Atur ulang kata sandi", "Reset password")))),
            .text(" "),
            .form(
                .class("inline"), .action(SiteURL.adminUserStatus(target.id).path), .method(.post), Layout.csrfField(ctx),
                .button(
                    .type(.submit), .text(target.isActive ? ctx.t("Nonaktifkan", "Deactivate") : ctx.t("Aktifkan", "Activate")))),
            .h2(.text(ctx.t("Riwayat", "History"))),
            .p(
                .class("muted"),
                .text(
                    ctx.t(
                        "Riwayat ini menyebut tindakannya saja; isi usulan, dokumen dan catatan hanya terlihat oleh yang berhak membacanya.",
                        "This history names the actions only; the content of proposals, documents and notes is shown only to those entitled to read it."
                    ))),
            AuditViews.table(ctx, history, showsSummary: AuditViews.isAdministrative)
        )
    }
}

/// The history as a table, newest first.
enum AuditViews {
    /// Actions whose summaries are about accounts, roles, units and security, which an
    /// administrator manages; every other action's summary may quote exempted content (a title, a
    /// note, a file name, a location) and is not shown to them.
    static func isAdministrative(_ action: String) -> Bool {
        ["auth.", "user.", "role.", "unit.", "body.", "security.", "token.", "archive.class", "archive.retention"]
            .contains { action.hasPrefix($0) }
    }

    static func table(
        _ ctx: PageContext, _ events: [AuditEvent], showsSummary: (String) -> Bool = { _ in true }
    ) -> Node<HTML.BodyContext> {
        guard !events.isEmpty else { return .p(.text(ctx.t("Belum ada riwayat.", "No history yet."))) }
        return .table(
            .tr(
                .th(.text("#")), .th(.text(ctx.t("Waktu (UTC)", "Time (UTC)"))), .th(.text(ctx.t("Peristiwa", "Event"))),
                .th(.text(ctx.t("Sebelum", "Before"))), .th(.text(ctx.t("Sesudah", "After"))),
                .th(.text(ctx.t("Alamat", "Address")))),
            .forEach(events) { event in
                .tr(
                    .td(.text(String(event.sequence))), .td(.text(event.occurredAt.formatted(.iso8601))),
                    .td(.text(event.action)),
                    .td(.text(showsSummary(event.action) ? event.summaryBefore ?? "" : "")),
                    .td(
                        .text(
                            showsSummary(event.action)
                                ? event.summaryAfter ?? "" : ctx.t("(isi tidak ditampilkan)", "(content not shown)"))),
                    .td(.text(event.clientAddress ?? "")))
            }
        )
    }
}
