import DikelolaCore
import Fluent
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// The server's own timekeeping, in two loops that cannot hold each other up:
/// - every minute it sweeps each body once a day at the configured hour of the body's zone
///   (`DIKELOLA_SWEEP_HOUR`), writes versions recorded elsewhere into the publication folder, and
///   once an hour does the housekeeping;
/// - every 15 seconds it delivers due webhook events, each with its own timeout.
/// Several instances may run both: the sweep locks per body and is idempotent, deliveries are
/// claimed. At shutdown the server waits for the round in progress to finish.
enum BackgroundWork {
    static let webhookInterval: Duration = .seconds(15)

    static func start(_ app: Application) {
        app.dikelola.background.update { $0.started = Date() }
        let work = Task {
            // Bodies whose latest version was made by an older release are published again; the
            // first round below writes the publication folder.
            do {
                let republished = try await Publisher.catchUp(app: app, now: app.dikelola.clock.now(), onlyOlderFormats: true)
                if republished > 0 { app.logger.info("Register \(republished) badan publik diterbitkan ulang dalam format rilis ini.") }
            } catch {
                app.logger.report(error: error)
            }
            // The public search's index in memory, so the first searches need not wait for it.
            if app.dikelola.configuration.searchInMemory {
                do {
                    let started = Date()
                    let index = try await app.dikelola.publicSite.memorySearch.current(on: app.db)
                    let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
                    app.logger.notice("Indeks pencarian dimuat: \(index?.count ?? 0) entri dalam \(seconds) detik.")
                } catch {
                    app.logger.report(error: error)
                }
            }
            // The holidays or the working hours may have changed since the last run.
            do {
                let refreshed = try await DeadlineRefresh.all(app, now: app.dikelola.clock.now())
                let counts = "\(refreshed.entries) entri, \(refreshed.proposals) usulan, \(refreshed.actions) pembukaan"
                app.logger.info("Tenggat dihitung ulang saat mulai: \(counts).")
            } catch {
                app.logger.report(error: error)
            }
            while !Task.isCancelled {
                await tick(app)
                try? await Task.sleep(for: .seconds(60))
            }
        }
        let webhooks = Task {
            while !Task.isCancelled {
                await deliverWebhooks(app)
                try? await Task.sleep(for: webhookInterval)
            }
        }
        app.lifecycle.use(Stopper(tasks: [work, webhooks]))
        app.lifecycle.use(RefusalTally.Flusher())
    }

    /// One round; also what tests call with a moved clock.
    static func tick(_ app: Application) async {
        let now = app.dikelola.clock.now()
        do {
            let hour = app.dikelola.configuration.sweepHour
            var due: Set<UUID> = []
            for body in try await PublicBody.query(on: app.db).all() {
                let zone = body.zone
                let today = zone.localDate(of: now)
                let startOfHour = zone.startOfDay(today).addingTimeInterval(TimeInterval(hour * 3600))
                if now >= startOfHour, (body.lastSweptOn ?? .epoch) < today, let id = body.id { due.insert(id) }
            }
            if !due.isEmpty {
                let report = try await ExpirySweep.run(app: app, now: now, bodyIDs: due)
                app.logger.info("\(report.description)")
            }
            try await RefusalTally.flush(app, now: now)
            // Versions recorded by other instances (or missed) reach this instance's public folder.
            try await PublicSite.materializeAll(app)
            let lastHousekeeping = app.dikelola.background.snapshot.lastHousekeeping ?? .distantPast
            if now.timeIntervalSince(lastHousekeeping) >= 3600 || now < lastHousekeeping {
                let removed = try await Housekeeping.run(app, now: now)
                app.dikelola.background.update { $0.lastHousekeeping = now }
                if removed.total > 0 { app.logger.info("\(removed.description)") }
            }
            app.dikelola.background.update { $0.lastTick = Date() }
        } catch {
            app.logger.report(error: error)
        }
    }

    static func deliverWebhooks(_ app: Application) async {
        do {
            _ = try await WebhookSender.deliverDue(app: app, now: app.dikelola.clock.now())
            app.dikelola.background.update { $0.lastWebhookTick = Date() }
        } catch {
            app.logger.report(error: error)
        }
    }

    /// Cancels the loops and waits for the round in progress: a sweep or a delivery is never cut
    /// off half-way by a stop (its transaction would roll back, but its webhook might be sent twice).
    struct Stopper: LifecycleHandler {
        let tasks: [Task<Void, Never>]

        func shutdownAsync(_ application: Application) async {
            for task in tasks { task.cancel() }
            for task in tasks { await task.value }
        }
    }
}

/// What the background loops last did in this instance, for `/health/ready` and `/metrics`.
final class BackgroundState: Sendable {
    struct Snapshot: Sendable {
        var started: Date?
        var lastTick: Date?
        var lastWebhookTick: Date?
        var lastHousekeeping: Date?
    }

    private let box = NIOLockedValueBox(Snapshot())

    var snapshot: Snapshot { box.withLockedValue { $0 } }

    func update(_ change: (inout Snapshot) -> Void) { box.withLockedValue { change(&$0) } }
}
