import Crypto
import DikelolaCore
import Foundation
import Vapor

/// `dikelola verify-publication DIR [--key PEM]`: checks a copy of a published register (a version
/// folder, or a body's folder with `versi/`) against its signed manifests. Exits 1 on any fault.
struct VerifyPublicationCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "dir", help: "Folder versi (berisi manifest.txt) atau folder badan publik (berisi versi/).")
        var dir: String
        @Option(name: "key", help: "Kunci publik badan publik yang dipercaya (PEM); tanpa ini, kunci dalam salinan.")
        var key: String?
    }

    let help = """
        Memeriksa salinan DIK yang diterbitkan: tanda tangan manifest, SHA-256 setiap berkas, dan rantai versi.
        Checks a copy of a published register against its signed manifests.
        """

    func run(using context: CommandContext, signature: Signature) async throws {
        try await failingClearly {
            var trusted: P256.Signing.PublicKey?
            if let path = signature.key {
                guard let text = try? String(contentsOfFile: path, encoding: .utf8),
                    let key = try? P256.Signing.PublicKey(pemRepresentation: text)
                else { throw CommandFailure(message: "Kunci \(path) tidak dapat dibaca sebagai kunci publik P-256 (PEM).") }
                trusted = key
            }
            let report = PublicationCheck.verify(URL(fileURLWithPath: signature.dir, isDirectory: true), trustedKey: trusted)
            for problem in report.problems { context.console.output("GAGAL: \(problem.description)".consoleText()) }
            let versions = report.versions.map(String.init).joined(separator: ", ")
            if let fingerprint = report.fingerprint {
                context.console.output(
                    (report.keyFromCopy
                        ? "Kunci diambil dari salinan ini; pastikan sidiknya sama dengan yang diumumkan badan publik: \(fingerprint)"
                        : "Kunci yang dipercaya: \(fingerprint)").consoleText())
            }
            guard report.passed else {
                throw CommandFailure(
                    message: "Salinan TIDAK sah: \(report.problems.count) masalah (versi \(versions.isEmpty ? "—" : versions)).")
            }
            context.console.output(
                "Salinan sah: versi \(versions), \(report.files) berkas cocok dengan manifest yang ditandatangani.".consoleText())
        }
    }
}
