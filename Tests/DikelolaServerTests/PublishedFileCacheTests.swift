import DikelolaCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import DikelolaServer

/// The memory behind the public register's files: bounded, oldest out first, only version files.
@Suite struct PublishedFileCacheTests {
    static func file(_ size: Int) -> PublishedFileCache.File {
        PublishedFileCache.File(bytes: ByteBuffer(repeating: 65, count: size), etag: "\"1-\(size)\"", modified: Date())
    }

    @Test func staysWithinItsBudgetDroppingTheOldestFirst() {
        // given: room for two files of 40 bytes
        let cache = PublishedFileCache(budget: 100)
        // when
        cache.keep(Self.file(40), at: "/a")
        cache.keep(Self.file(40), at: "/b")
        cache.keep(Self.file(40), at: "/c")
        // then
        #expect(cache.file(at: "/a") == nil && cache.file(at: "/b") != nil && cache.file(at: "/c") != nil)
        #expect(cache.count == 2)
        cache.keep(Self.file(PublishedFileCache.largestFile + 1), at: "/large")
        #expect(cache.file(at: "/large") == nil)  // streamed instead
    }

    /// Two versions written within one second with a file of the same size must not share its tag:
    /// the tag names the version, whether the file comes from memory or is streamed.
    @Test func aFilesTagNamesItsVersion() async throws {
        let at = Date(timeIntervalSince1970: 1_795_696_346)
        #expect(PublishedFileCache.etag(realPath: "/p/kab/versi/21/dik.json", modified: at, size: 15) == "\"v21-1795696346-15\"")
        #expect(PublishedFileCache.etag(realPath: "/p/kab/versi/22/dik.json", modified: at, size: 15) == "\"v22-1795696346-15\"")
        try await withApp { app in
            _ = try await DemoGovernment.load(in: app)
            _ = try await DemoProcedure.load(in: app)
            try await PublicSite.materializeAll(app)
            let body = try #require(try await PublicBody.query(on: app.db).first())
            let latest = try #require(PublicSite.servedVersion(app, slug: body.slug))
            let reader = Browser(app)
            let current = try await reader.get("/publik/\(body.slug)/terkini/index.html")
            let tag = try #require(current.headers.first(name: .eTag))
            #expect(tag.hasPrefix("\"v\(latest)-"))
            #expect(try await reader.get("/publik/\(body.slug)/terkini/index.html", headers: ["If-None-Match": tag]).status == .notModified)
            // A range is streamed from disk, under the same tag.
            let part = try await reader.get("/publik/\(body.slug)/terkini/index.html", headers: ["Range": "bytes=0-9"])
            #expect(part.status == .partialContent && part.headers.first(name: .eTag) == tag && part.body.count == 10)
        }
    }

    @Test func theKeyOfAnAddressReadsTerkiniFromItsLink() throws {
        // given: a body's folder whose terkini points at version 4
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("publik-\(UUID().uuidString)")
        let body = folder.appendingPathComponent("kab")
        try FileManager.default.createDirectory(at: body.appendingPathComponent("versi/4"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createSymbolicLink(atPath: body.appendingPathComponent("terkini").path, withDestinationPath: "versi/4")
        // then
        #expect(PublishedFileCache.key(root: "/r", folder: folder, parts: ["kab", "terkini", "en", "index.html"]) == "/r/kab/versi/4/en/index.html")
        #expect(PublishedFileCache.key(root: "/r", folder: folder, parts: ["kab", "versi", "2", "dik.csv"]) == "/r/kab/versi/2/dik.csv")
        #expect(PublishedFileCache.key(root: "/r", folder: folder, parts: ["lain", "terkini", "index.html"]) == nil)  // no link
        #expect(PublishedFileCache.key(root: "/r", folder: folder, parts: ["index.html"]) == nil)
    }

    @Test func onlyFilesInsideAVersionFolderAreKept() {
        let root = "/srv/publik"
        #expect(PublishedFileCache.isInVersion("/srv/publik/kab/versi/3/index.html", root: root))
        #expect(PublishedFileCache.isInVersion("/srv/publik/kab/versi/3/en/entri/DIK-2026-0001.html", root: root))
        #expect(!PublishedFileCache.isInVersion("/srv/publik/index.html", root: root))  // rewritten on each change
        #expect(!PublishedFileCache.isInVersion("/srv/publik/kab/index.html", root: root))
        #expect(!PublishedFileCache.isInVersion("/srv/publik/kab/versi/.tmp-3-x/index.html", root: root))
        #expect(!PublishedFileCache.isInVersion("/srv/publik-lain/kab/versi/3/index.html", root: root))
    }

    /// A version folder left half-written by a killed writer goes once it is an hour old; a fresh
    /// one (another instance may be writing it) and the versions stay.
    @Test func abandonedTemporaryVersionsAreRemoved() throws {
        let versions = FileManager.default.temporaryDirectory.appendingPathComponent(TestDatabase.uniqueName("versi"))
        defer { try? FileManager.default.removeItem(at: versions) }
        let fm = FileManager.default
        for name in [".tmp-3-lama", ".tmp-4-baru", "3"] {
            try fm.createDirectory(at: versions.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        try fm.setAttributes(
            [.modificationDate: Date().addingTimeInterval(-7200)], ofItemAtPath: versions.appendingPathComponent(".tmp-3-lama").path)
        PublicSite.removeAbandoned(in: versions)
        #expect(Set(try fm.contentsOfDirectory(atPath: versions.path)) == [".tmp-4-baru", "3"])
    }
}
