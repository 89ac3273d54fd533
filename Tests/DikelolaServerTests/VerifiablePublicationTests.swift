import DikelolaCore
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor

@testable import DikelolaServer

/// Each published version carries a manifest signed with the body's key: a copy of the folder
/// verifies with `dikelola verify-publication` and with the documented openssl recipe, and the same
/// copy with one byte changed fails both.
@Suite struct VerifiablePublicationTests {
    /// Runs a shell line in `folder`; its exit status and output.
    static func shell(_ line: String, in folder: URL) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", line]
        process.currentDirectoryURL = folder
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static let recipe =
        "openssl dgst -sha256 -verify kunci-publik.pem -signature manifest.sig manifest.txt && grep -v '^#' manifest.txt | sha256sum --strict -c - >/dev/null"

    @Test func aCopiedFolderVerifiesAndOneChangedByteFails() async throws {
        let clock = FixedClock(ExpirySweepTests.at("2026-11-10"))
        try await withApp(clock: clock) { app in
            try await ExpirySweepTests.register(app)
            let body = try #require(try await PublicBody.query(on: app.db).filter(\.$slug == DemoGovernment.slug).first())
            let bodyID = try body.requireID()
            let entry = try await PeriodActionTests.entry("Berakhir 2031", app)
            entry.ifOpened = "Konsekuensi yang diperbarui."
            try await entry.save(on: app.db)
            try await Publisher.record(
                services: app.dikelola, bodyID: bodyID, reason: "Versi kedua", now: clock.now(), actor: nil, on: app.db)
            try await PublicSite.materializeAll(app)

            // A copy, as a PPID would put it on its own hosting.
            let copy = FileManager.default.temporaryDirectory.appendingPathComponent("salinan-\(UUID().uuidString)")
            try FileManager.default.copyItem(at: PublicSite.bodyFolder(app, slug: body.slug), to: copy)
            let report = PublicationCheck.verify(copy)
            #expect(report.passed && report.versions == [1, 2], "\(report.problems)")
            let two = copy.appendingPathComponent("versi/2")
            let manifest = try #require(
                PublicationManifest(text: try String(contentsOf: two.appendingPathComponent("manifest.txt"), encoding: .utf8)))
            #expect(manifest.files.contains { $0.path == "dik.json" } && manifest.files.contains { $0.path.hasPrefix("en/") })
            #expect(manifest.previous == PublicationManifest.sha256(try Data(contentsOf: copy.appendingPathComponent("versi/1/manifest.txt"))))

            // The key is the body's, the same in every version and every instance.
            let signing = try PublicationSigning(on: app.db, logger: app.logger)
            let key = try await signing.bodyKey(bodyID)
            #expect(report.fingerprint == PublicationManifest.fingerprint(key.publicKey))

            // The documented recipe, with openssl and coreutils.
            let recipe = try Self.shell(Self.recipe, in: two)
            #expect(recipe.status == 0 && recipe.output.contains("Verified OK"), "\(recipe.output)")

            // The command line, with the key given.
            let keyPath = FileManager.default.temporaryDirectory.appendingPathComponent("kunci-\(UUID().uuidString).pem").path
            try Data(PublicationManifest.pem(key.publicKey).utf8).write(to: URL(fileURLWithPath: keyPath))
            let passed = try Dikelola.run(["verify-publication", copy.path, "--key", keyPath], in: copy)
            #expect(passed.status == 0 && passed.output.contains("Salinan sah: versi 1, 2"), "\(passed.output) \(passed.error)")

            // One byte changed: every check fails.
            let file = two.appendingPathComponent("dik.json")
            var bytes = try Data(contentsOf: file)
            bytes[bytes.count / 2] ^= 0x20
            try bytes.write(to: file)
            #expect(PublicationCheck.verify(copy).problems == [.changed(version: "2", path: "dik.json")])
            #expect(try Self.shell(Self.recipe, in: two).status != 0)
            let failed = try Dikelola.run(["verify-publication", copy.path, "--key", keyPath], in: copy)
            #expect(failed.status == 1 && failed.output.contains("dik.json berubah"), "\(failed.output) \(failed.error)")

            // The server serves the three files with the version.
            let reader = Browser(app)
            let served = try await reader.get("/publik/\(body.slug)/terkini/manifest.txt")
            #expect(served.status == .ok && served.body.contains("# versi: 2"))
            #expect(try await reader.get("/publik/\(body.slug)/terkini/kunci-publik.pem").body.contains("BEGIN PUBLIC KEY"))
        }
    }

    @Test func aVersionWrittenBeforeManifestsIsSignedAsItStands() async throws {
        let clock = FixedClock(ExpirySweepTests.at("2026-11-10"))
        try await withApp(clock: clock) { app in
            try await ExpirySweepTests.register(app)
            let body = try #require(try await PublicBody.query(on: app.db).filter(\.$slug == DemoGovernment.slug).first())
            try await PublicSite.materializeAll(app)
            // As an earlier release left it: no manifest on disk or in the database.
            let one = PublicSite.bodyFolder(app, slug: body.slug).appendingPathComponent("versi/1")
            for name in ["manifest.txt", "manifest.sig", "kunci-publik.pem"] {
                try FileManager.default.removeItem(at: one.appendingPathComponent(name))
            }
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.raw("DELETE FROM \(ident: PublicationSigning.manifestTable)").run()
            try await PublicSite.materialize(app, bodyID: body.requireID())
            #expect(PublicationCheck.verify(one).passed)
        }
    }
}
