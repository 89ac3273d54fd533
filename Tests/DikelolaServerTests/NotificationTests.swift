import Crypto
import DikelolaCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import DikelolaServer

/// What a webhook receiver saw.
final class Received: @unchecked Sendable {
    private let lock = NSLock()
    private var requests: [(headers: HTTPHeaders, body: String)] = []
    private var failuresLeft: Int

    init(failFirst: Int) { failuresLeft = failFirst }

    func take(_ headers: HTTPHeaders, _ body: String) -> HTTPStatus {
        lock.withLock {
            requests.append((headers, body))
            if failuresLeft > 0 {
                failuresLeft -= 1
                return .internalServerError
            }
            return .noContent
        }
    }

    var all: [(headers: HTTPHeaders, body: String)] { lock.withLock { requests } }
}

@Suite struct NotificationTests {
    static let admin = "admin.diskominfo@contohkab.go.id"

    /// A receiver that never answers is a failed attempt after the timeout, retried later: it does
    /// not hold the sweep or publication (issue 15: a stalled receiver stalled them).
    @Test func aReceiverThatNeverAnswersTimesOut() async throws {
        let clock = FixedClock(ExpirySweepTests.at("2026-11-10"))
        try await withApp(clock: clock, adjust: { $0.webhookTimeoutSeconds = 1 }) { app in
            try await ExpirySweepTests.register(app)
            let receiver = try await Application.make(.testing)
            receiver.post("hook") { _ async throws -> HTTPStatus in
                try await Task.sleep(for: .seconds(4))
                return .noContent
            }
            receiver.http.server.configuration.hostname = "127.0.0.1"
            receiver.http.server.configuration.port = 0
            try await receiver.server.start()
            let port = try #require(receiver.http.server.shared.localAddress?.port)
            let body = try #require(try await PublicBody.query(on: app.db).first())
            body.webhookURL = "http://127.0.0.1:\(port)/hook"
            body.webhookSecret = WebhookSender.newSecret()
            try await body.save(on: app.db)
            let now = ExpirySweepTests.at("2026-11-17")
            _ = try await ExpirySweep.run(app: app, now: now)
            let started = Date()
            let report = try await WebhookSender.deliverDue(app: app, now: now)
            #expect(report.retried >= 1 && report.delivered == 0)
            #expect(Date().timeIntervalSince(started) < 3.5 * Double(report.retried))
            let attempt = try #require(try await WebhookAttempt.query(on: app.db).first())
            #expect(attempt.statusCode == nil && attempt.error != nil)
            await receiver.server.shutdown()
            try await receiver.asyncShutdown()
        }
    }

    @Test func theWebhookIsSignedRetriedAndLogged() async throws {
        let clock = FixedClock(ExpirySweepTests.at("2026-11-10"))
        try await withApp(clock: clock) { app in
            try await ExpirySweepTests.register(app)
            // A real receiver on a loopback port, failing once.
            let received = Received(failFirst: 1)
            let receiver = try await Application.make(.testing)
            receiver.post("hook") { req -> HTTPStatus in
                received.take(req.headers, req.body.string ?? "")
            }
            receiver.http.server.configuration.hostname = "127.0.0.1"
            receiver.http.server.configuration.port = 0
            try await receiver.server.start()
            let port = try #require(receiver.http.server.shared.localAddress?.port)

            let body = try #require(try await PublicBody.query(on: app.db).first())
            let admin = Browser(app)
            try await admin.signIn(as: Self.admin)
            try await admin.get(SiteURL.adminBodyWebhook(body.id).path)
            let bad = try await admin.submit(SiteURL.adminBodyWebhook(body.id).path, ["url": "ftp://gerbang.contohkab.go.id/hook"])
            #expect(bad.status == .unprocessableEntity && bad.body.contains("http:// atau https://"))
            #expect(try await PublicBody.find(body.id, on: app.db)?.webhookURL == nil)
            let good = try await admin.post(SiteURL.adminBodyWebhook(body.id).path, ["url": "http://127.0.0.1:\(port)/hook"])
            #expect(good.status == .seeOther)
            let secret = try #require(try await PublicBody.find(body.id, on: app.db)?.webhookSecret)

            let now = ExpirySweepTests.at("2026-11-17")
            _ = try await ExpirySweep.run(app: app, now: now)
            let delivery = try #require(
                try await WebhookDelivery.query(on: app.db).filter(\.$event == "register.endingSoon").first())
            #expect(delivery.status == .pending && delivery.payload.contains("\"openingDecreeDue\":\"2026-11-17\""))

            let first = try await WebhookSender.deliverDue(app: app, now: now)
            #expect(first == .init(delivered: 0, retried: 1, failed: 0))
            let retry = try #require(try await WebhookDelivery.find(delivery.id, on: app.db))
            #expect(retry.attempts == 1 && retry.nextAttemptAt == now.addingTimeInterval(60))
            #expect(try await WebhookSender.deliverDue(app: app, now: now.addingTimeInterval(30)) == .init())  // not due yet
            let second = try await WebhookSender.deliverDue(app: app, now: now.addingTimeInterval(61))
            #expect(second.delivered == 1)
            #expect(try await WebhookDelivery.find(delivery.id, on: app.db)?.status == .delivered)
            let attempts = try await WebhookAttempt.query(on: app.db).filter(\.$delivery.$id == delivery.id!).sort(\.$attemptedAt)
                .all()
            #expect(attempts.map(\.statusCode) == [500, 204])

            // The receiver checks the signature with the key alone.
            let last = try #require(received.all.last)
            #expect(last.body == delivery.payload)
            let timestamp = try #require(last.headers.first(name: "X-Dikelola-Timestamp"))
            let mac = HMAC<SHA256>.authenticationCode(
                for: Data("\(timestamp).\(last.body)".utf8), using: SymmetricKey(data: Data(secret.utf8)))
            #expect(
                last.headers.first(name: "X-Dikelola-Signature") == "sha256=" + mac.map { String(format: "%02x", $0) }.joined())
            #expect(last.headers.first(name: "X-Dikelola-Event") == "register.endingSoon")
            // The log is on the administrator's page.
            #expect(try await admin.get(SiteURL.adminBodyWebhook(body.id).path).body.contains("HTTP 500"))

            await receiver.server.shutdown()
            try await receiver.asyncShutdown()
        }
    }

    @Test func theServerSweepsOnceADayAtTheConfiguredHour() async throws {
        let clock = FixedClock(ExpirySweepTests.at("2026-11-10"))
        try await withApp(clock: clock) { app in
            try await ExpirySweepTests.register(app)
            clock.set(ExpirySweepTests.at("2026-11-17", hour: 0.5))  // before 01:00 WIB
            await BackgroundWork.tick(app)
            #expect(try await PeriodActionTests.entry("Berakhir akhir tahun", app).status == .exempted)
            clock.set(ExpirySweepTests.at("2026-11-17", hour: 1.1))
            await BackgroundWork.tick(app)
            #expect(try await PeriodActionTests.entry("Berakhir akhir tahun", app).status == .endingSoon)
            #expect(try await PublicBody.query(on: app.db).first()?.lastSweptOn?.iso == "2026-11-17")
            let events = try await AuditEvent.query(on: app.db).count()
            await BackgroundWork.tick(app)
            #expect(try await AuditEvent.query(on: app.db).count() == events)

            // The notification list shows it, and it can be marked read.
            let ppid = Browser(app)
            try await ppid.signIn(as: PeriodActionTests.ppid)
            let list = try await ppid.get(SiteURL.notifications.path)
            #expect(list.body.contains("akan berakhir 31 Desember 2026; surat pembukaan paling lambat 17 November 2026"))
            #expect(list.body.contains("1 belum dibaca"))
            #expect(try await ppid.post(SiteURL.notificationsRead.path, [:]).status == .seeOther)
            #expect(!(try await ppid.get(SiteURL.notifications.path).body.contains("belum dibaca")))
        }
    }

    /// A body due in its own zone does not pull another body's sweep ahead of that body's hour.
    @Test func eachBodyIsSweptAtItsOwnZonesHour() async throws {
        // 00.30 WIB on 18 November is 01.30 WITA: past the sweep hour (01.00) in Makassar only.
        let clock = FixedClock(ExpirySweepTests.at("2026-11-18", hour: 0.5))
        try await withApp(clock: clock) { app in
            var bodies: [PublicBody] = []
            for (slug, zone) in [("barat", TimeZoneRegion.wib), ("tengah", .wita)] {
                let body = PublicBody(
                    slug: slug, name: "Pemerintah \(slug)", region: slug, timeZone: zone, letterheadLines: [slug],
                    decreeNumberTemplate: "000/{serial}/{year}")
                body.lastSweptOn = LocalDate(iso: "2026-11-17")
                try await body.create(on: app.db)
                bodies.append(body)
            }
            await BackgroundWork.tick(app)
            let west = try #require(try await PublicBody.find(bodies[0].id, on: app.db))
            let central = try #require(try await PublicBody.find(bodies[1].id, on: app.db))
            #expect(central.lastSweptOn?.iso == "2026-11-18")
            #expect(west.lastSweptOn?.iso == "2026-11-17", "not before 01.00 in its own zone")
        }
    }

    @Test func aRetentionRowMustReferToAKnownClassificationCode() async throws {
        try await withApp { app in
            _ = try await DemoGovernment.load(in: app)
            let body = try #require(try await PublicBody.query(on: app.db).first())
            let admin = Browser(app)
            try await admin.signIn(as: Self.admin)
            try await admin.get(SiteURL.adminBodyArchive(body.id).path)
            let unknown = try await admin.submit(
                SiteURL.adminRetentionRow(body.id).path,
                ["code": "474.1", "activeYears": "2", "inactiveYears": "5", "disposition": "musnah"])
            #expect(unknown.status == .unprocessableEntity && unknown.body.contains("Kode klasifikasi \"474.1\" belum ada"))
            #expect(try await RetentionScheduleRow.query(on: app.db).count() == 0)
            #expect(
                try await admin.post(SiteURL.adminArchiveClass(body.id).path, ["code": "474.1", "name": "Kartu keluarga"]).status
                    == .seeOther)
            let saved = try await admin.post(
                SiteURL.adminRetentionRow(body.id).path,
                ["code": "474.1", "activeYears": "2", "inactiveYears": "5", "disposition": "musnah"])
            #expect(saved.status == .seeOther)
            let row = try #require(try await RetentionScheduleRow.query(on: app.db).first())
            #expect(row.activeYears == 2 && row.inactiveYears == 5 && row.disposition == "musnah")
            // An operator is not the body's administrator.
            let op = Browser(app)
            try await op.signIn(as: PeriodActionTests.operatorEmail)
            #expect(try await op.get(SiteURL.adminBodyArchive(body.id).path).status == .forbidden)
        }
    }
}

@Suite struct ArchivePageTests {
    @Test func theArchiveIsSortedByPeriodAndItsStageIsRecorded() async throws {
        let clock = FixedClock(ExpirySweepTests.at("2026-11-10"))
        try await withApp(clock: clock) { app in
            try await ExpirySweepTests.register(app)
            let entry = try await PeriodActionTests.entry("Berakhir 2031", app)
            let op = Browser(app)
            try await op.signIn(as: PeriodActionTests.operatorEmail)
            let page = try await op.get(SiteURL.unitArchive(entry.$unit.id).path)
            #expect(page.status == .ok)
            let first = try #require(page.body.range(of: "Berakhir akhir tahun"))
            let last = try #require(page.body.range(of: "Berakhir 2031"))
            #expect(first.lowerBound < last.lowerBound)  // by the end of the exemption
            let bad = try await op.post(SiteURL.archiveItemStage(entry.$item.id).path, ["stage": "hilang"])
            #expect(bad.status == .seeOther)
            #expect(try await ProposalItem.find(entry.$item.id, on: app.db)?.archiveStage == "aktif")
            #expect(try await op.post(SiteURL.archiveItemStage(entry.$item.id).path, ["stage": "statis"]).status == .seeOther)
            #expect(try await ProposalItem.find(entry.$item.id, on: app.db)?.archiveStage == "statis")
            let after = try await op.get(SiteURL.unitArchive(entry.$unit.id).path)
            #expect(after.body.contains("Arsip statis pada prinsipnya terbuka"))
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "archive.stage").count() == 1)
            // Another unit's operator sees nothing of it.
            let other = Browser(app)
            try await other.signIn(as: "operator.dinkes@contohkab.go.id")
            #expect(try await other.get(SiteURL.unitArchive(entry.$unit.id).path).status == .forbidden)
        }
    }

    @Test func anInactiveRecordIsReadWithTheHoldersPermissionUntilItIsWithdrawn() async throws {
        let clock = FixedClock(ExpirySweepTests.at("2026-11-10"))
        try await withApp(clock: clock) { app in
            try await ExpirySweepTests.register(app)
            let entry = try await PeriodActionTests.entry("Berakhir 2031", app)
            let document = try #require(
                try await ProposalDocument.query(on: app.db).filter(\.$item.$id == entry.$item.id).first())
            let download = SiteURL.proposalDocument(document.$proposal.id, document.id).path
            let op = Browser(app)
            try await op.signIn(as: PeriodActionTests.operatorEmail)
            #expect(try await op.get(download).status == .ok)  // active: the holding unit reads it
            let archive = SiteURL.unitArchive(entry.$unit.id).path
            _ = try await op.get(archive)  // the forms' CSRF token
            #expect(try await op.post(SiteURL.archiveItemStage(entry.$item.id).path, ["stage": "inaktif"]).status == .seeOther)
            let refused = try await op.get(download)  // inactive: only with the holder's permission
            #expect(refused.status == .forbidden && refused.body.contains("Arsip inaktif hanya dapat diakses dengan izin"))
            _ = try await op.get(archive)
            // The operator cannot give themself permission.
            let selfGrant = try await op.submit(
                SiteURL.archiveItemPermission(entry.$item.id).path, ["email": PeriodActionTests.operatorEmail, "reason": "x"])
            #expect(selfGrant.status == .forbidden)

            let ppid = Browser(app)
            try await ppid.signIn(as: PeriodActionTests.ppid)
            _ = try await ppid.get(archive)
            let unknown = try await ppid.follow(
                try await ppid.post(
                    SiteURL.archiveItemPermission(entry.$item.id).path, ["email": "orang@luar.example", "reason": "audit"]))
            #expect(unknown.body.contains("Izin tidak diberikan"))
            #expect(try await ArchivePermission.query(on: app.db).count() == 0)
            _ = try await ppid.post(
                SiteURL.archiveItemPermission(entry.$item.id).path,
                ["email": PeriodActionTests.operatorEmail, "reason": "Pemeriksaan BPK 2032"])
            #expect(try await op.get(download).status == .ok)
            let page = try await ppid.get(SiteURL.unitArchive(entry.$unit.id).path)
            #expect(page.body.contains("Pemeriksaan BPK 2032") && page.body.contains("Cabut"))
            let permission = try #require(try await ArchivePermission.query(on: app.db).first())
            _ = try await op.get(archive)
            #expect(
                try await op.submit(
                    SiteURL.archiveItemPermissionRevoke(entry.$item.id).path, ["permission": permission.id!.uuidString]
                ).status == .forbidden)
            _ = try await ppid.post(
                SiteURL.archiveItemPermissionRevoke(entry.$item.id).path, ["permission": permission.id!.uuidString])
            #expect(try await op.get(download).status == .forbidden)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "archive.permission.revoke").count() == 1)
            #expect(try await AuditLog.verify(on: app.db).firstBreak == nil)
        }
    }

    @Test func theAdministratorIsWarnedOfYearsWithoutHolidays() async throws {
        let clock = FixedClock(ExpirySweepTests.at("2026-11-10"))
        try await withApp(clock: clock) { app in
            try await ExpirySweepTests.register(app)  // one entry ends on 31 December 2031
            let body = try #require(try await PublicBody.query(on: app.db).first())
            let admin = Browser(app)
            try await admin.signIn(as: NotificationTests.admin)
            let page = try await admin.get(SiteURL.adminBody(body.id).path)
            #expect(page.status == .ok && page.body.contains("Hari libur tahun 2031 belum ada"))
        }
    }
}
