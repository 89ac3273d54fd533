import Foundation
import PostgresKit

/// Which database the application runs on: the embedded SQLite file by default, PostgreSQL when
/// `DATABASE_URL` is set (which is also how several instances share one store).
public enum DatabaseChoice: Sendable {
    case sqliteFile(URL)
    /// For tests: a fresh database in memory.
    case sqliteMemory
    case postgres(SQLPostgresConfiguration, redactedURL: String)

    /// `sqlite` or `postgres`, as `/health` reports it.
    public var kindName: String {
        switch self {
        case .sqliteFile, .sqliteMemory: "sqlite"
        case .postgres: "postgres"
        }
    }

    /// Reads a `DATABASE_URL`, refusing with a message that names the problem (never echoing the
    /// password).
    public static func postgres(url text: String) throws(ConfigurationError) -> DatabaseChoice {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased() else {
            throw .invalidDatabaseURL(reason: "bukan URL (contoh: postgres://pengguna:sandi@localhost:5432/dikelola)")
        }
        guard ["postgres", "postgresql", "postgres+tcp", "postgresql+tcp", "postgres+uds", "postgresql+uds"].contains(scheme)
        else {
            throw .invalidDatabaseURL(reason: "skema '\(scheme)' tidak didukung; gunakan postgres://")
        }
        guard components.user?.isEmpty == false else {
            throw .invalidDatabaseURL(reason: "nama pengguna basis data tidak disebut (postgres://PENGGUNA:sandi@host/nama)")
        }
        var redacted = components
        if redacted.password != nil { redacted.password = "***" }
        let shown = redacted.string ?? "postgres://…"
        do {
            return .postgres(try SQLPostgresConfiguration(url: text), redactedURL: shown)
        } catch {
            throw .invalidDatabaseURL(reason: "\(shown) tidak dapat dibaca (periksa host, port dan sslmode)")
        }
    }

    var description: String {
        switch self {
        case let .sqliteFile(url): "SQLite \(url.path)"
        case .sqliteMemory: "SQLite (memori)"
        case let .postgres(_, redactedURL): "PostgreSQL \(redactedURL)"
        }
    }
}

public enum ConfigurationError: Error, Equatable, CustomStringConvertible {
    case invalidDatabaseURL(reason: String)
    case invalidSetting(name: String, value: String, expected: String)

    public var description: String {
        switch self {
        case let .invalidDatabaseURL(reason):
            "DATABASE_URL tidak valid: \(reason)."
        case let .invalidSetting(name, value, expected):
            "\(name)=\(value) tidak valid: \(expected)."
        }
    }
}
