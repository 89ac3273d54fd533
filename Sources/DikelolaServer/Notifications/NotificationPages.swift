import DikelolaCore
import Fluent
import Foundation
import Plot
import Vapor

/// Each person's notifications: steps awaiting them and overdue (computed now), then what the
/// sweep and the end-of-period procedure told them (ending soon, due for review, opened, awaiting
/// approval, returned).
enum NotificationPages {
    @Sendable static func show(req: Request, user: CurrentUser) async throws -> Response {
        let ctx = PageContext(req, user: user)
        let awaiting = try await Awaiting.proposals(for: req.acting(user))
        let overdue = try await Awaiting.overdue(for: req.acting(user))
        let stored = try await Notification.query(on: req.db).filter(\.$user.$id == user.id)
            .sort(\.$createdAt, .descending).limit(200).all()
        let unread = stored.filter { $0.readAt == nil }.count
        let newsHeading = ctx.t("Pemberitahuan", "Notifications") + (unread > 0 ? " (\(unread) " + ctx.t("belum dibaca", "unread") + ")" : "")
        func step(_ entry: Awaiting.Entry) -> Node<HTML.ListContext> {
            .li(
                .a(.href(SiteURL.proposal(entry.proposal.id).path), .text(entry.proposal.title)),
                .text(" — \(entry.proposal.unit.name), " + ctx.t("langkah ", "step ") + "\(entry.step.number)"),
                .unwrap(entry.proposal.currentStepDueAt) { .text(" · " + ctx.t("tenggat ", "due ") + Dates.show($0, ctx)) })
        }
        return Layout.page(
            ctx, title: ctx.t("Pemberitahuan", "Notifications"),
            .h1(.text(ctx.t("Pemberitahuan", "Notifications"))),
            .unwrap(Sessions.takeNotice(req)) { Layout.notice($0, kind: "ok") },
            .h2(.text(ctx.t("Langkah menunggu Anda", "Steps awaiting you"))),
            .if(awaiting.isEmpty, .p(.text(ctx.t("Tidak ada.", "None.")))),
            .ul(.forEach(awaiting, step)),
            .if(
                !overdue.isEmpty,
                .group(.h2(.text(ctx.t("Langkah terlambat", "Overdue steps"))), .ul(.forEach(overdue, step)))),
            .h2(.text(newsHeading)),
            .if(stored.isEmpty, .p(.text(ctx.t("Belum ada.", "None yet.")))),
            .ul(
                .class("notifications"),
                .forEach(stored) { note in
                    .li(
                        .class(note.readAt == nil ? "unread" : "read"),
                        .a(.href(note.link.attributeEscaped), .text(note.message)),
                        .small(.text(" · " + Dates.show(note.createdAt ?? req.now, ctx))))
                }),
            .if(
                unread > 0,
                .form(
                    .action(SiteURL.notificationsRead.path), .method(.post), Layout.csrfField(ctx),
                    .button(
                        .type(.submit), .class("secondary"), .text(ctx.t("Tandai semua sudah dibaca", "Mark all as read")))))
        )
    }

    @Sendable static func markRead(req: Request, user: CurrentUser) async throws -> Response {
        try await Notification.query(on: req.db).filter(\.$user.$id == user.id).filter(\.$readAt == nil)
            .set(\.$readAt, to: req.now).update()
        return req.redirect(to: SiteURL.notifications.path)
    }

    @Sendable static func dip(req: Request, user: CurrentUser) async throws -> Response {
        guard let body = try await PublicBody.find(try req.id("body"), on: req.db), let bodyID = body.id else {
            throw Refusal.notFound
        }
        guard user.person.assignments.contains(where: { $0.unit.bodyID == bodyID.uuidString }) else {
            throw Refusal.forbidden(.otherBody)
        }
        let entries = try await PublicInformationEntry.query(on: req.db).filter(\.$body.$id == bodyID)
            .sort(\.$createdAt).all()
        let units = Dictionary(
            try await Unit.query(on: req.db).filter(\.$body.$id == bodyID).all().compactMap { u in u.id.map { ($0, u.name) }
            },
            uniquingKeysWith: { a, _ in a })
        let decrees = Dictionary(
            try await Decree.query(on: req.db).filter(\.$id ~~ entries.compactMap(\.decreeID)).all().compactMap { d in
                d.id.map { ($0, d.number) }
            }, uniquingKeysWith: { a, _ in a })
        let rulings = Dictionary(
            try await Ruling.query(on: req.db).filter(\.$id ~~ entries.compactMap(\.rulingID)).all().compactMap { r in
                r.id.map { ($0, r.citation) }
            }, uniquingKeysWith: { a, _ in a })
        let ctx = PageContext(req, user: user)
        func source(_ entry: PublicInformationEntry) -> String {
            let since = entry.openedOn.map(ctx.date) ?? ""
            switch entry.source {
            case .openedByDecree:
                return ctx.t("Dibuka \(since) dengan surat ", "Opened \(since) by decree ")
                    + (entry.decreeID.flatMap { decrees[$0] } ?? "")
            case .openedByLaw: return ctx.t("Terbuka demi hukum \(since) (PP 61/2010 Ps 11(3))", "Public by law \(since)")
            case .openedByRuling:
                return ctx.t("Dibuka \(since) berdasarkan ", "Opened \(since) by ") + (entry.rulingID.flatMap { rulings[$0] } ?? "")
                    + " (UU 14/2008 Ps 11(2))"
            case .testedOpen: return ctx.t("Terbuka menurut uji konsekuensi", "Found open by the test")
            case .partlyOpen:
                return ctx.t(
                    "Versi yang dihitamkan dari informasi yang dikecualikan sebagian (UU 14/2008 Ps 22(7)(e))",
                    "The blacked-out version of partly exempted information")
            }
        }
        return Layout.page(
            ctx, title: "DIP \(body.name)",
            .h1(
                .text(
                    ctx.t("Daftar Informasi Publik (DIP) — \(body.name)", "List of public information (DIP) — \(body.name)"))),
            .p(
                .small(
                    .text(ctx.t("Informasi yang terbuka melalui prosedur ini.", "Information opened through this procedure."))
                )),
            .if(entries.isEmpty, .p(.text(ctx.t("Belum ada.", "None yet.")))),
            .if(
                !entries.isEmpty,
                .table(
                    .class("register"),
                    .tr(
                        .th(.text("No")), .th(.text(ctx.t("Ringkasan isi informasi", "Summary"))),
                        .th(.text(ctx.t("Unit penguasa informasi", "Unit holding it"))),
                        .th(.text(ctx.t("Penanggung jawab", "Responsible"))),
                        .th(.text(ctx.t("Waktu dan tempat pembuatan", "Time and place made"))),
                        .th(.text(ctx.t("Bentuk", "Form"))),
                        .th(.text(ctx.t("Jangka waktu penyimpanan", "Retention"))),
                        .th(.text(ctx.t("Keterangan", "Remarks")))),
                    .forEach(Array(entries.enumerated())) { index, entry in
                        .tr(
                            .td(.text(String(index + 1))), .td(.text(entry.summary)), .td(.text(units[entry.$unit.id] ?? "")),
                            .td(.text(entry.responsible ?? "—")),
                            .td(.text([entry.madeWhen, entry.madeWhere].compactMap { $0 }.joined(separator: ", "))),
                            .td(.text(Labels.form(entry.form, ctx))), .td(.text(entry.retention ?? "—")),
                            .td(.text(source(entry))))
                    }))
        )
    }
}

/// Where each address of `NotificationPages` goes.
struct NotificationRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.signedIn(.GET, .notifications, use: NotificationPages.show)
        routes.signedIn(.POST, .notificationsRead, use: NotificationPages.markRead)
        routes.signedIn(.GET, .bodyDIP(nil), use: NotificationPages.dip)
    }
}
