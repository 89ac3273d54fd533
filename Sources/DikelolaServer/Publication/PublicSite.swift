import DikelolaCore
import Fluent
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Which bodies have a published version not yet written out, and one writer at a time.
final class PublicSiteState: Sendable {
    /// Body slugs (the public address) with a version recorded here and not yet written.
    private let stale = NIOLockedValueBox<Set<String>>([])
    let writer = PrintGate(slots: 1)
    /// The files of published versions, kept in memory once read.
    let files = PublishedFileCache()
    /// Recent search answers, dropped whenever a version is recorded or written here.
    let searches = SearchCache()
    /// The public search in memory, when `DIKELOLA_SEARCH_IN_MEMORY` allows it.
    let memorySearch: MemorySearch

    init() {
        let searches = self.searches
        // A new index in memory makes every kept answer out of date.
        memorySearch = MemorySearch(changed: { searches.invalidate() })
    }
    private let root = NIOLockedValueBox<String?>(nil)

    /// The publication folder's real path, resolved once it exists (it does not move while running).
    func realRoot(_ folder: URL) -> String? {
        if let known = root.withLockedValue({ $0 }) { return known }
        guard let resolved = PublishedFileCache.realPath(folder.path) else { return nil }
        root.withLockedValue { $0 = resolved }
        return resolved
    }

    func markStale(_ slug: String) {
        stale.withLockedValue { _ = $0.insert(slug) }
        searches.invalidate()
        memorySearch.markRecorded()
    }
    func isStale(_ slug: String) -> Bool { stale.withLockedValue { $0.contains(slug) } }
    func clear(_ slug: String) { stale.withLockedValue { _ = $0.remove(slug) } }
}

/// The publication folder: every published version of each body's public register as static files,
///
///     publik/index.html                          every body, linking to its current register
///     publik/<body>/index.html                   sends readers to terkini/
///     publik/<body>/versi/<n>/index.html …       version n: DIK, DIP, opened this year, statistics,
///                                                changes, one page per entry, CSV, JSON, Atom, embed
///     publik/<body>/terkini -> versi/<n>         the current version (a symbolic link)
///
/// A version is written into a temporary folder and renamed into place, then `terkini` is replaced
/// by renaming a new link over it: both are atomic, so a reader (Dikelola or any web server) sees a
/// whole version or the previous one, never half. Versions are never rewritten. The database holds
/// every version, so each instance writes its own folder and a lost folder is rebuilt.
enum PublicSite {
    static func root(_ app: Application) -> URL { app.dikelola.configuration.publicDirectory }

    static func bodyFolder(_ app: Application, slug: String) -> URL { root(app).appendingPathComponent(slug, isDirectory: true) }

    /// Writes the versions of `bodyID` missing from the folder and points `terkini` at the latest;
    /// then, when anything changed and `homePage` says so, the public home page. Returns whether
    /// the body's folder changed: an instance whose folder is current does no work but the look.
    @discardableResult
    static func materialize(_ app: Application, bodyID: UUID, homePage: Bool = true) async throws -> Bool {
        let state = app.dikelola.publicSite
        await state.writer.enter()
        defer { Task { await state.writer.leave() } }
        guard let body = try await PublicBody.find(bodyID, on: app.db) else { return false }
        state.clear(body.slug)
        let rows = try await Publication.query(on: app.db).filter(\.$body.$id == bodyID).sort(\.$version)
            .field(\.$version).field(\.$correctedAt).field(\.$publishedAt).all()
        let numbers = rows.map(\.version)
        guard let latest = numbers.last else { return false }
        let fm = FileManager.default
        let folder = bodyFolder(app, slug: body.slug)
        let versions = folder.appendingPathComponent("versi", isDirectory: true)
        try fm.createDirectory(at: versions, withIntermediateDirectories: true)
        // A version is written once; a corrected one once more, marked so it is not written again.
        let corrected = Set(
            rows.filter { row in
                guard let at = row.correctedAt else { return false }
                let folder = versions.appendingPathComponent(String(row.version))
                return fm.fileExists(atPath: folder.path)
                    && !fm.fileExists(atPath: folder.appendingPathComponent(correctionMarker(at)).path)
            }.map(\.version))
        let missing = numbers.filter {
            corrected.contains($0) || !fm.fileExists(atPath: versions.appendingPathComponent(String($0)).path)
        }
        removeAbandoned(in: versions)
        let signing = try PublicationSigning(on: app.db, logger: app.logger)
        // Versions written before manifests existed are signed as they stand, oldest first, so the
        // chain reaches the new ones.
        for row in rows where !missing.contains(row.version) {
            let written = versions.appendingPathComponent(String(row.version), isDirectory: true)
            guard !fm.fileExists(atPath: written.appendingPathComponent(PublicationManifest.listName).path) else { continue }
            try await signing.sign(
                folder: written, bodyID: bodyID, slug: body.slug, version: row.version, publishedAt: row.publishedAt)
            state.files.removeAll()
        }
        if !missing.isEmpty {
            state.searches.invalidate()  // versions recorded elsewhere: the search index has them already
            // Each missing version with its predecessor (for its changes) and the 20 before it (for the feed).
            let wanted = Set(missing.flatMap { n in (max(1, n - 20)...n) })
            let rows = try await Publication.query(on: app.db).filter(\.$body.$id == bodyID).filter(\.$version ~~ Array(wanted))
                .sort(\.$version).all()
            var decoded: [Int: PublicPages.Version] = [:]
            var previous: PublicRegister?
            let entries = try PublishedEntries(on: app.db)
            for row in rows {
                let register = try await entries.register(of: row)
                let prior = decoded[row.version - 1]?.register ?? (row.version == rows.first?.version ? nil : previous)
                decoded[row.version] = PublicPages.Version(
                    number: row.version, publishedAt: row.publishedAt, reason: row.reason, register: register,
                    previous: row.version == 1 ? nil : prior,
                    correction: row.correctedAt.map { ($0, row.correction ?? "") })
                previous = register
            }
            for n in missing {
                guard let version = decoded[n] else { continue }
                let history = (max(1, n - 20)...n).compactMap { decoded[$0] }
                try await write(
                    version, history: history, into: versions, signing: signing, bodyID: bodyID, replacing: corrected.contains(n))
            }
            if !corrected.isEmpty { state.files.removeAll() }
        }
        let moved = try pointCurrent(folder, to: latest)
        if moved { state.files.forgetLinks() }
        let redirect = folder.appendingPathComponent("index.html")
        let changed = !missing.isEmpty || moved || !fm.fileExists(atPath: redirect.path)
        guard changed else { return false }
        try writeAtomically(Data(PublicationManifest.bodyIndex.utf8), to: redirect)
        if homePage { try await writeHome(app) }
        return true
    }

    /// Writes every body's missing versions; on start and once a minute in the background.
    static func materializeAll(_ app: Application) async throws {
        var changed = false
        for body in try await PublicBody.query(on: app.db).all() {
            changed = try await materialize(app, bodyID: body.requireID(), homePage: false) || changed
        }
        if changed || !FileManager.default.fileExists(atPath: root(app).appendingPathComponent("index.html").path) {
            try await writeHome(app)
        }
    }

    /// The file a rewritten version carries, named for its correction.
    static func correctionMarker(_ at: Date) -> String { ".koreksi-\(Int64(at.timeIntervalSince1970))" }

    private static func write(
        _ v: PublicPages.Version, history: [PublicPages.Version], into versions: URL, signing: PublicationSigning,
        bodyID: UUID, replacing: Bool = false
    ) async throws {
        let fm = FileManager.default
        let temporary = versions.appendingPathComponent(".tmp-\(v.number)-\(UUID().uuidString)", isDirectory: true)
        func put(_ name: String, _ text: String) throws {
            try Data(text.utf8).write(to: temporary.appendingPathComponent(name))
        }
        let year = (TimeZoneRegion(rawValue: v.register.body.timeZone) ?? .wib).localDate(of: v.publishedAt).year
        let reuse = EntryPageReuse(v, versions: versions)
        for language in UILanguage.allCases {
            let folder = PublicPages.folder(language)
            try fm.createDirectory(at: temporary.appendingPathComponent("\(folder)entri"), withIntermediateDirectories: true)
            for number in 1...PublicPages.pageCount(v) {
                try put(folder + PublicPages.pageName(number), PublicPages.index(v, page: number, language))
            }
            try put(folder + "dip.html", PublicPages.dip(v, language))
            try put(folder + "dibuka-tahun-ini.html", PublicPages.openedThisYear(v, year: year, language))
            try put(folder + "statistik.html", PublicPages.statistics(v, language))
            try put(folder + "perubahan.html", PublicPages.changes(v, language))
            try put(folder + "data.html", PublicPages.data(v, language))
            try put(folder + "cetak.html", PublicPages.printView(v, language))
            for entry in v.register.entries {
                let name = "\(folder)entri/\(entry.id).html"
                if reuse.link(entry, relativePath: name, to: temporary.appendingPathComponent(name)) { continue }
                try put(name, PublicPages.entry(v, entry, language))
            }
        }
        // Shared by both languages.
        try put("embed.html", PublicPages.embed(v))
        try put("dik.csv", v.register.csv())
        try v.register.xlsx(version: v.number, publishedAt: v.publishedAt).write(to: temporary.appendingPathComponent("dik.xlsx"))
        try Data(try v.register.json(version: v.number, publishedAt: v.publishedAt)).write(
            to: temporary.appendingPathComponent("dik.json"))
        try put("feed.atom", PublicPages.feed(history, base: SiteURL.publicBody(v.register.body.slug).path + "/"))
        if let correction = v.correction { try put(correctionMarker(correction.at), "") }
        try put(EntryPageReuse.marker, "")
        try await signing.sign(
            folder: temporary, bodyID: bodyID, slug: v.register.body.slug, version: v.number, publishedAt: v.publishedAt)
        let final = versions.appendingPathComponent(String(v.number), isDirectory: true)
        if replacing, fm.fileExists(atPath: final.path) {
            // A correction: the old folder is moved aside and removed once the new one is in place.
            let old = versions.appendingPathComponent(".lama-\(v.number)-\(UUID().uuidString)", isDirectory: true)
            try fm.moveItem(at: final, to: old)
            defer { try? fm.removeItem(at: old) }
            try fm.moveItem(at: temporary, to: final)
            return
        }
        do {
            try fm.moveItem(at: temporary, to: final)
        } catch {
            try? fm.removeItem(at: temporary)  // another writer (instance sharing the folder) was first
            if !fm.fileExists(atPath: final.path) { throw error }
        }
    }

    /// Temporary folders of versions whose writer was killed mid-way (`kill -9`, a power cut): the
    /// version itself is written again whole, but the half folder would stay for ever, and a plain
    /// web server serving the folder would show it. An hour old is long past any writer still at it
    /// (another instance sharing the folder).
    static func removeAbandoned(in versions: URL, olderThan age: TimeInterval = 3600, now: Date = Date()) {
        let fm = FileManager.default
        for name in (try? fm.contentsOfDirectory(atPath: versions.path)) ?? [] where name.hasPrefix(".tmp-") {
            let path = versions.appendingPathComponent(name).path
            guard let modified = (try? fm.attributesOfItem(atPath: path))?[.modificationDate] as? Date,
                now.timeIntervalSince(modified) > age
            else { continue }
            try? fm.removeItem(atPath: path)
        }
    }

    /// The version `terkini` points at in this instance's folder, if any.
    static func servedVersion(_ app: Application, slug: String) -> Int? {
        let link = bodyFolder(app, slug: slug).appendingPathComponent("terkini")
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: link.path),
            target.hasPrefix("versi/")
        else { return nil }
        return Int(target.dropFirst("versi/".count))
    }

    /// `terkini` -> `versi/<n>`, replaced atomically; false when it already pointed there.
    private static func pointCurrent(_ folder: URL, to version: Int) throws -> Bool {
        let link = folder.appendingPathComponent("terkini")
        let target = "versi/\(version)"
        if (try? FileManager.default.destinationOfSymbolicLink(atPath: link.path)) == target { return false }
        let temporary = folder.appendingPathComponent(".terkini-\(UUID().uuidString)")
        try FileManager.default.createSymbolicLink(atPath: temporary.path, withDestinationPath: target)
        guard rename(temporary.path, link.path) == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            throw PublicSiteError(message: "tidak dapat mengganti \(link.path) (errno \(errno))")
        }
        return true
    }

    private static func writeAtomically(_ data: Data, to url: URL) throws {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent)-\(UUID().uuidString)")
        try data.write(to: temporary)
        guard rename(temporary.path, url.path) == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            throw PublicSiteError(message: "tidak dapat menulis \(url.path) (errno \(errno))")
        }
    }

    private static func writeHome(_ app: Application) async throws {
        var rows: [(name: String, slug: String, version: Int, exempted: Int)] = []
        for body in try await PublicBody.query(on: app.db).sort(\.$name).all() {
            // The count is kept with each version; only versions older than that column are decoded.
            guard
                let latest = try await Publication.query(on: app.db).filter(\.$body.$id == body.requireID())
                    .sort(\.$version, .descending).field(\.$version).field(\.$exemptedCount).first()
            else { continue }
            let count: Int
            if let kept = latest.exemptedCount {
                count = kept
            } else {
                let whole = try await Publication.query(on: app.db).filter(\.$body.$id == body.requireID())
                    .filter(\.$version == latest.version).first()
                if let whole { count = try await Publisher.register(of: whole, on: app.db).exempted.count } else { count = 0 }
            }
            rows.append((body.name, body.slug, latest.version, count))
        }
        try FileManager.default.createDirectory(at: root(app), withIntermediateDirectories: true)
        for language in UILanguage.allCases {
            try writeAtomically(
                Data(PublicPages.home(rows, language).utf8), to: root(app).appendingPathComponent(PublicPages.homeName(language)))
        }
    }
}

struct PublicSiteError: Error, CustomStringConvertible {
    let message: String
    var description: String { "Folder publikasi: \(message)" }
}
