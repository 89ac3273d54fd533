import DikelolaCore
import Foundation
import Vapor

/// Checks an upload before it is stored: not empty, not too large, of an allowed kind by its
/// content, and named as what it is.
enum FileIntake {
    enum Problem: Error, Equatable, CustomStringConvertible {
        case empty
        case tooLarge(limit: Int)
        case notAllowed(allowed: [SniffedType])
        case nameDoesNotMatch(name: String, actual: SniffedType)

        var description: String {
            switch self {
            case .empty: "Berkas kosong."
            case let .tooLarge(limit): "Berkas lebih besar dari batas \(limit / 1_048_576) MB."
            case let .notAllowed(allowed):
                "Jenis berkas tidak diterima; yang diterima: \(allowed.flatMap(\.extensions).sorted().joined(separator: ", "))."
            case let .nameDoesNotMatch(name, actual):
                "Nama berkas \(name) tidak sesuai isinya (isinya \(actual.extensions.sorted().joined(separator: "/")))."
            }
        }
    }

    static func check(_ file: File, allowed: [SniffedType], maxBytes: Int) throws(Problem) -> (type: SniffedType, data: Data) {
        let bytes = file.data.readableBytesView
        guard !bytes.isEmpty else { throw .empty }
        guard bytes.count <= maxBytes else { throw .tooLarge(limit: maxBytes) }
        guard let type = SniffedType.sniff(bytes), allowed.contains(type) else { throw .notAllowed(allowed: allowed) }
        let name = TextInput.fileName(file.filename)
        let ending = name.split(separator: ".").last.map { String($0).lowercased() } ?? ""
        guard type.extensions.contains(ending) else { throw .nameDoesNotMatch(name: name, actual: type) }
        return (type, Data(bytes))
    }

    static func sha256(_ data: Data) -> String { PublicationManifest.sha256(data) }

    static func stored(_ data: Data, type: SniffedType, name: String, by user: CurrentUser?) -> StoredFile {
        // No path, no control or bidirectional characters, at most 200 characters.
        let safeName = TextInput.fileName(name)
        return StoredFile(
            sha256: sha256(data), size: data.count, contentType: type.mimeType, originalName: safeName,
            data: data, createdBy: user?.id.uuidString)
    }
}
