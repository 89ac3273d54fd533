import DikelolaCore
import Fluent
import Foundation
import NIOCore
import Testing
import Vapor
import X509

@testable import DikelolaServer

/// Electronic signatures (TTE) on decrees and dossiers: PAdES with a PKCS#12 certificate installed
/// on the server (its passphrase typed by the head, or configured), or through BSrE's signing
/// service — here a local stand-in that follows its published API. Every signed PDF passes
/// Debian's `pdfsig`.
@Suite struct ElectronicSignatureTests {
    static let chromium = PDFPrinter.findChromium(path: ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin")
    static let tools = chromium != nil && FileManager.default.isExecutableFile(atPath: "/usr/bin/pdfsig")
    static let passphrase = "rahasia-ttd-2026"

    /// A PKCS#12 file as a body would receive it: a certificate and its key, made with openssl.
    static func pkcs12() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tte-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let script = """
            openssl req -x509 -newkey rsa:2048 -nodes -keyout k.pem -out c.pem -days 30 \
              -subj "/C=ID/O=Pemerintah Kabupaten Contoh/CN=Kepala Dinas Kependudukan dan Pencatatan Sipil" 2>/dev/null \
            && openssl pkcs12 -export -inkey k.pem -in c.pem -out tte.p12 -passout pass:\(passphrase) && rm k.pem
            """
        let made = try VerifiablePublicationTests.shell(script, in: folder)
        try #require(made.status == 0, "\(made.output)")
        return folder.appendingPathComponent("tte.p12")
    }

    static func pdfsig(_ bytes: [UInt8]) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tte-\(UUID().uuidString).pdf")
        try Data(bytes).write(to: file)
        return try VerifiablePublicationTests.shell("pdfsig '\(file.path)'", in: FileManager.default.temporaryDirectory).output
    }

    @Test(.enabled(if: tools, "Chromium and pdfsig (poppler-utils) are installed by scripts/test.sh"))
    func theHeadSignsADecreeWithTheInstalledCertificate() async throws {
        let file = try Self.pkcs12()
        let clock = FixedClock(ExpirySweepTests.at("2026-11-10"))
        try await withApp(clock: clock, adjust: { $0.chromium = Self.chromium; $0.signing.certificate = file }) { app in
            try await ExpirySweepTests.register(app)
            let decree = try #require(try await Decree.query(on: app.db).first())
            let path = SiteURL.decreeElectronic(decree.id).path

            // The operator reads the page but may not sign.
            let op = Browser(app)
            try await op.signIn(as: DisputeTests.operatorEmail)
            #expect(try await op.get(path).body.contains("Belum ditandatangani"))
            #expect(try await op.submit(path, ["passphrase": Self.passphrase]).status == .forbidden)

            // The head: a wrong passphrase signs nothing; the right one signs.
            let head = Browser(app)
            try await head.signIn(as: DisputeTests.head)
            let page = try await head.get(path)
            #expect(page.body.contains("tte.p12") && page.body.contains(#"name="passphrase""#))
            let wrong = try await head.submit(path, ["passphrase": "bukan-ini"])
            #expect(wrong.status == .unprocessableEntity && wrong.body.contains("Kata sandi sertifikat salah"))
            #expect(try await ElectronicSignature.query(on: app.db).count() == 0)
            // A wrong passphrase is in the history; only the head signs a dossier with the certificate.
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "signature.refused").count() == 1)
            let entry = try await PeriodActionTests.entry("Berakhir 2031", app)
            try await op.get(SiteURL.entryDossier(entry.id).path)
            #expect(try await op.submit(SiteURL.entryDossierPDF(entry.id).path, ["passphrase": Self.passphrase]).status == .forbidden)
            let signed = try await head.post(path, ["passphrase": Self.passphrase])
            #expect(signed.status == .seeOther)
            let signature = try #require(try await ElectronicSignature.query(on: app.db).first())
            let download = try await head.get(SiteURL.decreeElectronicFile(decree.id, signature.id).path)
            #expect(download.status == .ok && download.headers.contentType == .pdf)
            #expect(PublicationManifest.sha256(download.bytes) == signature.sha256)
            let report = try Self.pdfsig(download.bytes)
            #expect(report.contains("Signature is Valid") && report.contains("ETSI.CAdES.detached"), "\(report)")
            #expect(report.contains("Kepala Dinas Kependudukan dan Pencatatan Sipil") && report.contains("Total document signed"))
            // It still opens in Chromium's own viewer (a real window under Xvfb: headless Chromium has
            // none), and the check can fail: a cut-off copy does not open.
            let selenium = try VerifiablePublicationTests.shell("python3 -c 'import selenium'", in: FileManager.default.temporaryDirectory)
            if FileManager.default.isExecutableFile(atPath: "/usr/bin/xvfb-run"), selenium.status == 0 {
                let file = FileManager.default.temporaryDirectory.appendingPathComponent("tte-\(UUID().uuidString).pdf")
                try Data(download.bytes).write(to: file)
                let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                    .deletingLastPathComponent().appendingPathComponent("scripts/pdf-opens-in-chromium.py").path
                let opens = try VerifiablePublicationTests.shell("xvfb-run -a python3 '\(script)' '\(file.path)'", in: file.deletingLastPathComponent())
                #expect(opens.status == 0, "\(opens.output)")
                try Data(download.bytes.prefix(3000)).write(to: file)
                #expect(try VerifiablePublicationTests.shell("xvfb-run -a python3 '\(script)' '\(file.path)'", in: file.deletingLastPathComponent()).status != 0)
            }
            let audited = try await AuditEvent.query(on: app.db).filter(\.$action == "decree.signElectronic").first()
            #expect(audited?.summaryAfter?.contains(signature.sha256) == true)
        }
    }

    @Test(.enabled(if: tools, "Chromium and pdfsig (poppler-utils) are installed by scripts/test.sh"))
    func aDossierIsSignedWhenTheServerKeepsThePassphrase() async throws {
        let file = try Self.pkcs12()
        let clock = FixedClock(ExpirySweepTests.at("2026-11-10"))
        try await withApp(
            clock: clock,
            adjust: {
                $0.chromium = Self.chromium
                $0.signing.certificate = file
                $0.signing.passphrase = Self.passphrase
            }
        ) { app in
            try await ExpirySweepTests.register(app)
            let entry = try await PeriodActionTests.entry("Berakhir 2031", app)
            let ppid = Browser(app)
            try await ppid.signIn(as: DisputeTests.ppid)
            let pdf = try await ppid.get(SiteURL.entryDossierPDF(entry.id).path)
            #expect(pdf.status == .ok)
            let report = try Self.pdfsig(pdf.bytes)
            #expect(report.contains("Signature is Valid") && report.contains("Kepala Dinas Kependudukan"), "\(report)")
        }
    }

    @Test(.enabled(if: tools, "Chromium and pdfsig (poppler-utils) are installed by scripts/test.sh"))
    func bsreSignsThroughItsPublishedAPI() async throws {
        let standIn = try await BSrEStandIn.start()
        let clock = FixedClock(ExpirySweepTests.at("2026-11-10"))
        try await withApp(
            clock: clock,
            adjust: {
                $0.chromium = Self.chromium
                $0.signing.bsre = .init(url: standIn.url, user: BSrEStandIn.user, password: BSrEStandIn.password)
            }
        ) { app in
            try await ExpirySweepTests.register(app)
            let decree = try #require(try await Decree.query(on: app.db).first())
            let path = SiteURL.decreeElectronic(decree.id).path
            let head = Browser(app)
            try await head.signIn(as: DisputeTests.head)
            #expect(try await head.get(path).body.contains(#"name="nik""#))
            // BSrE refuses a wrong passphrase; its message reaches the head.
            let refused = try await head.submit(path, ["nik": BSrEStandIn.nik, "passphrase": "salah"])
            #expect(refused.status == .unprocessableEntity && refused.body.contains("Passphrase salah"), "\(refused.body)")
            let signed = try await head.post(path, ["nik": BSrEStandIn.nik, "passphrase": BSrEStandIn.passphrase])
            #expect(signed.status == .seeOther)
            let signature = try #require(try await ElectronicSignature.query(on: app.db).first())
            #expect(signature.provider.contains("BSrE"))
            let download = try await head.get(SiteURL.decreeElectronicFile(decree.id, signature.id).path)
            let report = try Self.pdfsig(download.bytes)
            #expect(report.contains("Signature is Valid") && report.contains("Penandatangan \(BSrEStandIn.nik)"), "\(report)")
        }
        try await standIn.app.server.shutdown()
        try await standIn.app.asyncShutdown()
    }
}

/// A local stand-in for BSrE's signing service: `POST /api/sign/pdf` with Basic credentials and a
/// multipart form (file, nik, passphrase, tampilan), answering the signed PDF or BSrE's JSON error.
struct BSrEStandIn {
    static let user = "dikelola-app"
    static let password = "rahasia-aplikasi"
    static let nik = "6171010101800001"
    static let passphrase = "passphrase-bsre"

    let app: Application
    let url: URL

    static func start() async throws -> BSrEStandIn {
        let app = try await Application.make(.testing)
        let key = Certificate.PrivateKey(P256.Signing.PrivateKey())
        let name = try DistinguishedName {
            CountryName("ID")
            OrganizationName("Balai Sertifikasi Elektronik (tiruan)")
            CommonName("Penandatangan \(nik)")
        }
        let certificate = try Certificate(
            version: .v3, serialNumber: .init(bytes: [0x01] + (0..<15).map { _ in UInt8.random(in: 0...255) }), publicKey: key.publicKey, notValidBefore: Date() - 3600,
            notValidAfter: Date() + 86_400, issuer: name, subject: name, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: Certificate.Extensions(), issuerPrivateKey: key)
        let signer = try CMSSigner(certificate: certificate, privateKey: key)
        struct Form: Content {
            var nik: String?
            var passphrase: String?
            var tampilan: String?
            var file: File?
        }
        app.routes.defaultMaxBodySize = "20mb"
        app.post("api", "sign", "pdf") { req async throws -> Response in
            guard let basic = req.headers.basicAuthorization, basic.username == user, basic.password == password else {
                return try await Self.error(req, .unauthorized, "Unauthorized", 2001)
            }
            let form = try req.content.decode(Form.self)
            guard form.nik == nik, form.tampilan == "invisible", let file = form.file else {
                return try await Self.error(req, .badRequest, "Parameter tidak lengkap", 2021)
            }
            guard form.passphrase == passphrase else { return try await Self.error(req, .badRequest, "Passphrase salah", 2031) }
            let signed = try PDFSignature.sign(
                Array(file.data.readableBytesView),
                details: .init(name: "BSrE tiruan", reason: "TTE", location: "Jakarta", signedAt: Date()), signer: signer)
            var headers = HTTPHeaders()
            headers.contentType = .pdf
            headers.add(name: "id_dokumen", value: UUID().uuidString)
            return Response(status: .ok, headers: headers, body: .init(data: Data(signed)))
        }
        app.http.server.configuration.hostname = "127.0.0.1"
        app.http.server.configuration.port = 0
        try await app.server.start()
        guard let port = app.http.server.shared.localAddress?.port, let url = URL(string: "http://127.0.0.1:\(port)") else {
            throw Abort(.internalServerError)
        }
        return BSrEStandIn(app: app, url: url)
    }

    static func error(_ req: Request, _ status: HTTPStatus, _ message: String, _ code: Int) async throws -> Response {
        struct Body: Content {
            let error: String
            let status_code: Int
        }
        return try await Body(error: message, status_code: code).encodeResponse(status: status, for: req)
    }
}
