import DikelolaCore
import Foundation

/// A new version reuses the entry pages that did not change: the previous version's file is hard
/// linked into the new folder instead of being rendered and written again, so a version that
/// changes one entry of a 2,000-entry body writes that entry's pages, the lists, the exports and
/// the feed, not 4,000 entry pages (issue 16). Each version folder stays whole — any web server,
/// or a copy of the folder, serves it as before — and shares its unchanged files' bytes on disk.
///
/// An entry page says the version it was published in ("sebagaimana diterbitkan dalam versi N"),
/// so the same bytes are true in every later version while the entry stays the same. A page is
/// reused only when the previous version's folder was written by pages of the same template
/// (`template`, marked in the folder) and the body's public name and zone are unchanged.
struct EntryPageReuse {
    /// Raise it whenever an entry page's rendering changes: the next version renders every page.
    static let template = 1
    static var marker: String { ".halaman-entri-\(template)" }

    private let previousFolder: URL?
    private let unchanged: Set<String>

    init(_ v: PublicPages.Version, versions: URL) {
        let fm = FileManager.default
        let folder = versions.appendingPathComponent(String(v.number - 1), isDirectory: true)
        guard let previous = v.previous, v.correction == nil, previous.body == v.register.body,
            fm.fileExists(atPath: folder.appendingPathComponent(Self.marker).path)
        else {
            previousFolder = nil
            unchanged = []
            return
        }
        let before = Dictionary(previous.entries.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        previousFolder = folder
        unchanged = Set(v.register.entries.filter { before[$0.id] == $0 }.map(\.id))
    }

    /// Links the previous version's page of `entry` to `target`; false when it must be rendered.
    func link(_ entry: PublicRegister.Entry, relativePath: String, to target: URL) -> Bool {
        guard let previousFolder, unchanged.contains(entry.id) else { return false }
        let source = previousFolder.appendingPathComponent(relativePath)
        return Foundation.link(source.path, target.path) == 0
    }
}
