import DikelolaCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import DikelolaServer

@Suite struct SignInTests {
    @Test func anAnonymousBrowserIsSentToSignInAndBack() async throws {
        try await withApp { app in
            let browser = Browser(app)
            let page = try await browser.get("/akun/kata-sandi")
            #expect(page.status == .seeOther)
            #expect(page.location == "/masuk?lanjut=/akun/kata-sandi")
        }
    }

    @Test func anAnonymousAPICallGets401() async throws {
        try await withApp { app in
            app.signedIn(.GET, .home) { _, _ in Response(status: .ok) }  // a signed-in route is enough
            let response = try await app.testing().sendRequest(
                .GET, "/",
                beforeRequest: { request in
                    request.headers.bearerAuthorization = BearerAuthorization(token: "dk_bukan-token-yang-ada")
                })
            #expect(response.status == .unauthorized)
        }
    }

    @Test func signsInWithTheRightPasswordAndOutAgain() async throws {
        try await withApp { app in
            let user = try await makeUser(app, email: "ppid@contohkab.go.id")
            let browser = Browser(app)
            try await browser.get("/masuk?lanjut=/akun/kata-sandi")
            let signedIn = try await browser.post(
                "/masuk",
                [
                    "email": "PPID@contohkab.go.id ", "password": "kopi tubruk pagi hari",
                    "lanjut": "/akun/kata-sandi",
                ])
            #expect(signedIn.status == .seeOther)
            #expect(signedIn.location == "/akun/kata-sandi")
            let home = try await browser.get("/")
            #expect(home.status == .ok)
            #expect(home.body.contains("Selamat datang, Pengguna ppid@contohkab.go.id"))
            // The history has the sign-in, by the person.
            let event = try #require(try await AuditEvent.query(on: app.db).filter(\.$action == "auth.login").first())
            #expect(event.actorID == user.id?.uuidString)

            let out = try await browser.post("/keluar", [:])
            #expect(out.status == .seeOther && out.location == "/masuk")
            #expect(try await browser.get("/").status == .seeOther)
        }
    }

    @Test func theSessionIdChangesAtSignIn() async throws {
        try await withApp { app in
            try await makeUser(app, email: "ppid@contohkab.go.id")
            let browser = Browser(app)
            try await browser.get("/masuk")
            let before = try #require(browser.cookies[sessionCookieName])
            try await browser.post("/masuk", ["email": "ppid@contohkab.go.id", "password": "kopi tubruk pagi hari"])
            let after = try #require(browser.cookies[sessionCookieName])
            #expect(before != after)
        }
    }

    @Test func aWrongPasswordIsRefusedKeepingTheEmailAndIsAudited() async throws {
        try await withApp { app in
            try await makeUser(app, email: "ppid@contohkab.go.id")
            let browser = Browser(app)
            try await browser.get("/masuk")
            let page = try await browser.submit("/masuk", ["email": "ppid@contohkab.go.id", "password": "salah sekali ini"])
            #expect(page.status == .unauthorized)
            #expect(page.body.contains("E-mail atau kata sandi salah."))
            #expect(page.body.contains(#"value="ppid@contohkab.go.id""#))
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "auth.login.failed").count() == 1)
            #expect(try await browser.get("/").status == .seeOther)
        }
    }

    @Test func emptyFieldsAreNamed() async throws {
        try await withApp { app in
            let browser = Browser(app)
            try await browser.get("/masuk")
            let page = try await browser.submit("/masuk", ["email": "", "password": ""])
            #expect(page.status == .unprocessableEntity)
            #expect(page.body.contains("E-mail wajib diisi.") && page.body.contains("Kata sandi wajib diisi."))
            #expect(page.body.contains(#"aria-invalid="true""#))
        }
    }

    @Test func aDeactivatedAccountCannotSignIn() async throws {
        try await withApp { app in
            try await makeUser(app, email: "pensiun@contohkab.go.id", active: false)
            let browser = Browser(app)
            try await browser.get("/masuk")
            let page = try await browser.submit(
                "/masuk", ["email": "pensiun@contohkab.go.id", "password": "kopi tubruk pagi hari"])
            #expect(page.status == .unauthorized && page.body.contains("dinonaktifkan"))
        }
    }

    @Test func fiveFailuresMakeTheNextAttemptWaitEvenWithTheRightPassword() async throws {
        try await withApp(clock: FixedClock(Date())) { app in
            try await makeUser(app, email: "ppid@contohkab.go.id")
            let browser = Browser(app)
            try await browser.get("/masuk")
            for attempt in 1...5 {
                let page = try await browser.submit(
                    "/masuk", ["email": "ppid@contohkab.go.id", "password": "tebakan ke \(attempt)"])
                #expect(page.status == .unauthorized)
            }
            let locked = try await browser.submit("/masuk", ["email": "ppid@contohkab.go.id", "password": "kopi tubruk pagi hari"])
            #expect(locked.status == .tooManyRequests)
            #expect(locked.body.contains("Coba lagi dalam 30 detik"))
            // Refusals while waiting are counted per address and minute, then written as one event.
            for _ in 1...3 { _ = try await browser.submit("/masuk", ["email": "ppid@contohkab.go.id", "password": "lagi"]) }
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "auth.login.throttled").count() == 0)
            try await RefusalTally.flush(app, now: Date(), everything: true)
            let throttled = try await AuditEvent.query(on: app.db).filter(\.$action == "auth.login.throttled").all()
            #expect(throttled.count == 1 && throttled.first?.summaryAfter?.hasPrefix("4 ") == true)
        }
    }

    /// What was typed as the e-mail is kept only when it names an account: a password typed into
    /// the wrong field is not written into the history or the attempts.
    @Test func whatWasTypedForAnUnknownAccountIsNotKept() async throws {
        try await withApp { app in
            let browser = Browser(app)
            try await browser.get("/masuk")
            let page = try await browser.submit("/masuk", ["email": "rahasia-sandi-2026", "password": "apa saja"])
            #expect(page.status == .unauthorized)
            let attempts = try await LoginAttempt.query(on: app.db).all()
            #expect(attempts.count == 1 && !attempts[0].email.contains("rahasia"))
            let events = try await AuditEvent.query(on: app.db).filter(\.$action == "auth.login.failed").all()
            #expect(events.count == 1 && events[0].targetID?.contains("rahasia") == false)
        }
    }

    @Test func aFormWithoutItsCSRFTokenIsRefusedAndAudited() async throws {
        // A clock that stands still: the two refusals fall in one minute however slow the machine.
        try await withApp(clock: FixedClock(Date())) { app in
            try await makeUser(app, email: "ppid@contohkab.go.id")
            let browser = Browser(app)
            try await browser.get("/masuk")
            let missing = try await browser.submit(
                "/masuk", ["email": "ppid@contohkab.go.id", "password": "kopi tubruk pagi hari"],
                includeCSRF: false)
            #expect(missing.status == .forbidden)
            #expect(missing.body.contains("Formulir ini sudah kedaluwarsa atau tidak sah"))
            let wrong = try await browser.submit(
                "/masuk", ["email": "ppid@contohkab.go.id", "password": "kopi tubruk pagi hari"],
                csrf: "palsu")
            #expect(wrong.status == .forbidden)
            // Anonymous refusals are counted per address and minute, and written once the minute is over.
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "security.csrf.rejected").count() == 0)
            try await RefusalTally.flush(app, now: app.dikelola.clock.now().addingTimeInterval(60))
            let tallied = try await AuditEvent.query(on: app.db).filter(\.$action == "security.csrf.rejected").all()
            #expect(tallied.count == 1)
            #expect(tallied.first?.summaryAfter?.hasPrefix("2 permintaan") == true)
            #expect(try await browser.get("/").status == .seeOther)  // still signed out
        }
    }

    @Test func onlyLocalPathsAreFollowedAfterSignIn() {
        #expect(LoginController.safeNext("/akun/kata-sandi") == "/akun/kata-sandi")
        #expect(LoginController.safeNext("//evil.example/x") == "/")
        #expect(LoginController.safeNext("https://evil.example") == "/")
        #expect(LoginController.safeNext("/\\evil.example") == "/")
        #expect(LoginController.safeNext(nil) == "/")
    }

    @Test func pagesCarryTheSecurityHeaders() async throws {
        try await withApp { app in
            let page = try await Browser(app).get("/masuk")
            #expect(page.headers.first(name: "Content-Security-Policy")?.contains("frame-ancestors 'none'") == true)
            #expect(page.headers.first(name: "X-Content-Type-Options") == "nosniff")
            #expect(page.headers.first(name: "Referrer-Policy") == "same-origin")
            let cookie = try #require(page.headers[.setCookie].first { $0.hasPrefix(sessionCookieName) })
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"))
        }
    }

    @Test func theLanguageSwitchesToEnglishAndIsRemembered() async throws {
        try await withApp { app in
            let browser = Browser(app)
            let english = try await browser.get("/masuk?lang=en")
            #expect(english.body.contains("Sign in to Dikelola"))
            let next = try await browser.get("/masuk")
            #expect(next.body.contains("<html lang=\"en\">"))
        }
    }
}

@Suite struct PasswordChangeTests {
    @Test func aOneTimePasswordMustBeReplacedBeforeAnythingElse() async throws {
        try await withApp { app in
            try await makeUser(app, email: "baru@contohkab.go.id", password: "sekali-pakai-123", mustChange: true)
            let browser = Browser(app)
            try await browser.get("/masuk")
            let signedIn = try await browser.post("/masuk", ["email": "baru@contohkab.go.id", "password": "sekali-pakai-123"])
            #expect(signedIn.location == "/akun/kata-sandi")
            #expect(try await browser.get("/").location == "/akun/kata-sandi")

            try await browser.get("/akun/kata-sandi")
            let weak = try await browser.submit(
                "/akun/kata-sandi", ["current": "sekali-pakai-123", "new": "pendek", "confirm": "pendek"])
            #expect(weak.status == .unprocessableEntity && weak.body.contains("Kata sandi minimal 10 karakter."))
            let mismatch = try await browser.submit(
                "/akun/kata-sandi",
                [
                    "current": "sekali-pakai-123", "new": "sawah hijau di kaki bukit",
                    "confirm": "sawah hijau di kaki gunung",
                ])
            #expect(mismatch.body.contains("Ulangan kata sandi tidak sama."))
            let done = try await browser.post(
                "/akun/kata-sandi",
                [
                    "current": "sekali-pakai-123", "new": "sawah hijau di kaki bukit",
                    "confirm": "sawah hijau di kaki bukit",
                ])
            #expect(done.location == "/")
            let home = try await browser.get("/")
            #expect(home.status == .ok && home.body.contains("Kata sandi sudah diganti."))
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "user.password.change").count() == 1)
        }
    }

    @Test func aPasswordChangeEndsTheOtherSessions() async throws {
        try await withApp { app in
            try await makeUser(app, email: "ppid@contohkab.go.id")
            let laptop = Browser(app), phone = Browser(app)
            for browser in [laptop, phone] {
                try await browser.get("/masuk")
                try await browser.post("/masuk", ["email": "ppid@contohkab.go.id", "password": "kopi tubruk pagi hari"])
                #expect(try await browser.get("/").status == .ok)
            }
            try await laptop.get("/akun/kata-sandi")
            try await laptop.post(
                "/akun/kata-sandi",
                [
                    "current": "kopi tubruk pagi hari", "new": "sawah hijau di kaki bukit",
                    "confirm": "sawah hijau di kaki bukit",
                ])
            #expect(try await laptop.get("/").status == .ok)
            #expect(try await phone.get("/").status == .seeOther)
        }
    }

    @Test func anIdleSessionEnds() async throws {
        let clock = FixedClock(Date(timeIntervalSince1970: 1_795_000_000))
        try await withApp(clock: clock) { app in
            try await makeUser(app, email: "ppid@contohkab.go.id")
            let browser = Browser(app)
            try await browser.get("/masuk")
            try await browser.post("/masuk", ["email": "ppid@contohkab.go.id", "password": "kopi tubruk pagi hari"])
            clock.advance(by: 3600)
            #expect(try await browser.get("/").status == .ok)
            clock.advance(by: 2 * 3600 + 1)
            #expect(try await browser.get("/").status == .seeOther)
        }
    }
}
