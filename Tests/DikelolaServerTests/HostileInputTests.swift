import DikelolaCore
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import DikelolaServer

/// The requests an outside test used to harm the server, and the classes they stand for: numbers
/// that overflow, text a database changes, bodies read before the request was allowed, names that
/// inject headers, redirects off-site, actions outside one's unit, and refusals that go unrecorded.
/// Each answers with a clear refusal; the server keeps running and the audit chain stays whole.
@Suite struct HostileInputTests {
    static let operatorEmail = PeriodActionTests.operatorEmail

    static func proposal(_ app: Application, items: Int = 1) async throws -> (APIClient, ProposalView) {
        let unit = try #require(try await Unit.query(on: app.db).filter(\.$shortName == "Disdukcapil").first())
        let op = try await APIClient.as(operatorEmail, in: app)
        var proposal = try await op.send(.POST, SiteURL.apiUnitProposals(unit.id).path, json: ["title": "Uji masukan"]).proposal
        for n in 0..<items {
            proposal = try await op.send(.POST, SiteURL.apiProposalItems(proposal.id).path, json: Sample.item("Informasi \(n)"))
                .proposal
        }
        return (op, proposal)
    }

    // MARK: Numbers

    @Test func hugeNumbersInAPeriodAreRefusedNeverTrapped() async throws {
        try await withApp { app in
            _ = try await DemoGovernment.load(in: app)
            let browser = Browser(app)
            try await browser.signIn(as: Self.operatorEmail)
            // The request that stopped the server.
            for query in [
                "periodKind=length&from=2026-11-25&years=9223372036854775807",
                "periodKind=length&from=2026-11-25&years=100&months=9223372036854775807",
                "periodKind=length&from=9999-12-31&years=100", "periodKind=until&end=99999-01-01",
                "periodKind=length&from=2026-11-25&years=-9223372036854775808",
            ] {
                let page = try await browser.get("/periode/pratinjau?\(query)")
                #expect(page.status == .ok, "\(query)")
                #expect(page.body.contains("problems") && !page.body.contains(#""problems":[]"#), "\(query): \(page.body)")
            }
            // Through the API: refused when read, nothing stored.
            let (op, proposal) = try await Self.proposal(app)
            let itemID = proposal.items[0].id
            var test = Sample.closed("Pasal 17 huruf h angka 2")
            test.period = .length(PeriodLength(years: 1_000_000_000_000), from: LocalDate(year: 2026, month: 11, day: 25)!)
            let refused = try await op.send(.PUT, SiteURL.apiItemTest(proposal.id, itemID).path, json: test)
            #expect(refused.status == .badRequest || refused.status == .unprocessableEntity, "\(refused.body)")
            #expect(try await ProposalItem.find(itemID, on: app.db)?.period == nil)
            // A billion-year period stored by an earlier release is read without stopping anything.
            let item = try #require(try await ProposalItem.find(itemID, on: app.db))
            item.period = #"{"kind":"length","years":1000000000000,"months":0,"days":0,"from":"2026-11-25"}"#
            item.verdict = "closed"
            item.groundCode = "h2"
            try await item.save(on: app.db)
            #expect(try await op.send(.GET, SiteURL.apiProposal(proposal.id).path).status == .ok)
            let page = try await browser.get(SiteURL.proposal(proposal.id).path)
            #expect(page.status == .ok)
            #expect(try await browser.get("/health").status == .ok)
        }
    }

    // MARK: Text

    @Test func controlCharactersAndLoneSurrogatesAreRefusedWithTheFieldNamed() async throws {
        try await withApp { app in
            _ = try await DemoGovernment.load(in: app)
            let (op, proposal) = try await Self.proposal(app, items: 0)
            // JSON: a NUL in a title (SQLite kept "abc" and the chain broke), an escape, a lone surrogate.
            for raw in [
                #"{"title":"abc\u0000def","description":"x","form":"both"}"#,
                #"{"title":"abc\u001bdef","description":"x","form":"both"}"#,
                #"{"title":"ok","description":"x\ud800y","form":"both"}"#,
                #"{"title":"baris\nbaru","description":"x","form":"both"}"#,
                #"{"title":"foto \u202egpj.exe","description":"x","form":"both"}"#,
            ] {
                let reply = try await op.sendRaw(.POST, SiteURL.apiProposalItems(proposal.id).path, body: raw)
                #expect(reply.status == .unprocessableEntity, "\(raw): \(reply.body)")
                let field = raw.contains("\\ud800") ? "description" : "title"
                #expect(reply.body.contains(#""\#(field)""#), "\(raw): \(reply.body)")
            }
            #expect(try await ProposalItem.query(on: app.db).count() == 0)
            // A multi-line field keeps its lines; odd but real text is kept as typed, in NFC.
            let odd = "Catatan\nbaris dua\twith tab — émoji 🙂, ‏עברית‏, e\u{301}"
            let kept = try await op.send(
                .POST, SiteURL.apiProposalItems(proposal.id).path,
                json: ProposalService.ItemInput(
                    title: "Judul 🙂 ‏עברית", description: odd, holdingUnitID: nil, form: "both", madeWhen: nil, madeWhere: nil,
                    archiveCode: nil))
            #expect(kept.status == .created || kept.status == .ok, "\(kept.body)")
            // Forms: the same, field named on the page.
            let browser = Browser(app)
            try await browser.signIn(as: Self.operatorEmail)
            try await browser.get(SiteURL.proposal(proposal.id).path)
            let form = try await browser.submit(
                SiteURL.proposalAddItem(proposal.id).path, ["title": "abc\u{0}def", "description": "x", "form": "both"])
            #expect(form.status == .unprocessableEntity && form.body.contains("title"), "\(form.status)")
            #expect(try await ProposalItem.query(on: app.db).count() == 1)
            #expect(try await AuditLog.verify(on: app.db).firstBreak == nil)
        }
    }

    /// Every kind of odd text in every field of an event, on this database: the chain verifies.
    @Test func theAuditChainHoldsOddTextWhole() async throws {
        try await withApp { app in
            let texts = [
                "abc\u{0}def", "emoji 🙂👩🏽‍💻", "\u{200F}עברית\u{200F} dan \u{202E}terbalik", "e\u{301}\u{302}\u{303}",
                String(repeating: "panjang ", count: 4_096), "\u{1B}[31mmerah", "tab\tdan\nbaris", "\u{FFFF}\u{FFFE}",
                "\u{7F}\u{85}\u{9F}", "",
            ]
            for text in texts {
                try await app.writeTransaction { db in
                    try await AuditLog.record(
                        AuditChain.Draft(
                            occurredAt: Date(), actorID: text, actorRole: text, action: "uji.\(text.prefix(8))", targetType: text,
                            targetID: text, bodyID: text, summaryBefore: text, summaryAfter: text, clientAddress: text), on: db)
                }
            }
            let verified = try await AuditLog.verify(on: app.db)
            #expect(verified.firstBreak == nil && verified.checked == texts.count)
        }
    }

    // MARK: Bodies

    @Test func bodiesAreReadOnlyAfterTheRequestIsAllowedAndWithinTheirLimit() async throws {
        try await withApp(adjust: { $0.maxUploadBytes = 1_048_576 }) { app in
            _ = try await DemoGovernment.load(in: app)
            let (op, proposal) = try await Self.proposal(app)
            let path = SiteURL.apiProposalDocuments(proposal.id).path
            // A junk token: 401 whatever the body says it holds.
            let junk = try await app.testing().sendRequest(.POST, path) { request in
                request.headers.bearerAuthorization = BearerAuthorization(token: "junk")
                request.headers.replaceOrAdd(name: .contentLength, value: "1073741824")
                request.headers.contentType = .init(type: "multipart", subType: "form-data", parameters: ["boundary": "x"])
            }
            #expect(junk.status == .unauthorized)
            // A signed-in upload declaring more than the limit: 413 before reading.
            let big = try await app.testing().sendRequest(.POST, path) { request in
                request.headers.bearerAuthorization = BearerAuthorization(token: op.token)
                request.headers.contentType = .init(type: "multipart", subType: "form-data", parameters: ["boundary": "x"])
                request.body = ByteBuffer(repeating: 0x61, count: 1_048_576 + BodyLimit.uploadMargin + 1)
            }
            #expect(big.status == .payloadTooLarge)
            // Signed in but not entitled to attach here (another unit's head): refused before the file is
            // read, so the answer is 403 even for a body over the limit, not 413.
            let stranger = try await APIClient.as("head.dinkes@contohkab.go.id", in: app)
            let foreign = try await app.testing().sendRequest(.POST, path) { request in
                request.headers.bearerAuthorization = BearerAuthorization(token: stranger.token)
                request.headers.contentType = .init(type: "multipart", subType: "form-data", parameters: ["boundary": "x"])
                request.body = ByteBuffer(repeating: 0x61, count: 1_048_576 + BodyLimit.uploadMargin + 1)
            }
            #expect(foreign.status == .forbidden)
            // A form larger than a form may be.
            let long = try await op.sendRaw(
                .POST, SiteURL.apiProposalItems(proposal.id).path,
                body: #"{"title":"x","description":""# + String(repeating: "a", count: BodyLimit.formBytes) + #"","form":"both"}"#)
            #expect(long.status == .payloadTooLarge && long.error.hasPrefix("Kiriman terlalu besar"), "\(long.body)")
            // An anonymous browser's upload (a session, no sign-in): sent to sign in, nothing read.
            let browser = Browser(app)
            try await browser.get("/masuk")
            let anonymous = try await browser.upload(
                SiteURL.proposalUpload(proposal.id).path, ["requirement": "x"], file: "file", name: "a.pdf", bytes: SampleFile.pdf)
            #expect(anonymous.status == .seeOther && anonymous.location?.hasPrefix("/masuk") == true)
            // A signed-in browser whose upload does not carry the token first is refused.
            try await browser.signIn(as: Self.operatorEmail)
            try await browser.get(SiteURL.proposal(proposal.id).path)
            let boundary = "b\(UUID().uuidString)"
            var body = ByteBuffer()
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n")
            body.writeBytes(SampleFile.pdf)
            body.writeString("\r\n--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(browser.csrfToken ?? "")\r\n--\(boundary)--\r\n")
            let late = try await browser.follow(
                browser.send(
                    .POST, SiteURL.proposalUpload(proposal.id).path, rawBody: body,
                    contentType: .init(type: "multipart", subType: "form-data", parameters: ["boundary": boundary])))
            #expect(late.status == .forbidden)
            #expect(try await ProposalDocument.query(on: app.db).count() == 0)
        }
    }

    // MARK: Files

    @Test func uploadNamesAreCleanedAndBadFilesRefused() async throws {
        try await withApp { app in
            _ = try await DemoGovernment.load(in: app)
            let (op, proposal) = try await Self.proposal(app)
            let path = SiteURL.apiProposalDocuments(proposal.id).path
            let item = ["itemID": proposal.items[0].id.uuidString]
            let html = Array("<html><script>alert(1)</script></html>".utf8)
            let exe = [UInt8]([0x4D, 0x5A, 0x90, 0x00]) + Array(repeating: 0, count: 60)
            for (name, bytes) in [("kosong.pdf", [UInt8]()), ("skrip.pdf", html), ("program.pdf", exe)] {
                let reply = try await op.upload(path, fields: item, name: name, bytes: bytes)
                #expect(reply.status == .unprocessableEntity, "\(name): \(reply.status) \(reply.body)")
            }
            #expect(try await ProposalDocument.query(on: app.db).count() == 0)
            for (name, expected) in [
                ("../../etc/passwd.pdf", "passwd.pdf"), ("a\u{202E}fdp.exe.pdf", "afdp.exe.pdf"), ("laporan\u{7}.pdf", "laporan.pdf"),
                (String(repeating: "n", count: 5_000) + ".pdf", String(repeating: "n", count: 196) + ".pdf"),
                ("baris\nSet-Cookie: x=1.pdf", "barisSet-Cookie: x=1.pdf"),
            ] {
                let reply = try await op.upload(path, fields: item, name: name, bytes: SampleFile.pdf)
                #expect(reply.status == .created, "\(name): \(reply.body)")
                let stored = try #require(
                    try await StoredFile.query(on: app.db).sort(\.$createdAt, .descending).all().first { $0.originalName == expected },
                    "\(expected) not stored")
                let disposition = Downloads.contentDisposition("attachment", name: stored.originalName)
                #expect(!disposition.contains("\r") && !disposition.contains("\n") && disposition.contains("filename*=UTF-8''"))
            }
            // A raw CR breaks the multipart header itself: a clear 400, not a server error.
            let broken = try await op.upload(path, fields: item, name: "cr\rlf.pdf", bytes: SampleFile.pdf)
            #expect(broken.status == .badRequest, "\(broken.body)")
            // A byte of 128 or more in a part's header name trapped MultipartKit (found by the fuzzer):
            // refused as unreadable, for an upload and for a multipart post to the sign-in form alike.
            for target in [path, "/masuk"] {
                let boundary = "----hostile"
                var body = ByteBuffer()
                body.writeString("--\(boundary)\r\nCont\u{E9}nt-Disposition: form-data; name=\"email\"\r\n\r\nx\r\n--\(boundary)--\r\n")
                let response = try await app.testing().sendRequest(
                    .POST, target,
                    beforeRequest: { request in
                        request.headers.bearerAuthorization = BearerAuthorization(token: op.token)
                        request.headers.contentType = HTTPMediaType(
                            type: "multipart", subType: "form-data", parameters: ["boundary": boundary])
                        request.body = body
                    })
                #expect(response.status.code >= 400 && response.status.code < 500, "\(target): \(response.status)")
            }
            // A multipart body the parser cannot read, sent to a JSON route: 400, not a server error.
            for body in ["--XyZb--", "--XyZb\r\n: x\r\n\r\nv\r\n--XyZb--\r\n"] {
                let response = try await app.testing().sendRequest(
                    .POST, SiteURL.apiProposalItems(proposal.id).path,
                    beforeRequest: { request in
                        request.headers.bearerAuthorization = BearerAuthorization(token: op.token)
                        request.headers.contentType = HTTPMediaType(
                            type: "multipart", subType: "form-data", parameters: ["boundary": "XyZb"])
                        request.body = ByteBuffer(string: body)
                    })
                #expect(response.status == .badRequest, "\(body): \(response.status)")
            }
            #expect(
                !GuardedFormDataDecoder.headerNamesAreASCII(
                    Array("--b\r\nX\u{FF}: 1\r\n\r\n".utf8), boundary: Array("--b".utf8)))
            #expect(
                GuardedFormDataDecoder.headerNamesAreASCII(
                    Array("--b\r\nContent-Disposition: form-data; filename=\"\u{E9}t\u{E9}.pdf\"\r\n\r\n\u{FF}\r\n--b--".utf8),
                    boundary: Array("--b".utf8)))
            // A name stored by an earlier release, with a line break, cannot add a header either.
            let header = Downloads.contentDisposition("attachment", name: "a\nX-Evil: 1\r\n.pdf")
            #expect(!header.contains("\n") && !header.contains("\r"))
        }
    }

    /// Plot writes attribute values unescaped: what a person typed, reflected or stored, must stay a
    /// value (found by the outside probe in the public search and the item form).
    @Test func typedTextNeverBecomesMarkupInAnAttribute() async throws {
        try await withApp { app in
            _ = try await DemoGovernment.load(in: app)
            let (op, proposal) = try await Self.proposal(app)
            var item = Sample.item("Item \"><i>X</i>")
            item.madeWhen = "2025\" autofocus onfocus=\"x"
            let added = try await op.send(.POST, SiteURL.apiProposalItems(proposal.id).path, json: item)
            #expect(added.status == .created || added.status == .ok, "\(added.body)")
            let browser = Browser(app)
            try await browser.signIn(as: "operator.disdukcapil@contohkab.go.id")
            let page = try await browser.get(SiteURL.proposal(proposal.id).path)
            #expect(page.status == .ok)
            #expect(!page.body.contains("<i>X</i>") && !page.body.contains("value=\"2025\" autofocus"))
            #expect(page.body.contains("value=\"2025&quot; autofocus onfocus=&quot;x\""))
            let search = try await Browser(app).get("/publik/cari?q=%22%3E%3Cscript%3Ealert(1)%3C/script%3E")
            #expect(!search.body.contains("<script>alert(1)</script>"))
            #expect(search.body.contains("&quot;&gt;&lt;script&gt;"))
        }
    }

    /// Every textarea may hold line breaks: its name is among the multi-line fields the body check
    /// allows (found by the outside probe: the body settings' Mengingat and Tembusan were refused).
    @Test func everyTextareaIsAllowedItsLineBreaks() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "../../Sources/DikelolaServer")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
        var names: Set<String> = []
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: /FormFields\.textarea\(\s*"([A-Za-z]+)"/) { names.insert(String(match.1)) }
        }
        #expect(names.count > 10)
        #expect(names.subtracting(RequestBody.multiLineFields).isEmpty, "\(names.subtracting(RequestBody.multiLineFields))")
    }

    // MARK: Redirects, units, tokens

    @Test func theSignInRedirectStaysOnThisSite() {
        for hostile in ["/\t/evil.example/", "//evil.example", "/\\evil.example", "https://evil.example/", "/\n/evil.example",
            " /x", "/ruang kosong", "javascript:alert(1)"]
        {
            #expect(LoginController.safeNext(hostile) == SiteURL.home.path, "\(hostile)")
        }
        #expect(LoginController.safeNext("/usulan/abc?tab=1") == "/usulan/abc?tab=1")
    }

    @Test func anOperatorFilesItemsOnlyUnderUnitsTheyActFor() async throws {
        try await withApp { app in
            _ = try await DemoGovernment.load(in: app)
            let (op, proposal) = try await Self.proposal(app, items: 0)
            let other = try #require(try await Unit.query(on: app.db).filter(\.$shortName == "Dinkes").first())
            var input = Sample.item("Data unit lain")
            input.holdingUnitID = other.id
            let reply = try await op.send(.POST, SiteURL.apiProposalItems(proposal.id).path, json: input)
            #expect(reply.status == .unprocessableEntity && reply.body.contains("holdingUnitID"), "\(reply.body)")
            #expect(try await ProposalItem.query(on: app.db).count() == 0)
        }
    }

    @Test func apiTokensEndWhenThePasswordChangesOrIsReset() async throws {
        try await withApp { app in
            _ = try await DemoGovernment.load(in: app)
            let (op, proposal) = try await Self.proposal(app, items: 0)
            #expect(try await op.send(.GET, SiteURL.apiProposal(proposal.id).path).status == .ok)
            let user = try #require(try await User.query(on: app.db).filter(\.$email == Self.operatorEmail).first())
            user.sessionEpoch += 1  // what a change or a reset does
            try await user.save(on: app.db)
            #expect(try await op.send(.GET, SiteURL.apiProposal(proposal.id).path).status == .unauthorized)
            // Through the administrator's reset.
            let fresh = try await APIClient.as(Self.operatorEmail, in: app)
            #expect(try await fresh.send(.GET, SiteURL.apiProposal(proposal.id).path).status == .ok)
            let admin = Browser(app)
            try await admin.signIn(as: "admin.diskominfo@contohkab.go.id")
            try await admin.get(SiteURL.adminUser(user.id).path)
            #expect(try await admin.submit(SiteURL.adminUserReset(user.id).path, [:]).status == .ok)
            #expect(try await fresh.send(.GET, SiteURL.apiProposal(proposal.id).path).status == .unauthorized)
        }
    }

    // MARK: Refusals recorded

    @Test func refusalsOfAnotherActorsStepAndAnotherProposalsItemAreAudited() async throws {
        try await withApp { app in
            _ = try await DemoGovernment.load(in: app)
            let (op, proposal) = try await Self.proposal(app)
            let (_, other) = try await Self.proposal(app)
            let head = try await APIClient.as(PeriodActionTests.head, in: app)
            let before = try await AuditEvent.query(on: app.db).filter(\.$action ~~ ["security.forbidden", "security.notFound"]).count()
            #expect(try await head.send(.POST, SiteURL.apiProposalStep(proposal.id, 1).path, json: [String: String]()).status == .forbidden)
            let wrongItem = try await op.send(.PUT, SiteURL.apiItemTest(proposal.id, other.items[0].id).path, json: Sample.open)
            #expect(wrongItem.status == .notFound)
            let after = try await AuditEvent.query(on: app.db).filter(\.$action ~~ ["security.forbidden", "security.notFound"]).all()
            #expect(after.count == before + 2)
            #expect(Set(after.map(\.action)) == ["security.forbidden", "security.notFound"])
        }
    }

    @Test func aFloodOfAnonymousPostsWritesOneEventAndNeverFails() async throws {
        // Three hundred requests at once: a pool of one connection per loop would time out under load.
        try await withApp(adjust: { $0.databaseConnectionsPerLoop = 4 }) { app in
            try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for n in 0..<300 {
                    group.addTask {
                        try await app.testing().sendRequest(.POST, n % 2 == 0 ? "/masuk" : "/akun/kata-sandi") { request in
                            request.headers.contentType = .urlEncodedForm
                            request.body = ByteBuffer(string: "email=a%40b.c&password=x")
                        }.status
                    }
                }
                var statuses: [HTTPStatus] = []
                for try await status in group { statuses.append(status) }
                #expect(statuses.allSatisfy { $0 == .forbidden || $0 == .seeOther }, "\(Set(statuses.map(\.code)))")
            }
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "security.csrf.rejected").count() == 0)
            try await RefusalTally.flush(app, now: Date().addingTimeInterval(120))
            let tallied = try await AuditEvent.query(on: app.db).filter(\.$action == "security.csrf.rejected").all()
            #expect((1...3).contains(tallied.count))
            #expect(try await AuditLog.verify(on: app.db).firstBreak == nil)
        }
    }

    // MARK: What is published

    /// Every field an officer types on a proposal says, before anything is typed, whether it is
    /// published ("diumumkan") or stays internal; the description and the reason stay internal.
    @Test func everyFieldOfAProposalSaysWhetherItIsPublished() async throws {
        try await withApp { app in
            _ = try await DemoGovernment.load(in: app)
            let (_, proposal) = try await Self.proposal(app)
            let browser = Browser(app)
            try await browser.signIn(as: Self.operatorEmail)
            let page = try await browser.get(SiteURL.proposal(proposal.id).path)
            let fields = page.body.components(separatedBy: #"<div class="field"#).dropFirst()
            #expect(fields.count >= 15, "only \(fields.count) fields")
            for field in fields {
                let block = field.components(separatedBy: "</label>").first ?? field
                #expect(block.contains(#"data-visibility=""#), "no publication tag: \(block.prefix(160))")
            }
            for (name, visibility) in [("description", "internalOnly"), ("reason", "internalOnly"), ("title", "published"),
                ("consequenceIfOpened", "published")]
            {
                let label = try #require(fields.first { $0.contains(#"name="\#(name)""#) || $0.contains(#"for="\#(name)""#)
                    || $0.contains(#"-\#(name)""#) }, "\(name) not on the page")
                #expect(label.contains(#"data-visibility="\#(visibility)""#), "\(name)")
            }
        }
    }

    // MARK: Administrators

    @Test func anAdministratorCannotGiveThemselvesARoleNorReadContentInHistories() async throws {
        try await withApp { app in
            _ = try await DemoGovernment.load(in: app)
            let (_, proposal) = try await Self.proposal(app)
            let adminEmail = "admin.diskominfo@contohkab.go.id"
            let admin = try #require(try await User.query(on: app.db).filter(\.$email == adminEmail).first())
            let unit = try #require(try await Unit.query(on: app.db).filter(\.$shortName == "Disdukcapil").first())
            let browser = Browser(app)
            try await browser.signIn(as: adminEmail)
            try await browser.get(SiteURL.adminUser(admin.id).path)
            let refused = try await browser.submit(
                SiteURL.adminUserRoles(admin.id).path, ["role": Role.head.rawValue, "unitID": unit.id!.uuidString])
            #expect(refused.status == .unprocessableEntity && refused.body.contains("diri sendiri"))
            #expect(
                try await RoleAssignment.query(on: app.db).filter(\.$user.$id == admin.requireID()).filter(\.$role == "head").count()
                    == 0)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "role.assign.refused").count() == 1)
            // Nor to an account whose password they set (made or reset): they could sign in as it.
            let op0 = try #require(try await User.query(on: app.db).filter(\.$email == Self.operatorEmail).first())
            try await browser.get(SiteURL.adminUser(op0.id).path)
            let reset = try await browser.submit(SiteURL.adminUserReset(op0.id).path, [:])
            #expect(reset.status == .ok)
            let oneTime = try #require(reset.body.firstMatch(of: /<p class="secret"><strong>([^<]+)<\/strong>/)?.1).description
            try await browser.get(SiteURL.adminUser(op0.id).path)
            let puppet = try await browser.submit(
                SiteURL.adminUserRoles(op0.id).path, ["role": Role.head.rawValue, "unitID": unit.id!.uuidString])
            #expect(puppet.status == .unprocessableEntity && puppet.body.contains("administrator lain"))
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "role.assign.refused").count() >= 2)
            // Not even once the password is changed: the administrator could have signed in and changed it.
            let owner = Browser(app)
            try await owner.get("/masuk")
            try await owner.post("/masuk", ["email": Self.operatorEmail, "password": oneTime])
            try await owner.get("/akun/kata-sandi")
            let changed = try await owner.post(
                "/akun/kata-sandi", ["current": oneTime, "new": "sawah hijau di kaki bukit", "confirm": "sawah hijau di kaki bukit"])
            #expect(changed.status == .seeOther)
            try await browser.get(SiteURL.adminUser(op0.id).path)
            let still = try await browser.submit(
                SiteURL.adminUserRoles(op0.id).path, ["role": Role.head.rawValue, "unitID": unit.id!.uuidString])
            #expect(still.status == .unprocessableEntity && still.body.contains("create-admin"))
            // The operator's history names the action, not the proposal's title or item.
            let op = try #require(try await User.query(on: app.db).filter(\.$email == Self.operatorEmail).first())
            let history = try await browser.get(SiteURL.adminUser(op.id).path)
            #expect(history.status == .ok && history.body.contains("item.add") && history.body.contains("isi tidak ditampilkan"))
            #expect(!history.body.contains("Informasi 0") && !history.body.contains(proposal.title))
        }
    }
}

extension APIClient {
    /// Sends a JSON body exactly as given (escapes and all).
    func sendRaw(_ method: HTTPMethod, _ path: String, body: String) async throws -> Reply {
        let response = try await app.testing().sendRequest(method, path) { request in
            request.headers.bearerAuthorization = BearerAuthorization(token: token)
            request.headers.contentType = .json
            request.body = ByteBuffer(string: body)
        }
        return Reply(status: response.status, body: response.body.string)
    }
}
