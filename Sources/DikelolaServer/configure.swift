import DikelolaCore
import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Vapor

/// Wires the application: core services, the database, migrations, routes and commands.
/// Connects to nothing yet; `dikelola serve` migrates and checks the database when it starts.
public func configure(_ app: Application, configuration: AppConfiguration) throws {
    app.dikelola = try CoreServices(configuration: configuration)
    // Vapor's request metrics cost every request a counter and a histogram under a lock: collected
    // only where someone can read them (DIKELOLA_METRICS_TOKEN set).
    if configuration.metricsToken != nil { DikelolaMetrics.bootstrap() }

    switch configuration.database {
    case let .sqliteFile(url):
        app.databases.use(.sqlite(.file(url.path)), as: .sqlite)
    case .sqliteMemory:
        app.databases.use(.sqlite(.memory), as: .sqlite)
    case let .postgres(postgres, _):
        app.databases.use(
            .postgres(
                configuration: postgres, maxConnectionsPerEventLoop: configuration.databaseConnectionsPerLoop,
                connectionPoolTimeout: .seconds(15)), as: .psql)
    }
    app.migrations.add(AppMigrations.all)
    // Outgoing requests (webhooks) never wait without end for a connection.
    app.http.client.configuration.timeout = .init(
        connect: .seconds(Int64(min(configuration.webhookTimeoutSeconds, 10))), read: .seconds(Int64(configuration.webhookTimeoutSeconds)))

    // Every multipart body is checked before MultipartKit reads it (see GuardedFormDataDecoder).
    ContentConfiguration.global.use(decoder: GuardedFormDataDecoder(), for: .formData)

    // Browser sessions live in the database so that several instances share them.
    app.sessions.use { _ in GatedSessionDriver(base: HashedSessionDriver()) }
    app.sessions.configuration.cookieName = sessionCookieName
    let secure = configuration.secureCookies
    app.sessions.configuration.cookieFactory = { id in
        HTTPCookies.Value(string: id.string, path: "/", isSecure: secure, isHTTPOnly: true, sameSite: .lax)
    }

    // Outermost first: security headers reach error pages too; the person is known before CSRF
    // is checked, so a refusal is audited with its actor.
    app.middleware = Middlewares()
    app.middleware.use(RequestLogMiddleware())
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(ErrorMiddleware.default(environment: app.environment))
    app.middleware.use(APIErrorMiddleware())
    app.middleware.use(PageErrorMiddleware())
    app.middleware.use(LanguageCookieMiddleware(secure: secure))
    app.middleware.use(app.sessions.middleware)
    app.middleware.use(PostRedirectGetMiddleware(secureCookies: secure))
    app.middleware.use(CurrentUserMiddleware())
    app.middleware.use(RefusalMiddleware())
    app.middleware.use(CSRFMiddleware(sessionCookieName: sessionCookieName))

    try routes(app)

    app.asyncCommands.use(DikelolaServeCommand(), as: "serve", isDefault: true)
    app.asyncCommands.use(WorkdaysCommand(), as: "workdays")
    app.asyncCommands.use(SOPCommand(), as: "sop")
    app.asyncCommands.use(AuditCommand(), as: "audit")
    app.asyncCommands.use(CreateAdminCommand(), as: "create-admin")
    app.asyncCommands.use(SweepCommand(), as: "sweep")
    app.asyncCommands.use(ImportCommand(), as: "import")
    app.asyncCommands.use(BackupCommand(), as: "backup")
    app.asyncCommands.use(RestoreCommand(), as: "restore")
    app.asyncCommands.use(MigrateCommand(), as: "migrate")
    app.asyncCommands.use(PublishCommand(), as: "publish")
    app.asyncCommands.use(VerifyPublicationCommand(), as: "verify-publication")
    // Vapor's list of routes is for its developers, not for the people running Dikelola.
    app.asyncCommands.commands["routes"] = nil
    if Environment.get("DIKELOLA_BENCHMARK") == "1" {
        // scripts/benchmark.sh only: generated data for measuring, never listed or run in production.
        app.asyncCommands.use(BenchmarkDataCommand(), as: "benchmark-data")
        app.asyncCommands.use(BenchmarkChangeCommand(), as: "benchmark-change")
    }
}

let sessionCookieName = "dikelola_session"

func routes(_ app: Application) throws {
    // HTML, CSV and JSON travel compressed to offices on slow connections (images and PDFs as they are).
    app.http.server.configuration.responseCompression = .enabledForCompressibleTypes
    try app.register(collection: HealthController())
    try app.register(collection: ReadinessController())
    try app.register(collection: MetricsController())
    try app.register(collection: HomeRoutes())
    try app.register(collection: LoginController())
    try app.register(collection: AccountRoutes())
    try app.register(collection: TokenRoutes())
    try app.register(collection: BodyAdminRoutes())
    try app.register(collection: UserAdminRoutes())
    try app.register(collection: ProposalAPIController())
    try app.register(collection: ProcedureRoutes())
    try app.register(collection: ImportRoutes())
    try app.register(collection: PeriodPreviewRoute())
    try app.register(collection: PeriodRoutes())
    try app.register(collection: NotificationRoutes())
    try app.register(collection: IntegrationAdminRoutes())
    try app.register(collection: ArchiveRoutes())
    try app.register(collection: EntryRoutes())
    try app.register(collection: PublicSiteRoutes())
    if Environment.get("DIKELOLA_BENCHMARK") == "1" {
        // scripts/benchmark.sh only: the same published bytes from memory — the framework's ceiling.
        try app.register(collection: BenchmarkMemoryRoute())
    }
}
