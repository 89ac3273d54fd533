import Crypto
import Foundation

/// Checks a copy of a published register against its signed manifests (`PublicationManifest`): a
/// version folder, or a body's folder with every version under `versi/`. Each version's signature
/// must hold with one key — the trusted key given, else the key the first version carries — every
/// listed file must be there unchanged and nothing else published beside them, and each manifest
/// must name the previous one's hash.
public enum PublicationCheck {
    public enum Problem: Hashable, Sendable, CustomStringConvertible {
        case nothingToCheck(String)
        case manifestMissing(version: String)
        case manifestUnreadable(version: String)
        case signatureMissing(version: String)
        case keyUnreadable(version: String)
        case otherKey(version: String, fingerprint: String)
        case signatureInvalid(version: String)
        case versionMismatch(folder: String, manifest: Int)
        case changed(version: String, path: String)
        case missing(version: String, path: String)
        case unlisted(version: String, path: String)
        case chainBroken(version: Int, previous: Int)
        case versionMissing(Int)
        case currentNotLatest(String)
        case bodyFile(String)
        case bodyMissing(String)
        case bodyIndexChanged

        public var description: String {
            switch self {
            case let .nothingToCheck(path): "\(path) bukan folder versi DIK (tidak ada \(PublicationManifest.listName) atau versi/)."
            case let .manifestMissing(v): "Versi \(v): \(PublicationManifest.listName) tidak ada."
            case let .manifestUnreadable(v): "Versi \(v): \(PublicationManifest.listName) tidak dapat dibaca sebagai daftar berkas."
            case let .signatureMissing(v): "Versi \(v): \(PublicationManifest.signatureName) tidak ada."
            case let .keyUnreadable(v): "Versi \(v): \(PublicationManifest.keyName) bukan kunci publik P-256."
            case let .otherKey(v, fingerprint): "Versi \(v): ditandatangani dengan kunci lain (\(fingerprint))."
            case let .signatureInvalid(v): "Versi \(v): tanda tangan tidak cocok dengan \(PublicationManifest.listName)."
            case let .versionMismatch(folder, manifest): "Folder \(folder) memuat manifest versi \(manifest)."
            case let .changed(v, path): "Versi \(v): \(path) berubah (SHA-256 tidak cocok)."
            case let .missing(v, path): "Versi \(v): \(path) tidak ada."
            case let .unlisted(v, path): "Versi \(v): \(path) tidak tercantum dalam manifest."
            case let .chainBroken(v, previous):
                "Versi \(v) tidak menyebut manifest versi \(previous) yang ada di salinan ini (rantai versi putus)."
            case let .versionMissing(v): "Versi \(v) tidak ada dalam salinan ini, di antara versi yang ada (rantai versi putus)."
            case let .currentNotLatest(target): "terkini menunjuk \(target), bukan versi terakhir dalam salinan."
            case let .bodyFile(name): "\(name) di folder badan publik bukan bagian dari terbitan (hanya index.html, terkini dan versi/N)."
            case let .bodyMissing(name): "\(name) tidak ada di folder badan publik."
            case .bodyIndexChanged: "index.html folder badan publik berubah: seharusnya hanya mengalihkan ke terkini/."
            }
        }
    }

    public struct Report: Sendable {
        public var versions: [Int] = []
        public var files = 0
        public var problems: [Problem] = []
        /// The key every signature was checked with, and whether it came from the copy itself
        /// (then compare its fingerprint with the one the body announces).
        public var fingerprint: String?
        public var keyFromCopy = false
        public var passed: Bool { problems.isEmpty && !versions.isEmpty }
    }

    public static func verify(_ folder: URL, trustedKey: P256.Signing.PublicKey? = nil) -> Report {
        var report = Report()
        let fm = FileManager.default
        var key = trustedKey
        report.keyFromCopy = trustedKey == nil
        var folders: [(name: String, url: URL)] = []
        if fm.fileExists(atPath: folder.appendingPathComponent(PublicationManifest.listName).path) {
            folders = [(folder.lastPathComponent, folder)]
        } else {
            let isBody = fm.fileExists(atPath: folder.appendingPathComponent("versi").path)
            let versions = isBody ? folder.appendingPathComponent("versi") : folder
            let entries = (try? fm.contentsOfDirectory(atPath: versions.path)) ?? []
            // Version folders are named by their number alone ("17", not "017").
            let names = entries.compactMap { name in Int(name).flatMap { String($0) == name ? $0 : nil } }.sorted()
            folders = names.map { (String($0), versions.appendingPathComponent(String($0), isDirectory: true)) }
            if isBody {
                report.problems += entries.filter { name in !names.contains { String($0) == name } && !isWritersTemporary(name) }
                    .sorted().map { .bodyFile("versi/\($0)") }
            }
            if let last = names.last {
                // A body's versions start at 1: every one up to the last belongs in a whole copy.
                let first = isBody ? 1 : (names.first ?? 1)
                report.problems += (first...last).filter { !names.contains($0) }.map(Problem.versionMissing)
            }
            if isBody { report.problems += bodyProblems(folder, latest: names.last) }
        }
        guard !folders.isEmpty else {
            report.problems.append(.nothingToCheck(folder.path))
            return report
        }
        var previous: (version: Int, hash: String)?
        for (name, url) in folders {
            guard let text = try? Data(contentsOf: url.appendingPathComponent(PublicationManifest.listName)) else {
                report.problems.append(.manifestMissing(version: name))
                previous = nil
                continue
            }
            guard let manifest = PublicationManifest(text: String(decoding: text, as: UTF8.self)) else {
                report.problems.append(.manifestUnreadable(version: name))
                previous = nil
                continue
            }
            if let number = Int(name), number != manifest.version {
                report.problems.append(.versionMismatch(folder: name, manifest: manifest.version))
            }
            let label = String(manifest.version)
            checkSignature(text, in: url, version: label, key: &key, report: &report)
            checkFiles(manifest, in: url, version: label, report: &report)
            if let previous, previous.version == manifest.version - 1, manifest.previous != previous.hash {
                report.problems.append(.chainBroken(version: manifest.version, previous: previous.version))
            }
            previous = (manifest.version, PublicationManifest.sha256(text))
            report.versions.append(manifest.version)
        }
        report.fingerprint = key.map(PublicationManifest.fingerprint)
        return report
    }

    /// What the writer leaves while it writes, or after a kill mid-way: a version being written, an
    /// old one being replaced, a link being swapped, a page being written. No web server serves a
    /// dot-name, and the writer removes them; any other hidden name is reported.
    static func isWritersTemporary(_ name: String) -> Bool {
        [".tmp-", ".lama-", ".terkini-", ".index.html-"].contains { name.hasPrefix($0) }
    }

    /// A body folder holds `index.html` (the redirect), `terkini` (the latest version) and `versi/`.
    static func bodyProblems(_ folder: URL, latest: Int?) -> [Problem] {
        let fm = FileManager.default
        var problems: [Problem] = []
        let names = (try? fm.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names where !["versi", "terkini", "index.html"].contains(name) && !isWritersTemporary(name) {
            problems.append(.bodyFile(name))
        }
        if !names.contains("index.html") {
            problems.append(.bodyMissing("index.html"))
        } else if (try? Data(contentsOf: folder.appendingPathComponent("index.html"))) != Data(PublicationManifest.bodyIndex.utf8) {
            problems.append(.bodyIndexChanged)
        }
        if !names.contains("terkini") { problems.append(.bodyMissing("terkini")) }
        let current = folder.appendingPathComponent("terkini")
        if let target = try? fm.destinationOfSymbolicLink(atPath: current.path) {
            if target != "versi/\(latest ?? 0)" { problems.append(.currentNotLatest(target)) }
        } else if fm.fileExists(atPath: current.path) {
            // A copy that followed the link: the same files as the latest version.
            let copied = try? Data(contentsOf: current.appendingPathComponent(PublicationManifest.listName))
            let last = latest.flatMap { try? Data(contentsOf: folder.appendingPathComponent("versi/\($0)/\(PublicationManifest.listName)")) }
            if copied == nil || copied != last || (try? PublicationManifest.files(in: current)) != latest.flatMap({
                try? PublicationManifest.files(in: folder.appendingPathComponent("versi/\($0)"))
            }) {
                problems.append(.currentNotLatest("terkini (salinan)"))
            }
        }
        return problems
    }

    static func checkSignature(
        _ text: Data, in url: URL, version: String, key: inout P256.Signing.PublicKey?, report: inout Report
    ) {
        guard let signature = try? Data(contentsOf: url.appendingPathComponent(PublicationManifest.signatureName)) else {
            report.problems.append(.signatureMissing(version: version))
            return
        }
        let carried = (try? String(contentsOf: url.appendingPathComponent(PublicationManifest.keyName), encoding: .utf8))
            .flatMap { try? P256.Signing.PublicKey(pemRepresentation: $0) }
        if key == nil {
            guard let carried else {
                report.problems.append(.keyUnreadable(version: version))
                return
            }
            key = carried
        }
        guard let key else { return }
        if let carried, carried.derRepresentation != key.derRepresentation {
            report.problems.append(.otherKey(version: version, fingerprint: PublicationManifest.fingerprint(carried)))
        }
        guard let parsed = try? P256.Signing.ECDSASignature(derRepresentation: signature),
            key.isValidSignature(parsed, for: SHA256.hash(data: text))
        else {
            report.problems.append(.signatureInvalid(version: version))
            return
        }
    }

    static func checkFiles(_ manifest: PublicationManifest, in url: URL, version: String, report: inout Report) {
        let present = (try? PublicationManifest.files(in: url)) ?? []
        let onDisk = Dictionary(present.map { ($0.path, $0.sha256) }, uniquingKeysWith: { first, _ in first })
        let listed = Set(manifest.files.map(\.path))
        for file in manifest.files {
            guard let found = onDisk[file.path] else {
                report.problems.append(.missing(version: version, path: file.path))
                continue
            }
            if found != file.sha256 { report.problems.append(.changed(version: version, path: file.path)) }
        }
        for file in present where !listed.contains(file.path) {
            report.problems.append(.unlisted(version: version, path: file.path))
        }
        report.files += manifest.files.count
    }
}
