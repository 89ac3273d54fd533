import DikelolaCore
import Fluent
import Plot
import Vapor

/// People of a body: accounts, their roles in units, resets and deactivation, and their history.
enum UserAdminController {
    @Sendable static func newUser(req: Request, user: CurrentUser) async throws -> Response {
        let body = try await AdminAccess.body(try req.id("body"), for: user, .manageUsers, on: req.db)
        return renderNew(req, user: user, body: body, form: UserForm(), errors: [:])
    }

    @Sendable static func showUser(req: Request, user: CurrentUser) async throws -> Response {
        let target = try await AdminAccess.managedUser(try req.id("user"), for: user, on: req.db)
        return try await renderUser(req, user: user, target: target, form: UserForm(target), errors: [:])
    }

    struct UserForm {
        var name: String = ""
        var position: String = ""
        var nip: String = ""
        var rank: String = ""
        var email: String = ""

        init() {}

        init(_ form: FormValues) {
            name = form["name"]
            position = form["position"]
            nip = form["nip"]
            rank = form["rank"]
            email = form["email"]
        }

        init(_ user: User) {
            name = user.name
            position = user.position
            nip = (try? NIP(user.nip ?? ""))?.formatted ?? user.nip ?? ""
            rank = user.rank ?? ""
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
            if rank.count > 100 || rank.contains(where: { $0.isNewline }) {
                errors["rank"] = ctx.t("Pangkat/golongan satu baris, paling banyak 100 huruf.", "One line, at most 100 characters.")
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
            user.rank = rank.trimmingCharacters(in: .whitespaces).nilIfBlank
            user.email = normalizedEmail
        }

        var summary: String {
            "\(name), \(position), NIP \(nip.isEmpty ? "-" : nip)" + (rank.isEmpty ? "" : ", \(rank)") + ", \(normalizedEmail)"
        }
    }

    // MARK: List and create

    @Sendable static func list(req: Request, user: CurrentUser) async throws -> Response {
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

    @Sendable static func create(req: Request, user: CurrentUser) async throws -> Response {
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
                    .userCreate, targetType: .user, targetID: try person.requireID().uuidString,
                    bodyID: try body.requireID().uuidString, after: form.summary), on: db)
        }
        return renderPassword(
            req, user: user, target: person, password: password,
            intro: ctx.t("Akun \(person.name) dibuat.", "The account of \(person.name) was created."))
    }

    // MARK: One person

    @Sendable static func update(req: Request, user: CurrentUser) async throws -> Response {
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
                    .userUpdate, targetType: .user, targetID: try target.requireID().uuidString,
                    bodyID: target.$homeBody.id?.uuidString, before: before, after: form.summary), on: db)
        }
        Sessions.setNotice(req, ctx.t("Data pengguna disimpan.", "Saved."))
        return req.redirect(to: SiteURL.adminUser(target.id).path)
    }

    @Sendable static func toggleStatus(req: Request, user: CurrentUser) async throws -> Response {
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
                    target.isActive ? .userActivate : .userDeactivate, targetType: .user,
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

    @Sendable static func resetPassword(req: Request, user: CurrentUser) async throws -> Response {
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
                    .userPasswordReset, targetType: .user, targetID: try target.requireID().uuidString,
                    bodyID: target.$homeBody.id?.uuidString,
                    after: "kata sandi sekali pakai baru; sesi lama diakhiri"), on: db)
        }
        let ctx = PageContext(req, user: user)
        return renderPassword(
            req, user: user, target: target, password: password,
            intro: ctx.t("Kata sandi \(target.name) diatur ulang.", "The password of \(target.name) was reset."))
    }

    /// Why the administrator who set an account's password never gives it roles: they could sign in
    /// as it (and change the password first) and read what the role reads, exempted content
    /// included. Another administrator does; the first start or `dikelola create-admin` makes one.
    static let secondAdministrator = (
        indonesian: "Anda yang menetapkan kata sandi akun ini, sehingga Anda dapat masuk sebagai dia; perannya harus diberikan "
            + "administrator lain (administrator kedua dibuat di server dengan perintah dikelola create-admin EMAIL).",
        english: "You set this account's password, so you could sign in as it; another administrator must give it roles "
            + "(a second administrator is made on the server with dikelola create-admin EMAIL)."
    )

    @Sendable static func addRole(req: Request, user: CurrentUser) async throws -> Response {
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
            errors["role"] = ctx.t(Self.secondAdministrator.indonesian, Self.secondAdministrator.english)
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
                            .roleAssignRefused, targetType: .user,
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
                    .roleAssign, targetType: .user, targetID: try target.requireID().uuidString,
                    bodyID: unit.$body.id.uuidString, role: nil,
                    after: "\(role.rawValue) @ \(unit.name)"), on: db)
        }
        Sessions.setNotice(req, ctx.t("Peran \(role.indonesianTitle) di \(unit.name) diberikan.", "Role given."))
        return req.redirect(to: SiteURL.adminUser(target.id).path)
    }

    @Sendable static func removeRole(req: Request, user: CurrentUser) async throws -> Response {
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
                    .roleRemove, targetType: .user, targetID: try target.requireID().uuidString,
                    bodyID: assignment.unit.$body.id.uuidString,
                    before: "\(assignment.role) @ \(assignment.unit.name)"), on: db)
        }
        Sessions.setNotice(req, PageContext(req).t("Peran dicabut.", "Role removed."))
        return req.redirect(to: SiteURL.adminUser(target.id).path)
    }
}

/// Where each address of `UserAdminController` goes.
struct UserAdminRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.signedIn(.GET, .adminUsers(nil), use: UserAdminController.list)
        routes.signedIn(.GET, .adminNewUser(nil), use: UserAdminController.newUser)
        routes.signedIn(.POST, .adminNewUser(nil), use: UserAdminController.create)
        routes.signedIn(.GET, .adminUser(nil), use: UserAdminController.showUser)
        routes.signedIn(.POST, .adminUser(nil), use: UserAdminController.update)
        routes.signedIn(.POST, .adminUserStatus(nil), use: UserAdminController.toggleStatus)
        routes.signedIn(.POST, .adminUserReset(nil), use: UserAdminController.resetPassword)
        routes.signedIn(.POST, .adminUserRoles(nil), use: UserAdminController.addRole)
        routes.signedIn(.POST, .adminUserRoleRemove(nil, nil), use: UserAdminController.removeRole)
    }
}
