import Crypto
import DikelolaCore
import Fluent
import Foundation
import SQLKit
import Vapor

/// Signs each published version's manifest with its body's key (`PublicationManifest`). The key
/// (ECDSA P-256) is made with the body's first signed version and kept in the database, so every
/// instance signs with it. The manifest of a version is made once, by the first instance that
/// writes the version, and stored: another instance writing the same version lists the same files
/// (a version's files are made from the database alone) and writes the stored manifest and
/// signature, so every copy carries the same three files.
struct PublicationSigning {
    static let keyTable = "publication_keys"
    static let manifestTable = "publication_manifests"

    let sql: any SQLDatabase
    let logger: Logger

    init(on db: any Database, logger: Logger) throws {
        guard let sql = db as? any SQLDatabase else { throw SearchIndexError.notSQL }
        self.sql = sql
        self.logger = logger
    }

    struct Signed {
        let text: String
        let signature: Data
        let publicKeyPEM: String
    }

    /// Writes the manifest, its signature and the body's public key into `folder`, the files of
    /// version `version` of `bodyID` as published on `publishedAt`.
    func sign(folder: URL, bodyID: UUID, slug: String, version: Int, publishedAt: Date) async throws {
        let files = try PublicationManifest.files(in: folder)
        let signed = try await manifest(bodyID: bodyID, slug: slug, version: version, publishedAt: publishedAt, files: files)
        // The list last: a folder with a list has its signature and key beside it.
        try Data(signed.publicKeyPEM.utf8).write(to: folder.appendingPathComponent(PublicationManifest.keyName))
        try signed.signature.write(to: folder.appendingPathComponent(PublicationManifest.signatureName))
        try Data(signed.text.utf8).write(to: folder.appendingPathComponent(PublicationManifest.listName))
    }

    /// The stored manifest of the version, made and signed now if none is.
    func manifest(bodyID: UUID, slug: String, version: Int, publishedAt: Date, files: [PublicationManifest.File])
        async throws -> Signed
    {
        let key = try await bodyKey(bodyID)
        if let stored = try await stored(bodyID, version) {
            if PublicationManifest(text: stored.manifest)?.files != files.sorted(by: { $0.path < $1.path }) {
                logger.error(
                    "Berkas versi \(version) \(slug) berbeda dari manifest yang tersimpan; salinan ini tidak akan lolos pemeriksaan.")
            }
            return Signed(
                text: stored.manifest, signature: Data(base64Encoded: stored.signature) ?? Data(),
                publicKeyPEM: PublicationManifest.pem(key.publicKey))
        }
        let previous = try await stored(bodyID, version - 1)?.sha256
        let manifest = PublicationManifest(body: slug, version: version, publishedAt: publishedAt, previous: previous, files: files)
        let text = manifest.text
        let signature = try key.signature(for: Data(text.utf8)).derRepresentation
        try await sql.raw(
            """
            INSERT INTO \(ident: Self.manifestTable) (body_id, version, manifest, signature, sha256)
            VALUES (\(bind: bodyID.uuidString), \(bind: version), \(bind: text), \(bind: signature.base64EncodedString()),
            \(bind: PublicationManifest.sha256(Data(text.utf8)))) ON CONFLICT (body_id, version) DO NOTHING
            """
        ).run()
        // Another instance may have been first: its manifest is the one.
        guard let winner = try await stored(bodyID, version) else { throw PublicSiteError(message: "manifest versi \(version) hilang") }
        return Signed(
            text: winner.manifest, signature: Data(base64Encoded: winner.signature) ?? Data(),
            publicKeyPEM: PublicationManifest.pem(key.publicKey))
    }

    struct StoredManifest: Decodable {
        let manifest: String
        let signature: String
        let sha256: String
    }

    func stored(_ bodyID: UUID, _ version: Int) async throws -> StoredManifest? {
        try await sql.raw(
            """
            SELECT manifest, signature, sha256 FROM \(ident: Self.manifestTable)
            WHERE body_id = \(bind: bodyID.uuidString) AND version = \(bind: version)
            """
        ).first(decoding: StoredManifest.self)
    }

    /// The body's signing key, made the first time it is needed.
    func bodyKey(_ bodyID: UUID) async throws -> P256.Signing.PrivateKey {
        struct Row: Decodable { let private_key: String }
        let select: SQLQueryString = "SELECT private_key FROM \(ident: Self.keyTable) WHERE body_id = \(bind: bodyID.uuidString)"
        if let row = try await sql.raw(select).first(decoding: Row.self) {
            return try P256.Signing.PrivateKey(pemRepresentation: row.private_key)
        }
        let key = P256.Signing.PrivateKey()
        try await sql.raw(
            """
            INSERT INTO \(ident: Self.keyTable) (body_id, private_key, public_key)
            VALUES (\(bind: bodyID.uuidString), \(bind: key.pemRepresentation), \(bind: key.publicKey.pemRepresentation))
            ON CONFLICT (body_id) DO NOTHING
            """
        ).run()
        guard let row = try await sql.raw(select).first(decoding: Row.self) else {
            throw PublicSiteError(message: "kunci penandatanganan badan publik tidak tersimpan")
        }
        return try P256.Signing.PrivateKey(pemRepresentation: row.private_key)
    }
}
