import DikelolaCore
import Vapor

/// What the core gives the web layer, loaded once at configuration: the working-day calendar and
/// the SOP definitions. Handed to routes and commands through the application, never global.
public struct CoreServices: Sendable {
    public let configuration: AppConfiguration
    public let calendar: WorkingDayCalendar
    public let sopLibrary: SOPLibrary
    /// The time; tests hand in a `FixedClock` and move it.
    public let clock: any WallClock

    /// PP 61/2010 Ps 11 on this deployment's calendar and notice setting.
    public var expiryRules: ExpiryRules {
        ExpiryRules(calendar: calendar, noticeWorkingDays: configuration.endingNoticeWorkingDays)
    }
    /// Queues SQLite write transactions (see `Application.writeTransaction`).
    let writeGate = WriteGate()
    /// Which bodies have a version not yet written to the public folder (see `PublicSite`).
    let publicSite = PublicSiteState()
    /// Anonymous refusals counted per address and minute (see `RefusalTally`).
    let refusals = RefusalTally()
    /// What the background loops last did (see `BackgroundWork`).
    let background = BackgroundState()

    public init(configuration: AppConfiguration, clock: any WallClock = SystemClock()) throws {
        self.configuration = configuration
        self.clock = clock
        self.calendar = try configuration.loadCalendar()
        self.sopLibrary = try configuration.loadSOPLibrary()
    }
}

extension Application {
    private struct CoreServicesKey: StorageKey {
        typealias Value = CoreServices
    }

    /// Set by `configure`; reading it before is a programming error.
    public var dikelola: CoreServices {
        get {
            guard let services = storage[CoreServicesKey.self] else {
                fatalError("configure(_:configuration:) has not run")
            }
            return services
        }
        set { storage[CoreServicesKey.self] = newValue }
    }
}
