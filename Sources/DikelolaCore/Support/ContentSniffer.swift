/// What a file really is, read from its first bytes rather than its name: an upload named
/// `laporan.pdf` that is an executable, or a "logo" that is an HTML page, is refused.
public enum SniffedType: String, Sendable, CaseIterable {
    case pdf, png, jpeg, gif, webp
    /// Word, Excel and PowerPoint since 2007 (ZIP containers).
    case officeOpenXML
    /// Word, Excel and PowerPoint before 2007 (OLE compound files).
    case officeLegacy
    /// OpenDocument text and spreadsheets.
    case openDocument

    public var mimeType: String {
        switch self {
        case .pdf: "application/pdf"
        case .png: "image/png"
        case .jpeg: "image/jpeg"
        case .gif: "image/gif"
        case .webp: "image/webp"
        case .officeOpenXML: "application/vnd.openxmlformats-officedocument"
        case .officeLegacy: "application/x-ole-storage"
        case .openDocument: "application/vnd.oasis.opendocument"
        }
    }

    /// File name endings each type may carry.
    public var extensions: Set<String> {
        switch self {
        case .pdf: ["pdf"]
        case .png: ["png"]
        case .jpeg: ["jpg", "jpeg"]
        case .gif: ["gif"]
        case .webp: ["webp"]
        case .officeOpenXML: ["docx", "xlsx", "pptx"]
        case .officeLegacy: ["doc", "xls", "ppt"]
        case .openDocument: ["odt", "ods", "odp"]
        }
    }

    public static func sniff(_ bytes: some Collection<UInt8>) -> SniffedType? {
        let head = Array(bytes.prefix(128))
        func starts(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
            head.count >= offset + prefix.count && Array(head[offset..<offset + prefix.count]) == prefix
        }
        if starts(Array("%PDF-".utf8)) { return .pdf }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return .gif }
        if starts(Array("RIFF".utf8)), starts(Array("WEBP".utf8), at: 8) { return .webp }
        if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .officeLegacy }
        if starts([0x50, 0x4B, 0x03, 0x04]) {
            // An OpenDocument file stores its type uncompressed first: "mimetype" then the type.
            if starts(Array("mimetypeapplication/vnd.oasis.opendocument".utf8), at: 30) { return .openDocument }
            return .officeOpenXML
        }
        return nil
    }
}
