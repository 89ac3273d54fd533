import DikelolaCore
import Fluent
import Foundation
import Vapor

/// The server's own timekeeping: every minute it sweeps each body once a day at the configured
/// hour of the body's zone (`DIKELOLA_SWEEP_HOUR`), and delivers due webhook events. Several
/// instances may run it: the sweep locks per body and is idempotent, deliveries are claimed.
enum BackgroundWork {
    static func start(_ app: Application) {
        let task = Task {
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
