import Foundation

/// A PDF signature added as an incremental update (ISO 32000-1 §12.8; PAdES, ETSI EN 319 142-1):
/// the original bytes stay as they are, and appended after them come the catalog with an AcroForm,
/// the first page with the signature's widget among its annotations, the signature field, and the
/// signature dictionary whose /Contents holds a detached CMS over every byte of the file but
/// itself (/ByteRange). Reads PDFs with a classic cross-reference table, as Chromium writes them.
public enum PDFSignature {
    public struct Details: Sendable {
        public var name: String
        public var reason: String
        public var location: String
        public var signedAt: Date

        public init(name: String, reason: String, location: String, signedAt: Date) {
            self.name = name
            self.reason = reason
            self.location = location
            self.signedAt = signedAt
        }
    }

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case unreadable(String)
        case signatureTooLarge(Int)

        public var description: String {
            switch self {
            case let .unreadable(what): "PDF tidak dapat ditandatangani: \(what)."
            case let .signatureTooLarge(size): "Tanda tangan (\(size) bita) lebih besar dari tempat yang disediakan."
            }
        }
    }

    /// The file with its signature's place reserved, and what must be signed.
    public struct Prepared: Sendable {
        public let bytes: [UInt8]
        /// Where the hexadecimal /Contents string lies, its angle brackets included.
        let contents: Range<Int>

        /// The bytes the signature covers: all but /Contents.
        public var signedBytes: [UInt8] { Array(bytes[..<contents.lowerBound]) + Array(bytes[contents.upperBound...]) }
    }

    /// Bytes of CMS a signature may take (a certificate chain of a few certificates fits).
    public static let capacity = 24_576

    /// Appends the update that holds the signature, with /Contents left blank.
    public static func prepare(_ pdf: [UInt8], details: Details) throws -> Prepared {
        var reader = try PDFReader(pdf)
        let root = try reader.trailerReference("Root")
        let catalog = try reader.dictionary(of: root)
        guard !catalog.contains("/AcroForm") else { throw Failure.unreadable("berkas ini sudah punya formulir atau tanda tangan") }
        let page = try reader.firstPage(catalog)
        let signature = reader.size, widget = reader.size + 1
        var pageDictionary = try reader.dictionary(of: page)
        var extra: [(Int, String)] = []
        if let annots = PDFReader.value(of: "/Annots", in: pageDictionary) {
            if annots.hasPrefix("[") {
                let updated = String(annots.dropLast()) + " \(widget) 0 R]"
                pageDictionary = pageDictionary.replacingOccurrences(of: annots, with: updated)
            } else if let array = PDFReader.reference(annots) {
                let text = try reader.objectBody(of: array).trimmingCharacters(in: .whitespacesAndNewlines)
                guard text.hasPrefix("["), text.hasSuffix("]") else { throw Failure.unreadable("daftar anotasi halaman") }
                extra.append((array, String(text.dropLast()) + " \(widget) 0 R]"))
            }
        } else {
            pageDictionary = PDFReader.adding("/Annots [\(widget) 0 R]", to: pageDictionary)
        }
        let newCatalog = PDFReader.adding("/AcroForm <</Fields [\(widget) 0 R] /SigFlags 3>>", to: catalog)
        let placeholder = String(repeating: "0", count: capacity * 2)
        let signatureDictionary =
            "<</Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached "
            + "/ByteRange [0 0000000000 0000000000 0000000000] /Contents <\(placeholder)> "
            + "/M \(PDFText.date(details.signedAt)) /Name \(PDFText.string(details.name)) "
            + "/Reason \(PDFText.string(details.reason)) /Location \(PDFText.string(details.location))>>"
        let widgetDictionary =
            "<</Type /Annot /Subtype /Widget /FT /Sig /T \(PDFText.string("Tanda tangan \(signature)")) /V \(signature) 0 R "
            + "/F 132 /Rect [0 0 0 0] /P \(page) 0 R>>"
        var objects = [(root, newCatalog), (page, pageDictionary), (signature, signatureDictionary), (widget, widgetDictionary)]
        objects += extra
        var out = pdf
        if out.last != UInt8(ascii: "\n") { out.append(UInt8(ascii: "\n")) }
        var offsets: [(Int, Int)] = []
        for (number, body) in objects.sorted(by: { $0.0 < $1.0 }) {
            offsets.append((number, out.count))
            out += Array("\(number) 0 obj\n\(body)\nendobj\n".utf8)
        }
        let xref = out.count
        var table = "xref\n"
        for (number, offset) in offsets {
            table += "\(number) 1\n" + String(format: "%010d 00000 n\r\n", offset)
        }
        var trailer = "<</Size \(reader.size + 2) /Root \(root) 0 R /Prev \(reader.startxref)"
        if let info = reader.trailerValue("Info") { trailer += " /Info \(info)" }
        if let id = reader.trailerValue("ID") { trailer += " /ID \(id)" }
        out += Array((table + "trailer\n" + trailer + ">>\nstartxref\n\(xref)\n%%EOF\n").utf8)
        // The byte range: everything but the hexadecimal string, brackets included.
        guard let start = PDFReader.find(Array("/Contents <".utf8), in: out, from: xref - 1, backwards: true) else {
            throw Failure.unreadable("tempat tanda tangan")
        }
        let open = start + "/Contents ".utf8.count
        let close = open + placeholder.utf8.count + 2
        let range = "[0 \(pad(open)) \(pad(close)) \(pad(out.count - close))]"
        guard let slot = PDFReader.find(Array("[0 0000000000 0000000000 0000000000]".utf8), in: out, from: open, backwards: true)
        else { throw Failure.unreadable("rentang bita") }
        out.replaceSubrange(slot..<(slot + range.utf8.count), with: Array(range.utf8))
        return Prepared(bytes: out, contents: open..<close)
    }

    /// The file with `cms` (DER) in its /Contents.
    public static func embed(_ cms: [UInt8], into prepared: Prepared) throws -> [UInt8] {
        guard cms.count <= capacity else { throw Failure.signatureTooLarge(cms.count) }
        var hex = cms.map { String(format: "%02x", $0) }.joined()
        hex += String(repeating: "0", count: capacity * 2 - hex.count)
        var out = prepared.bytes
        out.replaceSubrange((prepared.contents.lowerBound + 1)..<(prepared.contents.upperBound - 1), with: Array(hex.utf8))
        return out
    }

    /// Signs `pdf` with `signer`: the PAdES signature in one call.
    public static func sign(_ pdf: [UInt8], details: Details, signer: CMSSigner) throws -> [UInt8] {
        let prepared = try prepare(pdf, details: details)
        return try embed(try signer.sign(prepared.signedBytes), into: prepared)
    }

    static func pad(_ number: Int) -> String { String(format: "%010d", number) }
}

/// PDF strings and dates.
enum PDFText {
    /// A literal string when printable ASCII, else UTF-16BE with its byte-order mark, in hexadecimal.
    static func string(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) {
            let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "(", with: "\\(")
                .replacingOccurrences(of: ")", with: "\\)")
            return "(\(escaped))"
        }
        let units = [0xFEFF] + text.utf16.map(Int.init)
        return "<" + units.map { String(format: "%04X", $0) }.joined() + ">"
    }

    /// `(D:20261126150000Z)`.
    static func date(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "(D:%04d%02d%02d%02d%02d%02dZ)", c.year ?? 1970, c.month ?? 1, c.day ?? 1, c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }
}
