import Foundation

/// The SOP definitions a deployment knows: the four seeds shipped with Dikelola and any files an
/// administrator puts in the SOP folder (`DIKELOLA_SOP_DIR`).
public struct SOPLibrary: Sendable {
    public let definitions: [SOPDefinition]

    public init(definitions: [SOPDefinition]) {
        self.definitions = definitions.sorted { $0.id < $1.id }
    }

    public func definition(id: String) -> SOPDefinition? { definitions.first { $0.id == id } }

    /// The bundled seeds, then every `*.yaml` / `*.yml` / `*.json` in `directory`. A file with an
    /// error stops the load with all its problems: a deployment must not silently run without a
    /// procedure an administrator believes is installed.
    public static func load(additionalDirectory directory: URL? = nil) throws -> SOPLibrary {
        var urls = bundledURLs()
        if let directory { urls += try definitionFiles(in: directory) }
        var definitions: [SOPDefinition] = []
        var sources: [String: String] = [:]
        for url in urls {
            let definition = try SOPDefinition.load(contentsOf: url)
            if let earlier = sources[definition.id] {
                throw FileProblems(
                    file: url.path,
                    problems: [
                        FileProblem(
                            line: nil, column: nil, path: "id",
                            message: "id '\(definition.id)' sudah dipakai oleh \(earlier)")
                    ])
            }
            sources[definition.id] = url.lastPathComponent
            definitions.append(definition)
        }
        return SOPLibrary(definitions: definitions)
    }

    /// The text of each shipped seed SOP, in file-name order.
    public static func bundledTexts() throws -> [String] {
        try bundledURLs().sorted { $0.lastPathComponent < $1.lastPathComponent }.map { try String(contentsOf: $0, encoding: .utf8) }
    }

    static func bundledURLs() -> [URL] {
        guard let directory = try? CoreResources.url(forResource: "sops", withExtension: nil) else { return [] }
        return (try? definitionFiles(in: directory)) ?? []
    }

    static func definitionFiles(in directory: URL) throws -> [URL] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw FileProblems(
                file: directory.path,
                problems: [
                    FileProblem(
                        line: nil, column: nil, path: "", message: "folder SOP tidak dapat dibaca: \(error.localizedDescription)")
                ])
        }
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") || $0.hasSuffix(".json") }
            .sorted()
            .map { directory.appendingPathComponent($0) }
    }
}
