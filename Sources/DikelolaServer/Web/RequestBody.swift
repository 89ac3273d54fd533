import DikelolaCore
import Foundation
import NIOCore
import Vapor

/// How much of a request's body a route may read. Decided when the route is registered, enforced
/// before a byte is kept: a `Content-Length` over the limit is refused unread, and a body that
/// grows past it stops being read.
enum BodyLimit: Sendable, Equatable {
    /// A form or a JSON document.
    case form
    /// A file upload: the configured upload limit and a margin for the form's other fields.
    case upload
    case bytes(Int)

    /// Files are read only once the handler has decided the person may send this one (who may attach
    /// to this proposal, sign this decree, change this body's logo): the handler calls
    /// `Request.admitBody()` after that check. Forms and JSON documents are read before the handler.
    var waitsForTheHandler: Bool { self != .form }

    /// Forms and JSON documents: the longest consequence test fits many times over.
    static let formBytes = 256 * 1024
    /// The multipart fields around a file.
    static let uploadMargin = 64 * 1024

    func bytes(_ app: Application) -> Int {
        switch self {
        case .form: Self.formBytes
        case .upload: app.dikelola.configuration.maxUploadBytes + Self.uploadMargin
        case let .bytes(count): count
        }
    }
}

/// The body of a signed-in person's request, read only once the request is allowed: its route is
/// registered to stream (`RoutesBuilder.signedIn`), so nothing is collected before the person is
/// known; then the CSRF token is checked (from the header, the form, or the first part of a
/// multipart upload, read before the file), and every text field is checked before any handler
/// sees it (`TextInput`): a control character or an unpaired surrogate is refused with 422 naming
/// the field, so no store can keep something other than what was hashed.
enum RequestBody {
    /// Marks routes whose body is read here, after sign-in (`Route.userInfo`).
    static let readAfterSignInKey = "dikelola.bodyAfterSignIn"

    /// Form fields and JSON keys whose text may span lines (textareas and their API twins).
    static let multiLineFields: Set<String> = [
        "description", "consequenceIfOpened", "consequenceIfClosed", "ifOpened", "ifClosed", "reason", "note", "memoText",
        "text", "panelOpinion", "meetingParticipants", "letterhead", "summary", "parts", "parts[]", "lines", "legalBasis",
        "copiesTo", "openPart", "orderText",
    ]

    /// A textarea of its own, or a cell of an import's row (`row-7-ifOpened`) whose column may span lines.
    static func isMultiLine(_ field: String) -> Bool {
        if multiLineFields.contains(field) { return true }
        guard field.hasPrefix("row-"), let column = field.split(separator: "-").last else { return false }
        return ImportColumn(rawValue: String(column))?.isMultiLine == true
    }

    private struct PendingCSRFKey: StorageKey { typealias Value = String }
    private struct PendingBodyKey: StorageKey { typealias Value = Int }

    /// Leaves the body unread until the handler calls `Request.admitBody()`.
    static func postpone(_ req: Request, limit: Int) { req.storage[PendingBodyKey.self] = limit }

    /// Reads a deferred body (see `BodyLimit.waitsForTheHandler`); nothing when none waits.
    static func admitDeferred(_ req: Request) async throws {
        guard let limit = req.storage[PendingBodyKey.self] else { return }
        req.storage[PendingBodyKey.self] = nil
        try await admit(req, limit: limit)
    }

    /// The session's token, to be matched against the body once the request is allowed.
    static func expectCSRF(_ req: Request, token: String) { req.storage[PendingCSRFKey.self] = token }

    static func admit(_ req: Request, limit: Int) async throws {
        guard ![.GET, .HEAD, .OPTIONS].contains(req.method) else { return }
        if let declared = req.headers.first(name: .contentLength).flatMap(Int.init), declared > limit {
            throw tooLarge(limit)
        }
        let expected = req.storage[PendingCSRFKey.self]
        if let expected, req.headers.contentType?.type == "multipart" {
            try await collectMultipart(req, limit: limit, expected: expected)
        } else {
            do {
                _ = try await req.body.collect(max: limit).get()
            } catch let error as Abort where error.status == .payloadTooLarge {
                throw tooLarge(limit)
            }
            if let expected {
                guard let offered = try? req.content.get(String.self, at: CSRF.formField), CSRF.matches(expected, offered)
                else { try await CSRF.refuse(req) }
            }
        }
        try checkText(req)
    }

    /// 413 in the documented shape: `{error, fields}` for the API, an error page for a browser.
    static func tooLarge(_ limit: Int) -> ProcedureError {
        let megabytes = max(1, limit / 1_048_576)
        let message =
            limit >= 1_048_576
            ? "Kiriman terlalu besar: paling besar sekitar \(megabytes) MB; perkecil berkasnya atau pindai dengan resolusi lebih rendah."
            : "Kiriman terlalu besar: paling besar \(limit / 1024) KB."
        return ProcedureError(status: .payloadTooLarge, message: message, fields: ["file": message])
    }

    // MARK: Multipart uploads

    /// Reads an upload whose CSRF token travels in the form: the token must be the first part
    /// (every upload form of Dikelola puts it first), so a forged or anonymous upload is refused
    /// after a few hundred bytes, before the file.
    private static func collectMultipart(_ req: Request, limit: Int, expected: String) async throws {
        guard let boundary = req.headers.contentType?.parameters["boundary"], !boundary.isEmpty, boundary.utf8.count <= 200
        else { try await CSRF.refuse(req) }
        var collected = req.byteBufferAllocator.buffer(capacity: 0)
        var checked = false
        for try await var chunk in req.body {
            guard collected.readableBytes + chunk.readableBytes <= limit else { throw tooLarge(limit) }
            collected.writeBuffer(&chunk)
            if !checked {
                switch MultipartFirstField.read(collected.readableBytesView, boundary: boundary) {
                case .needMore:
                    if collected.readableBytes > MultipartFirstField.maximumHead { try await CSRF.refuse(req) }
                case let .field(name, value):
                    guard name == CSRF.formField, CSRF.matches(expected, value) else { try await CSRF.refuse(req) }
                    checked = true
                case .malformed:
                    try await CSRF.refuse(req)
                }
            }
        }
        guard checked else { try await CSRF.refuse(req) }
        // Hand the bytes to Vapor as the request's collected body, so `req.content` reads them.
        try req.content.encode(RawBody(buffer: collected), using: RawBodyEncoder())
    }

    // MARK: Text

    /// Checks every text field of a form or JSON body.
    static func checkText(_ req: Request) throws {
        guard let data = req.body.data, data.readableBytes > 0 else { return }
        let type = req.headers.contentType
        if type == .urlEncodedForm {
            for (name, value) in URLEncodedFields.parse(Array(data.readableBytesView)) {
                try check(value, field: name)
            }
        } else if type?.subType == "json" || type?.subType.hasSuffix("+json") == true {
            try JSONText.check(Array(data.readableBytesView)) { value, field in try check(value, field: field) }
        }
    }

    private static func check(_ value: String?, field: String) throws {
        guard let value else {
            throw ProcedureError.invalid([field: "Kolom \(field) bukan teks UTF-8 yang sah."])
        }
        if let problem = TextInput.problem(in: value, multiLine: isMultiLine(field)) {
            throw ProcedureError.invalid([field: "Kolom \(field) \(problem.indonesian)"])
        }
    }

    /// `application/x-www-form-urlencoded`, read by the rules browsers write it with: fields split
    /// on `&`, `+` for a space, percent escapes decoded as UTF-8 (nil where they are not).
    enum URLEncodedFields {
        static func parse(_ bytes: [UInt8]) -> [(name: String, value: String?)] {
            let text = String(decoding: bytes, as: UTF8.self)
            return text.split(separator: "&", omittingEmptySubsequences: true).map { pair in
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                func decode(_ part: Substring) -> String? {
                    String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
                }
                let name = decode(parts[0]).map { TextInput.storable($0) } ?? "?"
                return (String(name.prefix(100)), parts.count > 1 ? decode(parts[1]) : "")
            }
        }
    }

    /// Walks the strings of a JSON document with the key each belongs to. An escaped surrogate with
    /// no partner (`"\ud800"`) has no character to become: it is reported as U+0000 in its field.
    enum JSONText {
        static let maximumDepth = 32

        static func check(_ bytes: [UInt8], _ visit: (String?, String) throws -> Void) throws {
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw ProcedureError(status: .badRequest, message: "Isian JSON bukan teks UTF-8 yang sah.")
            }
            let (repaired, depth) = replacingLoneSurrogates(text)
            guard depth <= maximumDepth else {
                throw ProcedureError(status: .badRequest, message: "Isian JSON bersarang terlalu dalam.")
            }
            // Not JSON: left to the decoder, which names what it could not read.
            guard let object = try? JSONSerialization.jsonObject(with: Data(repaired.utf8), options: [.fragmentsAllowed])
            else { return }
            try walk(object, key: "body", visit)
        }

        private static func walk(_ value: Any, key: String, _ visit: (String?, String) throws -> Void) throws {
            if let string = value as? String {
                try visit(string, key)
            } else if let array = value as? [Any] {
                for element in array { try walk(element, key: key, visit) }
            } else if let object = value as? [String: Any] {
                for (name, element) in object {
                    try visit(name, "kunci")
                    try walk(element, key: name, visit)
                }
            }
        }

        /// The text with each unpaired `\uD800`–`\uDFFF` escape written as `\u0000`, and the
        /// deepest nesting of arrays and objects.
        static func replacingLoneSurrogates(_ text: String) -> (String, depth: Int) {
            let scalars = Array(text.unicodeScalars)
            var out = String.UnicodeScalarView()
            var depth = 0, deepest = 0, inString = false, i = 0
            func hex(at index: Int) -> UInt32? {
                guard index + 5 < scalars.count, scalars[index] == "\\", scalars[index + 1] == "u" else { return nil }
                let digits = String(String.UnicodeScalarView(scalars[(index + 2)..<(index + 6)]))
                return UInt32(digits, radix: 16)
            }
            while i < scalars.count {
                let c = scalars[i]
                if inString {
                    if c == "\\", i + 1 < scalars.count {
                        if let value = hex(at: i), (0xD800...0xDFFF).contains(value) {
                            if (0xD800...0xDBFF).contains(value), let low = hex(at: i + 6), (0xDC00...0xDFFF).contains(low) {
                                out.append(contentsOf: scalars[i..<(i + 12)])
                                i += 12
                            } else {
                                out.append(contentsOf: "\\u0000".unicodeScalars)
                                i += 6
                            }
                            continue
                        }
                        out.append(c)
                        out.append(scalars[i + 1])
                        i += 2
                        continue
                    }
                    if c == "\"" { inString = false }
                } else if c == "\"" {
                    inString = true
                } else if c == "[" || c == "{" {
                    depth += 1
                    deepest = max(deepest, depth)
                } else if c == "]" || c == "}" {
                    depth -= 1
                }
                out.append(c)
                i += 1
            }
            return (String(out), deepest)
        }
    }
}

extension Request {
    /// Reads the body the route left unread until the person was found entitled to send it.
    func admitBody() async throws { try await RequestBody.admitDeferred(self) }

    /// An upload's fields and file. A body a multipart parser cannot read (a raw CR in a file name,
    /// a missing boundary) is the sender's mistake: 400 with a clear message, never a server error.
    func decodeUpload<T: Decodable>(_ type: T.Type) throws -> T {
        do {
            return try content.decode(T.self)
        } catch let error as DecodingError {
            throw error
        } catch {
            throw ProcedureError(
                status: .badRequest,
                message: "Unggahan tidak dapat dibaca: kirim ulang berkasnya dari formulir (nama berkas tanpa karakter kendali).",
                fields: ["file": "Unggahan tidak dapat dibaca."])
        }
    }
}

/// The first field of a multipart body, read from its first bytes.
enum MultipartFirstField {
    enum Result: Equatable {
        case needMore
        case field(name: String, value: String)
        case malformed
    }

    /// The first part's head and a token fit in this many bytes.
    static let maximumHead = 4_096

    static func read(_ bytes: ByteBufferView, boundary: String) -> Result {
        let data = Array(bytes.prefix(maximumHead + 1))
        let opening = Array("--\(boundary)\r\n".utf8)
        guard data.count >= opening.count else { return .needMore }
        guard data.starts(with: opening) else { return .malformed }
        let afterOpening = opening.count
        guard let headEnd = find(Array("\r\n\r\n".utf8), in: data, from: afterOpening) else {
            return data.count > maximumHead ? .malformed : .needMore
        }
        let head = String(decoding: data[afterOpening..<headEnd], as: UTF8.self)
        guard let disposition = head.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-disposition:") }),
            let nameRange = disposition.range(of: "name=\"")
        else { return .malformed }
        let rest = disposition[nameRange.upperBound...]
        guard let close = rest.firstIndex(of: "\"") else { return .malformed }
        let name = String(rest[..<close])
        let valueStart = headEnd + 4
        guard let valueEnd = find(Array("\r\n--\(boundary)".utf8), in: data, from: valueStart) else {
            return data.count > maximumHead ? .malformed : .needMore
        }
        return .field(name: name, value: String(decoding: data[valueStart..<valueEnd], as: UTF8.self))
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        for index in start...(haystack.count - needle.count) where haystack[index] == needle[0] {
            if haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
        }
        return nil
    }
}

/// Bytes already read, handed back to Vapor as the request's collected body.
private struct RawBody: Encodable {
    let buffer: ByteBuffer
    func encode(to encoder: any Encoder) throws {}
}

private struct RawBodyEncoder: ContentEncoder {
    func encode<E: Encodable>(_ encodable: E, to body: inout ByteBuffer, headers: inout HTTPHeaders) throws {
        guard var raw = (encodable as? RawBody)?.buffer else { return }
        body.writeBuffer(&raw)
    }
}
