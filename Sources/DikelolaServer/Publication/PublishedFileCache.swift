import Foundation
import NIOConcurrencyHelpers
import Vapor

#if canImport(Glibc)
    import Glibc
#endif

/// Files of published versions, answered from memory. A version folder (`<body>/versi/<n>/`) is
/// renamed into place whole and never written again, so a file read from it once stays true: the
/// cache is keyed by the file's real path, in which `terkini` has been resolved to its version on
/// each request. Files outside a version folder (the home page, a body's redirect) change and are
/// never cached. Bounded by `budget` bytes; the oldest entries leave first.
final class PublishedFileCache: Sendable {
    struct File: Sendable {
        let bytes: ByteBuffer
        /// As Vapor's file responses write it: `"<modified seconds>-<size>"`.
        let etag: String
        let modified: Date
        /// The Last-Modified header, formatted once (Vapor's `LastModified` makes a new
        /// DateFormatter for every response, which costs more than the rest of the answer).
        let lastModified: String

        init(bytes: ByteBuffer, etag: String, modified: Date) {
            self.bytes = bytes
            self.etag = etag
            self.modified = modified
            lastModified = modified.rfc1123
        }
    }

    /// The largest file kept; larger ones are streamed from disk.
    static let largestFile = 2 << 20

    private struct State {
        var files: [String: File] = [:]
        var order: [String] = []
        var size = 0
    }

    private let state = NIOLockedValueBox(State())
    let budget: Int
    /// Each body's `terkini` link as last read, and when (uptime nanoseconds).
    private let links = NIOLockedValueBox<[String: (target: String, read: UInt64)]>([:])
    static let linkLifetime: UInt64 = 1_000_000_000

    init(budget: Int = 16 << 20) { self.budget = budget }

    func file(at realPath: String) -> File? { state.withLockedValue { $0.files[realPath] } }

    func keep(_ file: File, at realPath: String) {
        guard file.bytes.readableBytes <= Self.largestFile else { return }
        state.withLockedValue { state in
            guard state.files[realPath] == nil else { return }
            state.files[realPath] = file
            state.order.append(realPath)
            state.size += file.bytes.readableBytes
            while state.size > budget, !state.order.isEmpty {
                let oldest = state.order.removeFirst()
                state.size -= state.files.removeValue(forKey: oldest)?.bytes.readableBytes ?? 0
            }
        }
    }

    var count: Int { state.withLockedValue { $0.files.count } }

    /// Forgets every file: a version folder was rewritten by a correction (the only time one changes).
    func removeAll() { state.withLockedValue { $0 = State() } }

    /// The path with every symbolic link resolved, or nil when nothing is there.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The target of `<slug>/terkini` (`versi/<n>`), or nil when there is no link: read from the
    /// folder at most once a second per body. `materialize` moves the link and forgets what was read
    /// at once (`forgetLinks`); a second or less covers a link moved by another process
    /// (`dikelola publish`, a restore) on the same folder.
    func currentTarget(root: URL, slug: String) -> String? {
        let now = DispatchTime.now().uptimeNanoseconds
        if let known = links.withLockedValue({ $0[slug] }), now &- known.read < Self.linkLifetime { return known.target }
        var buffer = [CChar](repeating: 0, count: 256)
        let link = root.path + "/" + slug + "/terkini"
        let length = readlink(link, &buffer, buffer.count - 1)
        guard length > 0 else {
            links.withLockedValue { $0[slug] = nil }
            return nil
        }
        let target = String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        links.withLockedValue { $0[slug] = (target, now) }
        return target
    }

    func forgetLinks() { links.withLockedValue { $0.removeAll() } }

    /// Where a published address's file lies, with `terkini` as `currentTarget` knows it.
    func key(root: String, folder: URL, parts: [String]) -> String? {
        guard parts.count >= 3 else { return nil }
        switch parts[1] {
        case "versi": return ([root] + parts).joined(separator: "/")
        case "terkini":
            guard let target = currentTarget(root: folder, slug: parts[0]) else { return nil }
            return ([root, parts[0], target] + parts.dropFirst(2)).joined(separator: "/")
        default: return nil
        }
    }

    /// Where a published address's file lies, as the cache knows it, with one system call at most:
    /// `<body>/versi/<n>/…` as it is, `<body>/terkini/…` with the link read. Only a key: what is not
    /// in the cache under it is resolved in full (`realPath`) before it is served or kept.
    static func key(root: String, folder: URL, parts: [String]) -> String? {
        guard parts.count >= 3 else { return nil }
        switch parts[1] {
        case "versi": return ([root] + parts).joined(separator: "/")
        case "terkini":
            var buffer = [CChar](repeating: 0, count: 256)
            let link = folder.appendingPathComponent(parts[0]).appendingPathComponent("terkini").path
            let length = readlink(link, &buffer, buffer.count - 1)
            guard length > 0 else { return nil }
            let target = String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            return ([root, parts[0], target] + parts.dropFirst(2)).joined(separator: "/")
        default: return nil
        }
    }

    /// A published file's ETag: its version, modification second and size. Without the version, two
    /// versions written within one second could give a changed file of the same size the same tag,
    /// and `terkini/` would answer 304 for content the client has not seen.
    static func etag(realPath: String, modified: Date, size: Int) -> String {
        let parts = realPath.split(separator: "/")
        let version = parts.indices.last { parts[$0] == "versi" && $0 + 1 < parts.count && Int(parts[$0 + 1]) != nil }
            .map { "v\(parts[$0 + 1])-" } ?? ""
        return "\"\(version)\(Int(modified.timeIntervalSince1970))-\(size)\""
    }

    /// Whether a real path lies inside a version folder below `root` (itself a real path).
    static func isInVersion(_ realPath: String, root: String) -> Bool {
        guard realPath.hasPrefix(root + "/") else { return false }
        let parts = realPath.dropFirst(root.count + 1).split(separator: "/")
        return parts.count >= 4 && parts[1] == "versi" && Int(parts[2]) != nil
    }
}
