import Fluent
import Foundation
import Vapor

/// `GET /health/ready`: whether this instance can do its work, for a load balancer or a monitor.
/// Each check says what it found; the answer is 503 when a required one fails. Chromium is
/// reported but not required: without it only the PDF downloads fail, and they say so.
struct ReadinessController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("health", "ready", use: ready)
    }

    struct Check: Content, Equatable {
        let ok: Bool
        let required: Bool
        let detail: String
    }

    struct Readiness: Content {
        let status: String
        let version: String
        let checks: [String: Check]
    }

    @Sendable func ready(req: Request) async throws -> Response {
        let checks = await Self.checks(req.application, now: Date())
        let ready = checks.values.allSatisfy { $0.ok || !$0.required }
        let answer = Readiness(status: ready ? "ready" : "not-ready", version: DikelolaVersion.current, checks: checks)
        let response = try await answer.encodeResponse(status: ready ? .ok : .serviceUnavailable, for: req)
        response.headers.cacheControl = .init(noStore: true)
        return response
    }

    static func checks(_ app: Application, now: Date) async -> [String: Check] {
        var checks: [String: Check] = [:]
        do {
            try await DatabaseProbe.ping(app.db)
            checks["database"] = Check(ok: true, required: true, detail: app.dikelola.configuration.database.kindName)
        } catch {
            app.logger.error("readiness: database does not answer: \(String(reflecting: error))")
            checks["database"] = Check(ok: false, required: true, detail: "basis data tidak menjawab")
        }
        if checks["database"]?.ok == true {
            do {
                let pending = try await app.migrator.previewPrepareBatch().get().count
                checks["migrations"] = Check(
                    ok: pending == 0, required: true,
                    detail: pending == 0 ? "skema mutakhir" : "\(pending) migrasi belum dijalankan")
            } catch {
                checks["migrations"] = Check(ok: false, required: true, detail: "daftar migrasi tidak terbaca")
            }
        }
        checks["publicationFolder"] = publicationFolder(app.dikelola.configuration.publicDirectory)
        checks["backgroundLoop"] = backgroundLoop(app.dikelola.background.snapshot, now: now)
        if let chromium = app.dikelola.configuration.chromium, FileManager.default.isExecutableFile(atPath: chromium.path) {
            checks["chromium"] = Check(ok: true, required: false, detail: chromium.path)
        } else {
            checks["chromium"] = Check(
                ok: false, required: false, detail: "Chromium tidak ditemukan: unduhan PDF tidak tersedia (DIKELOLA_CHROMIUM)")
        }
        return checks
    }

    static func publicationFolder(_ folder: URL) -> Check {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            return Check(ok: false, required: true, detail: "folder publikasi \(folder.path) tidak ada")
        }
        guard FileManager.default.isWritableFile(atPath: folder.path) else {
            return Check(ok: false, required: true, detail: "folder publikasi \(folder.path) tidak dapat ditulisi")
        }
        return Check(ok: true, required: true, detail: folder.path)
    }

    /// The loop ticks every minute: five minutes without a round means it is stuck. A loop that
    /// has not started (a command, or a test) is not required.
    static func backgroundLoop(_ state: BackgroundState.Snapshot, now: Date) -> Check {
        guard let started = state.started else {
            return Check(ok: false, required: false, detail: "pekerjaan latar belakang tidak berjalan di proses ini")
        }
        let last = state.lastTick ?? started
        let age = Int(now.timeIntervalSince(last))
        if age > 300 {
            return Check(ok: false, required: true, detail: "putaran terakhir \(age) detik yang lalu (seharusnya tiap menit)")
        }
        let detail = state.lastTick.map { "putaran terakhir \(Int(now.timeIntervalSince($0))) detik yang lalu" } ?? "baru dimulai"
        return Check(ok: true, required: true, detail: detail)
    }
}
