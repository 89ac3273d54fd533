import Crypto
import Foundation
import Testing

@testable import DikelolaCore

/// A published version's signed manifest: made, read back, and a copy checked — one byte changed,
/// a file added or removed, another key, a broken chain each fail.
@Suite struct PublicationManifestTests {
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("manifest-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url.appendingPathComponent("entri"), withIntermediateDirectories: true)
        return url
    }

    /// Writes a version's files and its signed manifest, as the server does.
    static func publish(
        _ files: [String: String], version: Int, in folder: URL, key: P256.Signing.PrivateKey, previous: String? = nil
    ) throws -> String {
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try Data().write(to: folder.appendingPathComponent(".halaman-entri-3"))  // a writer's marker: not listed
        let manifest = PublicationManifest(
            body: "kabupaten-contoh", version: version, publishedAt: Date(timeIntervalSince1970: 1_795_000_000),
            previous: previous, files: try PublicationManifest.files(in: folder))
        let text = Data(manifest.text.utf8)
        try text.write(to: folder.appendingPathComponent(PublicationManifest.listName))
        try key.signature(for: text).derRepresentation.write(to: folder.appendingPathComponent(PublicationManifest.signatureName))
        try Data(PublicationManifest.pem(key.publicKey).utf8).write(to: folder.appendingPathComponent(PublicationManifest.keyName))
        return PublicationManifest.sha256(text)
    }

    static let files = ["index.html": "<h1>DIK</h1>", "dik.json": #"{"entries":[]}"#, "entri/DIK-2026-0001.html": "<p>satu</p>"]

    @Test func theManifestReadsBackAndListsEveryPublishedFile() throws {
        let folder = try Self.folder()
        _ = try Self.publish(Self.files, version: 3, in: folder, key: P256.Signing.PrivateKey())
        let text = try String(contentsOf: folder.appendingPathComponent(PublicationManifest.listName), encoding: .utf8)
        let manifest = try #require(PublicationManifest(text: text))
        #expect(manifest.version == 3 && manifest.body == "kabupaten-contoh" && manifest.previous == nil)
        // The writer's hidden marker is listed too: a hidden file added to a copy must show.
        #expect(manifest.files.map(\.path) == [".halaman-entri-3", "dik.json", "entri/DIK-2026-0001.html", "index.html"])
        #expect(manifest.text == text)
        #expect(text.contains("\(PublicationManifest.sha256(Data("<h1>DIK</h1>".utf8)))  index.html\n"))
    }

    @Test func aCopyVerifiesAndOneChangedByteFails() throws {
        let folder = try Self.folder()
        let key = P256.Signing.PrivateKey()
        _ = try Self.publish(Self.files, version: 1, in: folder, key: key)
        let report = PublicationCheck.verify(folder, trustedKey: key.publicKey)
        #expect(report.passed && report.files == 4 && report.versions == [1], "\(report.problems)")

        // One byte changed in one file.
        let page = folder.appendingPathComponent("entri/DIK-2026-0001.html")
        var bytes = try Data(contentsOf: page)
        bytes[3] ^= 0x01
        try bytes.write(to: page)
        #expect(PublicationCheck.verify(folder).problems == [.changed(version: "1", path: "entri/DIK-2026-0001.html")])
        try Data("<p>satu</p>".utf8).write(to: page)

        // A file added, a file removed.
        try Data("baru".utf8).write(to: folder.appendingPathComponent("tambahan.html"))
        try FileManager.default.removeItem(at: folder.appendingPathComponent("dik.json"))
        #expect(
            Set(PublicationCheck.verify(folder).problems)
                == [.unlisted(version: "1", path: "tambahan.html"), .missing(version: "1", path: "dik.json")])
    }

    @Test func aManifestChangedOrSignedWithAnotherKeyFails() throws {
        let folder = try Self.folder()
        let key = P256.Signing.PrivateKey()
        _ = try Self.publish(Self.files, version: 1, in: folder, key: key)
        // Signed by another key, which the copy carries: fails against the trusted key.
        let forger = P256.Signing.PrivateKey()
        _ = try Self.publish(Self.files, version: 1, in: folder, key: forger)
        #expect(PublicationCheck.verify(folder).passed)  // only the copy's own key: the fingerprint tells
        let against = PublicationCheck.verify(folder, trustedKey: key.publicKey)
        #expect(against.problems.contains(.signatureInvalid(version: "1")))
        #expect(against.problems.contains(.otherKey(version: "1", fingerprint: PublicationManifest.fingerprint(forger.publicKey))))

        // The list edited after signing (a hash replaced to match a changed file).
        _ = try Self.publish(Self.files, version: 1, in: folder, key: key)
        let list = folder.appendingPathComponent(PublicationManifest.listName)
        let edited = try String(contentsOf: list, encoding: .utf8).replacingOccurrences(of: "# versi: 1", with: "# versi: 1 ")
        try Data(edited.utf8).write(to: list)
        #expect(PublicationCheck.verify(folder, trustedKey: key.publicKey).problems == [.signatureInvalid(version: "1")])
    }

    @Test func theVersionsFormAChain() throws {
        let body = FileManager.default.temporaryDirectory.appendingPathComponent("badan-\(UUID().uuidString)", isDirectory: true)
        let key = P256.Signing.PrivateKey()
        let one = body.appendingPathComponent("versi/1", isDirectory: true)
        let two = body.appendingPathComponent("versi/2", isDirectory: true)
        let three = body.appendingPathComponent("versi/3", isDirectory: true)
        for folder in [one, two, three] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        let first = try Self.publish(Self.files, version: 1, in: one, key: key)
        _ = try Self.publish(Self.files, version: 2, in: two, key: key, previous: first)
        _ = try Self.publish(Self.files, version: 3, in: three, key: key, previous: String(repeating: "0", count: 64))
        let report = PublicationCheck.verify(body, trustedKey: key.publicKey)
        #expect(report.versions == [1, 2, 3])
        #expect(Set(report.problems) == [.chainBroken(version: 3, previous: 2), .bodyMissing("index.html"), .bodyMissing("terkini")])
        #expect(PublicationCheck.verify(body.appendingPathComponent("nowhere")).problems.count == 1)

        // Found from outside: a version removed from between the others, `terkini` pointing back,
        // a body page replaced, a hidden file added to a version.
        _ = try Self.publish(Self.files, version: 3, in: three, key: key, previous: first)
        try FileManager.default.removeItem(at: two)
        try FileManager.default.createSymbolicLink(atPath: body.appendingPathComponent("terkini").path, withDestinationPath: "versi/1")
        try Data("<meta http-equiv=refresh content='0; url=https://contoh.invalid'>".utf8).write(to: body.appendingPathComponent("index.html"))
        try Data("Redirect 302 / https://contoh.invalid".utf8).write(to: one.appendingPathComponent(".htaccess"))
        #expect(
            Set(PublicationCheck.verify(body, trustedKey: key.publicKey).problems)
                == [
                    .versionMissing(2), .currentNotLatest("versi/1"), .bodyIndexChanged,
                    .unlisted(version: "1", path: ".htaccess"),
                ])
        try Data(PublicationManifest.bodyIndex.utf8).write(to: body.appendingPathComponent("index.html"))
        #expect(!PublicationCheck.verify(body, trustedKey: key.publicKey).problems.contains(.bodyIndexChanged))
        // The first versions gone, a folder "017" beside "3", a stray file among the versions.
        try FileManager.default.removeItem(at: one)
        try FileManager.default.copyItem(at: three, to: body.appendingPathComponent("versi/017"))
        try Data("x".utf8).write(to: body.appendingPathComponent("versi/README.txt"))
        let gone = Set(PublicationCheck.verify(body, trustedKey: key.publicKey).problems)
        #expect(gone.isSuperset(of: [.versionMissing(1), .versionMissing(2), .bodyFile("versi/017"), .bodyFile("versi/README.txt")]))
    }
}
