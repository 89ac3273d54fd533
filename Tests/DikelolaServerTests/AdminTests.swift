import DikelolaCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import DikelolaServer

@Suite struct BodyAdminTests {
    @Test func theDeploymentAdministratorCreatesABody() async throws {
        try await withApp { app in
            let browser = try await signedInDeploymentAdmin(app)
            let form = try await browser.get("/admin/badan-publik/baru")
            let bad = try await browser.submit(
                "/admin/badan-publik/baru",
                [
                    "name": "Pemerintah Kabupaten Sanggau", "slug": "Kabupaten Sanggau", "region": "", "timeZone": "WITA",
                    "letterhead": "PEMERINTAH KABUPATEN SANGGAU", "decreeNumberTemplate": "300/{serial}",
                ])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.contains("huruf kecil") && bad.body.contains("Wilayah wajib diisi.") && bad.body.contains("{year}"))
            #expect(bad.body.contains("value=\"Pemerintah Kabupaten Sanggau\""))  // nothing typed is lost
            #expect(try await PublicBody.query(on: app.db).count() == 0)

            let filled = [
                "name": "Pemerintah Kabupaten Sanggau", "slug": "kabupaten-sanggau", "region": "Provinsi Kalimantan Barat",
                "seat": "Sanggau",
                "timeZone": "WIB", "letterhead": "PEMERINTAH KABUPATEN SANGGAU\nDINAS KOMUNIKASI DAN INFORMATIKA",
                "decreeNumberTemplate": "300.2.11/{serial}/{romanMonth}/{year}",
            ]
            // Every field sent is one the form shows.
            #expect(Set(filled.keys).isSubset(of: Browser.fieldNames(on: form, action: "/admin/badan-publik/baru")))
            let good = try await browser.post("/admin/badan-publik/baru", filled)
            #expect(good.status == .seeOther)
            let body = try #require(try await PublicBody.query(on: app.db).first())
            #expect(body.letterheadLines == ["PEMERINTAH KABUPATEN SANGGAU", "DINAS KOMUNIKASI DAN INFORMATIKA"])
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "publicBody.create").count() == 1)

            // The settings form, sent as the browser shows it (multi-line Mengingat and Tembusan
            // included), saves; found by the outside probe refused for its own textareas.
            let settingsPath = SiteURL.adminBodySettings(body.id).path
            let settings = try await browser.get(SiteURL.adminBody(body.id).path)
            var shown = Browser.prefilled(on: settings, action: settingsPath)
            #expect(shown["legalBasis"]?.contains("\n") == true)
            shown["periodHorizonYears"] = "10"
            shown["workingHours"] = "Senin–Kamis 08.00–15.00; Jumat 08.00–11.30"
            let saved = try await browser.post(settingsPath, shown)
            #expect(saved.status == .seeOther, "\(saved.body.prefix(2000))")
            let updated = try #require(try await PublicBody.find(body.id, on: app.db))
            #expect(updated.periodHorizonYears == 10 && updated.workingHours.friday.closes == 690)
        }
    }

    @Test func unitsFormATreeWithoutCyclesAndOnePPIDUtama() async throws {
        try await withApp { app in
            _ = try await DemoGovernment.load(in: app)
            let browser = Browser(app)
            try await browser.signIn(as: "admin.diskominfo@contohkab.go.id")
            let body = try #require(try await PublicBody.query(on: app.db).first())
            let kominfo = try #require(try await Unit.query(on: app.db).filter(\.$shortName == "Diskominfo").first())
            let newUnit = "/admin/badan-publik/\(body.id!.uuidString.lowercased())/unit/baru"

            try await browser.get(newUnit)
            let child = try await browser.post(
                newUnit,
                [
                    "name": "Bidang Persandian", "shortName": "Sandi",
                    "parentID": kominfo.id!.uuidString, "sopID": "sanggau-kominfo-2021",
                ])
            #expect(child.status == .seeOther)
            let sandi = try #require(try await Unit.query(on: app.db).filter(\.$name == "Bidang Persandian").first())
            #expect(sandi.$parent.id == kominfo.id)

            // Diskominfo cannot move under its own child.
            let unitURL = "/admin/badan-publik/\(body.id!.uuidString.lowercased())/unit/\(kominfo.id!.uuidString.lowercased())"
            try await browser.get(unitURL)
            let cycle = try await browser.submit(
                unitURL, ["name": kominfo.name, "parentID": sandi.id!.uuidString, "hostsMainPPID": "on"])
            #expect(cycle.status == .unprocessableEntity && cycle.body.contains("di bawah dirinya sendiri"))
            // A second seat of the PPID Utama is refused; so is an unknown SOP and a duplicate name.
            let second = try await browser.submit(newUnit, ["name": "Dinas Lain", "hostsMainPPID": "on", "sopID": "sop-khayalan"])
            #expect(second.body.contains("PPID Utama sudah berkedudukan di Dinas Komunikasi dan Informatika"))
            #expect(second.body.contains("SOP ini tidak dikenal."))
            let duplicate = try await browser.submit(newUnit, ["name": "dinas kesehatan"])
            #expect(duplicate.body.contains("sudah memiliki unit bernama"))
            #expect(try await Unit.query(on: app.db).count() == 5)
        }
    }

    @Test func aBodyAdministratorCannotCreateBodiesOrSeeOthers() async throws {
        try await withApp { app in
            _ = try await DemoGovernment.load(in: app)
            let other = try await makeOtherBody(app)
            let browser = Browser(app)
            try await browser.signIn(as: "admin.diskominfo@contohkab.go.id")
            let index = try await browser.get("/admin")
            #expect(
                index.status == .ok && index.body.contains("Pemerintah Kabupaten Contoh") && !index.body.contains("Provinsi Lain")
            )
            #expect(try await browser.get("/admin/badan-publik/baru").status == .forbidden)
            let foreign = try await browser.get("/admin/badan-publik/\(other.id!.uuidString.lowercased())")
            #expect(foreign.status == .forbidden)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "security.forbidden").count() == 2)
        }
    }

    @Test func anOperatorHasNoAdministration() async throws {
        try await withApp { app in
            _ = try await DemoGovernment.load(in: app)
            let browser = Browser(app)
            try await browser.signIn(as: "operator.dinkes@contohkab.go.id")
            let page = try await browser.get("/admin")
            #expect(page.status == .forbidden)
            #expect(page.body.contains("tidak berwenang"))
            #expect(try await browser.get("/admin/badan-publik/bukan-uuid").status == .notFound)
        }
    }
}

@Suite struct UserAdminTests {
    func usersURL(_ app: Application) async throws -> String {
        let body = try #require(try await PublicBody.query(on: app.db).first())
        return "/admin/badan-publik/\(body.id!.uuidString.lowercased())/pengguna"
    }

    @Test func aNewPersonGetsAOneTimePasswordShownOnce() async throws {
        try await withApp { app in
            _ = try await DemoGovernment.load(in: app)
            let admin = Browser(app)
            try await admin.signIn(as: "admin.diskominfo@contohkab.go.id")
            let url = try await usersURL(app) + "/baru"
            try await admin.get(url)
            let invalid = try await admin.submit(
                url,
                [
                    "name": "Siti Aminah, S.Sos.", "position": "Pengelola Informasi",
                    "nip": "19860926 201505 3 001", "email": "operator.dinkes@contohkab.go.id",
                ])
            #expect(invalid.status == .unprocessableEntity)
            #expect(invalid.body.contains("jenis kelamin") && invalid.body.contains("sudah dipakai akun lain"))

            let created = try await admin.submit(
                url,
                [
                    "name": "Siti Aminah, S.Sos.", "position": "Pengelola Informasi",
                    "nip": "198609262015052001", "email": "Siti.Aminah@contohkab.go.id",
                ])
            #expect(created.status == .ok)
            let password = try #require(created.body.firstMatch(of: /<strong>([A-Za-z0-9-]{23})<\/strong>/)?.1).description
            let siti = try #require(try await User.query(on: app.db).filter(\.$email == "siti.aminah@contohkab.go.id").first())
            #expect(siti.nip == "198609262015052001" && siti.mustChangePassword && siti.$homeBody.id != nil)

            let newcomer = Browser(app)
            try await newcomer.get("/masuk")
            let signedIn = try await newcomer.post("/masuk", ["email": "siti.aminah@contohkab.go.id", "password": password])
            #expect(signedIn.location == "/akun/kata-sandi")
            // The user page does not show the password again.
            let page = try await admin.get("/admin/pengguna/\(siti.id!.uuidString.lowercased())")
            #expect(page.status == .ok && !page.body.contains(password))
            #expect(page.body.contains("user.create"))
        }
    }

    @Test func rolesOnlyInThePersonsOwnBody() async throws {
        try await withApp { app in
            _ = try await DemoGovernment.load(in: app)
            let other = try await makeOtherBody(app)
            let foreignUnit = Unit(bodyID: other.id!, name: "Dinas Lain", shortName: "Lain", sopID: nil)
            try await foreignUnit.create(on: app.db)
            let operatorUser = try #require(
                try await User.query(on: app.db).filter(\.$email == "operator.dinkes@contohkab.go.id").first())
            let dukcapil = try #require(try await Unit.query(on: app.db).filter(\.$shortName == "Disdukcapil").first())
            let admin = Browser(app)
            try await admin.signIn(as: "admin.diskominfo@contohkab.go.id")
            let rolesURL = "/admin/pengguna/\(operatorUser.id!.uuidString.lowercased())/peran"
            try await admin.get("/admin/pengguna/\(operatorUser.id!.uuidString.lowercased())")

            let foreign = try await admin.submit(rolesURL, ["role": "head", "unitID": foreignUnit.id!.uuidString])
            #expect(foreign.status == .unprocessableEntity && foreign.body.contains("milik badan publik lain"))
            let unknown = try await admin.submit(rolesURL, ["role": "bupati", "unitID": dukcapil.id!.uuidString])
            #expect(
                unknown.body.contains("Peran &apos;bupati&apos; tidak dikenal")
                    || unknown.body.contains("Peran 'bupati' tidak dikenal"))
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "role.assign.refused").count() == 2)

            let given = try await admin.post(rolesURL, ["role": "operator", "unitID": dukcapil.id!.uuidString])
            #expect(given.status == .seeOther)
            let twice = try await admin.submit(rolesURL, ["role": "operator", "unitID": dukcapil.id!.uuidString])
            #expect(twice.body.contains("sudah memegang peran ini"))
            // The new role takes effect at the person's next request.
            let person = try await AccessQueries.person(operatorUser, on: app.db)
            let place = try await AccessQueries.place(of: dukcapil, on: app.db)
            #expect(Authorization.decide(person, .prepareProposal, on: place).isAllowed)
        }
    }

    @Test func deactivationAndResetEndTheSessions() async throws {
        try await withApp { app in
            _ = try await DemoGovernment.load(in: app)
            let officer = Browser(app)
            try await officer.signIn(as: "operator.dinkes@contohkab.go.id")
            #expect(try await officer.get("/").status == .ok)
            let target = try #require(
                try await User.query(on: app.db).filter(\.$email == "operator.dinkes@contohkab.go.id").first())
            let admin = Browser(app)
            try await admin.signIn(as: "admin.diskominfo@contohkab.go.id")
            let base = "/admin/pengguna/\(target.id!.uuidString.lowercased())"
            try await admin.get(base)
            #expect(try await admin.submit(base + "/reset", [:]).status == .ok)
            #expect(try await officer.get("/").status == .seeOther)  // signed out
            let failed = try await Browser(app).post(
                "/masuk", ["email": target.email, "password": "kopi tubruk pagi hari"], includeCSRF: false)
            #expect(failed.status == .forbidden)  // (no CSRF) — the old password is checked below instead
            try await officer.get("/masuk")
            let oldPassword = try await officer.submit("/masuk", ["email": target.email, "password": "kopi tubruk pagi hari"])
            #expect(oldPassword.status == .unauthorized)

            try await admin.get(base)
            try await admin.post(base + "/status", [:])
            let deactivated = try #require(try await User.find(target.id, on: app.db))
            #expect(!deactivated.isActive)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "user.deactivate").count() == 1)
            // Nobody deactivates themselves.
            let me = try #require(try await User.query(on: app.db).filter(\.$email == "admin.diskominfo@contohkab.go.id").first())
            let own = "/admin/pengguna/\(me.id!.uuidString.lowercased())"
            try await admin.get(own)
            try await admin.post(own + "/status", [:])
            #expect(try await User.find(me.id, on: app.db)?.isActive == true)
        }
    }
}

@Suite struct ApiTokenTests {
    @Test func aTokenIsShownOnceStoredHashedAndRevocable() async throws {
        let clock = FixedClock(Date(timeIntervalSince1970: 1_795_000_000))
        try await withApp(clock: clock) { app in
            _ = try await DemoGovernment.load(in: app)
            let browser = Browser(app)
            try await browser.signIn(as: "mainppid.diskominfo@contohkab.go.id")
            try await browser.get("/akun/token")
            let bad = try await browser.submit("/akun/token", ["name": "", "days": "400"])
            #expect(bad.body.contains("Beri nama token") && bad.body.contains("1 sampai 365 hari"))
            let page = try await browser.submit("/akun/token", ["name": "Website PPID", "days": "30"])
            let token = try #require(page.body.firstMatch(of: /<code>(dk_[A-Za-z0-9_-]{43})<\/code>/)?.1).description
            let stored = try #require(try await ApiToken.query(on: app.db).first())
            #expect(stored.tokenHash != token && !stored.tokenHash.contains(token))

            func me(_ token: String) async throws -> HTTPStatus {
                try await app.testing().sendRequest(
                    .GET, "/api/v1/me",
                    beforeRequest: { request in
                        request.headers.bearerAuthorization = BearerAuthorization(token: token)
                    }
                ).status
            }
            #expect(try await me(token) == .ok)
            #expect(try await me("dk_salah") == .unauthorized)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/me").status == .unauthorized)

            clock.advance(by: 31 * 86_400)
            #expect(try await me(token) == .unauthorized)  // expired
            clock.advance(by: -31 * 86_400)

            try await browser.get("/akun/token")
            try await browser.post("/akun/token/\(stored.id!.uuidString.lowercased())/cabut", [:])
            #expect(try await me(token) == .unauthorized)  // revoked
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "apiToken.revoke").count() == 1)
        }
    }

    @Test func theAPIAnswersWhoIAmWithRoles() async throws {
        try await withApp { app in
            _ = try await DemoGovernment.load(in: app)
            let user = try #require(try await User.query(on: app.db).filter(\.$email == "head.dinkes@contohkab.go.id").first())
            let issued = try await ApiTokens.issue(userID: user.id!, name: "uji", validFor: 1, now: Date(), on: app.db)
            let response = try await app.testing().sendRequest(
                .GET, "/api/v1/me",
                beforeRequest: { request in
                    request.headers.bearerAuthorization = BearerAuthorization(token: issued.token)
                })
            let me = try response.content.decode(TokenController.Me.self)
            #expect(me.email == "head.dinkes@contohkab.go.id" && me.roles.map(\.role) == ["head"])
        }
    }

    @Test func aBearerCallNeedsNoCSRFButABrowserPostDoes() async throws {
        try await withApp { app in
            _ = try await DemoGovernment.load(in: app)
            let user = try #require(try await User.query(on: app.db).filter(\.$email == "head.dinkes@contohkab.go.id").first())
            let issued = try await ApiTokens.issue(userID: user.id!, name: "uji", validFor: 1, now: Date(), on: app.db)
            // An API POST with a token and no cookie is not a browser form; logout stands in for any POST.
            let response = try await app.testing().sendRequest(
                .POST, "/keluar",
                beforeRequest: { request in
                    request.headers.bearerAuthorization = BearerAuthorization(token: issued.token)
                })
            #expect(response.status != .forbidden)
        }
    }
}

@Suite(.serialized) struct CreateAdminCommandTests {
    @Test func makesAnAdministratorAndResetsItOnASecondRun() async throws {
        let folder = try Dikelola.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try await ServerDatabase.make()
        defer { Task { await database.drop() } }
        let first = try Dikelola.run(
            ["create-admin", "ppid@contohkab.go.id", "--name", "Admin PPID"], in: folder,
            environment: database.environment)
        #expect(first.status == 0, "\(first.error)")
        #expect(first.output.contains("ppid@contohkab.go.id") && first.output.contains("Kata sandi :"))
        let second = try Dikelola.run(["create-admin", "ppid@contohkab.go.id"], in: folder, environment: database.environment)
        #expect(second.status == 0)
        let bad = try Dikelola.run(["create-admin", "bukan-email"], in: folder, environment: database.environment)
        #expect(bad.status == 1 && bad.error.contains("bukan alamat e-mail"))
    }
}

/// A second public body, to show that nothing crosses from one body to another.
func makeOtherBody(_ app: Application) async throws -> PublicBody {
    let other = PublicBody(
        slug: "provinsi-lain", name: "Pemerintah Provinsi Lain", region: "Lain", timeZone: .wit,
        letterheadLines: [], decreeNumberTemplate: "{serial}/{year}")
    try await other.create(on: app.db)
    return other
}

@Suite struct LogoTests {
    static let png: [UInt8] =
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array("bukan gambar sungguhan, cukup untuk diendus".utf8)

    @Test func aLogoIsCheckedByItsContentStoredAndServedWithAnETag() async throws {
        try await withApp { app in
            _ = try await DemoGovernment.load(in: app)
            let body = try #require(try await PublicBody.query(on: app.db).first())
            let admin = Browser(app)
            try await admin.signIn(as: "admin.diskominfo@contohkab.go.id")
            let page = "/admin/badan-publik/\(body.id!.uuidString.lowercased())"
            try await admin.get(page)
            let html = try await admin.submitUpload(
                page + "/logo", [:], file: "logo", name: "logo.png", bytes: Array("<html><script>".utf8))
            #expect(html.status == .unprocessableEntity && html.body.contains("Jenis berkas tidak diterima"))
            let mislabelled = try await admin.submitUpload(page + "/logo", [:], file: "logo", name: "logo.jpg", bytes: Self.png)
            #expect(mislabelled.body.contains("tidak sesuai isinya"))
            let empty = try await admin.submitUpload(page + "/logo", [:], file: "logo", name: "logo.png", bytes: [])
            #expect(empty.body.contains("Berkas kosong."))
            #expect(try await StoredFile.query(on: app.db).count() == 0)

            let saved = try await admin.upload(page + "/logo", [:], file: "logo", name: "C:\\kop\\logo.png", bytes: Self.png)
            #expect(saved.status == .seeOther)
            let file = try #require(try await StoredFile.query(on: app.db).first())
            #expect(file.originalName == "logo.png" && file.contentType == "image/png" && file.size == Self.png.count)

            let anonymous = Browser(app)
            let logo = try await anonymous.get("/berkas/logo/\(body.id!.uuidString.lowercased())")
            #expect(logo.status == .ok && logo.headers.first(name: .eTag) == "\"\(file.sha256)\"")
            #expect(logo.headers.contentType == .png)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "publicBody.logo").count() == 1)
        }
    }
}
