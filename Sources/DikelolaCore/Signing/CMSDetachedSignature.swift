import Crypto
import Foundation
import SwiftASN1
import X509
import _CryptoExtras

/// A detached CMS signature (RFC 5652 SignedData without its content) as PAdES asks for it
/// (ETSI EN 319 142-1, baseline B-B, SubFilter ETSI.CAdES.detached): SHA-256, and the signed
/// attributes content-type, message-digest and signing-certificate-v2 (RFC 5035), which binds the
/// signer's certificate to the signature. The claimed signing time goes in the PDF's /M, not here.
///
/// The certificate and key come from swift-certificates and are signed with through it; the
/// SignedData is assembled here because swift-certificates' own `CMS.sign` adds a signing-time
/// attribute and no signing-certificate-v2, and keeps its builders internal.
public struct CMSSigner: Sendable {
    public let certificate: Certificate
    public let chain: [Certificate]
    let privateKey: Certificate.PrivateKey
    let signatureAlgorithm: Certificate.SignatureAlgorithm

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case unsupportedKey
        case keyDoesNotMatch

        public var description: String {
            switch self {
            case .unsupportedKey: "Jenis kunci sertifikat belum didukung; gunakan RSA atau ECDSA P-256."
            case .keyDoesNotMatch: "Kunci privat tidak cocok dengan sertifikat penandatangan."
            }
        }
    }

    public init(certificate: Certificate, chain: [Certificate] = [], privateKey: Certificate.PrivateKey) throws {
        if _RSA.Signing.PublicKey(certificate.publicKey) != nil {
            signatureAlgorithm = .sha256WithRSAEncryption
        } else if P256.Signing.PublicKey(certificate.publicKey) != nil {
            signatureAlgorithm = .ecdsaWithSHA256
        } else {
            throw Failure.unsupportedKey
        }
        guard privateKey.publicKey == certificate.publicKey else { throw Failure.keyDoesNotMatch }
        self.certificate = certificate
        self.chain = chain
        self.privateKey = privateKey
    }

    /// The DER of a SignedData (in its ContentInfo) over `content`, which it does not carry.
    public func sign(_ content: some DataProtocol) throws -> [UInt8] {
        let certificateDER = try Self.der(certificate)
        let attributes = [
            DERWriter.sequence(DERWriter.oid("1.2.840.113549.1.9.3"), DERWriter.set(DERWriter.oid(OID.data))),
            DERWriter.sequence(
                DERWriter.oid("1.2.840.113549.1.9.4"), DERWriter.set(DERWriter.octetString(Array(SHA256.hash(data: content))))),
            // SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }; ESSCertIDv2 with
            // the default hash (SHA-256) leaves the algorithm out.
            DERWriter.sequence(
                DERWriter.oid("1.2.840.113549.1.9.16.2.47"),
                DERWriter.set(
                    DERWriter.sequence(
                        DERWriter.sequence(
                            DERWriter.sequence(
                                DERWriter.octetString(Array(SHA256.hash(data: certificateDER))),
                                try issuerSerial()))))),
        ]
        // DER orders a SET OF by the encodings; the signature covers the attributes as a SET.
        let sortedAttributes = attributes.sorted { $0.lexicographicallyPrecedes($1) }.flatMap { $0 }
        let signature = try privateKey.sign(
            bytes: DERWriter.tlv(0x31, sortedAttributes), signatureAlgorithm: signatureAlgorithm
        ).rawRepresentation
        let signatureAlgorithmID: [UInt8] =
            signatureAlgorithm == .sha256WithRSAEncryption
            ? DERWriter.sequence(DERWriter.oid("1.2.840.113549.1.1.11"), DERWriter.null)
            : DERWriter.sequence(DERWriter.oid("1.2.840.10045.4.3.2"))
        let signerInfo = DERWriter.sequence(
            DERWriter.integer([1]),
            DERWriter.sequence(try issuerAndSerial().issuer, try issuerAndSerial().serial),
            Self.sha256,
            DERWriter.tlv(0xA0, sortedAttributes),
            signatureAlgorithmID,
            DERWriter.octetString(signature))
        let certificates = try ([certificate] + chain).map(Self.der).sorted { $0.lexicographicallyPrecedes($1) }.flatMap { $0 }
        let signedData = DERWriter.sequence(
            DERWriter.integer([1]),
            DERWriter.set(Self.sha256),
            DERWriter.sequence(DERWriter.oid(OID.data)),
            DERWriter.tlv(0xA0, certificates),
            DERWriter.set(signerInfo))
        return DERWriter.sequence(DERWriter.oid(OID.signedData), DERWriter.tlv(0xA0, signedData))
    }

    /// IssuerSerial ::= SEQUENCE { issuer GeneralNames (a directoryName), serialNumber }.
    private func issuerSerial() throws -> [UInt8] {
        let (issuer, serial) = try issuerAndSerial()
        return DERWriter.sequence(DERWriter.sequence(DERWriter.tlv(0xA4, issuer)), serial)
    }

    /// The issuer's Name and the serial number's INTEGER exactly as the certificate encodes them
    /// (its TBSCertificate: [0] version, serialNumber, signature, issuer …): a verifier finds the
    /// signer's certificate by comparing these bytes.
    private func issuerAndSerial() throws -> (issuer: [UInt8], serial: [UInt8]) {
        let root = try DER.parse(try Self.der(certificate))
        guard case let .constructed(top) = root.content, let tbs = top.first(where: { _ in true }),
            case let .constructed(fields) = tbs.content
        else { throw Failure.unsupportedKey }
        var nodes = Array(fields)
        if let first = nodes.first, first.identifier.tagClass == .contextSpecific { nodes.removeFirst() }
        guard nodes.count >= 3 else { throw Failure.unsupportedKey }
        return (Array(nodes[2].encodedBytes), Array(nodes[0].encodedBytes))
    }

    enum OID {
        static let data = "1.2.840.113549.1.7.1"
        static let signedData = "1.2.840.113549.1.7.2"
    }

    static let sha256 = DERWriter.sequence(DERWriter.oid("2.16.840.1.101.3.4.2.1"), DERWriter.null)

    static func der(_ value: some DERSerializable) throws -> [UInt8] {
        var serializer = DER.Serializer()
        try serializer.serialize(value)
        return serializer.serializedBytes
    }
}

/// The few DER forms a SignedData needs: tag, length, content.
enum DERWriter {
    static func tlv(_ tag: UInt8, _ content: [UInt8]) -> [UInt8] {
        var out = [tag]
        let count = content.count
        if count < 0x80 {
            out.append(UInt8(count))
        } else {
            var length: [UInt8] = []
            var rest = count
            while rest > 0 {
                length.insert(UInt8(rest & 0xFF), at: 0)
                rest >>= 8
            }
            out.append(0x80 | UInt8(length.count))
            out += length
        }
        return out + content
    }

    static func sequence(_ parts: [UInt8]...) -> [UInt8] { tlv(0x30, parts.flatMap { $0 }) }
    static func set(_ parts: [UInt8]...) -> [UInt8] { tlv(0x31, parts.flatMap { $0 }) }
    static func octetString(_ bytes: [UInt8]) -> [UInt8] { tlv(0x04, bytes) }
    static let null: [UInt8] = [0x05, 0x00]

    /// A non-negative INTEGER from its big-endian magnitude (a certificate's serial number as
    /// swift-certificates holds it): minimal, with a leading zero when the top bit is set, as the
    /// certificate itself encodes it — else a verifier would not find the signer's certificate.
    static func integer(_ magnitude: [UInt8]) -> [UInt8] {
        var content = Array(magnitude.drop { $0 == 0 })
        if content.isEmpty || content[0] & 0x80 != 0 { content.insert(0, at: 0) }
        return tlv(0x02, content)
    }

    static func oid(_ dotted: String) -> [UInt8] {
        let arcs = dotted.split(separator: ".").compactMap { UInt64($0) }
        guard arcs.count >= 2 else { return tlv(0x06, []) }
        var body: [UInt8] = [UInt8(arcs[0] * 40 + arcs[1])]
        for arc in arcs.dropFirst(2) {
            var chunk: [UInt8] = [UInt8(arc & 0x7F)]
            var rest = arc >> 7
            while rest > 0 {
                chunk.insert(UInt8(rest & 0x7F) | 0x80, at: 0)
                rest >>= 7
            }
            body += chunk
        }
        return tlv(0x06, body)
    }
}
