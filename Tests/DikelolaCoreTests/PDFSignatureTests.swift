import Crypto
import Foundation
import SwiftASN1
import Testing
import X509
import _CryptoExtras

@testable import DikelolaCore

/// PAdES signatures: an incremental update whose /ByteRange covers the whole file but /Contents,
/// holding a detached CMS with signing-certificate-v2; checked by Debian's `pdfsig` when present.
@Suite struct PDFSignatureTests {
    /// A one-page PDF with a classic cross-reference table, as Chromium writes them.
    static func minimalPDF(annotations: Bool = true) -> [UInt8] {
        var out = "%PDF-1.4\n"
        var offsets: [Int] = []
        let objects = [
            "<</Type /Catalog /Pages 2 0 R>>",
            "<</Type /Pages /Kids [3 0 R] /Count 1>>",
            "<</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R" + (annotations ? " /Annots [5 0 R]" : "") + ">>",
            "<</Length 44>>\nstream\nBT /F1 12 Tf 72 720 Td (Surat penetapan) Tj ET\nendstream",
            "<</Type /Annot /Subtype /Link /Rect [0 0 10 10] /Border [0 0 0]>>",
        ]
        for (index, body) in objects.enumerated() {
            offsets.append(out.utf8.count)
            out += "\(index + 1) 0 obj\n\(body)\nendobj\n"
        }
        let xref = out.utf8.count
        out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f\r\n"
        for offset in offsets { out += String(format: "%010d 00000 n\r\n", offset) }
        out += "trailer\n<</Size \(objects.count + 1) /Root 1 0 R>>\nstartxref\n\(xref)\n%%EOF\n"
        return Array(out.utf8)
    }

    /// A self-signed certificate for `key`, as a body's test certificate would be. Its serial stays within the
    /// 20 octets RFC 5280 §4.1.2.2 allows (swift-certificates' random one may take 21, which NSS, and so
    /// pdfsig, refuses to match).
    static func certificate(_ key: Certificate.PrivateKey, rsa: Bool) throws -> Certificate {
        let name = try DistinguishedName {
            CountryName("ID")
            OrganizationName("Pemerintah Kabupaten Contoh")
            CommonName("Kepala Dinas Kependudukan (uji)")
        }
        let now = Date()
        return try Certificate(
            version: .v3, serialNumber: .init(bytes: [0x01] + (0..<15).map { _ in UInt8.random(in: 0...255) }), publicKey: key.publicKey, notValidBefore: now - 3600,
            notValidAfter: now + 86_400 * 30, issuer: name, subject: name,
            signatureAlgorithm: rsa ? .sha256WithRSAEncryption : .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                KeyUsage(digitalSignature: true, nonRepudiation: true)
            }, issuerPrivateKey: key)
    }

    static let details = PDFSignature.Details(
        name: "Kepala Dinas (uji)", reason: "Penetapan klasifikasi informasi yang dikecualikan", location: "Contoh",
        signedAt: Date(timeIntervalSince1970: 1_795_000_000))

    static func pdfsig(_ bytes: [UInt8]) throws -> String? {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/pdfsig") else { return nil }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ttd-\(UUID().uuidString).pdf")
        try Data(bytes).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdfsig")
        process.arguments = [file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return output
    }

    @Test(arguments: [true, false])
    func aSignedPDFKeepsItsBytesAndCoversAllButItsSignature(rsa: Bool) throws {
        let key = rsa ? Certificate.PrivateKey(try _RSA.Signing.PrivateKey(keySize: .bits2048)) : Certificate.PrivateKey(P256.Signing.PrivateKey())
        let signer = try CMSSigner(certificate: try Self.certificate(key, rsa: rsa), privateKey: key)
        for original in [Self.minimalPDF(), Self.minimalPDF(annotations: false)] {
            let signed = try PDFSignature.sign(original, details: Self.details, signer: signer)
            // An incremental update: the original comes first, unchanged.
            #expect(Array(signed.prefix(original.count)) == original)
            let text = String(decoding: signed, as: UTF8.self)
            #expect(text.contains("/SubFilter /ETSI.CAdES.detached") && text.contains("/AcroForm <</Fields [7 0 R] /SigFlags 3>>"))
            #expect(text.contains(original.count > 0 ? "7 0 R]" : ""))
            // The byte range covers the file but the hexadecimal contents.
            let range = try #require(text.firstMatch(of: /\/ByteRange \[0 (\d+) (\d+) (\d+)\]/))
            let (a, b, c) = (Int(range.1)!, Int(range.2)!, Int(range.3)!)
            #expect(b + c == signed.count && signed[a] == UInt8(ascii: "<") && signed[b - 1] == UInt8(ascii: ">"))
            if let report = try Self.pdfsig(signed) {
                #expect(report.contains("Signature is Valid") && report.contains("Kepala Dinas Kependudukan (uji)"), "\(report)")
                #expect(report.contains("ETSI.CAdES.detached"), "\(report)")
                // One byte changed after signing: the signature no longer holds.
                var tampered = signed
                tampered[original.count / 2] ^= 0x01
                #expect(try Self.pdfsig(tampered)?.contains("Signature is Valid") == false)
            }
        }
    }

    @Test func theCMSCarriesTheSigningCertificateAttribute() throws {
        let key = Certificate.PrivateKey(P256.Signing.PrivateKey())
        let certificate = try Self.certificate(key, rsa: false)
        let cms = try CMSSigner(certificate: certificate, privateKey: key).sign(Array("isi".utf8))
        var serializer = DER.Serializer()
        try serializer.serialize(certificate)
        let hash = Array(SHA256.hash(data: serializer.serializedBytes))
        // signing-certificate-v2's OID, then the certificate's SHA-256 inside it.
        let oid: [UInt8] = [0x06, 0x0B, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x09, 0x10, 0x02, 0x2F]
        #expect(cms.firstRange(of: oid) != nil && cms.firstRange(of: hash) != nil)
        // A key that is not the certificate's is refused.
        #expect(throws: CMSSigner.Failure.keyDoesNotMatch) {
            try CMSSigner(certificate: certificate, privateKey: Certificate.PrivateKey(P256.Signing.PrivateKey()))
        }
    }

    @Test func whatIsNotAPDFIsRefusedNotTrapped() {
        for bytes in [[], Array("%PDF-1.4\nstartxref\n999999\n%%EOF".utf8), Array(repeating: 0x41, count: 100)] {
            #expect(throws: PDFSignature.Failure.self) { try PDFSignature.prepare(bytes, details: Self.details) }
        }
    }
}

/// The DER forms the CMS is written with.
@Suite struct DERWriterTests {
    @Test func integersAreMinimalAndNonNegative() {
        #expect(DERWriter.integer([1]) == [0x02, 0x01, 0x01])
        #expect(DERWriter.integer([0x80, 0x01]) == [0x02, 0x03, 0x00, 0x80, 0x01])  // the top bit: a leading zero
        #expect(DERWriter.integer([0x00, 0x00, 0x7F]) == [0x02, 0x01, 0x7F])
        #expect(DERWriter.integer([]) == [0x02, 0x01, 0x00])
        #expect(DERWriter.oid("1.2.840.113549.1.7.2") == [0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x07, 0x02])
        #expect(DERWriter.tlv(0x04, Array(repeating: 0, count: 300)).prefix(4) == [0x04, 0x82, 0x01, 0x2C])
    }

    /// Any serial number: the signer is found by its issuer and serial as the certificate encodes them.
    @Test func theSignerIsFoundWhateverItsSerial() throws {
        for _ in 0..<12 {
            let key = Certificate.PrivateKey(P256.Signing.PrivateKey())
            let certificate = try PDFSignatureTests.certificate(key, rsa: false)
            let cms = try CMSSigner(certificate: certificate, privateKey: key).sign(Array("isi".utf8))
            var serializer = DER.Serializer()
            try serializer.serialize(certificate.serialNumber.bytes)
            #expect(cms.firstRange(of: serializer.serializedBytes) != nil)
        }
    }
}
