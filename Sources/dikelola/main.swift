import DikelolaCore
import DikelolaServer
import Foundation
import Logging
import Vapor

// The entry point: read the environment, configure, run the command (serve by default). A failure
// the user can fix is printed on standard error, and the exit status is 1.
let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "--version" || arguments.first == "version" {
    print("dikelola \(DikelolaVersion.current)")
    exit(0)
}
// The server logs each request (info); the other commands print their outcome, and the database's
// migration notes would bury it: they log notices and above unless LOG_LEVEL or --log says otherwise.
let command = arguments.first { !$0.hasPrefix("-") } ?? "serve"
if command != "serve", ProcessInfo.processInfo.environment["LOG_LEVEL"] == nil, !arguments.contains("--log") {
    setenv("LOG_LEVEL", "notice", 1)
}
var environment = try Environment.detect()
try LoggingSystem.bootstrap(from: &environment)
let app = try await Application.make(environment)
var failed = false
do {
    let (configuration, warning) = try AppConfiguration.forCommand(arguments: arguments)
    if let warning { FileHandle.standardError.write(Data("dikelola: \(warning) (bantuan tetap ditampilkan)\n".utf8)) }
    try configure(app, configuration: configuration)
    try await app.execute()
} catch {
    // Vapor has already logged other errors of `execute`; these it has not, or not visibly.
    if error is CommandFailure || error is ConfigurationError || error is FileProblems {
        FileHandle.standardError.write(Data("dikelola: \(error)\n".utf8))
    }
    failed = true
}
try await app.asyncShutdown()
exit(failed ? 1 : 0)
