import Foundation
import Vapor

/// `dikelola sweep [--now 2026-12-31T09:00:00+07:00]`: the daily expiry sweep, for cron. `--now`
/// runs it as of another moment (to catch up, or to try a date).
struct SweepCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "now", help: "Waktu acuan ISO 8601, misalnya 2026-12-31T09:00:00+07:00 (bawaan: sekarang)")
        var now: String?
    }

    let help =
        "Menandai informasi yang akan berakhir, yang perlu ditinjau, dan membuka yang sudah habis jangka waktunya (PP 61/2010 Pasal 11).\nThe daily expiry sweep: marks entries ending soon or due for review, opens those whose period ended."

    func run(using context: CommandContext, signature: Signature) async throws {
        try await failingClearly {
            let app = context.application
            var now = app.dikelola.clock.now()
            if let text = signature.now {
                guard let parsed = ISO8601DateFormatter().date(from: text) else {
                    throw CommandFailure(
                        message: "--now '\(text)' bukan waktu ISO 8601; tulis misalnya 2026-12-31T09:00:00+07:00.")
                }
                now = parsed
            }
            try await Startup.prepareDatabase(app)
            let report = try await ExpirySweep.run(app: app, now: now)
            context.console.info(report.description)
        }
    }
}
