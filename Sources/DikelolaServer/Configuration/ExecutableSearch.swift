import Foundation

/// Finds a program the way a shell would: the first folder, in order, holding one of the names
/// (Chromium for PDFs, pg_dump and pg_restore for backups).
enum ExecutableSearch {
    /// The folders of a `PATH` value, in order.
    static func folders(ofPath path: String) -> [String] { path.split(separator: ":").map(String.init) }

    static func first(named names: [String], in folders: [String]) -> URL? {
        for folder in folders {
            for name in names {
                let candidate = URL(fileURLWithPath: folder).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            }
        }
        return nil
    }
}
