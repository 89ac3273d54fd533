import Foundation

/// The files shipped with Dikelola (the holiday list, the seed SOPs), in the folder
/// `Dikelola_DikelolaCore.resources` beside the program. Looked up here instead of through the
/// generated `Bundle.module`, which stops the process without a word the operator can act on when
/// the folder was not copied with the program.
public enum CoreResources {
    public static let folderName = "Dikelola_DikelolaCore.resources"

    /// Beside the running program (symbolic links followed), or where `DIKELOLA_RESOURCES_DIR` says.
    static let bundle: Bundle? = candidates.lazy.compactMap { Bundle(path: $0.path) }.first

    static var candidates: [URL] {
        var folders: [URL] = []
        if let named = ProcessInfo.processInfo.environment["DIKELOLA_RESOURCES_DIR"], !named.isEmpty {
            folders.append(URL(fileURLWithPath: named, isDirectory: true))
        }
        folders.append(Bundle.main.bundleURL.appendingPathComponent(folderName, isDirectory: true))
        let program = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        folders.append(program.deletingLastPathComponent().appendingPathComponent(folderName, isDirectory: true))
        var seen: Set<String> = []
        return folders.filter { seen.insert($0.standardizedFileURL.path).inserted }
    }

    /// A shipped file or folder, or a message naming where it was looked for.
    static func url(forResource name: String, withExtension ext: String?) throws(FileProblems) -> URL {
        guard let bundle else {
            let places = candidates.map(\.path).joined(separator: " atau ")
            throw FileProblems(
                file: folderName,
                problems: [
                    FileProblem(
                        line: nil, column: nil, path: "",
                        message: "folder sumber daya Dikelola tidak ditemukan (dicari di \(places)). Salin folder \(folderName) dari hasil build ke samping program dikelola (scripts/install.sh melakukannya), atau sebut letaknya dengan DIKELOLA_RESOURCES_DIR")
                ])
        }
        guard let url = bundle.url(forResource: name, withExtension: ext) else {
            throw FileProblems(
                file: folderName,
                problems: [
                    FileProblem(line: nil, column: nil, path: "", message: "\(name)\(ext.map { ".\($0)" } ?? "") tidak ada di \(bundle.bundlePath)")
                ])
        }
        return url
    }
}
