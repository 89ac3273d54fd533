import DikelolaCore
import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Vapor

/// Wires the application: core services, the database, migrations, routes and commands.
/// Connects to nothing yet; `dikelola serve` migrates and checks the database when it starts.
public func configure(_ app: Application, configuration: AppConfiguration) throws {
    app.dikelola = try CoreServices(configuration: configuration)

    switch configuration.database {
    case let .sqliteFile(url):
        app.databases.use(.sqlite(.file(url.path)), as: .sqlite)
    case .sqliteMemory:
        app.databases.use(.sqlite(.memory), as: .sqlite)
    case let .postgres(postgres, _):
        app.databases.use(.postgres(configuration: postgres, connectionPoolTimeout: .seconds(15)), as: .psql)
    }
    app.migrations.add(AppMigrations.all)

    try routes(app)

    app.asyncCommands.use(DikelolaServeCommand(), as: "serve", isDefault: true)
    app.asyncCommands.use(WorkdaysCommand(), as: "workdays")
    app.asyncCommands.use(SOPCommand(), as: "sop")
    app.asyncCommands.use(AuditCommand(), as: "audit")
}

func routes(_ app: Application) throws {
    try app.register(collection: HealthController())
}
