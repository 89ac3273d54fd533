import DikelolaCore
import Foundation
import Vapor
import X509

/// What the signer types when signing: the certificate's passphrase and, for BSrE, the NIK its
/// certificate is registered under.
struct SigningCredentials: Sendable {
    var passphrase: String?
    var nik: String?
}

/// Who puts the electronic signature (TTE) on a PDF: a certificate the body installed here, or
/// BSrE's signing service. Either returns the PDF with a PAdES signature added.
protocol SigningProvider: Sendable {
    /// Shown to the signer: where the signature comes from.
    var label: String { get }
    var needsNIK: Bool { get }
    /// Whether the signer must type a passphrase (none is configured).
    var needsPassphrase: Bool { get }
    func sign(_ pdf: [UInt8], details: PDFSignature.Details, credentials: SigningCredentials) async throws -> [UInt8]
}

enum SigningError: Error, CustomStringConvertible {
    case notConfigured
    case passphraseMissing
    case nikMissing
    case wrongPassphrase
    case certificateUnreadable(String)
    case serviceRefused(String)
    case serviceUnreachable(String)
    case tooManyAttempts

    var description: String {
        switch self {
        case .notConfigured:
            "Tanda tangan elektronik belum dipasang: administrator server mengisi DIKELOLA_SIGNING_CERT (sertifikat PKCS#12) atau DIKELOLA_BSRE_URL."
        case .passphraseMissing: "Ketik kata sandi (passphrase) sertifikat tanda tangan elektronik."
        case .nikMissing: "Ketik NIK penandatangan yang terdaftar pada BSrE."
        case .wrongPassphrase: "Kata sandi sertifikat salah; tidak ada yang ditandatangani."
        case let .certificateUnreadable(why): "Sertifikat tanda tangan elektronik tidak dapat dibaca: \(why)"
        case let .serviceRefused(why): "Layanan TTE menolak: \(why)"
        case let .serviceUnreachable(why): "Layanan TTE tidak dapat dihubungi: \(why)"
        case .tooManyAttempts:
            "Kata sandi sertifikat salah lima kali dalam 15 menit; tanda tangan elektronik ditahan sementara. Coba lagi nanti."
        }
    }
}

extension Application {
    /// The signing provider this server is configured with, if any.
    var signingProvider: (any SigningProvider)? {
        let settings = dikelola.configuration.signing
        if let bsre = settings.bsre { return BSrEProvider(settings: bsre, client: client) }
        if let file = settings.certificate { return CertificateProvider(file: file, configuredPassphrase: settings.passphrase) }
        return nil
    }
}

/// A PKCS#12 file installed on the server (`DIKELOLA_SIGNING_CERT`). Its passphrase is the
/// configured one or the one the signer types; the file is read when signing, so a renewed
/// certificate takes effect without a restart.
struct CertificateProvider: SigningProvider {
    let file: URL
    let configuredPassphrase: String?

    var label: String { "sertifikat terpasang (\(file.lastPathComponent))" }
    var needsNIK: Bool { false }
    var needsPassphrase: Bool { configuredPassphrase == nil }

    func sign(_ pdf: [UInt8], details: PDFSignature.Details, credentials: SigningCredentials) async throws -> [UInt8] {
        guard let passphrase = credentials.passphrase?.nilIfBlank ?? configuredPassphrase else {
            throw SigningError.passphraseMissing
        }
        let signer = try await PKCS12.signer(file, passphrase: passphrase)
        do {
            return try PDFSignature.sign(pdf, details: details, signer: signer)
        } catch let failure as PDFSignature.Failure {
            throw SigningError.certificateUnreadable(failure.description)
        }
    }
}

/// A PKCS#12 file opened with Debian's openssl (swift-certificates reads certificates and keys,
/// not PKCS#12): the passphrase goes on standard input, never on the command line.
enum PKCS12 {
    static func signer(_ file: URL, passphrase: String) async throws -> CMSSigner {
        var output = try await openssl(["pkcs12", "-in", file.path, "-nodes", "-passin", "stdin"], input: passphrase)
        if output.status != 0, output.error.contains("unsupported") || output.error.contains("RC2") {
            // Older files use algorithms OpenSSL 3 keeps in its legacy provider.
            output = try await openssl(["pkcs12", "-in", file.path, "-nodes", "-passin", "stdin", "-legacy"], input: passphrase)
        }
        guard output.status == 0 else {
            if output.error.contains("invalid password") || output.error.contains("mac verify") || output.error.contains("Mac verify") {
                throw SigningError.wrongPassphrase
            }
            throw SigningError.certificateUnreadable(
                "berkas \(file.lastPathComponent) bukan PKCS#12 yang dapat dibaca; administrator memeriksa DIKELOLA_SIGNING_CERT.")
        }
        let blocks = pemBlocks(output.text)
        let certificates = blocks.filter { $0.contains("BEGIN CERTIFICATE") }.compactMap { try? Certificate(pemEncoded: $0) }
        guard let keyText = blocks.first(where: { $0.contains("PRIVATE KEY") }),
            let key = try? Certificate.PrivateKey(pemEncoded: keyText),
            let leaf = certificates.first(where: { $0.publicKey == key.publicKey })
        else { throw SigningError.certificateUnreadable("berkas tidak memuat sertifikat beserta kunci privatnya") }
        do {
            return try CMSSigner(certificate: leaf, chain: certificates.filter { $0 != leaf }, privateKey: key)
        } catch let failure as CMSSigner.Failure {
            throw SigningError.certificateUnreadable(failure.description)
        }
    }

    static func pemBlocks(_ text: String) -> [String] {
        var blocks: [String] = []
        var current: [Substring] = []
        for line in text.split(whereSeparator: \.isNewline) {
            if line.hasPrefix("-----BEGIN ") { current = [line] } else if !current.isEmpty { current.append(line) }
            if line.hasPrefix("-----END "), !current.isEmpty {
                blocks.append(current.joined(separator: "\n") + "\n")
                current = []
            }
        }
        return blocks
    }

    static func openssl(_ arguments: [String], input: String) async throws -> (status: Int32, text: String, error: String) {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                do {
                    let process = Process()
                    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                    process.arguments = ["openssl"] + arguments
                    let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
                    process.standardInput = stdin
                    process.standardOutput = stdout
                    process.standardError = stderr
                    try process.run()
                    stdin.fileHandleForWriting.write(Data((input + "\n").utf8))
                    try? stdin.fileHandleForWriting.close()
                    let text = stdout.fileHandleForReading.readDataToEndOfFile()
                    let error = stderr.fileHandleForReading.readDataToEndOfFile()
                    process.waitUntilExit()
                    continuation.resume(
                        returning: (
                            process.terminationStatus, String(decoding: text, as: UTF8.self), String(decoding: error, as: UTF8.self)
                        ))
                } catch {
                    continuation.resume(throwing: SigningError.certificateUnreadable("openssl tidak dapat dijalankan (\(error))"))
                }
            }
        }
    }
}

/// Wrong passphrases per person: after five within 15 minutes, signing waits (per server process),
/// so nobody can guess a certificate's passphrase online. Each refusal is in the audit history.
actor SigningAttempts {
    static let shared = SigningAttempts()
    private var failures: [UUID: [Date]] = [:]
    static let limit = 5
    static let window: TimeInterval = 15 * 60

    func check(_ person: UUID, now: Date) throws {
        let recent = (failures[person] ?? []).filter { now.timeIntervalSince($0) < Self.window }
        failures[person] = recent
        if recent.count >= Self.limit { throw SigningError.tooManyAttempts }
    }

    func failed(_ person: UUID, now: Date) { failures[person, default: []].append(now) }
    func succeeded(_ person: UUID) { failures[person] = nil }
}

extension SigningProvider {
    /// Signs as `acting.person`, counting and auditing a wrong passphrase.
    func sign(
        _ pdf: [UInt8], details: PDFSignature.Details, credentials: SigningCredentials, acting: Acting, what: String,
        bodyID: UUID
    ) async throws -> [UInt8] {
        try await SigningAttempts.shared.check(acting.person.id, now: acting.now)
        do {
            let signed = try await sign(pdf, details: details, credentials: credentials)
            await SigningAttempts.shared.succeeded(acting.person.id)
            return signed
        } catch let error as SigningError {
            if case .wrongPassphrase = error { await SigningAttempts.shared.failed(acting.person.id, now: acting.now) }
            if case .serviceRefused = error { await SigningAttempts.shared.failed(acting.person.id, now: acting.now) }
            try await acting.write { db in
                try await AuditLog.record(
                    acting.auditDraft(
                        .signatureRefused, targetType: .document, targetID: nil, bodyID: bodyID.uuidString,
                        after: "\(what): \(error.description)"), on: db)
            }
            throw error
        }
    }
}
