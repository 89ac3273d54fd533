import Foundation

/// The version `dikelola --version` prints and `/health` could name: raised with each landing
/// that changes what an installation does.
public enum DikelolaVersion {
    public static let current = "0.20.0"
}

extension AppConfiguration {
    /// The configuration a command runs with. Help must work while a setting is wrong: for
    /// `--help` the defaults are used, and the problem is returned to be said.
    public static func forCommand(
        arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> (AppConfiguration, warning: String?) {
        do {
            return (try fromEnvironment(environment), nil)
        } catch {
            guard arguments.contains("--help") || arguments.contains("-h") else { throw error }
            return (try fromEnvironment(["PATH": environment["PATH"] ?? ""]), "\(error)")
        }
    }
}
