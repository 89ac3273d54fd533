import Foundation

/// A problem found in a data file an administrator edits (an SOP definition, the holiday list),
/// with its place in the file so it can be found and fixed.
public struct FileProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    /// 1-based line and column, when the problem has a place.
    public let line: Int?
    public let column: Int?
    /// Where in the document's structure, e.g. `steps[3].decision.disagree`.
    public let path: String
    public let message: String
    public let severity: Severity

    public init(line: Int?, column: Int?, path: String, message: String, severity: Severity = .error) {
        self.line = line
        self.column = column
        self.path = path
        self.message = message
        self.severity = severity
    }

    /// `12:5: steps[2].time: …`, the form compilers use, so editors can jump to it.
    public var description: String {
        var place = ""
        if let line { place = column.map { "\(line):\($0): " } ?? "\(line): " }
        let label = severity == .warning ? "peringatan: " : ""
        return place + label + (path.isEmpty ? "" : "\(path): ") + message
    }
}

/// Raised when a data file has errors; carries all of them, not just the first.
public struct FileProblems: Error, Sendable, CustomStringConvertible {
    public let file: String
    public let problems: [FileProblem]

    public init(file: String, problems: [FileProblem]) {
        self.file = file
        self.problems = problems
    }

    public var description: String {
        problems.map { "\(file):\($0)" }.joined(separator: "\n")
    }
}

extension FileProblems {
    /// Reads a UTF-8 data file, turning a missing or unreadable file into a problem that names it.
    static func readText(at url: URL) throws -> String {
        do {
            return try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw FileProblems(
                file: url.path,
                problems: [
                    FileProblem(line: nil, column: nil, path: "", message: "tidak dapat dibaca: \(error.localizedDescription)")
                ])
        }
    }
}
