import Foundation
import Vapor

/// Vapor's multipart decoder, behind a check of the one thing that traps it: MultipartKit looks
/// each byte of a part's header name up in a 128-entry table, so a byte of 128 or more before the
/// colon ("Contént-Disposition") indexes out of range and stops the process. Every multipart body
/// any route decodes — an upload, or a form posted as multipart to a route that expects
/// urlencoded fields, even by someone not signed in — is checked here first, and refused as
/// unreadable instead.
struct GuardedFormDataDecoder: ContentDecoder {
    let base = FormDataDecoder()

    func decode<D: Decodable>(_ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders) throws -> D {
        try decode(D.self, from: body, headers: headers, userInfo: [:])
    }

    func decode<D: Decodable>(
        _ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders, userInfo: [CodingUserInfoKey: any Sendable]
    ) throws -> D {
        guard let boundary = headers.contentType?.parameters["boundary"], !boundary.isEmpty else {
            throw Abort(.badRequest, reason: "Unggahan tanpa batas bagian (boundary) tidak dapat dibaca.")
        }
        guard Self.headerNamesAreASCII(Array(body.readableBytesView), boundary: Array(("--" + boundary).utf8)) else {
            throw Abort(.badRequest, reason: "Unggahan tidak dapat dibaca: nama kepala bagian memuat karakter di luar ASCII.")
        }
        do {
            return try base.decode(D.self, from: body, headers: headers, userInfo: userInfo)
        } catch let error as DecodingError {
            throw error
        } catch {
            // A body the parser cannot read is the sender's mistake: 400, never a server error.
            throw Abort(.badRequest, reason: "Unggahan tidak dapat dibaca: kirim ulang dari formulir.")
        }
    }

    /// Whether every header name of every part (the bytes after a delimiter line and each header
    /// line, up to the colon) is ASCII. Checks after every occurrence of the delimiter, which is
    /// more than the parser treats as one, so nothing the parser reads escapes the check.
    static func headerNamesAreASCII(_ bytes: [UInt8], boundary: [UInt8]) -> Bool {
        let cr: UInt8 = 13, lf: UInt8 = 10, colon: UInt8 = 58
        guard !boundary.isEmpty, bytes.count >= boundary.count else { return true }
        var start = 0
        while let found = firstIndex(of: boundary, in: bytes, from: start) {
            var i = found + boundary.count
            start = found + 1
            guard i + 1 < bytes.count, bytes[i] == cr, bytes[i + 1] == lf else { continue }
            i += 2
            // Header lines until an empty one: a name up to the colon, a value up to CR LF.
            while i < bytes.count {
                if bytes[i] == cr { break }  // the empty line ending the headers
                while i < bytes.count, bytes[i] != colon, bytes[i] != cr {
                    if bytes[i] >= 128 { return false }
                    i += 1
                }
                while i < bytes.count, bytes[i] != cr { i += 1 }
                guard i + 1 < bytes.count, bytes[i + 1] == lf else { break }
                i += 2
            }
        }
        return true
    }

    private static func firstIndex(of needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, start <= haystack.count - needle.count else { return nil }
        var i = start
        while i <= haystack.count - needle.count {
            if haystack[i] == first, haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
