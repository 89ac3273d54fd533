import DikelolaCore
import Fluent
import Plot
import Vapor

/// Public bodies, their settings and their tree of units.
enum BodyAdminController {
    @Sendable static func newBody(req: Request, user: CurrentUser) async throws -> Response {
        guard user.isDeploymentAdmin else { throw Refusal.forbidden(.roleMayNot(action: .manageBody, roles: [])) }
        return renderNewBody(req, user: user, form: BodyForm(), errors: [:])
    }

    @Sendable static func newUnit(req: Request, user: CurrentUser) async throws -> Response {
        let body = try await AdminAccess.body(try req.id("body"), for: user, .manageUnits, on: req.db)
        return try await renderUnit(req, user: user, body: body, unit: nil, form: UnitForm(), errors: [:])
    }

    @Sendable static func createUnit(req: Request, user: CurrentUser) async throws -> Response {
        try await saveUnit(req, user: user, unitID: nil)
    }

    @Sendable static func showUnit(req: Request, user: CurrentUser) async throws -> Response {
        let body = try await AdminAccess.body(try req.id("body"), for: user, .manageUnits, on: req.db)
        let unit = try await unitOf(body, id: try req.id("unit"), on: req.db)
        return try await renderUnit(req, user: user, body: body, unit: unit, form: UnitForm(unit), errors: [:])
    }

    @Sendable static func updateUnit(req: Request, user: CurrentUser) async throws -> Response {
        try await saveUnit(req, user: user, unitID: try req.id("unit"))
    }

    // MARK: Bodies

    @Sendable static func index(req: Request, user: CurrentUser) async throws -> Response {
        let bodies = try await AdminAccess.administeredBodies(user, on: req.db)
        guard user.isDeploymentAdmin || !bodies.isEmpty else {
            throw Refusal.forbidden(.roleMayNot(action: .manageBody, roles: user.person.assignments.map(\.role)))
        }
        let ctx = PageContext(req, user: user)
        return Layout.page(
            ctx, title: ctx.t("Administrasi", "Administration"),
            .h1(.text(ctx.t("Administrasi", "Administration"))),
            .unwrap(Sessions.takeNotice(req)) { Layout.notice($0, kind: "ok") },
            .if(
                user.isDeploymentAdmin,
                .p(.a(.href(SiteURL.adminNewBody.path), .text(ctx.t("Tambah badan publik", "Add a public body"))))),
            .if(bodies.isEmpty, .p(.text(ctx.t("Belum ada badan publik.", "No public body yet.")))),
            .table(
                .tr(
                    .th(.text(ctx.t("Badan publik", "Public body"))), .th(.text(ctx.t("Wilayah", "Region"))),
                    .th(.text(ctx.t("Zona waktu", "Time zone")))),
                .forEach(bodies) { body in
                    .tr(
                        .td(.a(.href(SiteURL.adminBody(body.id).path), .text(body.name))),
                        .td(.text(body.region)), .td(.text(body.timeZone))
                    )
                }
            )
        )
    }

    @Sendable static func createBody(req: Request, user: CurrentUser) async throws -> Response {
        guard user.isDeploymentAdmin else { throw Refusal.forbidden(.roleMayNot(action: .manageBody, roles: [])) }
        let form = BodyForm(try req.formValues())
        let ctx = PageContext(req, user: user)
        var errors = form.errors(ctx)
        if errors.isEmpty, try await PublicBody.query(on: req.db).filter(\.$slug == form.slug).first() != nil {
            errors["slug"] = ctx.t(
                "Nama singkat ini sudah dipakai badan publik lain.", "Another public body uses this short name.")
        }
        guard errors.isEmpty else {
            return renderNewBody(req, user: user, form: form, errors: errors, status: .unprocessableEntity)
        }
        let body = PublicBody(slug: "", name: "", region: "", timeZone: .wib, letterheadLines: [], decreeNumberTemplate: "")
        form.apply(to: body)
        try await req.application.writeTransaction { db in
            try await body.create(on: db)
            try await AuditLog.record(
                req.auditDraft(
                    .publicBodyCreate, targetType: .publicBody, targetID: try body.requireID().uuidString,
                    bodyID: try body.requireID().uuidString, after: form.summary), on: db)
        }
        Sessions.setNotice(req, ctx.t("Badan publik \(body.name) dibuat.", "Public body \(body.name) created."))
        return req.redirect(to: SiteURL.adminBody(body.id).path)
    }

    @Sendable static func show(req: Request, user: CurrentUser) async throws -> Response {
        let body = try await AdminAccess.body(try req.id("body"), for: user, .manageBody, on: req.db)
        return try await renderBody(req, user: user, body: body, form: BodyForm(body), errors: [:])
    }

    @Sendable static func updateSettings(req: Request, user: CurrentUser) async throws -> Response {
        let body = try await AdminAccess.body(try req.id("body"), for: user, .manageBody, on: req.db)
        let form = BodyForm(try req.formValues())
        let ctx = PageContext(req, user: user)
        var errors = form.errors(ctx)
        if errors.isEmpty, let other = try await PublicBody.query(on: req.db).filter(\.$slug == form.slug).first(),
            other.id != body.id
        {
            errors["slug"] = ctx.t(
                "Nama singkat ini sudah dipakai badan publik lain.", "Another public body uses this short name.")
        }
        guard errors.isEmpty else {
            return try await renderBody(req, user: user, body: body, form: form, errors: errors, status: .unprocessableEntity)
        }
        let before = BodyForm(body).summary
        form.apply(to: body)
        try await req.application.writeTransaction { db in
            try await body.save(on: db)
            try await AuditLog.record(
                req.auditDraft(
                    .publicBodyUpdate, targetType: .publicBody, targetID: try body.requireID().uuidString,
                    bodyID: try body.requireID().uuidString, before: before, after: form.summary), on: db)
            // New working hours move the due times of steps under way.
            _ = try await DeadlineRefresh.run(body: body, services: req.application.dikelola, now: req.now, on: db)
        }
        Sessions.setNotice(req, ctx.t("Pengaturan disimpan.", "Settings saved."))
        return req.redirect(to: SiteURL.adminBody(body.id).path)
    }

    // MARK: Logo

    static let maxLogoBytes = 1_048_576

    @Sendable static func uploadLogo(req: Request, user: CurrentUser) async throws -> Response {
        let body = try await AdminAccess.body(try req.id("body"), for: user, .manageBody, on: req.db)
        try await req.admitBody()
        let ctx = PageContext(req, user: user)
        guard let file = try? req.content.get(File.self, at: "logo") else {
            return try await renderBody(
                req, user: user, body: body, form: BodyForm(body),
                errors: ["logo": ctx.t("Pilih berkas logo (PNG atau JPEG).", "Choose a logo file (PNG or JPEG).")],
                status: .unprocessableEntity)
        }
        let checked: (type: SniffedType, data: Data)
        do {
            checked = try FileIntake.check(file, allowed: [.png, .jpeg], maxBytes: Self.maxLogoBytes)
        } catch {
            return try await renderBody(
                req, user: user, body: body, form: BodyForm(body), errors: ["logo": error.description],
                status: .unprocessableEntity)
        }
        let stored = FileIntake.stored(checked.data, type: checked.type, name: file.filename, by: user)
        try await req.application.writeTransaction { db in
            try await stored.create(on: db)
            body.$logo.id = try stored.requireID()
            try await body.save(on: db)
            try await AuditLog.record(
                req.auditDraft(
                    .publicBodyLogo, targetType: .publicBody, targetID: try body.requireID().uuidString,
                    bodyID: try body.requireID().uuidString,
                    after: "\(stored.originalName), \(stored.size) bita, SHA-256 \(stored.sha256)"), on: db)
        }
        Sessions.setNotice(req, ctx.t("Logo disimpan.", "Logo saved."))
        return req.redirect(to: SiteURL.adminBody(body.id).path)
    }

    @Sendable static func logo(req: Request) async throws -> Response {
        guard let body = try await PublicBody.find(try req.id("body"), on: req.db), let fileID = body.$logo.id,
            let file = try await StoredFile.find(fileID, on: req.db)
        else { throw Abort(.notFound) }
        if req.headers.first(name: .ifNoneMatch) == "\"\(file.sha256)\"" { return Response(status: .notModified) }
        let response = Response(status: .ok, body: .init(data: file.data))
        response.headers.contentType = HTTPMediaType.fileExtension(file.contentType == "image/png" ? "png" : "jpg")
        response.headers.replaceOrAdd(name: .eTag, value: "\"\(file.sha256)\"")
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=86400")
        return response
    }

    // MARK: Units

    struct UnitForm {
        var name: String = ""
        var shortName: String = ""
        var parentID: String = ""
        var hostsMainPPID: String?
        var hasAssistantPPID: String? = "on"
        var sopID: String = ""

        init() {}

        init(_ form: FormValues) {
            name = form["name"]
            shortName = form["shortName"]
            parentID = form["parentID"]
            hostsMainPPID = form.optional("hostsMainPPID")
            hasAssistantPPID = form.optional("hasAssistantPPID")
            sopID = form["sopID"]
        }

        init(_ unit: Unit) {
            name = unit.name
            shortName = unit.shortName ?? ""
            parentID = unit.$parent.id?.uuidString ?? ""
            hostsMainPPID = unit.hostsMainPPID ? "on" : nil
            hasAssistantPPID = unit.hasAssistantPPID ? "on" : nil
            sopID = unit.sopID ?? ""
        }

        var summary: String {
            "\(name) (\(shortName)), induk \(parentID.isEmpty ? "-" : parentID), PPID Utama \(hostsMainPPID != nil), "
                + "PPID Pembantu \(hasAssistantPPID != nil), SOP \(sopID.isEmpty ? "-" : sopID)"
        }
    }

    private static func unitOf(_ body: PublicBody, id: UUID, on db: any Database) async throws -> Unit {
        guard let unit = try await Unit.find(id, on: db), unit.$body.id == body.id else { throw Refusal.notFound }
        return unit
    }

    private static func saveUnit(_ req: Request, user: CurrentUser, unitID: UUID?) async throws -> Response {
        let body = try await AdminAccess.body(try req.id("body"), for: user, .manageUnits, on: req.db)
        let bodyID = try body.requireID()
        let existing = try await unitID.asyncMap { try await unitOf(body, id: $0, on: req.db) }
        let form = UnitForm(try req.formValues())
        let ctx = PageContext(req, user: user)
        let units = try await body.$units.get(on: req.db)
        var errors: [String: String] = [:]
        let name = form.name.trimmingCharacters(in: .whitespaces)
        if name.isEmpty { errors["name"] = ctx.t("Nama unit wajib diisi.", "The unit's name is required.") }
        if units.contains(where: { $0.name.caseInsensitiveCompare(name) == .orderedSame && $0.id != unitID }) {
            errors["name"] = ctx.t(
                "Badan publik ini sudah memiliki unit bernama \(name).", "This body already has a unit named \(name).")
        }
        var parentID: UUID?
        if !form.parentID.isEmpty {
            parentID = UUID(uuidString: form.parentID)
            if parentID == nil || !units.contains(where: { $0.id == parentID }) {
                errors["parentID"] = ctx.t("Unit induk harus unit badan publik ini.", "The parent must be a unit of this body.")
            } else if let unitID, let parentID, UnitTree(units).descendants(of: unitID).union([unitID]).contains(parentID) {
                errors["parentID"] = ctx.t(
                    "Unit tidak dapat berada di bawah dirinya sendiri atau unit bawahannya.",
                    "A unit cannot sit under itself or one of its own units.")
            }
        }
        let hostsMain = form.hostsMainPPID != nil
        if hostsMain, let other = units.first(where: { $0.hostsMainPPID && $0.id != unitID }) {
            errors["hostsMainPPID"] = ctx.t(
                "PPID Utama sudah berkedudukan di \(other.name); satu badan publik satu PPID Utama.",
                "The PPID Utama already sits in \(other.name); one per body.")
        }
        if !form.sopID.isEmpty, req.application.dikelola.sopLibrary.definition(id: form.sopID) == nil {
            errors["sopID"] = ctx.t("SOP ini tidak dikenal.", "Unknown SOP.")
        }
        guard errors.isEmpty else {
            return try await renderUnit(
                req, user: user, body: body, unit: existing, form: form, errors: errors, status: .unprocessableEntity)
        }
        let unit = existing ?? Unit(bodyID: bodyID, name: name, shortName: nil, sopID: nil)
        let before = existing.map { UnitForm($0).summary }
        unit.name = name
        unit.shortName =
            form.shortName.trimmingCharacters(in: .whitespaces).isEmpty
            ? nil : form.shortName.trimmingCharacters(in: .whitespaces)
        unit.$parent.id = parentID
        unit.hostsMainPPID = hostsMain
        unit.hasAssistantPPID = form.hasAssistantPPID != nil
        unit.sopID = form.sopID.isEmpty ? nil : form.sopID
        try await req.application.writeTransaction { db in
            try await unit.save(on: db)
            try await AuditLog.record(
                req.auditDraft(
                    existing == nil ? .unitCreate : .unitUpdate, targetType: .unit,
                    targetID: try unit.requireID().uuidString, bodyID: bodyID.uuidString,
                    before: before, after: UnitForm(unit).summary), on: db)
        }
        // An SOP chosen whose actors no one holds here: said now, not when a proposal stops.
        let gaps = try await SOPStaffing.of(unit, library: req.application.dikelola.sopLibrary, on: req.db)?.gapList ?? ""
        Sessions.setNotice(
            req,
            ctx.t("Unit \(unit.name) disimpan.", "Unit \(unit.name) saved.")
                + (gaps.isEmpty
                    ? ""
                    : ctx.t(
                        " Pelaksana SOP yang belum ada pemegangnya di unit ini: \(gaps). Berikan perannya di Pengguna dan peran.",
                        " SOP actors no one holds in this unit yet: \(gaps). Give the roles under People and roles.")))
        return req.redirect(to: gaps.isEmpty ? SiteURL.adminBody(bodyID).path : SiteURL.adminUnit(bodyID, unit.id).path)
    }
}

/// Where each address of `BodyAdminController` goes.
struct BodyAdminRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.signedIn(.GET, .admin, use: BodyAdminController.index)
        routes.signedIn(.GET, .adminNewBody, use: BodyAdminController.newBody)
        routes.signedIn(.POST, .adminNewBody, use: BodyAdminController.createBody)
        routes.signedIn(.GET, .adminBody(nil), use: BodyAdminController.show)
        routes.signedIn(.POST, .adminBodySettings(nil), use: BodyAdminController.updateSettings)
        routes.signedIn(
            .POST, .adminBodyLogo(nil), body: .bytes(BodyAdminController.maxLogoBytes + BodyLimit.uploadMargin), use: BodyAdminController.uploadLogo)
        // The logo is printed on public documents, so anyone may fetch it.
        routes.get(SiteURL.bodyLogo(nil).pathComponents, use: BodyAdminController.logo)
        routes.signedIn(.GET, .adminNewUnit(nil), use: BodyAdminController.newUnit)
        routes.signedIn(.POST, .adminNewUnit(nil), use: BodyAdminController.createUnit)
        routes.signedIn(.GET, .adminUnit(nil, nil), use: BodyAdminController.showUnit)
        routes.signedIn(.POST, .adminUnit(nil, nil), use: BodyAdminController.updateUnit)
    }
}
