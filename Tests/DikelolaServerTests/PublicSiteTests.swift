import DikelolaCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import DikelolaServer

/// The public register: published as versioned static files on every register change, served
/// without sign-in with caching, and never showing what is not a published field.
@Suite struct PublicSiteTests {
    static let slug = DemoGovernment.slug

    @Test func everyRegisterChangeIsANewPublishedVersion() async throws {
        let clock = FixedClock(ExpirySweepTests.at("2026-11-10"))
        try await withApp(clock: clock) { app in
            try await ExpirySweepTests.register(app)  // one decree: 3 entries
            let body = try #require(try await PublicBody.query(on: app.db).filter(\.$slug == Self.slug).first())
            #expect(try await Publication.query(on: app.db).filter(\.$body.$id == body.requireID()).count() == 1)

            let reader = Browser(app)  // nobody signed in
            let first = try await reader.get("/publik/\(Self.slug)/terkini/index.html")
            #expect(first.status == .ok && first.body.contains("DIK-2026-0001") && first.body.contains("Berakhir 2031"))
            #expect(first.headers.first(name: .cacheControl) == "public, max-age=60")
            let etag = try #require(first.headers.first(name: .eTag))
            let again = try await reader.get("/publik/\(Self.slug)/terkini/index.html", headers: ["If-None-Match": etag])
            #expect(again.status == .notModified && again.body.isEmpty)
            #expect(try await reader.get("/publik").location == "/publik/index.html")
            #expect(try await reader.get("/publik/index.html").body.contains(#"href="\#(Self.slug)/terkini/index.html""#))
            #expect(try await reader.get("/publik/\(Self.slug)").location == "/publik/\(Self.slug)/terkini/index.html")

            // The sweep marks one entry ending soon: version 2. A second sweep the same day: nothing new.
            _ = try await ExpirySweep.run(app: app, now: ExpirySweepTests.at("2026-11-17"))
            _ = try await ExpirySweep.run(app: app, now: ExpirySweepTests.at("2026-11-17"))
            #expect(try await Publication.query(on: app.db).count() == 2)
            // The end date passes: the entry opens by law, version 3.
            clock.set(ExpirySweepTests.at("2027-01-02"))
            _ = try await ExpirySweep.run(app: app, now: clock.now())
            #expect(try await Publication.query(on: app.db).sort(\.$version).all().map(\.version) == [1, 2, 3])

            let current = try await reader.get("/publik/\(Self.slug)/terkini/index.html")
            #expect(!current.body.contains("Berakhir akhir tahun"))  // no longer exempted, though version 1 was read from memory
            #expect(app.dikelola.publicSite.files.count >= 2)  // versions' files answered from memory
            // From memory, the same Last-Modified as Vapor writes for a file streamed from disk.
            let path = PublicSite.bodyFolder(app, slug: Self.slug).appendingPathComponent("versi/3/index.html").path
            let modified = try #require(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date)
            #expect(current.headers.first(name: .lastModified) == HTTPHeaders.LastModified(modified).serialize())
            let dip = try await reader.get("/publik/\(Self.slug)/terkini/dip.html")
            #expect(dip.body.contains("Berakhir akhir tahun") && dip.body.contains("Demi hukum"))
            let changes = try await reader.get("/publik/\(Self.slug)/terkini/perubahan.html")
            #expect(changes.body.contains("Dibuka (1)") && changes.body.contains("versi 2"))
            // Version 1 stays as it was, cached for good.
            let v1 = try await reader.get("/publik/\(Self.slug)/versi/1/index.html")
            #expect(v1.status == .ok && v1.body.contains("Berakhir akhir tahun"))
            #expect(v1.headers.first(name: .cacheControl)?.contains("immutable") == true)
            // Any two versions compared.
            let compared = try await reader.get("/publik/\(Self.slug)/banding?dari=1&ke=3")
            #expect(
                compared.status == .ok && compared.body.contains("Dibuka (1)") && compared.body.contains("versi 1 dibandingkan"))
            #expect(try await reader.get("/publik/\(Self.slug)/banding?dari=1&ke=9").body.contains("belum pernah terbit"))
            #expect(try await reader.get("/publik/\(Self.slug)/banding?dari=x&ke=2").status == .notFound)
            // The stable address of an entry.
            let entry = try await reader.get("/publik/\(Self.slug)/terkini/entri/DIK-2026-0001.html")
            #expect(entry.status == .ok && entry.body.contains("Konsekuensi bila dibuka"))

            // Open data.
            let csv = try await reader.get("/publik/\(Self.slug)/terkini/dik.csv")
            #expect(csv.body.hasPrefix("\u{FEFF}No. DIK,") && csv.headers.contentType?.subType == "csv")
            let json = try await reader.get("/publik/\(Self.slug)/terkini/dik.json")
            let decoded = try JSONSerialization.jsonObject(with: Data(json.body.utf8)) as? [String: Any]
            #expect((decoded?["version"] as? Int) == 3 && (decoded?["entries"] as? [Any])?.count == 3)
            let feed = try await reader.get("/publik/\(Self.slug)/terkini/feed.atom")
            #expect(feed.body.contains("<title>Versi 3: Sapuan harian") && feed.headers.contentType?.subType == "atom+xml")
            let embed = try await reader.get("/publik/\(Self.slug)/terkini/embed.html")
            #expect(embed.headers.first(name: "X-Frame-Options") == "ALLOWALL")
            #expect(
                try await reader.get("/publik/\(Self.slug)/terkini/index.html").headers.first(name: "X-Frame-Options") == "DENY")

            // On disk: three whole versions and `terkini` pointing at the last.
            let folder = PublicSite.bodyFolder(app, slug: Self.slug)
            #expect(
                try FileManager.default.destinationOfSymbolicLink(atPath: folder.appendingPathComponent("terkini").path)
                    == "versi/3")
            let versions = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("versi").path)
            #expect(Set(versions) == ["1", "2", "3"])  // no temporary folder left behind
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "publication.version").count() == 3)

            // Each version keeps its count; the home page shows it without decoding snapshots.
            #expect(try await Publication.query(on: app.db).sort(\.$version).all().map(\.exemptedCount) == [3, 3, 2])
            #expect(try await reader.get("/publik/index.html").body.contains("2 informasi dikecualikan, versi 3"))
            // The minute's look at a current folder writes nothing: the home page is not touched.
            let home = PublicSite.root(app).appendingPathComponent("index.html")
            let written = try FileManager.default.attributesOfItem(atPath: home.path)[.modificationDate] as? Date
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 0)], ofItemAtPath: home.path)
            try await PublicSite.materializeAll(app)
            #expect(written != nil)
            #expect(
                try FileManager.default.attributesOfItem(atPath: home.path)[.modificationDate] as? Date == Date(timeIntervalSince1970: 0))
            #expect(try await PublicSite.materialize(app, bodyID: body.requireID()) == false)
        }
    }

    @Test func theWorkbookThePrintViewAndEnglishPagesArePublishedWithEachVersion() async throws {
        try await withApp(clock: FixedClock(ExpirySweepTests.at("2026-11-10"))) { app in
            // given: a decree with three entries
            try await ExpirySweepTests.register(app)
            let reader = Browser(app)
            let base = "/publik/\(Self.slug)/terkini/"

            // the workbook: a download with its name, compressed on the way although it is a ZIP
            let workbook = try await reader.get(base + "dik.xlsx")
            #expect(workbook.status == .ok && workbook.body.hasPrefix("PK\u{03}\u{04}"))
            #expect(workbook.headers.contentType?.subType == "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            #expect(workbook.headers.first(name: .contentDisposition) == #"attachment; filename="DIK-\#(Self.slug).xlsx""#)
            #expect(workbook.body.contains("Berakhir akhir tahun") && workbook.body.contains("Retensi (DIP)"))
            let data = try await reader.get(base + "data.html")
            #expect(data.body.contains(#"href="dik.xlsx""#) && data.body.contains(#"href="cetak.html""#))

            // the print view: every entry numbered, the header repeated, A4 landscape with page numbers
            let print = try await reader.get(base + "cetak.html")
            #expect(print.status == .ok && print.body.contains("DAFTAR INFORMASI YANG DIKECUALIKAN"))
            #expect(print.body.contains("PEMERINTAH KABUPATEN CONTOH") && print.body.contains("<thead>"))
            #expect(print.body.contains("size:A4 landscape") && print.body.contains(#"counter(page) " dari " counter(pages)"#))
            for title in ["Berakhir akhir tahun", "Sampai pegawai pensiun", "Berakhir 2031"] { #expect(print.body.contains(title)) }
            #expect(print.body.contains(#"<td class="n">3</td>"#) && !print.body.contains(#"<td class="n">4</td>"#))

            // English: every page has its twin under en/, and each links to the other
            let indonesian = try await reader.get(base + "index.html")
            #expect(indonesian.body.contains(#"<html lang="id""#) && indonesian.body.contains(#"href="en/index.html""#))
            let english = try await reader.get(base + "en/index.html")
            #expect(english.status == .ok && english.body.contains(#"<html lang="en""#))
            #expect(english.body.contains("Register of Exempted Information") && english.body.contains(#"href="../index.html""#))
            #expect(english.body.contains("Berakhir 2031"))  // the register's own words stay as decreed
            #expect(english.body.contains("<td>31 December 2031</td>") && !english.body.contains("<td>31 Desember 2031</td>"))
            let englishEntry = try await reader.get(base + "en/entri/DIK-2026-0001.html")
            #expect(englishEntry.body.contains("Consequence if opened") && englishEntry.body.contains(#"href="../../entri/DIK-2026-0001.html""#))
            #expect(try await reader.get(base + "entri/DIK-2026-0001.html").body.contains(#"href="../en/entri/DIK-2026-0001.html""#))
            let englishData = try await reader.get(base + "en/data.html")
            #expect(englishData.body.contains(#"href="../dik.xlsx""#) && englishData.body.contains(#"href="../feed.atom""#))
            #expect(try await reader.get(base + "en/cetak.html").body.contains("REGISTER OF EXEMPTED INFORMATION"))
            let home = try await reader.get("/publik/index-en.html")
            #expect(home.status == .ok && home.body.contains(#"href="\#(Self.slug)/terkini/en/index.html""#))
            #expect(try await reader.get("/publik/index.html").body.contains(#"href="index-en.html""#))
            let missing = try await reader.get(base + "en/entri/DIK-1999-0001.html")
            #expect(missing.status == .notFound && missing.body.contains("Register numbers are never reused"))
        }
    }

    @Test func unknownAndHostileAddressesGetAHelpfulNotFound() async throws {
        try await withApp { app in
            try await ExpirySweepTests.register(app)
            let reader = Browser(app)
            for path in [
                "/publik/tidak-ada/terkini/index.html", "/publik/\(Self.slug)/terkini/entri/DIK-1999-0001.html",
                "/publik/\(Self.slug)/versi/99/index.html", "/publik/\(Self.slug)/versi/abc/index.html",
                "/publik/\(Self.slug)/versi/0/index.html", "/publik/\(Self.slug)/terkini/..%2F..%2Fdikelola.sqlite",
                "/publik/\(Self.slug)/terkini/.%2E/.%2E/etc/passwd", "/publik/..%2F/terkini/index.html",
            ] {
                let page = try await reader.get(path)
                #expect(page.status == .notFound, "\(path): \(page.status)")
                #expect(page.body.contains("Daftar badan publik"), "\(path)")
            }
            let entry = try await reader.get("/publik/\(Self.slug)/terkini/entri/DIK-1999-0001.html")
            #expect(entry.body.contains("Nomor DIK tidak pernah dipakai ulang"))
            // A symbolic link placed in the folder that leads out of it is not followed.
            let outside = FileManager.default.temporaryDirectory.appendingPathComponent("rahasia-\(UUID().uuidString).txt")
            try Data("isi-berkas-di-luar-folder".utf8).write(to: outside)
            defer { try? FileManager.default.removeItem(at: outside) }
            let folder = PublicSite.bodyFolder(app, slug: Self.slug).appendingPathComponent("terkini")
            try FileManager.default.createSymbolicLink(
                atPath: folder.appendingPathComponent("bocor.txt").path, withDestinationPath: outside.path)
            let escaped = try await reader.get("/publik/\(Self.slug)/terkini/bocor.txt")
            #expect(escaped.status == .notFound && !escaped.body.contains("isi-berkas-di-luar-folder"))
        }
    }

    @Test func searchAcrossBodiesWithFiltersAndHostileInput() async throws {
        let clock = FixedClock(ExpirySweepTests.at("2026-11-10"))
        try await withApp(clock: clock) { app in
            try await ExpirySweepTests.register(app)
            let reader = Browser(app)
            struct Answer: Decodable {
                let total: Int
                let results: [Item]
                struct Item: Decodable {
                    let id: String
                    let title: String
                    let url: String
                }
            }
            func ask(_ query: String) async throws -> Answer {
                let page = try await reader.get("/publik/cari?format=json&" + query)
                #expect(page.status == .ok, "\(query): \(page.status) \(page.body.prefix(300))")
                return try JSONDecoder().decode(Answer.self, from: Data(page.body.utf8))
            }
            let pension = try await ask("q=pensiun")
            #expect(pension.total == 1 && pension.results.first?.title == "Sampai pegawai pensiun")
            #expect(pension.results.first?.url == "/publik/\(Self.slug)/terkini/entri/\(pension.results[0].id).html")
            #expect(try await ask("q=berakh").total == 2)  // words match as prefixes
            #expect(try await ask("q=DISALAHGUNAKAN%20data").total == 3)  // the published consequences are searched too
            #expect(try await ask("q=MELINDUNGI").total == 0)  // the test's reason is internal, and not searched
            let in2031 = try await ask("tahun=2031")
            let groundH = try await ask("dasar=h")
            #expect(in2031.total == 1 && groundH.total == 3)
            #expect(try await ask("badan=\(Self.slug)&keadaan=exempted").total == 3)
            #expect(try await ask("badan=lain").total == 0)
            // Words and filters together (on SQLite the filters are tokens of the full-text index).
            func wordsAndFilters() async throws {
                #expect(try await ask("q=berakh&tahun=2031").total == 1)
                #expect(try await ask("q=berakh&badan=\(Self.slug)&dasar=h&keadaan=exempted").total == 2)
                #expect(try await ask("q=berakh&unit=Dinas%20Kependudukan%20dan%20Pencatatan%20Sipil").total == 2)
                #expect(try await ask("q=berakh&unit=Dinas%20Lain").total == 0)
                #expect(try await ask("q=berakh&badan=lain").total == 0)
                #expect(try await ask("q=berakh&dasar=a").total == 0)
                let beyond = try await ask("q=berakh&halaman=2")
                #expect(beyond.total == 2 && beyond.results.isEmpty)  // a page past the last still counts
            }
            try await wordsAndFilters()
            // The migration that put the filters into the index refills it from the index's rows: the
            // same tokens as a publication writes.
            try await UpdateSearchIndexAddFacets().revert(on: app.db)
            try await UpdateSearchIndexAddFacets().prepare(on: app.db)
            try await wordsAndFilters()
            // Quotes, FTS operators and SQL are only words.
            for hostile in [
                "%22pegawai%22%20OR%201%3D1%3B%20DROP%20TABLE%20public_search_entries%3B--", "NEAR(pegawai%20pensiun)",
                "*", "-pegawai", "title%3Apensiun", "%27%27%27", "%E2%80%9Cpensiun%E2%80%9D", "%00",
            ] {
                _ = try await ask("q=\(hostile)")
            }
            #expect(try await ask("q=pensiun").total == 1)  // the index survived
            for (query, message) in [
                ("dasar=z", "satu huruf Pasal 17"), ("keadaan=rahasia", "Keadaan harus"), ("halaman=0", "Nomor halaman"),
                ("halaman=abc", "Nomor halaman"), ("tahun=20x", "Tahun berakhir"),
                ("q=\(String(repeating: "a", count: 201))", "terlalu panjang"),
                ("badan=\(Self.slug)&q=%c3", "Isian q bukan teks yang sah"), ("q=data%ff", "Isian q bukan teks yang sah"),
            ] {
                let page = try await reader.get("/publik/cari?" + query)
                #expect(page.status == .badRequest && page.body.contains(message), "\(query)")
            }
            // Asked for JSON, a bad filter is answered in JSON, naming the field.
            let badText = try await reader.get("/publik/cari?format=json&q=%ed%a0%80")
            #expect(badText.status == .badRequest && badText.body.contains(#""field":"q""#))
            #expect(try await reader.get("/publik/cari?q=pensiun").headers.first(name: .vary) == "Accept")
            let badJSON = try await reader.get("/publik/cari?format=json&tahun=20x")
            #expect(badJSON.status == .badRequest && badJSON.headers.contentType?.subType == "json")
            #expect(badJSON.body.contains(#""field":"tahun""#) && badJSON.body.contains("Tahun berakhir"))
            let html = try await reader.get("/publik/cari?q=pensiun")
            #expect(html.status == .ok && html.body.contains("1 informasi ditemukan"))
            // What a browser sends gets the page; a client naming JSON gets JSON.
            let browser = try await reader.get(
                "/publik/cari?q=pensiun",
                headers: ["Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8"])
            #expect(browser.headers.contentType?.subType == "html" && browser.body.contains("1 informasi ditemukan"))
            for accept in ["*/*", "application/xml, */*;q=0.1"] {
                #expect(try await reader.get("/publik/cari?q=pensiun", headers: ["Accept": accept]).headers.contentType?.subType == "html")
            }
            let asked = try await reader.get("/publik/cari?q=pensiun", headers: ["Accept": "application/json"])
            #expect(asked.headers.contentType?.subType == "json" && asked.body.contains(#""total":1"#))
            #expect(html.body.contains(#"href="/publik/cari?halaman=1&lang=en&q=pensiun""#))  // the English twin
            // In English: labels, dates, entry links and errors.
            let english = try await reader.get("/publik/cari?q=pensiun&lang=en")
            #expect(english.body.contains("1 found") && english.body.contains("Search exempted information"))
            #expect(english.body.contains(#"name="lang" value="en""#) && english.body.contains("/terkini/en/entri/"))
            let englishProblem = try await reader.get("/publik/cari?tahun=20x&lang=en")
            #expect(englishProblem.status == .badRequest && englishProblem.body.contains("The end year is a year of four digits"))
            // Opened by law: the index follows the published version.
            _ = try await ExpirySweep.run(app: app, now: ExpirySweepTests.at("2027-01-02"))
            #expect(try await ask("keadaan=opened").total == 1)
        }
    }

    /// Canary strings in every field that is not published — proposal, deliberations, notes, files,
    /// people, locations, parts blacked out, drafts — then every public page, export, feed and embed
    /// read, over HTTP and on disk: none may appear.
    /// Versions published before the public set was fixed carried the item's description and the
    /// test's reason: they are rewritten without them, files and search included, marked corrected on
    /// the changes page, and the correction is in the audit history.
    @Test func pastVersionsCarryingInternalFieldsAreCorrected() async throws {
        let clock = FixedClock(ExpirySweepTests.at("2026-11-10"))
        try await withApp(clock: clock) { app in
            try await ExpirySweepTests.register(app)
            let body = try #require(try await PublicBody.query(on: app.db).filter(\.$slug == Self.slug).first())
            // given: version 1 as an earlier release stored it, with the two internal fields, written out
            let stored = try #require(try await Publication.query(on: app.db).filter(\.$body.$id == body.requireID()).first())
            let whole = try Publisher.encode(try await Publisher.register(of: stored, on: app.db))
            var legacy = try #require(try JSONSerialization.jsonObject(with: Data(whole.utf8)) as? [String: Any])
            legacy["entries"] = (legacy["entries"] as? [[String: Any]] ?? []).map { entry in
                entry.merging(["description": "BOCORANURAIAN rahasia", "reason": "BOCORANALASAN rahasia"]) { $1 }
            }
            stored.snapshot = String(decoding: try JSONSerialization.data(withJSONObject: legacy), as: UTF8.self)
            try await stored.save(on: app.db)
            let folder = PublicSite.bodyFolder(app, slug: Self.slug).appendingPathComponent("versi/1")
            try? FileManager.default.removeItem(at: folder)
            try await PublicSite.materialize(app, bodyID: body.requireID())
            let leak = folder.appendingPathComponent("dik.json")
            #expect(String(decoding: try Data(contentsOf: leak), as: UTF8.self).contains("BOCORANURAIAN") == false)  // decoding drops them
            // An old release's files did show them: write one back as such a release did.
            try Data("BOCORANURAIAN BOCORANALASAN".utf8).write(to: folder.appendingPathComponent("entri/DIK-2026-0001.html"))
            let reader = Browser(app)
            #expect(try await reader.get("/publik/\(Self.slug)/versi/1/entri/DIK-2026-0001.html").body.contains("BOCORAN"))

            // when
            #expect(try await UpdatePublicationRemoveInternalFields.correct(on: app.db, now: clock.now()) == 1)
            #expect(try await UpdatePublicationRemoveInternalFields.correct(on: app.db, now: clock.now()) == 0)  // once
            try await PublicSite.materializeAll(app)

            // then: the stored snapshot, every file and the search hold neither field
            let corrected = try #require(try await Publication.query(on: app.db).filter(\.$body.$id == body.requireID()).first())
            #expect(!corrected.snapshot.contains("BOCORAN") && corrected.correctedAt != nil)
            for file in FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.compactMap({ $0 as? URL }) ?? []
            where !file.hasDirectoryPath {
                #expect(!String(decoding: (try? Data(contentsOf: file)) ?? Data(), as: UTF8.self).contains("BOCORAN"), "\(file.path)")
            }
            let page = try await reader.get("/publik/\(Self.slug)/versi/1/entri/DIK-2026-0001.html")
            #expect(page.status == .ok && !page.body.contains("BOCORAN") && page.body.contains("Dikoreksi"))
            let changes = try await reader.get("/publik/\(Self.slug)/versi/1/perubahan.html")
            #expect(changes.body.contains("ditulis ulang tanpa uraian informasi dan alasan"))
            let english = try await reader.get("/publik/\(Self.slug)/versi/1/en/perubahan.html")
            #expect(english.body.contains("rewritten without the items&apos; descriptions") || english.body.contains("rewritten without the items"))
            #expect(try await reader.get("/publik/cari?format=json&q=BOCORANURAIAN").body.contains(#""total":0"#))
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "publication.correction").count() == 1)
            #expect(try await AuditLog.verify(on: app.db).firstBreak == nil)
        }
    }

    @Test func theCanaryCrawlFindsNothing() async throws {
        let clock = FixedClock(ExpirySweepTests.at("2026-11-10"))
        try await withApp(clock: clock) { app in
            _ = try await DemoGovernment.load(in: app)
            var canaries: [String] = []
            func canary(_ field: String) -> String {
                let value = "KANARI\(field.uppercased())\(canaries.count)X"
                canaries.append(value)
                return value
            }
            let unit = try #require(try await Unit.query(on: app.db).filter(\.$shortName == "Disdukcapil").first())
            let operatorUser = try #require(
                try await User.query(on: app.db).filter(\.$email == PeriodActionTests.operatorEmail).first())
            operatorUser.name = canary("userName")
            operatorUser.position = canary("userPosition")
            try await operatorUser.save(on: app.db)
            let op = try await APIClient.as(PeriodActionTests.operatorEmail, in: app)
            let head = try await APIClient.as(PeriodActionTests.head, in: app)
            var proposal = try await op.send(
                .POST, SiteURL.apiUnitProposals(unit.id).path, json: ["title": canary("proposalTitle")]
            ).proposal
            var item = Sample.item("Data pengaduan masyarakat")
            item.madeWhere = canary("madeWhere")
            item.description = canary("description")
            item.archiveCode = "000.5.10"
            proposal = try await op.send(.POST, SiteURL.apiProposalItems(proposal.id).path, json: item).proposal
            var partly = Sample.partly("Pasal 17 huruf h angka 4", statute: nil)
            partly.parts = [canary("blackedOutPart")]
            partly.reason = canary("reason")
            // Counted from the day of the test: a period may not start after the decree (PP 61/2010 Ps 5).
            partly.period = .length(PeriodLength(years: 5), from: LocalDate(year: 2026, month: 11, day: 10)!)
            #expect(
                try await op.send(.PUT, SiteURL.apiItemTest(proposal.id, proposal.items[0].id).path, json: partly).status == .ok)
            let upload = try await op.upload(
                SiteURL.apiProposalDocuments(proposal.id).path, fields: ["itemID": proposal.items[0].id.uuidString],
                name: "\(canary("fileName")).pdf", bytes: SampleFile.pdf + Array("% \(canary("fileContent"))\n".utf8))
            #expect(upload.status == .created)
            // Deliberation and internal notes, straight into their columns.
            let stored = try #require(try await Proposal.find(proposal.id, on: app.db))
            stored.meetingPlace = canary("meetingPlace")
            stored.meetingDate = LocalDate(year: 2026, month: 11, day: 9)
            stored.meetingParticipants = canary("participants") + " — PPID Pembantu"
            stored.memoNumber = canary("memoNumber")
            stored.memoText = canary("memoText")
            stored.panelOpinion = canary("panelOpinion")
            try await stored.save(on: app.db)
            try await op.send(.POST, SiteURL.apiProposalStep(proposal.id, 1).path, json: [String: String]())
            // The head returns it once with a note, then agrees.
            try await head.send(
                .POST, SiteURL.apiProposalStep(proposal.id, 2).path, json: ["decision": "disagree", "note": canary("returnNote")])
            try await op.send(.POST, SiteURL.apiProposalStep(proposal.id, 1).path, json: [String: String]())
            let decided = try await head.approveDecree(proposal.id, step: 2)
            #expect(decided.status == .ok, "\(decided.body)")
            var location = ProposalService.LocationInput(
                building: canary("building"), room: canary("room"), cabinet: nil, box: nil, folder: nil)
            location.folder = canary("folder")
            try await op.send(.PUT, SiteURL.apiItemLocation(proposal.id, proposal.items[0].id).path, json: location)
            // A draft proposal that never reaches a decree.
            let draft = try await op.send(.POST, SiteURL.apiUnitProposals(unit.id).path, json: ["title": canary("draftTitle")])
                .proposal
            try await op.send(.POST, SiteURL.apiProposalItems(draft.id).path, json: Sample.item(canary("draftItem")))
            _ = try await ExpirySweep.run(app: app, now: clock.now())
            #expect(try await RegisterEntry.query(on: app.db).count() == 1)

            // Crawl every public page from /publik, following every link within it.
            let reader = Browser(app)
            var queue = ["/publik/index.html"]
            var seen: Set<String> = []
            var pages = 0
            while let path = queue.popLast() {
                guard seen.insert(path).inserted else { continue }
                let page = try await reader.follow(try await reader.get(path))
                #expect(page.status == .ok, "\(path): \(page.status)")
                pages += 1
                for value in canaries { #expect(!page.body.contains(value), "\(value) leaked on \(path)") }
                for link in Self.links(in: page.body, base: path) where link.hasPrefix("/publik") && !seen.contains(link) {
                    queue.append(link)
                }
            }
            #expect(pages >= 12, "only \(pages) public pages crawled")
            for file in ["dik.csv", "dik.xlsx", "feed.atom", "cetak.html", "en/index.html", "en/cetak.html", "en/data.html"] {
                #expect(seen.contains("/publik/\(Self.slug)/terkini/\(file)"), "\(file) not reached by the crawl")
            }
            // And every file written to the publication folder.
            let root = PublicSite.root(app)
            let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
            #expect(files.count > 10)
            for file in files where !file.hasDirectoryPath {
                let text = String(decoding: (try? Data(contentsOf: file)) ?? Data(), as: UTF8.self)
                for value in canaries { #expect(!text.contains(value), "\(value) leaked in \(file.path)") }
            }
            // Search reads only what is published.
            for value in canaries {
                let page = try await reader.get("/publik/cari?format=json&q=\(value)")
                #expect(page.body.contains(#""total":0"#), "\(value) is searchable")
            }
            // The period ends and the entry opens by law: its DIP row, unreviewed, publishes no internal field.
            clock.set(ExpirySweepTests.at("2032-01-05"))
            _ = try await ExpirySweep.run(app: app, now: clock.now())
            try await PublicSite.materializeAll(app)
            for file in ["dip.html", "dik.csv", "dik.json", "en/dip.html", "index.html"] {
                let page = try await reader.get("/publik/\(Self.slug)/terkini/\(file)")
                #expect(page.status == .ok, "\(file)")
                for value in canaries { #expect(!page.body.contains(value), "\(value) leaked in \(file) once opened by law") }
            }
            #expect(try await reader.get("/publik/\(Self.slug)/terkini/dip.html").body.contains("Data pengaduan masyarakat"))
            // The canaries are really in the database (the test would prove nothing otherwise).
            #expect(canaries.count >= 15)
            #expect(try await Proposal.query(on: app.db).filter(\.$title == canaries[2]).count() == 1)
        }
    }

    /// The `href` targets of a page, made absolute against `base`.
    static func links(in html: String, base: String) -> [String] {
        var result: [String] = []
        var rest = html[...]
        while let range = rest.range(of: "href=\"") {
            rest = rest[range.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { break }
            let target = String(rest[..<end]).replacingOccurrences(of: "&amp;", with: "&")
            rest = rest[end...]
            guard !target.contains("://"), !target.hasPrefix("#"), !target.hasPrefix("mailto:") else { continue }
            if target.hasPrefix("/") {
                result.append(target)
                continue
            }
            var parts = base.split(separator: "/").map(String.init)
            parts.removeLast()  // relative to the page's folder, as a browser resolves it
            for component in target.split(separator: "/") {
                if component == ".." { _ = parts.popLast() } else if component != "." { parts.append(String(component)) }
            }
            result.append("/" + parts.joined(separator: "/"))
        }
        return result
    }
}
