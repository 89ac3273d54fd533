import DikelolaCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import DikelolaServer

/// An entry's dossier: one document with an index holding the test and its meeting, the decree and
/// its scan's hash, the disputes, every published version, the history with the audit chain checked
/// to its head; as PDF, and as a ZIP whose SHA256SUMS match its files. Only the entitled produce it,
/// and producing it is audited.
@Suite struct DossierTests {
    static let chromium = PDFPrinter.findChromium(path: ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin")

    /// Checks a ZIP with Python's zipfile: every member listed in SHA256SUMS, each hash matching.
    static func checkZip(_ bytes: [UInt8]) throws -> (status: Int32, output: String) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("berkas-\(UUID().uuidString).zip")
        try Data(bytes).write(to: file)
        let script = """
            import hashlib, sys, zipfile
            z = zipfile.ZipFile(sys.argv[1])
            names = set(z.namelist())
            sums = [l.split('  ', 1) for l in z.read('SHA256SUMS').decode().splitlines()]
            bad = [n for h, n in sums if hashlib.sha256(z.read(n)).hexdigest() != h]
            unlisted = names - {n for _, n in sums} - {'SHA256SUMS'}
            print(len(sums), 'ok' if not bad and not unlisted else 'BAD', bad, sorted(unlisted), z.read('berkas-bukti.pdf')[:5])
            sys.exit(1 if bad or unlisted else 0)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    @Test(.enabled(if: chromium != nil, "Chromium is not installed (scripts/test.sh installs it)"))
    func theDossierHoldsTheEvidenceAndItsZipMatchesItsHashes() async throws {
        let clock = FixedClock(ExpirySweepTests.at("2026-11-10"))
        try await withApp(clock: clock, adjust: { $0.chromium = Self.chromium }) { app in
            try await ExpirySweepTests.register(app)
            let entry = try await PeriodActionTests.entry("Berakhir 2031", app)
            let decree = try #require(try await Decree.find(entry.$decree.id, on: app.db))
            // The head attaches the signed scan; a refused request and the head's upholding answer follow.
            let head = Browser(app)
            try await head.signIn(as: DisputeTests.head)
            try await head.get(SiteURL.decree(decree.id).path)
            try await head.submitUpload(SiteURL.decreeScan(decree.id).path, [:], file: "file", name: "sk.pdf", bytes: SampleFile.pdf)
            try await head.get(SiteURL.registerEntry(entry.id).path)
            try await head.submit(
                SiteURL.entryDispute(entry.id).path,
                ["requestReference": "REG-9", "refusedOn": "2026-11-10", "objectionReceivedOn": "2026-11-10"])
            let dispute = try #require(try await InformationDispute.query(on: app.db).first())
            try await head.submitUpload(
                SiteURL.disputeRuling(dispute.id).path,
                DisputeTests.ruling(.objectionDecision, .uphold, number: "7/KEB/2026", date: "2026-11-10"), file: "file",
                name: "tanggapan.pdf", bytes: SampleFile.pdf)

            // The page: every section, in order, with what each holds.
            let ppid = Browser(app)
            try await ppid.signIn(as: DisputeTests.ppid)
            let page = try await ppid.get(SiteURL.entryDossier(entry.id).path)
            #expect(page.status == .ok)
            let body = page.body
            for title in DossierDocument.sections { #expect(body.contains(title), "\(title)") }
            #expect(body.contains(decree.number) && body.contains(PublicationManifest.sha256(SampleFile.pdf)))
            #expect(body.contains("7/KEB/2026") && body.contains("Menguatkan pengecualian"))
            #expect(body.contains("Utuh:") && body.contains("Kepala rantai: peristiwa #"))
            #expect(body.contains("dispute.record") && body.contains("ruling.record"))
            #expect(body.contains("Berkas bukti") && body.contains("<td>1</td>"))  // published in version 1

            // The PDF and the ZIP, each audited.
            let pdf = try await ppid.get(SiteURL.entryDossierPDF(entry.id).path)
            #expect(pdf.status == .ok && pdf.body.hasPrefix("%PDF-"))
            let zip = try await ppid.get(SiteURL.entryDossierZIP(entry.id).path)
            #expect(zip.status == .ok && zip.headers.first(name: .contentDisposition)?.contains(".zip") == true)
            let checked = try Self.checkZip(zip.bytes)
            // The PDF, the signed scan, the item's soft copy and the answer's document.
            #expect(checked.status == 0 && checked.output.hasPrefix("4 ok"), "\(checked.output)")
            let produced = try await AuditEvent.query(on: app.db).filter(\.$action == "dossier.produce").all()
            #expect(produced.count == 2 && produced.allSatisfy { $0.targetID == entry.id?.uuidString })

            // Nobody outside the unit, and no administrator, produces it.
            let other = Browser(app)
            try await other.signIn(as: "assistantppid.dinkes@contohkab.go.id")
            #expect(try await other.get(SiteURL.entryDossierZIP(entry.id).path).status == .forbidden)
            let admin = try await signedInDeploymentAdmin(app)
            #expect(try await admin.get(SiteURL.entryDossierPDF(entry.id).path).status != .ok)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "dossier.produce").count() == 2)
        }
    }
}
