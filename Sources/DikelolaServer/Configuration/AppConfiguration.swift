import DikelolaCore
import Foundation

/// Everything the application reads from its environment, read once at start. Each variable is
/// documented in the README.
public struct AppConfiguration: Sendable {
    /// `DIKELOLA_DATA_DIR`: where the SQLite database (and later, stored documents) live.
    public var dataDirectory: URL
    public var database: DatabaseChoice
    /// `DIKELOLA_HOLIDAYS_FILE`: an administrator's holiday list in place of the shipped one.
    public var holidaysFile: URL?
    /// `DIKELOLA_SOP_DIR`: a folder of additional SOP definitions.
    public var sopDirectory: URL?
    /// `DIKELOLA_CUTI_BERSAMA_IS_DAY_OFF`: whether cuti bersama counts as a day off (default yes).
    public var collectiveLeaveIsDayOff: Bool
    /// `DIKELOLA_ADMIN_EMAIL`: the sign-in of the administrator created at first start.
    public var initialAdminEmail: String
    /// `DIKELOLA_SECURE_COOKIES`: mark cookies `Secure` (set it when served over HTTPS).
    public var secureCookies: Bool = false
    /// `DIKELOLA_MAX_UPLOAD_MB`: the largest document accepted (default 50 MB).
    public var maxUploadBytes: Int = 50 * 1_048_576
    /// `DIKELOLA_DB_CONNECTIONS`: PostgreSQL connections per event loop (default 4), so a long
    /// transaction (a large import) leaves others for the requests on its loop.
    public var databaseConnectionsPerLoop: Int = 4
    /// `DIKELOLA_WEBHOOK_TIMEOUT`: seconds a webhook receiver has to answer, connecting included
    /// (default 10): a receiver that never answers must not hold the sweep or publication.
    public var webhookTimeoutSeconds: Int = 10
    /// `DIKELOLA_TRUSTED_PROXIES`: the proxies whose `X-Forwarded-For` / `Forwarded` name the client
    /// (addresses and CIDR ranges, e.g. `127.0.0.1, ::1`); none by default.
    public var trustedProxies: TrustedProxies = .none
    /// `DIKELOLA_BACKUP_BEFORE_MIGRATION`: copy an existing database into `cadangan/` of the data
    /// folder before its schema is changed (default yes).
    public var backupBeforeMigration: Bool = true
    /// `DIKELOLA_HOUSEKEEPING_DAYS`: days sign-in attempts and delivered webhook events are kept
    /// (default 30); sessions unused for a day are removed regardless.
    public var housekeepingDays: Int = 30
    /// `DIKELOLA_SEARCH_IN_MEMORY`: answer the public search from an index kept in memory (default
    /// yes; about 1 KB per published entry); `false` answers from the database's full-text index.
    public var searchInMemory: Bool = true
    /// `DIKELOLA_SEARCH_CACHE`: answer a search asked again from the last answers (default yes);
    /// `false` computes every answer (for measuring the search itself).
    public var searchCache: Bool = true
    /// `DIKELOLA_METRICS_TOKEN`: the bearer token `/metrics` asks for; without it there is no `/metrics`.
    public var metricsToken: String?
    /// `DIKELOLA_SWEEP_HOUR`: the hour (0–23, in each body's own zone) the server runs the daily sweep.
    public var sweepHour: Int = 1
    /// `DIKELOLA_ENDING_NOTICE_DAYS`: how many working days before its end an entry is listed as
    /// ending soon (default the law's 30, PP 61/2010 Ps 11(2); more gives earlier notice).
    public var endingNoticeWorkingDays: Int = ExpiryRules.openingDecreeLeadWorkingDays
    /// `DIKELOLA_CHROMIUM`: the headless Chromium that prints documents to PDF (default: the first
    /// of chromium, chromium-browser, google-chrome found on the PATH).
    public var chromium: URL?
    /// `DIKELOLA_PUBLIC_DIR`: the publication folder, the public register as static files (default
    /// `publik` in the data folder). Any web server can serve it, or a copy of it.
    public var publicDirectoryOverride: URL?
    /// `DIKELOLA_SIGNING_CERT`, `DIKELOLA_SIGNING_PASSPHRASE`: the body's PKCS#12 certificate for
    /// electronic signatures (PAdES) and its passphrase; without the passphrase the head types it.
    /// `DIKELOLA_BSRE_URL`, `DIKELOLA_BSRE_USER`, `DIKELOLA_BSRE_PASSWORD`: BSrE's signing service
    /// instead (the head types NIK and passphrase when signing).
    public var signing = SigningSettings()
    public var publicDirectory: URL {
        publicDirectoryOverride ?? dataDirectory.appendingPathComponent("publik", isDirectory: true)
    }

    public init(
        dataDirectory: URL, database: DatabaseChoice, holidaysFile: URL? = nil, sopDirectory: URL? = nil,
        collectiveLeaveIsDayOff: Bool = true, initialAdminEmail: String = "admin@dikelola.local"
    ) {
        self.dataDirectory = dataDirectory
        self.database = database
        self.holidaysFile = holidaysFile
        self.sopDirectory = sopDirectory
        self.collectiveLeaveIsDayOff = collectiveLeaveIsDayOff
        self.initialAdminEmail = initialAdminEmail
    }

    public static let databaseFileName = "dikelola.sqlite"

    /// Reads the configuration from environment variables.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(ConfigurationError) -> AppConfiguration
    {
        let settings = SettingsReader(environment: environment)
        let dataDirectory = URL(fileURLWithPath: settings.value("DIKELOLA_DATA_DIR") ?? "data", isDirectory: true)
            .standardizedFileURL
        let database: DatabaseChoice =
            if let url = settings.value("DATABASE_URL") {
                try DatabaseChoice.postgres(url: url)
            } else {
                .sqliteFile(dataDirectory.appendingPathComponent(databaseFileName))
            }
        let email = settings.value("DIKELOLA_ADMIN_EMAIL") ?? "admin@dikelola.local"
        guard EmailAddress.isPlausible(email) else {
            throw .invalidSetting(name: "DIKELOLA_ADMIN_EMAIL", value: email, expected: "harus alamat e-mail")
        }
        var configuration = AppConfiguration(
            dataDirectory: dataDirectory, database: database,
            holidaysFile: settings.value("DIKELOLA_HOLIDAYS_FILE").map { URL(fileURLWithPath: $0) },
            sopDirectory: settings.value("DIKELOLA_SOP_DIR").map { URL(fileURLWithPath: $0, isDirectory: true) },
            collectiveLeaveIsDayOff: try settings.flag("DIKELOLA_CUTI_BERSAMA_IS_DAY_OFF", default: true),
            initialAdminEmail: email.lowercased())
        configuration.secureCookies = try settings.flag("DIKELOLA_SECURE_COOKIES", default: false)
        configuration.backupBeforeMigration = try settings.flag("DIKELOLA_BACKUP_BEFORE_MIGRATION", default: true)
        configuration.searchInMemory = try settings.flag("DIKELOLA_SEARCH_IN_MEMORY", default: true)
        configuration.searchCache = try settings.flag("DIKELOLA_SEARCH_CACHE", default: true)
        if let text = settings.value("DIKELOLA_TRUSTED_PROXIES") {
            do {
                configuration.trustedProxies = try TrustedProxies(parsing: text)
            } catch {
                throw .invalidSetting(name: "DIKELOLA_TRUSTED_PROXIES", value: text, expected: error.description)
            }
        }
        if let token = settings.value("DIKELOLA_METRICS_TOKEN") {
            guard token.count >= 16, token.allSatisfy({ $0.isASCII && !$0.isWhitespace }) else {
                throw .invalidSetting(
                    name: "DIKELOLA_METRICS_TOKEN", value: "…",
                    expected: "isi paling sedikit 16 karakter ASCII tanpa spasi (misalnya dari openssl rand -hex 24)")
            }
            configuration.metricsToken = token
        }
        try configuration.readNumbers(settings)
        try configuration.readPaths(settings)
        return configuration
    }

    /// The settings that are whole numbers within a range.
    private mutating func readNumbers(_ settings: SettingsReader) throws(ConfigurationError) {
        if let megabytes = try settings.number("DIKELOLA_MAX_UPLOAD_MB", 1...1024, "isi bilangan 1 sampai 1024") {
            maxUploadBytes = megabytes * 1_048_576
        }
        if let count = try settings.number("DIKELOLA_DB_CONNECTIONS", 1...64, "isi bilangan 1 sampai 64") {
            databaseConnectionsPerLoop = count
        }
        if let seconds = try settings.number("DIKELOLA_WEBHOOK_TIMEOUT", 1...120, "isi detik 1 sampai 120") {
            webhookTimeoutSeconds = seconds
        }
        if let days = try settings.number("DIKELOLA_HOUSEKEEPING_DAYS", 1...3650, "isi hari 1 sampai 3650") {
            housekeepingDays = days
        }
        if let hour = try settings.number("DIKELOLA_SWEEP_HOUR", 0...23, "isi jam 0 sampai 23") { sweepHour = hour }
        if let days = try settings.number(
            "DIKELOLA_ENDING_NOTICE_DAYS", ExpiryRules.openingDecreeLeadWorkingDays...250,
            "isi hari kerja 30 sampai 250 (tidak kurang dari 30 hari kerja PP 61/2010 Pasal 11 ayat 2)")
        {
            endingNoticeWorkingDays = days
        }
    }

    /// The publication folder and Chromium.
    private mutating func readPaths(_ settings: SettingsReader) throws(ConfigurationError) {
        if let path = settings.value("DIKELOLA_PUBLIC_DIR") {
            publicDirectoryOverride = URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
        }
        if let path = settings.value("DIKELOLA_CHROMIUM") {
            guard FileManager.default.isExecutableFile(atPath: path) else {
                throw .invalidSetting(
                    name: "DIKELOLA_CHROMIUM", value: path, expected: "jalur berkas Chromium yang dapat dijalankan")
            }
            chromium = URL(fileURLWithPath: path)
        } else {
            chromium = PDFPrinter.findChromium(path: settings.environment["PATH"] ?? "/usr/bin:/bin")
        }
        if let path = settings.value("DIKELOLA_SIGNING_CERT") {
            guard FileManager.default.isReadableFile(atPath: path) else {
                throw .invalidSetting(name: "DIKELOLA_SIGNING_CERT", value: path, expected: "berkas PKCS#12 (.p12) yang dapat dibaca")
            }
            signing.certificate = URL(fileURLWithPath: path)
        }
        signing.passphrase = settings.environment["DIKELOLA_SIGNING_PASSPHRASE"].flatMap { $0.isEmpty ? nil : $0 }
        if let text = settings.value("DIKELOLA_BSRE_URL") {
            guard let url = URL(string: text), url.scheme == "https" || url.scheme == "http", url.host != nil else {
                throw .invalidSetting(name: "DIKELOLA_BSRE_URL", value: text, expected: "alamat http(s) layanan TTE BSrE")
            }
            signing.bsre = .init(
                url: url, user: settings.value("DIKELOLA_BSRE_USER") ?? "", password: settings.environment["DIKELOLA_BSRE_PASSWORD"] ?? "")
        }
    }

    /// The working-day calendar this deployment computes deadlines on.
    public func loadCalendar() throws -> WorkingDayCalendar {
        let holidays = try holidaysFile.map(HolidayList.load(contentsOf:)) ?? HolidayList.bundled()
        return WorkingDayCalendar(holidays: holidays, collectiveLeaveIsDayOff: collectiveLeaveIsDayOff)
    }

    public func loadSOPLibrary() throws -> SOPLibrary {
        try SOPLibrary.load(additionalDirectory: sopDirectory)
    }
}

/// Reads settings from the environment: blank counts as unset; flags and numbers are checked.
struct SettingsReader {
    let environment: [String: String]

    func value(_ name: String) -> String? {
        environment[name].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
    }

    func flag(_ name: String, default fallback: Bool) throws(ConfigurationError) -> Bool {
        guard let text = value(name) else { return fallback }
        switch text.lowercased() {
        case "1", "true", "yes", "ya": return true
        case "0", "false", "no", "tidak": return false
        default: throw .invalidSetting(name: name, value: text, expected: "isi true atau false")
        }
    }

    /// A whole number setting within `range`, or nil when not set.
    func number(_ name: String, _ range: ClosedRange<Int>, _ expected: String) throws(ConfigurationError) -> Int? {
        guard let text = value(name) else { return nil }
        guard let number = Int(text), range.contains(number) else {
            throw .invalidSetting(name: name, value: text, expected: expected)
        }
        return number
    }
}

enum EmailAddress {
    /// A light check: something@something.something, no spaces. Delivery is the real test.
    static func isPlausible(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
            && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".") && !text.contains(where: \.isWhitespace)
    }
}
