import DikelolaCore
import Fluent
import Foundation
import Plot
import Vapor

/// The pages of `UserAdminController`: the people of a body, a new person, one person.
extension UserAdminController {
    static func userFields(_ ctx: PageContext, _ form: UserForm, _ errors: [String: String]) -> Node<HTML.FormContext> {
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
                "rank", label: ctx.t("Pangkat/golongan (tidak wajib)", "Rank and grade (optional)"), value: form.rank,
                autocomplete: "off", error: errors["rank"],
                hint: ctx.t(
                    "Dicetak di bawah nama penanda tangan surat penetapan, misalnya Pembina Tingkat I (IV/b).",
                    "Printed under a signer's name, e.g. Pembina Tingkat I (IV/b).")),
            Layout.field(
                "email", label: ctx.t("E-mail (untuk masuk)", "E-mail (to sign in)"), type: .email, value: form.email,
                autocomplete: "off", error: errors["email"])
        )
    }

    static func renderNew(
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

    static func renderPassword(_ req: Request, user: CurrentUser, target: User, password: String, intro: String) -> Response {
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

    static func renderUser(
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
                    target.lastLoginAt.map { ctx.t("Terakhir masuk ", "Last signed in ") + Dates.show($0, ctx) + "." }
                        ?? ctx.t("Belum pernah masuk.", "Never signed in."))),
            .form(
                .class("stack"), .action(SiteURL.adminUser(target.id).path), .method(.post), Layout.csrfField(ctx),
                userFields(ctx, form, errors), .button(.type(.submit), .text(ctx.t("Simpan", "Save")))),
            .h2(.text(ctx.t("Peran", "Roles"))),
            .if(target.credentialsSetBy != nil && target.credentialsSetBy == user.id, awaitingOwnPassword(ctx, target)),
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

    /// Said before the role form is tried: the administrator who set the password gives no roles.
    static func awaitingOwnPassword(_ ctx: PageContext, _ target: User) -> Node<HTML.BodyContext> {
        Layout.notice(
            ctx.t(UserAdminController.secondAdministrator.indonesian, UserAdminController.secondAdministrator.english))
    }
}
