import DikelolaCore
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor

@testable import DikelolaServer

/// A new version writes what changed: the unchanged entries' pages are the previous version's
/// files, hard linked, and each version folder still holds every page (issue 16).
@Suite struct PublicationReuseTests {
    @Test func aVersionChangingOneEntryWritesOnlyThatEntrysPages() async throws {
        try await withApp { app in
            _ = try await DemoGovernment.load(in: app)
            _ = try await DemoProcedure.load(in: app)
            try await PublicSite.materializeAll(app)
            let body = try #require(try await PublicBody.query(on: app.db).first())
            let versions = PublicSite.bodyFolder(app, slug: body.slug).appendingPathComponent("versi")
            let before = try #require(PublicSite.servedVersion(app, slug: body.slug))

            let entries = try await RegisterEntry.query(on: app.db).filter(\.$body.$id == body.requireID())
                .filter(\.$status != .reclassified).all()
            let changed = try #require(entries.first)
            changed.title = "Judul yang diperbaiki"
            try await changed.save(on: app.db)
            let sql = try #require(app.db as? any SQLDatabase)
            struct Count: Decodable { let n: Int }
            func storedEntries() async throws -> Int {
                try await sql.raw("SELECT COUNT(*) AS n FROM published_entries").first(decoding: Count.self)?.n ?? -1
            }
            let storedBefore = try await storedEntries()
            #expect(try await Publisher.catchUp(app: app, now: Date()) == 1)
            // The database keeps the one changed entry more, and the version its entries' digests.
            #expect(try await storedEntries() == storedBefore + 1)
            let row = try #require(try await Publication.query(on: app.db).filter(\.$body.$id == body.requireID())
                .sort(\.$version, .descending).first())
            #expect(row.snapshot.contains("entryDigests") && !row.snapshot.contains("Judul yang diperbaiki"))
            let read = try await Publisher.register(of: row, on: app.db)
            #expect(read == (try await Publisher.snapshot(bodyID: body.requireID(), on: app.db)))
            #expect(RandomToken.sha256Hex(try Publisher.encode(read)) == row.sha256)
            try await PublicSite.materializeAll(app)
            let after = try #require(PublicSite.servedVersion(app, slug: body.slug))
            #expect(after == before + 1)

            func inode(_ version: Int, _ path: String) throws -> Int? {
                let url = versions.appendingPathComponent("\(version)/\(path)")
                return try FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? Int
            }
            let published = try await Publisher.register(
                of: try #require(try await Publication.query(on: app.db).filter(\.$version == after).first()), on: app.db)
            var linked = 0
            for entry in published.entries {
                for folder in ["", "en/"] {
                    let path = "\(folder)entri/\(entry.id).html"
                    if entry.id == changed.registerNumber {
                        #expect(try inode(after, path) != inode(before, path), "the changed entry is written anew")
                        let page = try String(contentsOf: versions.appendingPathComponent("\(after)/\(path)"), encoding: .utf8)
                        #expect(page.contains("Judul yang diperbaiki"))
                        #expect(page.contains(folder.isEmpty ? "versi \(after)," : "version \(after),"))
                    } else {
                        #expect(try inode(after, path) == inode(before, path), "\(path) is the previous version's file")
                        linked += 1
                    }
                }
            }
            #expect(linked == 2 * (published.entries.count - 1))
            // The lists are the version's own, and name the new title.
            let index = try String(contentsOf: versions.appendingPathComponent("\(after)/index.html"), encoding: .utf8)
            #expect(index.contains("Judul yang diperbaiki") && index.contains("Versi \(after),"))
            // The earlier version is untouched.
            let old = try String(
                contentsOf: versions.appendingPathComponent("\(before)/entri/\(changed.registerNumber).html"), encoding: .utf8)
            #expect(!old.contains("Judul yang diperbaiki"))
        }
    }
}
