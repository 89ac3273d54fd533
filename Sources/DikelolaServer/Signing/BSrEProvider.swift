import DikelolaCore
import Foundation
import Vapor

/// BSrE's (BSSN) electronic signing service, as its client API publishes it: `POST {url}/api/sign/pdf`
/// with HTTP Basic credentials of the registered application and a multipart form of `file` (the
/// PDF), `nik` and `passphrase` of the signer, and `tampilan` (`invisible`: no visible stamp). It
/// answers the signed PDF, or a JSON `{"error": "…", "status_code": n}` with an error status.
struct BSrEProvider: SigningProvider {
    let settings: SigningSettings.BSrE
    let client: any Client

    var label: String { "layanan TTE BSrE (\(settings.url.host ?? ""))" }
    var needsNIK: Bool { true }
    var needsPassphrase: Bool { true }

    static let timeout: Int64 = 60

    func sign(_ pdf: [UInt8], details: PDFSignature.Details, credentials: SigningCredentials) async throws -> [UInt8] {
        guard let nik = credentials.nik?.nilIfBlank else { throw SigningError.nikMissing }
        guard let passphrase = credentials.passphrase?.nilIfBlank else { throw SigningError.passphraseMissing }
        let boundary = "dikelola-\(UUID().uuidString)"
        var body = ByteBuffer()
        for (name, value) in [("nik", nik), ("passphrase", passphrase), ("tampilan", "invisible")] {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        body.writeString(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"dokumen.pdf\"\r\nContent-Type: application/pdf\r\n\r\n")
        body.writeBytes(pdf)
        body.writeString("\r\n--\(boundary)--\r\n")
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": boundary])
        headers.basicAuthorization = BasicAuthorization(username: settings.user, password: settings.password)
        headers.add(name: .userAgent, value: "Dikelola-TTE/1")
        let url = settings.url.appendingPathComponent("api").appendingPathComponent("sign").appendingPathComponent("pdf")
        let response: ClientResponse
        do {
            response = try await client.send(
                ClientRequest(method: .POST, url: URI(string: url.absoluteString), headers: headers, body: body, timeout: .seconds(Self.timeout)))
        } catch {
            throw SigningError.serviceUnreachable(String(describing: error))
        }
        guard response.status == .ok, var buffer = response.body, let bytes = buffer.readBytes(length: buffer.readableBytes),
            bytes.starts(with: Array("%PDF-".utf8))
        else {
            struct Refusal: Decodable {
                let error: String?
                let status_code: Int?
            }
            let refusal = try? response.content.decode(Refusal.self, as: .json)
            if response.status == .unauthorized { throw SigningError.serviceRefused("kredensial aplikasi ditolak (401)") }
            throw SigningError.serviceRefused(
                (refusal?.error ?? "jawaban bukan PDF") + " (HTTP \(response.status.code)"
                    + (refusal?.status_code.map { ", kode \($0)" } ?? "") + ")")
        }
        return bytes
    }
}
