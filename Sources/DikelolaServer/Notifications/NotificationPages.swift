import DikelolaCore
import Fluent
import Foundation
import Plot
import Vapor

/// Each person's notifications: steps awaiting them and overdue (computed now), then what the
/// sweep and the end-of-period procedure told them (ending soon, due for review, opened, awaiting
/// approval, returned).
struct NotificationPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.signedIn(.GET, .notifications) { req, user in
            let ctx = PageContext(req, user: user)
            let awaiting = try await Awaiting.proposals(for: req.acting(user))
            let overdue = try await Awaiting.overdue(for: req.acting(user))
            let stored = try await Notification.query(on: req.db).filter(\.$user.$id == user.id)
                .sort(\.$createdAt, .descending).limit(200).all()
            let unread = stored.filter { $0.readAt == nil }.count
            let newsHeading = ctx.t("Kabar", "News") + (unread > 0 ? " (\(unread) " + ctx.t("belum dibaca", "unread") + ")" : "")
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
                            .a(.href(note.link), .text(note.message)),
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
        routes.signedIn(.POST, .notificationsRead) { req, user in
            try await Notification.query(on: req.db).filter(\.$user.$id == user.id).filter(\.$readAt == nil)
                .set(\.$readAt, to: req.now).update()
            return req.redirect(to: SiteURL.notifications.path)
        }
        routes.signedIn(.GET, .bodyDIP(nil)) { req, user in
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
            let ctx = PageContext(req, user: user)
            func source(_ entry: PublicInformationEntry) -> String {
                let since = entry.openedOn.map(ctx.date) ?? ""
                switch entry.source {
                case .openedByDecree:
                    return ctx.t("Dibuka \(since) dengan surat ", "Opened \(since) by decree ")
                        + (entry.decreeID.flatMap { decrees[$0] } ?? "")
                case .openedByLaw: return ctx.t("Terbuka demi hukum \(since) (PP 61/2010 Ps 11(3))", "Public by law \(since)")
                case .testedOpen: return ctx.t("Terbuka menurut uji konsekuensi", "Found open by the test")
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
}

/// The server's own timekeeping: every minute it sweeps each body once a day at the configured
/// hour of the body's zone (`DIKELOLA_SWEEP_HOUR`), and delivers due webhook events. Several
/// instances may run it: the sweep locks per body and is idempotent, deliveries are claimed.
enum BackgroundWork {
    static func start(_ app: Application) {
        let task = Task {
            while !Task.isCancelled {
                await tick(app)
                try? await Task.sleep(for: .seconds(60))
            }
        }
        app.lifecycle.use(Stopper(task: task))
        app.lifecycle.use(RefusalTally.Flusher())
    }

    /// One round; also what tests call with a moved clock.
    static func tick(_ app: Application) async {
        let now = app.dikelola.clock.now()
        do {
            let hour = app.dikelola.configuration.sweepHour
            var due: Set<UUID> = []
            for body in try await PublicBody.query(on: app.db).all() {
                let zone = TimeZoneRegion(rawValue: body.timeZone) ?? .wib
                let today = zone.localDate(of: now)
                let startOfHour = zone.startOfDay(today).addingTimeInterval(TimeInterval(hour * 3600))
                if now >= startOfHour, (body.lastSweptOn ?? .epoch) < today, let id = body.id { due.insert(id) }
            }
            if !due.isEmpty {
                let report = try await ExpirySweep.run(app: app, now: now, bodyIDs: due)
                app.logger.info("\(report.description)")
            }
            try await RefusalTally.flush(app, now: now)
            try await WebhookSender.deliverDue(app: app, now: now)
            // Versions recorded by other instances (or missed) reach this instance's public folder.
            try await PublicSite.materializeAll(app)
        } catch {
            app.logger.report(error: error)
        }
    }

    struct Stopper: LifecycleHandler {
        let task: Task<Void, Never>
        func shutdown(_ application: Application) { task.cancel() }
    }
}
