import DikelolaCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import DikelolaServer

/// Calls the JSON API as one demo person, with a personal token of theirs.
struct APIClient {
    let app: Application
    let token: String

    static func `as`(_ email: String, in app: Application) async throws -> APIClient {
        let user = try #require(try await User.query(on: app.db).filter(\.$email == email).first(), "no user \(email)")
        let issued = try await ApiTokens.issue(
            userID: user.id!, name: "uji", validFor: 1, now: app.dikelola.clock.now(), on: app.db)
        return APIClient(app: app, token: issued.token)
    }

    struct Reply {
        let status: HTTPStatus
        let body: String
        func decode<T: Decodable>(_ type: T.Type) throws -> T {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            return try decoder.decode(T.self, from: Data(body.utf8))
        }
        var proposal: ProposalView { get throws { try decode(ProposalView.self) } }
        var error: String {
            (try? decode([String: String].self)["error"])
                ?? (try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])?["error"] as? String ?? body
        }
    }

    @discardableResult
    func send(_ method: HTTPMethod, _ path: String, json: (any Encodable)? = nil) async throws -> Reply {
        let response = try await app.testing().sendRequest(
            method, path,
            beforeRequest: { request in
                request.headers.bearerAuthorization = BearerAuthorization(token: token)
                if let json {
                    request.headers.contentType = .json
                    request.body = ByteBuffer(data: try JSONEncoder().encode(json))
                }
            })
        return Reply(status: response.status, body: response.body.string)
    }

    /// Records the test meeting, held on `date` with the unit's PPID among the participants
    /// (UU 14/2008 Ps 19: no decree without it).
    @discardableResult
    func recordMeeting(_ proposal: UUID, date: String = "2026-11-02") async throws -> Reply {
        let reply = try await send(
            .PUT, SiteURL.apiProposalMeeting(proposal).path,
            json: Sample.Meeting(date: date, place: "Ruang rapat", participants: ["Sari — Kepala Bidang", "Budi — PPID Pembantu"]))
        #expect(reply.status == .ok, "\(reply.body)")
        return reply
    }

    /// Agrees to the decree as the head, acknowledging every warning the proposal shows.
    @discardableResult
    func approveDecree(_ proposal: UUID, step: Int) async throws -> Reply {
        let shown = try await send(.GET, SiteURL.apiProposal(proposal).path).proposal
        return try await send(
            .POST, SiteURL.apiProposalStep(proposal, step).path,
            json: Sample.Approval(decision: "agree", acknowledgements: shown.warnings.map(\.key)))
    }

    @discardableResult
    func upload(_ path: String, fields: [String: String], name: String, bytes: [UInt8]) async throws -> Reply {
        let boundary = "----api\(UUID().uuidString)"
        var body = ByteBuffer()
        for (key, value) in fields {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(key)\"\r\n\r\n\(value)\r\n")
        }
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\n")
        body.writeString("Content-Type: application/octet-stream\r\n\r\n")
        body.writeBytes(bytes)
        body.writeString("\r\n--\(boundary)--\r\n")
        let response = try await app.testing().sendRequest(
            .POST, path,
            beforeRequest: { request in
                request.headers.bearerAuthorization = BearerAuthorization(token: token)
                request.headers.contentType = HTTPMediaType(
                    type: "multipart", subType: "form-data", parameters: ["boundary": boundary])
                request.body = body
            })
        return Reply(status: response.status, body: response.body.string)
    }
}

/// Small, valid-looking documents: real enough for the content checks.
enum SampleFile {
    static let pdf: [UInt8] = Array("%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".utf8)
}

/// Fixtures of the procedure.
enum Sample {
    struct Meeting: Encodable {
        let date: String
        let place: String
        let participants: [String]
    }

    struct Approval: Encodable {
        let decision: String
        let acknowledgements: [String]
    }

    static func item(_ title: String) -> ProposalService.ItemInput {
        .init(
            title: title, description: "Uraian \(title)", holdingUnitID: nil, form: "both", madeWhen: "2026", madeWhere: "Contoh",
            archiveCode: "000.5.10")
    }

    static func closed(_ ground: String, statute: String? = nil, years: Int = 5) -> ProposalService.TestInput {
        .init(
            ground: ground, otherStatute: statute, consequenceIfOpened: "Data pribadi warga terungkap dan dapat disalahgunakan.",
            consequenceIfClosed: "Kepentingan publik tetap terlayani melalui data agregat.", verdict: "closed", parts: nil,
            period: .length(PeriodLength(years: years), from: LocalDate(year: 2026, month: 11, day: 21)!),
            reason: "Melindungi data pribadi.")
    }

    static func partly(_ ground: String, statute: String?) -> ProposalService.TestInput {
        var test = closed(ground, statute: statute)
        test.verdict = "partlyClosed"
        test.parts = ["NIK", "alamat rumah"]
        test.openPart = "Nama kecamatan dan jumlah penerima"
        return test
    }

    static let open = ProposalService.TestInput(
        ground: nil, otherStatute: nil, consequenceIfOpened: "Tidak ada kerugian bila dibuka.",
        consequenceIfClosed: "Publik kehilangan informasi layanan.", verdict: "open", parts: nil, period: nil,
        reason: "Informasi layanan umum.")
}
