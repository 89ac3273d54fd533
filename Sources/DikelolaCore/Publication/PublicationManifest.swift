import Crypto
import Foundation

/// The signed list of a published version's files, so anyone can check a copy of the register (on
/// the PPID's own hosting, say) against what Dikelola published. A version folder holds:
///
///     manifest.txt       the list: a header of `#` lines, then `sha256  path` per file, the form
///                        `sha256sum -c` reads
///     manifest.sig       an ECDSA P-256 signature (DER) over manifest.txt's bytes, with the body's key
///     kunci-publik.pem   the body's public key
///
/// The header names the body, the version, when it was published, and the SHA-256 of the previous
/// version's manifest.txt, so the versions form a chain. Every file is listed, the writer's hidden
/// markers too, so a file added to a copy (a hidden `.htaccess` among them) is found. With openssl
/// and coreutils:
///
///     openssl dgst -sha256 -verify kunci-publik.pem -signature manifest.sig manifest.txt
///     grep -v '^#' manifest.txt | sha256sum --strict -c -
///     find . -type f ! -name manifest.txt ! -name manifest.sig ! -name kunci-publik.pem | sed 's|^\./||' | sort \
///         | diff - <(grep -v '^#' manifest.txt | cut -c67- | sort)
public struct PublicationManifest: Hashable, Sendable {
    public static let listName = "manifest.txt"
    public static let signatureName = "manifest.sig"
    public static let keyName = "kunci-publik.pem"
    static let ownFiles: Set<String> = [listName, signatureName, keyName]
    /// A body folder's `index.html`: it only sends readers to the current version.
    public static let bodyIndex =
        #"<!DOCTYPE html><meta charset="utf-8"><meta http-equiv="refresh" content="0; url=terkini/index.html"><a href="terkini/index.html">DIK terkini</a>"#

    public struct File: Hashable, Sendable {
        public var path: String
        public var sha256: String
    }

    public var body: String
    public var version: Int
    public var publishedAt: Date
    /// The SHA-256 of the previous version's manifest.txt; nil for the first version, or when the
    /// previous version was published before manifests existed.
    public var previous: String?
    public var files: [File]

    public init(body: String, version: Int, publishedAt: Date, previous: String?, files: [File]) {
        self.body = body
        self.version = version
        self.publishedAt = publishedAt
        self.previous = previous
        self.files = files.sorted { $0.path < $1.path }
    }

    /// manifest.txt: the bytes that are signed and stored.
    public var text: String {
        let formatter = ISO8601DateFormatter()
        var lines = [
            "# Dikelola: daftar berkas DIK yang diterbitkan (format 1)",
            "# badan: \(body)",
            "# versi: \(version)",
            "# diterbitkan: \(formatter.string(from: publishedAt))",
            "# manifest-sebelumnya: \(previous ?? "-")",
        ]
        lines += files.map { "\($0.sha256)  \($0.path)" }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Reads manifest.txt back; nil when it is not one.
    public init?(text: String) {
        var header: [String: String] = [:]
        var files: [File] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("# ") {
                let parts = line.dropFirst(2).split(separator: ":", maxSplits: 1)
                if parts.count == 2 { header[String(parts[0])] = parts[1].trimmingCharacters(in: .whitespaces) }
                continue
            }
            let hash = line.prefix(64)
            guard hash.count == 64, hash.allSatisfy(\.isHexDigit), line.dropFirst(64).hasPrefix("  ") else { return nil }
            files.append(File(path: String(line.dropFirst(66)), sha256: String(hash)))
        }
        guard let body = header["badan"], let version = header["versi"].flatMap({ Int($0) }),
            let published = header["diterbitkan"].flatMap({ ISO8601DateFormatter().date(from: $0) }),
            let previous = header["manifest-sebelumnya"]
        else { return nil }
        self.init(body: body, version: version, publishedAt: published, previous: previous == "-" ? nil : previous, files: files)
    }

    /// Every file under `folder`, with its SHA-256: regular files at any depth, hidden ones too,
    /// but not the manifest's own three. A link to anything but a file inside is listed as changed.
    public static func files(in folder: URL) throws -> [File] {
        let fm = FileManager.default
        var found: [File] = []
        var pending = [""]
        while let relative = pending.popLast() {
            let directory = relative.isEmpty ? folder : folder.appendingPathComponent(relative, isDirectory: true)
            for name in try fm.contentsOfDirectory(atPath: directory.path) {
                let path = relative.isEmpty ? name : "\(relative)/\(name)"
                if relative.isEmpty, ownFiles.contains(name) { continue }
                var isDirectory: ObjCBool = false
                guard fm.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isDirectory) else { continue }
                if isDirectory.boolValue {
                    pending.append(path)
                } else {
                    let data = try Data(contentsOf: folder.appendingPathComponent(path), options: .alwaysMapped)
                    found.append(File(path: path, sha256: sha256(data)))
                }
            }
        }
        return found.sorted { $0.path < $1.path }
    }

    public static func sha256(_ data: some DataProtocol) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    /// The public key as PEM (SubjectPublicKeyInfo), the form openssl reads.
    public static func pem(_ key: P256.Signing.PublicKey) -> String { key.pemRepresentation + "\n" }

    /// A key's fingerprint to compare by eye or by phone: the SHA-256 of its DER form, in groups.
    public static func fingerprint(_ key: P256.Signing.PublicKey) -> String {
        let hex = sha256(key.derRepresentation)
        return stride(from: 0, to: 32, by: 4).map { offset in
            let start = hex.index(hex.startIndex, offsetBy: offset)
            return String(hex[start..<hex.index(start, offsetBy: 4)])
        }.joined(separator: ":")
    }
}
