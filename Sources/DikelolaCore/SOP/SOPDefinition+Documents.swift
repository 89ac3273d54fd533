import Yams

/// The documents of an SOP's steps as a definition states them: a name and a kind.
extension DefinitionParser {
    /// Every document a step requires is made by some step: one made later is satisfied by it (and
    /// said so); one no step makes is an error. An output of a kind another step makes is noted.
    func checkDocuments(_ definition: SOPDefinition, placed: [PlacedStep]) {
        for step in definition.steps where !step.isStatutory {
            let node = placed.first { $0.step.number == step.number }?.node
            let path = "steps[\(step.number - 1)]"
            for (index, requirement) in step.requiredDocuments.enumerated() where requirement.kind != .upload {
                guard let producer = definition.producer(of: requirement.kind) else {
                    reader.error(
                        "kelengkapan '\(requirement.name)' berjenis \(requirement.kind.rawValue), tetapi tidak ada langkah yang "
                            + "membuatnya", at: node, path: "\(path).requiredDocuments[\(index)]")
                    continue
                }
                if definition.isMadeLater(requirement, than: step) {
                    reader.warning(
                        "kelengkapan '\(requirement.name)' dibuat sistem pada langkah \(producer.label); langkah \(step.label) "
                            + "tidak menunggunya dan tidak meminta unggahan", at: node, path: "\(path).requiredDocuments[\(index)]")
                }
            }
            if let kind = step.outputKind, kind == .decree, !step.issuesDecree, let producer = definition.producer(of: .decree) {
                reader.warning(
                    "keluaran '\(step.output)' adalah surat penetapan, yang dibuat sistem pada langkah \(producer.label)",
                    at: node, path: "\(path).output")
            }
        }
    }

    /// A step's documents: each `{ name: …, kind: … }`, or a bare name, which is taken as an upload
    /// with a note suggesting the kind its name suggests.
    func requirements(_ node: Node?, path: String) -> [SOPDefinition.Requirement] {
        guard let node, !reader.isNull(node) else { return [] }
        let items: [Node]
        if case let .sequence(sequence) = node { items = Array(sequence) } else { items = [node] }
        return items.enumerated().compactMap { index, item in
            namedDocument(item, path: "\(path)[\(index)]", parent: node, isOutput: false).flatMap { document in
                SOPDefinition.Requirement(name: document.name, kind: document.kind ?? .upload)
            }
        }
    }

    /// "Nota Dinas" or `{ name: Nota Dinas, kind: memo }`. A bare name of a requirement is an upload;
    /// `sop check` says which kind the name suggests so the author states it.
    func namedDocument(_ node: Node?, path: String, parent: Node, isOutput: Bool)
        -> (name: String, kind: DocumentRequirement?)?
    {
        let kinds = DocumentRequirement.allCases.map(\.rawValue).joined(separator: ", ")
        if let node, case .mapping = node {
            guard let fields = reader.mapping(node, path: path, allowed: ["name", "kind"]) else { return nil }
            let name = reader.string(fields.entry("name")?.value, path: "\(path).name", required: true, parent: node)
            let kindNode = fields.entry("kind")?.value
            var kind: DocumentRequirement?
            if let text = reader.string(kindNode, path: "\(path).kind", required: true, parent: node) {
                kind = DocumentRequirement(rawValue: text)
                if kind == nil { reader.error("jenis '\(text)' tidak dikenal (yang dikenal: \(kinds))", at: kindNode, path: "\(path).kind") }
            }
            guard let name, let kind else { return nil }
            return (name, kind)
        }
        guard let name = reader.string(node, path: path, required: true, parent: parent) else { return nil }
        let guess = DocumentRequirement.guess(name: name)
        if !isOutput, guess != .upload {
            reader.warning(
                "jenis kelengkapan '\(name)' tidak disebut, sehingga diminta sebagai unggahan; dari namanya tampaknya "
                    + "'\(guess.rawValue)' (\(guess.indonesian)). Tulis { name: \(name), kind: \(guess.rawValue) }",
                at: node, path: path)
        }
        return (name, nil)
    }
}
