import Foundation
import Yams

/// Reads a YAML document node by node, collecting every problem with its line and column instead
/// of stopping at the first, so that `dikelola sop check` can list them all.
final class YAMLReader {
    private(set) var problems: [FileProblem] = []

    var hasErrors: Bool { problems.contains { $0.severity == .error } }

    /// Parses `text`; a syntax error becomes a problem and nil is returned.
    func parse(_ text: String) -> Node? {
        do {
            guard let node = try Yams.compose(yaml: text) else {
                problems.append(FileProblem(line: 1, column: 1, path: "", message: "berkas kosong"))
                return nil
            }
            return node
        } catch let error as YamlError {
            problems.append(Self.problem(from: error))
            return nil
        } catch {
            problems.append(FileProblem(line: nil, column: nil, path: "", message: "\(error)"))
            return nil
        }
    }

    private static func problem(from error: YamlError) -> FileProblem {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return FileProblem(
                line: mark.line, column: mark.column, path: "",
                message: "YAML tidak valid: \(problem)")
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
            return FileProblem(
                line: context.mark.line, column: context.mark.column, path: "",
                message: "kunci ganda di pemetaan yang sama: \(keys)")
        default:
            return FileProblem(line: nil, column: nil, path: "", message: "YAML tidak valid: \(error)")
        }
    }

    func error(_ message: String, at node: Node?, path: String) {
        report(message, at: node, path: path, severity: .error)
    }

    func warning(_ message: String, at node: Node?, path: String) {
        report(message, at: node, path: path, severity: .warning)
    }

    private func report(_ message: String, at node: Node?, path: String, severity: FileProblem.Severity) {
        problems.append(
            FileProblem(
                line: node?.mark?.line, column: node?.mark?.column, path: path,
                message: message, severity: severity))
    }

    // MARK: Typed access

    /// The mapping at `node`, reporting keys outside `allowed` (a typo such as `actr:` should not
    /// be silently ignored).
    func mapping(_ node: Node?, path: String, allowed: Set<String>? = nil) -> Node.Mapping? {
        guard let node else { return nil }
        guard case let .mapping(mapping) = node else {
            error("harus berupa pemetaan (kunci: nilai)", at: node, path: path)
            return nil
        }
        if let allowed {
            for key in mapping.keys {
                let name = key.string ?? "?"
                if !allowed.contains(name) {
                    let known = allowed.sorted().joined(separator: ", ")
                    error("kunci '\(name)' tidak dikenal (yang dikenal: \(known))", at: key, path: join(path, name))
                }
            }
        }
        return mapping
    }

    func sequence(_ node: Node?, path: String) -> [Node]? {
        guard let node else { return nil }
        guard case let .sequence(sequence) = node else {
            error("harus berupa daftar", at: node, path: path)
            return nil
        }
        return Array(sequence)
    }

    /// A scalar as text; an empty or null value is nil.
    func string(_ node: Node?, path: String, required: Bool = false, parent: Node? = nil) -> String? {
        guard let node, !isNull(node) else {
            if required { error("wajib diisi", at: node ?? parent, path: path) }
            return nil
        }
        guard case let .scalar(scalar) = node else {
            error("harus berupa teks", at: node, path: path)
            return nil
        }
        let text = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty {
            if required { error("wajib diisi", at: node, path: path) }
            return nil
        }
        return text
    }

    func strings(_ node: Node?, path: String) -> [String] {
        guard let node, !isNull(node) else { return [] }
        if case .scalar = node { return string(node, path: path).map { [$0] } ?? [] }
        guard let items = sequence(node, path: path) else { return [] }
        return items.enumerated().compactMap { string($1, path: "\(path)[\($0)]", required: true) }
    }

    func int(_ node: Node?, path: String, required: Bool = false, parent: Node? = nil) -> Int? {
        guard let text = string(node, path: path, required: required, parent: parent) else { return nil }
        guard let value = Int(text) else {
            error("harus berupa bilangan bulat, bukan '\(text)'", at: node, path: path)
            return nil
        }
        return value
    }

    func bool(_ node: Node?, path: String) -> Bool? {
        guard let text = string(node, path: path) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "ya": return true
        case "false", "no", "tidak": return false
        default:
            error("harus true atau false, bukan '\(text)'", at: node, path: path)
            return nil
        }
    }

    /// A date written as `2026-11-21`.
    func date(_ node: Node?, path: String, required: Bool = false, parent: Node? = nil) -> LocalDate? {
        guard let text = string(node, path: path, required: required, parent: parent) else { return nil }
        guard let date = LocalDate(iso: text) else {
            error("tanggal '\(text)' tidak valid; tulis sebagai TTTT-BB-HH, misalnya 2026-11-21", at: node, path: path)
            return nil
        }
        return date
    }

    func isNull(_ node: Node) -> Bool {
        if case let .scalar(scalar) = node {
            return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
        }
        return false
    }

    func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
}

extension Node.Mapping {
    /// The value and the key node (for its position) of `key`.
    func entry(_ key: String) -> (key: Node, value: Node)? {
        first { $0.key.string == key }.map { ($0.key, $0.value) }
    }
}
