import Foundation
import SQLKit
import Testing
import Vapor

@testable import DikelolaServer

/// Runs the built `dikelola` executable as a user would, from a fresh working folder.
struct Dikelola {
    static var executable: URL {
        // The test bundle sits in the build folder beside the executable.
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("dikelola")
    }

    struct Outcome {
        let status: Int32
        let output: String
        let error: String
    }

    static func run(_ arguments: [String], in folder: URL, environment: [String: String] = [:]) throws -> Outcome {
        try #require(
            FileManager.default.isExecutableFile(atPath: executable.path),
            "build the executable first (swift build): \(executable.path)")
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.environment = cleanEnvironment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let error = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, output: String(decoding: output, as: UTF8.self),
            error: String(decoding: error, as: UTF8.self))
    }

    /// The environment without the settings of the machine running the tests.
    static var cleanEnvironment: [String: String] {
        ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("DIKELOLA_") && $0.key != "DATABASE_URL" }
    }

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(TestDatabase.uniqueName("cli"))
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}

@Suite struct WorkdaysCommandTests {
    @Test func thirtyWorkingDaysBeforeTheEndOfTheYear() throws {
        let folder = try Dikelola.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try Dikelola.run(["workdays", "add", "2026-12-31", "-30"], in: folder)
        #expect(outcome.status == 0)
        #expect(outcome.output.hasPrefix("2026-11-17"))
        #expect(outcome.output.contains("Selasa, 17 November 2026"))
        // Computing a date writes nothing: no data folder appears.
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("data").path))
    }

    @Test func countsBetweenTwoDates() throws {
        let folder = try Dikelola.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try Dikelola.run(["workdays", "between", "2026-01-01", "2026-03-31"], in: folder)
        #expect(outcome.status == 0)
        #expect(outcome.output.trimmingCharacters(in: .whitespacesAndNewlines) == "55")
    }

    @Test func refusesAYearWithoutHolidaysUnlessAskedToAssume() throws {
        let folder = try Dikelola.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let refused = try Dikelola.run(["workdays", "add", "2026-12-28", "10"], in: folder)
        #expect(refused.status == 1)
        #expect(refused.error.contains("Belum ada data hari libur tahun 2027"))
        #expect(refused.output.isEmpty)
        let assumed = try Dikelola.run(["workdays", "add", "2026-12-28", "10", "--assume-weekdays"], in: folder)
        #expect(assumed.status == 0)
        // 1 January is New Year in any year, so ten working days from 28 December end on the 12th.
        #expect(assumed.output.hasPrefix("2027-01-12"))
        #expect(assumed.output.contains("Sementara"))
    }

    /// `--version` answers without reading any setting; `--help` still helps when a setting is
    /// wrong, and names it (issue 15: help failed on a bad setting).
    @Test func versionAndHelpWorkWhateverTheSettings() throws {
        let folder = try Dikelola.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let version = try Dikelola.run(["--version"], in: folder, environment: ["DIKELOLA_SWEEP_HOUR": "99"])
        #expect(version.status == 0 && version.output == "dikelola \(DikelolaVersion.current)\n")
        let help = try Dikelola.run(["--help"], in: folder, environment: ["DIKELOLA_SWEEP_HOUR": "99"])
        #expect(help.status == 0, "\(help.error)")
        #expect(help.output.contains("serve") && help.output.contains("create-admin"))
        #expect(help.error.contains("DIKELOLA_SWEEP_HOUR"))
        // Anything else still refuses to run on a wrong setting.
        let serve = try Dikelola.run(["sop", "list"], in: folder, environment: ["DIKELOLA_SWEEP_HOUR": "99"])
        #expect(serve.status == 1 && serve.error.contains("DIKELOLA_SWEEP_HOUR"))
    }

    /// Every command the help lists says what it does in Bahasa Indonesia and again in English;
    /// Vapor's developer commands and the benchmark's data command are not listed.
    @Test func everyCommandIsExplainedInBothLanguages() throws {
        let folder = try Dikelola.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let help = try Dikelola.run(["--help"], in: folder)
        let lines = help.output.split(separator: "\n").map(String.init)
        let start = try #require(lines.firstIndex(of: "Commands:"))
        let listing = lines[(start + 1)...].prefix { !$0.isEmpty && !$0.hasPrefix("Use ") }
        let names = listing.compactMap { line in line.wholeMatch(of: /\s*([a-z-]+) .+/).map { String($0.1) } }
        let english = listing.filter { $0.wholeMatch(of: /\s+[A-Z].+/) != nil }
        #expect(
            Set(names) == [
                "audit", "backup", "create-admin", "import", "migrate", "publish", "restore", "serve", "sop", "sweep",
                "verify-publication", "workdays",
            ])
        #expect(english.count == names.count, "\(help.output)")
        for command in ["audit verify", "sop list", "sop check", "workdays add", "workdays between"] {
            let words = command.split(separator: " ").map(String.init)
            let sub = try Dikelola.run([words[0], "--help"], in: folder)
            #expect(sub.output.contains(words[1]), "\(command)")
        }
    }

    /// A copy made with `dikelola backup` restores with `dikelola restore` into a new data folder,
    /// and refuses to write over anything.
    @Test func backupAndRestoreFromTheCommandLine() throws {
        let folder = try Dikelola.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let nothing = try Dikelola.run(["backup", "salinan.sqlite"], in: folder)
        #expect(nothing.status == 1 && nothing.error.contains("belum ada"), "\(nothing.error)")
        #expect(try Dikelola.run(["sweep"], in: folder).status == 0)  // makes and migrates data/
        let made = try Dikelola.run(["backup", "salinan.sqlite"], in: folder)
        #expect(made.status == 0 && made.output.contains("Cadangan dibuat"), "\(made.error)")
        #expect(try Dikelola.run(["backup", "salinan.sqlite"], in: folder).error.contains("sudah ada"))
        let into = ["DIKELOLA_DATA_DIR": folder.appendingPathComponent("pulih").path]
        let restored = try Dikelola.run(["restore", "salinan.sqlite"], in: folder, environment: into)
        #expect(restored.status == 0 && restored.output.contains("rantai audit utuh"), "\(restored.error)")
        #expect(try Dikelola.run(["audit", "verify"], in: folder, environment: into).status == 0)
        let again = try Dikelola.run(["restore", "salinan.sqlite"], in: folder, environment: into)
        #expect(again.status == 1 && again.error.contains("tidak kosong"))
        let notABackup = try Dikelola.run(["restore", "data/../salinan.sqlite-x"], in: folder)
        #expect(notABackup.status == 1)
    }

    @Test func badInputIsNamed() throws {
        let folder = try Dikelola.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let badDate = try Dikelola.run(["workdays", "add", "2026-02-30", "3"], in: folder)
        #expect(badDate.status == 1 && badDate.error.contains("'2026-02-30' bukan tanggal"))
        let badCount = try Dikelola.run(["workdays", "add", "2026-02-03", "tiga"], in: folder)
        #expect(badCount.status == 1 && badCount.error.contains("'tiga'"))
    }

    @Test func aHolidayFileOfTheAdministratorsIsUsed() throws {
        let folder = try Dikelola.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("libur.yaml")
        try """
        years:
          2027:
            source: SKB 3 Menteri 2027 (uji)
            nationalHolidays:
              2027-01-01: Tahun Baru 2027 Masehi
        """.write(to: file, atomically: true, encoding: .utf8)
        let outcome = try Dikelola.run(
            ["workdays", "add", "2026-12-31", "1"], in: folder,
            environment: ["DIKELOLA_HOLIDAYS_FILE": file.path])
        // 2026 is not in this file, so 31 December 2026 is the start and 2027-01-01 a holiday.
        #expect(outcome.status == 0, "\(outcome.error)")
        #expect(outcome.output.hasPrefix("2027-01-04"))
    }
}

@Suite struct SOPCommandTests {
    @Test func listsTheFourSeeds() throws {
        let folder = try Dikelola.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try Dikelola.run(["sop", "list"], in: folder)
        #expect(outcome.status == 0)
        for expected in [
            "35 / Set-Kominfo", "065/255-1/ DISDUKCAPIL", "000.8.3.4/39/DSPPA/SET", "9.2.1.5",
            "Pemerintah Kabupaten Sanggau", "Pemerintah Provinsi Kalimantan Barat", "6 langkah", "3 langkah",
            "4 definisi SOP",
        ] {
            #expect(outcome.output.contains(expected), "missing \(expected)")
        }
    }

    @Test func checkNamesEveryProblemWithItsPlace() throws {
        let folder = try Dikelola.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try """
        id: rusak
        identity:
          number: "1"
          name: Rusak
          body: Pemerintah Kabupaten Contoh
        actors:
          - { key: op, title: Operator, role: operator }
        steps:
          - number: 1
            activity: Menghimpun
            actor: op
            effect: consequenceTest
            time: sebentar
            output: Daftar
            issuesDecree: true
          - number: 2
            activity: Memeriksa
            actor: kepala
            effect: review
            time: 15 menit
            output: Daftar
        """.write(to: folder.appendingPathComponent("rusak.yaml"), atomically: true, encoding: .utf8)
        let outcome = try Dikelola.run(["sop", "check", "rusak.yaml"], in: folder)
        #expect(outcome.status == 1)
        let all = outcome.output + outcome.error
        #expect(all.contains("rusak.yaml:13:"), "\(all)")  // the time
        #expect(all.contains("rusak.yaml:18:"), "\(all)")  // the unknown actor
        #expect(all.contains("sebentar") && all.contains("kepala"))
        #expect(outcome.error.contains("2 kesalahan"))
    }

    @Test func checkAcceptsEverySeed() throws {
        let folder = try Dikelola.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/DikelolaCore/Resources/sops")
        let files = try FileManager.default.contentsOfDirectory(atPath: seeds.path).filter { $0.hasSuffix(".yaml") }
        #expect(files.count == 4)
        for file in files {
            let outcome = try Dikelola.run(["sop", "check", seeds.appendingPathComponent(file).path], in: folder)
            #expect(outcome.status == 0, "\(file): \(outcome.output) \(outcome.error)")
        }
    }
}
