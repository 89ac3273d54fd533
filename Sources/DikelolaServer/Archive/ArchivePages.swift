import DikelolaCore
import Fluent
import Foundation
import Plot
import Vapor

/// The archive of a unit's exempted information, in the order of the exemption periods as the SOPs
/// ask: each item's stage, hard-copy location and retention from the JRA, with warnings; the
/// stage decides who inside the body reads the item's documents.
enum ArchivePages {
    @Sendable static func setStage(req: Request, user: CurrentUser) async throws -> Response {
        let (item, place, unitID) = try await Self.item(req)
        try user.require(.archive, on: place)
        let form = try req.formValues()
        guard let stage = ArchiveStage(rawValue: form["stage"]) else {
            Sessions.setNotice(req, "Tahap arsip harus aktif, inaktif, statis, atau vital.")
            return req.redirect(to: SiteURL.unitArchive(unitID).path)
        }
        let before = item.archiveStage
        item.archiveStage = stage.rawValue
        try await req.application.writeTransaction { db in
            try await item.save(on: db)
            try await AuditLog.record(
                req.auditDraft(
                    .archiveStage, targetType: .item, targetID: item.id?.uuidString, bodyID: place.bodyID,
                    before: before, after: "\(item.title): \(stage.rawValue)"), on: db)
        }
        Sessions.setNotice(req, PageContext(req).t("Tahap arsip disimpan.", "Archive stage saved."))
        return req.redirect(to: SiteURL.unitArchive(unitID).path)
    }

    @Sendable static func revokePermission(req: Request, user: CurrentUser) async throws -> Response {
        let (item, place, unitID) = try await Self.item(req)
        try Self.requireGranter(user, place)
        guard
            let permission = try await ArchivePermission.query(on: req.db).filter(\.$item.$id == item.requireID())
                .filter(\.$id == (try? req.formValues()["permission"]).flatMap(UUID.init(uuidString:)) ?? UUID())
                .with(\.$user).first()
        else { throw Refusal.notFound }
        try await req.application.writeTransaction { db in
            try await permission.delete(on: db)
            try await AuditLog.record(
                req.auditDraft(
                    .archivePermissionRevoke, targetType: .item, targetID: item.id?.uuidString, bodyID: place.bodyID,
                    before: "\(item.title): izin untuk \(permission.user.email) — \(permission.reason)"), on: db)
        }
        Sessions.setNotice(req, PageContext(req).t("Izin akses dicabut.", "Access revoked."))
        return req.redirect(to: SiteURL.unitArchive(unitID).path)
    }

    @Sendable static func grantPermission(req: Request, user: CurrentUser) async throws -> Response {
        let (item, place, unitID) = try await Self.item(req)
        try Self.requireGranter(user, place)
        let form = try req.formValues()
        let email = form["email"].trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard let grantee = try await User.query(on: req.db).filter(\.$email == email).first(),
            grantee.$homeBody.id?.uuidString == place.bodyID, let reason = form["reason"].nilIfBlank
        else {
            Sessions.setNotice(
                req, "Izin tidak diberikan: sebut e-mail pegawai badan publik ini dan alasan aksesnya.")
            return req.redirect(to: SiteURL.unitArchive(unitID).path)
        }
        try await req.application.writeTransaction { db in
            if try await ArchivePermission.query(on: db).filter(\.$item.$id == item.storedID).filter(\.$user.$id == grantee.storedID)
                .count() == 0
            {
                let permission = ArchivePermission()
                permission.$item.id = try item.requireID()
                permission.$user.id = try grantee.requireID()
                permission.grantedBy = user.id
                permission.reason = reason
                try await permission.create(on: db)
            }
            try await AuditLog.record(
                req.auditDraft(
                    .archivePermission, targetType: .item, targetID: item.id?.uuidString, bodyID: place.bodyID,
                    after: "\(item.title): izin untuk \(email) — \(reason)"), on: db)
        }
        Sessions.setNotice(req, PageContext(req).t("Izin akses diberikan.", "Access granted."))
        return req.redirect(to: SiteURL.unitArchive(unitID).path)
    }

    /// The holder's permission is given and withdrawn by the head or a PPID covering the unit.
    private static func requireGranter(_ user: CurrentUser, _ place: Authorization.Place) throws {
        let roles = Authorization.roles(of: user.person, covering: place)
        guard !roles.isDisjoint(with: [.head, .assistantPPID, .mainPPID]) else {
            throw Refusal.forbidden(.roleMayNot(action: .archive, roles: Array(roles)))
        }
    }

    private static func item(_ req: Request) async throws -> (ProposalItem, Authorization.Place, UUID) {
        guard let item = try await ProposalItem.find(try req.id("item"), on: req.db),
            let unit = try await Unit.find(item.$holdingUnit.id, on: req.db)
        else { throw Refusal.notFound }
        return (item, try await AccessQueries.place(of: unit, on: req.db), try unit.requireID())
    }

    /// Whether `user` may read the content of `item`'s archive, by its stage.
    static func access(_ item: ProposalItem, user: CurrentUser, place: Authorization.Place, on db: any Database) async throws
        -> ArchiveAccess.Decision
    {
        let roles = Authorization.roles(of: user.person, covering: place)
        let permitted =
            try await ArchivePermission.query(on: db).filter(\.$item.$id == item.requireID()).filter(\.$user.$id == user.id)
            .count() > 0
        return ArchiveAccess.decide(
            stage: ArchiveStage(rawValue: item.archiveStage) ?? .active,
            sameBody: user.person.assignments.contains { $0.unit.bodyID == place.bodyID },
            holdsIt: !roles.isDisjoint(with: [.operator, .assistantPPID, .head, .mainPPID, .reviewPanel]),
            headOrPPID: !roles.isDisjoint(with: [.head, .assistantPPID, .mainPPID]), permitted: permitted)
    }

    /// The holder's permissions for one inactive record: those given, each withdrawable, and the form
    /// that gives one more.
    private static func grantForm(_ ctx: PageContext, _ item: ProposalItem, _ given: [ArchivePermission]) -> Node<HTML.BodyContext> {
        .group(
            .if(
                !given.isEmpty,
                .ul(
                    .forEach(given) { permission in
                        .li(
                            .text("\(permission.user.email) — \(permission.reason) "),
                            .form(
                                .class("inline"), .action(SiteURL.archiveItemPermissionRevoke(item.id).path), .method(.post),
                                Layout.csrfField(ctx),
                                .input(.type(.hidden), .name("permission"), .value(permission.storedID.uuidString)),
                                .button(.type(.submit), .class("secondary"), .text(ctx.t("Cabut", "Revoke")))))
                    })),
            grantForm(ctx, item))
    }

    private static func grantForm(_ ctx: PageContext, _ item: ProposalItem) -> Node<HTML.BodyContext> {
        .form(
            .class("stack"), .action(SiteURL.archiveItemPermission(item.id).path), .method(.post), Layout.csrfField(ctx),
            Layout.field(
                "email", published: .internalOnly, label: ctx.t("Beri izin akses kepada (e-mail)", "Grant access to (e-mail)"), type: .email,
                autocomplete: "off", idPrefix: "grant-\(item.storedID)-"),
            Layout.field("reason", published: .internalOnly, label: ctx.t("Alasan", "Reason"), autocomplete: "off", idPrefix: "grant-\(item.storedID)-"),
            .button(.type(.submit), .class("secondary"), .text(ctx.t("Beri izin", "Grant"))))
    }

    @Sendable static func archive(req: Request, user: CurrentUser) async throws -> Response {
        let (unit, place) = try await AccessQueries.unit(try req.id("unit"), for: user, may: .viewExemptedContent, on: req.db)
        let unitID = try unit.requireID()
        let entries = try await RegisterEntry.query(on: req.db).filter(\.$unit.$id == unitID)
            .filter(\.$status != .reclassified).with(\.$item).all()
            .sorted { ($0.endDate ?? $0.reviewDate ?? .lastRepresentable) < ($1.endDate ?? $1.reviewDate ?? .lastRepresentable) }
        let rules = try await RetentionQueries.rules(bodyID: unit.$body.id, on: req.db)
        let copies = Set(
            try await ProposalDocument.query(on: req.db).filter(\.$item.$id ~~ entries.map { $0.$item.id }).all()
                .compactMap { $0.$item.id })
        let ctx = PageContext(req, user: user)
        let mayArchive = user.may(.archive, on: place).isAllowed
        let mayGrant = !Authorization.roles(of: user.person, covering: place).isDisjoint(with: [.head, .assistantPPID, .mainPPID])
        let permissions = Dictionary(
            grouping: mayGrant
                ? try await ArchivePermission.query(on: req.db).filter(\.$item.$id ~~ entries.map { $0.$item.id }).with(\.$user)
                    .all() : [],
            by: { $0.$item.id })
        func day(_ date: LocalDate?) -> String { date.map(ctx.date) ?? "—" }
        return Layout.page(
            ctx, title: ctx.t("Arsip — \(unit.name)", "Archive — \(unit.name)"),
            .h1(
                .text(ctx.t("Arsip informasi yang dikecualikan — \(unit.name)", "Archive of exempted information — \(unit.name)"))
            ),
            .unwrap(Sessions.takeNotice(req)) { Layout.notice($0, kind: "ok") },
            .p(
                .small(
                    .text(
                        ctx.t(
                            "Diurutkan menurut berakhirnya jangka waktu pengecualian. Arsip aktif dan vital: unit pengolah dan PPID; inaktif: dengan izin pemiliknya; statis: terbuka.",
                            "Sorted by the end of the exemption. Active and vital: the holding unit and the PPID; inactive: with the holder's permission; static: open."
                        )))),
            .if(entries.isEmpty, .p(.text(ctx.t("Belum ada arsip.", "No records yet.")))),
            .table(
                .class("register"),
                .tr(
                    .th(.text(ctx.t("No. DIK", "No."))), .th(.text(ctx.t("Informasi", "Information"))),
                    .th(.text(ctx.t("Pengecualian berakhir", "Exemption ends"))), .th(.text(ctx.t("Tahap", "Stage"))),
                    .th(.text(ctx.t("Lokasi fisik", "Hard copy"))), .th(.text(ctx.t("Retensi (JRA)", "Retention"))),
                    .th(.text(ctx.t("Peringatan", "Warnings")))),
                .forEach(entries) { entry in
                    let item = entry.item
                    let stage = ArchiveStage(rawValue: item.archiveStage) ?? .active
                    let rule = item.archiveCode.flatMap { rules[$0] }
                    let warnings = ArchiveWarning.check(
                        stage: stage, exempted: entry.status != .opened,
                        exemptionEnds: entry.endDate,
                        madeOn: item.madeWhen.flatMap(LocalDate.init(iso:)), code: item.archiveCode, rule: rule,
                        stored: copies.contains(item.storedID) || item.hasHardCopyLocation)
                    let location = [
                        item.locationBuilding, item.locationRoom, item.locationCabinet, item.locationBox, item.locationFolder,
                    ]
                    .compactMap { $0 }.joined(separator: " / ")
                    return .tr(
                        .td(.text(entry.registerNumber)),
                        .td(
                            .text(entry.title),
                            .unwrap(entry.status == .opened ? entry.openedOn : nil) {
                                .small(.text(" — " + ctx.t("terbuka ", "open ") + day($0)))
                            }),
                        .td(
                            .text(
                                entry.endDate == nil
                                    ? ctx.t("peristiwa, tinjau ", "event, review ") + day(entry.reviewDate) : day(entry.endDate))),
                        stageCell(ctx, item, stage: stage, mayArchive: mayArchive, mayGrant: mayGrant, permissions: permissions[item.storedID] ?? []),
                        .td(.text(location.isEmpty ? "—" : location)),
                        .td(.text([item.archiveCode, rule?.indonesianDescription].compactMap { $0 }.joined(separator: ": "))),
                        .td(.ul(.forEach(warnings) { .li(.text($0.description)) })))
                })
        )
    }

    /// An item's archive stage, with the form that changes it and, while inactive, the permissions.
    static func stageCell(
        _ ctx: PageContext, _ item: ProposalItem, stage: ArchiveStage, mayArchive: Bool, mayGrant: Bool,
        permissions: [ArchivePermission]
    ) -> Node<HTML.TableRowContext> {
        .td(
            .text(ctx.t(stage.indonesian, stage.english)),
            .if(
                mayArchive,
                .form(
                    .action(SiteURL.archiveItemStage(item.id).path), .method(.post), Layout.csrfField(ctx),
                    FormFields.select(
                        "stage", published: .internalOnly, label: ctx.t("Ubah tahap", "Change stage"),
                        options: ArchiveStage.allCases.map { ($0.rawValue, $0.indonesian) },
                        selected: stage.rawValue,
                        idPrefix: "\(item.storedID)-"),
                    .button(.type(.submit), .class("secondary"), .text(ctx.t("Simpan", "Save"))))),
            .if(mayGrant && stage == .inactive, grantForm(ctx, item, permissions)))
    }
}

/// Where each address of `ArchivePages` goes.
struct ArchiveRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.signedIn(.GET, .unitArchive(nil), use: ArchivePages.archive)
        routes.signedIn(.POST, .archiveItemStage(nil), use: ArchivePages.setStage)
        routes.signedIn(.POST, .archiveItemPermissionRevoke(nil), use: ArchivePages.revokePermission)
        routes.signedIn(.POST, .archiveItemPermission(nil), use: ArchivePages.grantPermission)
    }
}
