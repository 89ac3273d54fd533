import Vapor

/// A command that failed for a reason the user can fix (a bad date, a broken SOP file, an
/// unreachable database). The entry point prints `message` on standard error and exits 1; the
/// low log level keeps Vapor from logging the same text a second time on standard output.
public struct CommandFailure: DebuggableError {
    public let message: String

    public var identifier: String { "commandFailure" }
    public var reason: String { message }
    public var logLevel: Logger.Level { .debug }
    public var description: String { message }
}

extension AnyAsyncCommand {
    /// Runs `body`, turning any error into a `CommandFailure` carrying its description.
    func failingClearly(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure(message: String(describing: error))
        }
    }
}
