import DikelolaCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import DikelolaServer

/// A body moving servers: its register's own CSV, XLSX and JSON exports import into another
/// Dikelola without loss — numbers, titles, units, grounds, periods, ends, decrees, statuses, and
/// what opened — and the command line does the same, bounded by the same checks.
@Suite struct RegisterImportMoveTests {
    /// A body like the demo's, with the same units and no entries, to move a register into.
    static func emptyBody(_ app: Application, slug: String, like source: PublicBody) async throws -> PublicBody {
        let body = PublicBody(
            slug: slug, name: source.name, region: source.region, timeZone: source.zone,
            letterheadLines: [source.name.uppercased()], decreeNumberTemplate: "000.5.10/{serial}/PPID/{year}")
        try await body.create(on: app.db)
        for unit in try await DikelolaServer.Unit.query(on: app.db).filter(\.$body.$id == source.requireID()).all() {
            try await DikelolaServer.Unit(bodyID: try body.requireID(), name: unit.name, shortName: unit.shortName, sopID: unit.sopID)
                .create(on: app.db)
        }
        return body
    }

    @Test func theRegistersExportsMoveToAnotherServerWithoutLoss() async throws {
        try await withApp { app in
            _ = try await DemoGovernment.load(in: app)
            _ = try await DemoProcedure.load(in: app)
            let source = try #require(try await PublicBody.query(on: app.db).filter(\.$slug == DemoGovernment.slug).first())
            let register = try await Publisher.snapshot(bodyID: try source.requireID(), on: app.db)
            #expect(register.entries.count >= 10)
            #expect(register.entries.contains { $0.status == .opened } && register.entries.contains { $0.partly })
            let files: [(String, Data)] = [
                ("dik.csv", Data(register.csv().utf8)), ("dik.xlsx", try register.xlsx(version: 1, publishedAt: Date())),
                ("dik.json", try register.json(version: 1, publishedAt: Date())),
            ]
            for (name, data) in files {
                let target = try await Self.emptyBody(app, slug: "pindah-\(name.split(separator: ".")[1])", like: source)
                let unit = try #require(try await DikelolaServer.Unit.query(on: app.db).filter(\.$body.$id == target.requireID()).first())
                let actor = RegisterImportService.Actor(commandLine: app, person: nil)
                let record = try await RegisterImportService.upload(
                    fileName: name, data: data, unit: unit, decree: .init(), scan: nil, actor: actor)
                let preview = try await RegisterImportService.preview(record, services: app.dikelola, now: actor.now, on: app.db)
                #expect(preview.refused.isEmpty, "\(name): \(preview.refused.map { "\($0.sheetRow) \($0.findings)" })")
                let outcome = try await RegisterImportService.confirm(try record.requireID(), actor: actor)
                #expect(outcome.entries == register.entries.count, "\(name)")
                let moved = try await Publisher.snapshot(bodyID: try target.requireID(), on: app.db)
                for entry in register.entries {
                    var copy = try #require(moved.entries.first { $0.id == entry.id }, "\(name): \(entry.id) missing")
                    #expect(copy.registeredFromEarlier == true)
                    copy.registeredFromEarlier = nil
                    #expect(copy == entry, "\(name): \(entry.id)")
                }
            }
            #expect(try await AuditLog.verify(on: app.db).firstBreak == nil)
        }
    }
}

/// `dikelola import`, run as an operator would, on a database of its own.
@Suite struct ImportCommandTests {
    static let csv = [
        "No;Informasi;Dasar hukum;Konsekuensi bila dibuka;Konsekuensi bila ditutup;Alasan;Jangka waktu",
        "1;Data kependudukan perorangan;Pasal 17 huruf h angka 2;Privasi terganggu;Terlindungi;Data pribadi;5 (lima) tahun",
        "2;Berkas penyidikan;Pasal 17 huruf c;Menghambat;Lancar;Proses hukum;tidak terbatas",
    ].joined(separator: "\n")

    @Test func previewsAsJSONRefusesAndImportsOnce() throws {
        let folder = try Dikelola.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let made = try Dikelola.run(
            ["benchmark-data", "--bodies", "1", "--entries", "1"], in: folder, environment: ["DIKELOLA_BENCHMARK": "1"])
        #expect(made.status == 0, "\(made.error)")
        try Data(Self.csv.utf8).write(to: folder.appendingPathComponent("dik.csv"))
        let arguments = [
            "import", "dik.csv", "--body", "badan-01", "--unit", "Dinas Uji 2", "--decree-number", "188/4/2024", "--decree-date",
            "2024-03-04",
        ]
        let preview = try Dikelola.run(arguments + ["--dry-run", "--format", "json"], in: folder)
        #expect(preview.status == 1)  // a row is refused
        let report = try JSONDecoder().decode(ImportPreview.Report.self, from: Data(preview.output.utf8))
        #expect(report.rows.map(\.no) == ["1", "2"] && report.rows.map(\.row) == [2, 3])
        #expect(report.rows[0].readings["period"] == "5 tahun sejak 4 Maret 2024")
        #expect(report.rows[0].readings["decreeNumber"] == "188/4/2024")
        #expect(report.rows[1].findings.contains { $0.severity == "refused" && $0.article == "UU 14/2008 Pasal 20 ayat 1" })
        #expect(preview.error.contains("1 baris ditolak"))

        let imported = try Dikelola.run(arguments + ["--skip-refused"], in: folder)
        #expect(imported.status == 0, "\(imported.error)")
        #expect(imported.error.contains("Selesai: 1 entri"))
        #expect(imported.output.contains("Baris 3 (No. 2): DITOLAK"))
        let again = try Dikelola.run(arguments + ["--skip-refused"], in: folder)
        #expect(again.status == 1)
        #expect(again.error.contains("sudah diimpor"))
        let verified = try Dikelola.run(["audit", "verify"], in: folder)
        #expect(verified.status == 0 && verified.output.contains("utuh"))

        let wrongBody = try Dikelola.run(["import", "dik.csv", "--body", "tidak-ada", "--unit", "x"], in: folder)
        #expect(wrongBody.status == 1 && wrongBody.error.contains("badan-01"))
        let notASheet = try Dikelola.run(arguments.replacingFirst("dik.csv", with: "/bin/ls") + ["--dry-run"], in: folder)
        #expect(notASheet.status == 1 && notASheet.error.contains("bukan lembar kerja"))
    }
}

extension Array where Element == String {
    func replacingFirst(_ old: String, with new: String) -> [String] {
        guard let index = firstIndex(of: old) else { return self }
        var copy = self
        copy[index] = new
        return copy
    }
}
