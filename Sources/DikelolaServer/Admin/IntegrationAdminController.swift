import DikelolaCore
import Fluent
import Foundation
import Plot
import Vapor

/// A body's outgoing webhook and its delivery log, and its archive classification codes with the
/// retention schedule (JRA): settings of the body, kept by its administrators.
enum IntegrationAdminController {
    @Sendable static func showWebhook(req: Request, user: CurrentUser) async throws -> Response {
        try await webhookPage(req, user, error: nil, typed: nil)
    }

    @Sendable static func saveWebhook(req: Request, user: CurrentUser) async throws -> Response {
        let body = try await AdminAccess.body(try req.id("body"), for: user, .manageBody, on: req.db)
        let form = try req.formValues()
        let typed = form["url"].trimmingCharacters(in: .whitespacesAndNewlines)
        if let problem = Self.webhookProblem(typed) {
            return try await webhookPage(req, user, error: problem, typed: typed, status: .unprocessableEntity)
        }
        let before = body.webhookURL
        body.webhookURL = typed.isEmpty ? nil : typed
        if body.webhookSecret == nil || form["rotate"] == "on" { body.webhookSecret = WebhookSender.newSecret() }
        try await req.application.writeTransaction { db in
            try await body.save(on: db)
            try await AuditLog.record(
                req.auditDraft(
                    .bodyWebhook, targetType: .publicBody, targetID: body.id?.uuidString, bodyID: body.id?.uuidString,
                    before: before, after: (body.webhookURL ?? "(tidak ada)") + (form["rotate"] == "on" ? "; kunci baru" : "")
                ),
                on: db)
        }
        Sessions.setNotice(req, PageContext(req).t("Webhook disimpan.", "Webhook saved."))
        return req.redirect(to: SiteURL.adminBodyWebhook(body.id).path)
    }

    @Sendable static func showArchiveSettings(req: Request, user: CurrentUser) async throws -> Response {
        try await archivePage(req, user, state: nil)
    }

    @Sendable static func addArchiveClass(req: Request, user: CurrentUser) async throws -> Response {
        let body = try await AdminAccess.body(try req.id("body"), for: user, .manageBody, on: req.db)
        let form = try req.formValues()
        let code = form["code"].trimmingCharacters(in: .whitespacesAndNewlines)
        let name = form["name"].trimmingCharacters(in: .whitespacesAndNewlines)
        var errors: [String: String] = [:]
        if code.isEmpty { errors["code"] = "Kode klasifikasi wajib diisi, mis. 800.1.6." }
        if name.isEmpty { errors["name"] = "Nama klasifikasi wajib diisi." }
        let bodyID = try body.requireID()
        if errors.isEmpty,
            try await ArchiveClass.query(on: req.db).filter(\.$body.$id == bodyID).filter(\.$code == code).count() > 0
        {
            errors["code"] = "Kode \(code) sudah ada."
        }
        guard errors.isEmpty else {
            return try await archivePage(
                req, user, state: FormState(form: "class", values: form, errors: errors, message: nil),
                status: .unprocessableEntity)
        }
        try await req.application.writeTransaction { db in
            let row = ArchiveClass()
            row.$body.id = bodyID
            row.code = code
            row.name = name
            try await row.create(on: db)
            try await AuditLog.record(
                req.auditDraft(
                    .archiveClass, targetType: .publicBody, targetID: bodyID.uuidString, bodyID: bodyID.uuidString,
                    after: "\(code) \(name)"), on: db)
        }
        Sessions.setNotice(req, PageContext(req).t("Kode klasifikasi ditambahkan.", "Code added."))
        return req.redirect(to: SiteURL.adminBodyArchive(body.id).path)
    }

    @Sendable static func saveRetentionRow(req: Request, user: CurrentUser) async throws -> Response {
        let body = try await AdminAccess.body(try req.id("body"), for: user, .manageBody, on: req.db)
        let bodyID = try body.requireID()
        let form = try req.formValues()
        let code = form["code"].trimmingCharacters(in: .whitespacesAndNewlines)
        var errors: [String: String] = [:]
        let active = Int(form["activeYears"].trimmingCharacters(in: .whitespaces))
        let inactive = Int(form["inactiveYears"].trimmingCharacters(in: .whitespaces))
        if active == nil { errors["activeYears"] = "Masa aktif harus bilangan tahun." }
        if inactive == nil { errors["inactiveYears"] = "Masa inaktif harus bilangan tahun." }
        let disposition = RetentionDisposition(rawValue: form["disposition"])
        if disposition == nil { errors["disposition"] = "Pilih keterangan akhir: musnah, permanen, atau dinilai kembali." }
        let known = Set(try await ArchiveClass.query(on: req.db).filter(\.$body.$id == bodyID).all().map(\.code))
        for problem in RetentionRule.problems(
            code: code, activeYears: active ?? 0, inactiveYears: inactive ?? 0, knownCodes: known)
        where errors[problem.field] == nil && (active != nil && inactive != nil || problem.field == "code") {
            errors[problem.field] = problem.description
        }
        guard errors.isEmpty, let active, let inactive, let disposition else {
            return try await archivePage(
                req, user, state: FormState(form: "jra", values: form, errors: errors, message: nil),
                status: .unprocessableEntity)
        }
        try await req.application.writeTransaction { db in
            let existing = try await RetentionScheduleRow.query(on: db).filter(\.$body.$id == bodyID).filter(\.$code == code)
                .first()
            let row = existing ?? RetentionScheduleRow()
            let before = existing.map { "\($0.activeYears)/\($0.inactiveYears)/\($0.disposition)" }
            row.$body.id = bodyID
            row.code = code
            row.activeYears = active
            row.inactiveYears = inactive
            row.disposition = disposition.rawValue
            row.note = form["note"].nilIfBlank
            try await row.save(on: db)
            try await AuditLog.record(
                req.auditDraft(
                    .archiveRetention, targetType: .publicBody, targetID: bodyID.uuidString, bodyID: bodyID.uuidString,
                    before: before, after: "\(code): \(active)/\(inactive)/\(disposition.rawValue)"), on: db)
        }
        Sessions.setNotice(req, PageContext(req).t("Baris JRA disimpan.", "Schedule row saved."))
        return req.redirect(to: SiteURL.adminBodyArchive(body.id).path)
    }

    /// Nil when `url` is empty (no webhook) or an absolute http(s) address with a host.
    static func webhookProblem(_ url: String) -> String? {
        guard !url.isEmpty else { return nil }
        guard let parts = URLComponents(string: url), let scheme = parts.scheme?.lowercased(), ["http", "https"].contains(scheme)
        else { return "Alamat webhook harus diawali http:// atau https://." }
        guard let host = parts.host, !host.isEmpty else { return "Alamat webhook tidak memuat nama server." }
        return nil
    }

    private static func webhookPage(_ req: Request, _ user: CurrentUser, error: String?, typed: String?, status: HTTPStatus = .ok)
        async throws -> Response
    {
        let body = try await AdminAccess.body(try req.id("body"), for: user, .manageBody, on: req.db)
        let bodyID = try body.requireID()
        let deliveries = try await WebhookDelivery.query(on: req.db).filter(\.$body.$id == bodyID)
            .sort(\.$createdAt, .descending).limit(50).all()
        let attempts = try await WebhookAttempt.query(on: req.db).filter(\.$delivery.$id ~~ deliveries.compactMap(\.id))
            .sort(\.$attemptedAt, .descending).all()
        let ctx = PageContext(req, user: user)
        let zone = body.zone
        let response = Layout.page(
            ctx, title: "Webhook — \(body.name)",
            .h1(.text("Webhook — \(body.name)")),
            .unwrap(Sessions.takeNotice(req)) { Layout.notice($0, kind: "ok") },
            .p(
                .text(
                    ctx.t(
                        "Dikelola mengirim setiap kejadian (akan berakhir, perlu ditinjau, terbuka, diklasifikasikan ulang) sebagai JSON POST ke alamat ini, untuk diteruskan gerbang e-mail atau pesan Anda. Tanda tangan: header X-Dikelola-Signature = sha256=HMAC-SHA256(kunci, X-Dikelola-Timestamp + \".\" + isi). Gagal dikirim ulang setelah 1 menit, 5 menit, 30 menit, 2 jam dan 12 jam.",
                        "Dikelola POSTs every event (ending soon, review due, opened, re-classified) as JSON to this address. Signature: X-Dikelola-Signature = sha256=HMAC-SHA256(key, X-Dikelola-Timestamp + \".\" + body). Failures are retried after 1 min, 5 min, 30 min, 2 h and 12 h."
                    ))),
            .form(
                .class("stack"), .action(SiteURL.adminBodyWebhook(body.id).path), .method(.post), Layout.csrfField(ctx),
                Layout.field(
                    "url", label: ctx.t("Alamat webhook (kosongkan untuk mematikan)", "Webhook address (empty to turn off)"),
                    type: .url, value: typed ?? body.webhookURL ?? "", autocomplete: "off", error: error),
                FormFields.checkbox(
                    "rotate", label: ctx.t("Buat kunci penandatanganan baru", "Make a new signing key"), checked: false),
                .button(.type(.submit), .text(ctx.t("Simpan", "Save")))),
            .unwrap(body.webhookSecret) {
                .p(.text(ctx.t("Kunci penandatanganan: ", "Signing key: ")), .code(.text($0)))
            },
            .h2(.text(ctx.t("Log pengiriman", "Delivery log"))),
            .if(deliveries.isEmpty, .p(.text(ctx.t("Belum ada.", "None yet.")))),
            .table(
                .forEach(deliveries) { delivery in
                    let tries = attempts.filter { $0.$delivery.id == delivery.id }
                    return .tr(
                        .td(.text(Dates.show(delivery.createdAt ?? req.now, ctx, zone: zone))), .td(.text(delivery.event)),
                        .td(.text(delivery.status.rawValue + " · \(delivery.attempts)×")),
                        .td(
                            .text(
                                tries.map { attempt in
                                    Dates.show(attempt.attemptedAt, ctx, zone: zone) + ": "
                                        + (attempt.statusCode.map { "HTTP \($0)" } ?? (attempt.error ?? ""))
                                        + " (\(attempt.durationMS) ms)"
                                }.joined(separator: "; "))))
                })
        )
        response.status = status
        return response
    }

    private static func archivePage(_ req: Request, _ user: CurrentUser, state: FormState?, status: HTTPStatus = .ok) async throws
        -> Response
    {
        let body = try await AdminAccess.body(try req.id("body"), for: user, .manageBody, on: req.db)
        let bodyID = try body.requireID()
        let classes = try await ArchiveClass.query(on: req.db).filter(\.$body.$id == bodyID).sort(\.$code).all()
        let rules = try await RetentionScheduleRow.query(on: req.db).filter(\.$body.$id == bodyID).sort(\.$code).all()
        let ctx = PageContext(req, user: user)
        func value(_ form: String, _ field: String) -> String { state?.value(form, field) ?? "" }
        let response = Layout.page(
            ctx, title: ctx.t("Klasifikasi dan retensi arsip", "Archive classification and retention"),
            .h1(
                .text(
                    ctx.t(
                        "Klasifikasi arsip dan Jadwal Retensi Arsip (JRA) — \(body.name)",
                        "Archive codes and retention schedule — \(body.name)"))),
            .unwrap(Sessions.takeNotice(req)) { Layout.notice($0, kind: "ok") },
            .table(
                .tr(
                    .th(.text(ctx.t("Kode", "Code"))), .th(.text(ctx.t("Klasifikasi", "Class"))),
                    .th(.text(ctx.t("Aktif", "Active"))),
                    .th(.text(ctx.t("Inaktif", "Inactive"))), .th(.text(ctx.t("Keterangan akhir", "Disposition")))),
                .forEach(classes) { row in
                    let rule = rules.first { $0.code == row.code }
                    return .tr(
                        .td(.text(row.code)), .td(.text(row.name)),
                        .td(.text(rule.map { "\($0.activeYears) " + ctx.t("tahun", "years") } ?? "—")),
                        .td(.text(rule.map { "\($0.inactiveYears) " + ctx.t("tahun", "years") } ?? "—")),
                        .td(.text(rule?.disposition ?? ctx.t("belum ada di JRA", "not in the schedule"))))
                }),
            .h2(.text(ctx.t("Tambah kode klasifikasi", "Add a classification code"))),
            .form(
                .class("stack"), .action(SiteURL.adminArchiveClass(body.id).path), .method(.post), Layout.csrfField(ctx),
                Layout.field(
                    "code", label: ctx.t("Kode", "Code"), value: value("class", "code"), autocomplete: "off",
                    error: state?.error("class", "code"), idPrefix: "class-"),
                Layout.field(
                    "name", label: ctx.t("Nama klasifikasi", "Name"), value: value("class", "name"), autocomplete: "off",
                    error: state?.error("class", "name"), idPrefix: "class-"),
                .button(.type(.submit), .text(ctx.t("Tambah", "Add")))),
            .h2(.text(ctx.t("Baris JRA", "Retention schedule row"))),
            .form(
                .class("stack"), .action(SiteURL.adminRetentionRow(body.id).path), .method(.post), Layout.csrfField(ctx),
                Layout.field(
                    "code", label: ctx.t("Kode klasifikasi", "Classification code"), value: value("jra", "code"),
                    autocomplete: "off",
                    error: state?.error("jra", "code"), idPrefix: "jra-"),
                Layout.field(
                    "activeYears", label: ctx.t("Retensi aktif (tahun)", "Active (years)"), type: .number,
                    value: value("jra", "activeYears"), autocomplete: "off", error: state?.error("jra", "activeYears"),
                    idPrefix: "jra-"),
                Layout.field(
                    "inactiveYears", label: ctx.t("Retensi inaktif (tahun)", "Inactive (years)"), type: .number,
                    value: value("jra", "inactiveYears"), autocomplete: "off", error: state?.error("jra", "inactiveYears"),
                    idPrefix: "jra-"),
                FormFields.select(
                    "disposition", label: ctx.t("Keterangan akhir", "Final disposition"),
                    options: RetentionDisposition.allCases.map { ($0.rawValue, $0.indonesian) },
                    selected: value("jra", "disposition"), error: state?.error("jra", "disposition"), idPrefix: "jra-"),
                Layout.field(
                    "note", label: ctx.t("Catatan", "Note"), value: value("jra", "note"), autocomplete: "off", idPrefix: "jra-"),
                .button(.type(.submit), .text(ctx.t("Simpan baris JRA", "Save the row"))))
        )
        response.status = status
        return response
    }
}

/// Where each address of `IntegrationAdminController` goes.
struct IntegrationAdminRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.signedIn(.GET, .adminBodyWebhook(nil), use: IntegrationAdminController.showWebhook)
        routes.signedIn(.POST, .adminBodyWebhook(nil), use: IntegrationAdminController.saveWebhook)
        routes.signedIn(.GET, .adminBodyArchive(nil), use: IntegrationAdminController.showArchiveSettings)
        routes.signedIn(.POST, .adminArchiveClass(nil), use: IntegrationAdminController.addArchiveClass)
        routes.signedIn(.POST, .adminRetentionRow(nil), use: IntegrationAdminController.saveRetentionRow)
    }
}
