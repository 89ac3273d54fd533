import Foundation
import Yams

extension SOPDefinition {
    /// The outcome of reading a definition: the definition when it has no errors, and every
    /// problem (errors and warnings) with its line and column.
    public struct CheckResult: Sendable {
        public let definition: SOPDefinition?
        public let problems: [FileProblem]

        public var errors: [FileProblem] { problems.filter { $0.severity == .error } }
        public var warnings: [FileProblem] { problems.filter { $0.severity == .warning } }
    }

    /// Reads and validates a definition file, throwing all its errors at once.
    public static func load(contentsOf url: URL) throws -> SOPDefinition {
        let result = try check(contentsOf: url)
        guard let definition = result.definition else {
            throw FileProblems(file: url.path, problems: result.problems)
        }
        return definition
    }

    public static func check(contentsOf url: URL) throws -> CheckResult {
        let text = try FileProblems.readText(at: url)
        return check(text)
    }

    /// Validates `text` as a definition. Never throws: problems are the result.
    public static func check(_ text: String) -> CheckResult {
        let reader = YAMLReader()
        let definition = reader.parse(text).flatMap { DefinitionParser(reader: reader).definition(from: $0) }
        return CheckResult(definition: reader.hasErrors ? nil : definition, problems: reader.problems)
    }
}

/// Walks the YAML of a definition, building it and reporting problems.
struct DefinitionParser {
    let reader: YAMLReader

    static let topKeys: Set = [
        "id", "identity", "legalBasis", "qualifications", "equipment", "warnings", "records", "related", "actors", "steps",
    ]

    func definition(from root: Node) -> SOPDefinition? {
        guard let top = reader.mapping(root, path: "", allowed: Self.topKeys) else { return nil }
        let idNode = top.entry("id")?.value
        let id = reader.string(idNode, path: "id", required: true, parent: root) ?? ""
        if !id.isEmpty, !id.allSatisfy({ ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }) {
            reader.error("id '\(id)' hanya boleh berisi huruf kecil, angka dan tanda '-'", at: idNode, path: "id")
        }
        let identity = self.identity(top.entry("identity"), root: root)
        let actors = self.actors(top.entry("actors"), root: root)
        let errorsBefore = reader.problems.count
        let steps = self.steps(top.entry("steps"), actors: actors, root: root)
        // Rules across steps only make sense once every step reads; else they echo its errors.
        if reader.problems.count == errorsBefore {
            checkFlow(steps: steps, actors: actors, stepsNode: top.entry("steps")?.value)
        }
        guard let identity else { return nil }
        // PP 61/2010 Ps 3: the head approves every decree, whatever the SOP says.
        let lawful = HeadApproval.apply(actors: actors.map(\.actor), steps: steps.map(\.step))
        if let follows = lawful.follows, let placed = steps.first(where: { $0.step.number == follows.number }) {
            reader.warning(
                "langkah \(follows.number) menerbitkan surat penetapan oleh '\(follows.actor.title)', bukan pimpinan; "
                    + "sistem menambahkan langkah \(follows.label)a: persetujuan pimpinan atas rancangan surat penetapan "
                    + "(PP 61/2010 Pasal 3)", at: placed.node, path: "steps[\(follows.number - 1)].issuesDecree")
        }
        let definition = SOPDefinition(
            id: id, identity: identity,
            legalBasis: reader.strings(top.entry("legalBasis")?.value, path: "legalBasis"),
            qualifications: reader.strings(top.entry("qualifications")?.value, path: "qualifications"),
            equipment: reader.strings(top.entry("equipment")?.value, path: "equipment"),
            warnings: reader.strings(top.entry("warnings")?.value, path: "warnings"),
            records: reader.strings(top.entry("records")?.value, path: "records"),
            related: reader.strings(top.entry("related")?.value, path: "related"),
            actors: lawful.actors, steps: lawful.steps
        )
        checkDocuments(definition, placed: steps)
        return definition
    }

    private func identity(_ entry: (key: Node, value: Node)?, root: Node) -> SOPDefinition.Identity? {
        guard let entry else {
            reader.error("wajib ada (nomor, nama, badan publik SOP)", at: root, path: "identity")
            return nil
        }
        let path = "identity"
        guard
            let fields = reader.mapping(
                entry.value, path: path,
                allowed: [
                    "number", "name", "body", "unit", "made", "revised", "effective", "approvedBy",
                ])
        else { return nil }
        func text(_ key: String, required: Bool = false) -> String? {
            reader.string(fields.entry(key)?.value, path: "\(path).\(key)", required: required, parent: entry.key)
        }
        func date(_ key: String) -> SOPDate? {
            let node = fields.entry(key)?.value
            guard let value = reader.string(node, path: "\(path).\(key)") else { return nil }
            guard let date = SOPDate(value) else {
                reader.error("tanggal '\(value)' tidak valid; tulis TTTT-BB-HH atau TTTT-BB", at: node, path: "\(path).\(key)")
                return nil
            }
            return date
        }
        let number = text("number", required: true)
        let name = text("name", required: true)
        let body = text("body", required: true)
        let approvedBy = signatory(fields.entry("approvedBy"), path: "\(path).approvedBy")
        let unit = text("unit"), made = date("made"), revised = date("revised"), effective = date("effective")
        guard let number, let name, let body else { return nil }
        return SOPDefinition.Identity(
            number: number, name: name, body: body, unit: unit,
            made: made, revised: revised, effective: effective, approvedBy: approvedBy)
    }

    private func signatory(_ entry: (key: Node, value: Node)?, path: String) -> SOPDefinition.Signatory? {
        guard let entry, !reader.isNull(entry.value),
            let fields = reader.mapping(entry.value, path: path, allowed: ["name", "position", "rank", "nip"])
        else { return nil }
        let name = reader.string(fields.entry("name")?.value, path: "\(path).name", required: true, parent: entry.key)
        let position = reader.string(fields.entry("position")?.value, path: "\(path).position", required: true, parent: entry.key)
        var nip: NIP?
        let nipNode = fields.entry("nip")?.value
        if let text = reader.string(nipNode, path: "\(path).nip") {
            do { nip = try NIP(text) } catch { reader.error(error.description, at: nipNode, path: "\(path).nip") }
        }
        guard let name, let position else { return nil }
        return SOPDefinition.Signatory(
            name: name, position: position,
            rank: reader.string(fields.entry("rank")?.value, path: "\(path).rank"), nip: nip)
    }

    private struct PlacedActor {
        let actor: SOPDefinition.Actor
        let node: Node
    }

    private func actors(_ entry: (key: Node, value: Node)?, root: Node) -> [PlacedActor] {
        guard let entry, let list = reader.sequence(entry.value, path: "actors") else {
            if entry == nil { reader.error("wajib ada: daftar pelaksana SOP", at: root, path: "actors") }
            return []
        }
        if list.isEmpty { reader.error("daftar pelaksana kosong", at: entry.value, path: "actors") }
        var result: [PlacedActor] = []
        for (index, node) in list.enumerated() {
            let path = "actors[\(index)]"
            guard let fields = reader.mapping(node, path: path, allowed: ["key", "title", "role"]) else { continue }
            let keyNode = fields.entry("key")?.value
            let key = reader.string(keyNode, path: "\(path).key", required: true, parent: node)
            let title = reader.string(fields.entry("title")?.value, path: "\(path).title", required: true, parent: node)
            let roleNode = fields.entry("role")?.value
            var role: Role?
            if let roleText = reader.string(roleNode, path: "\(path).role", required: true, parent: node) {
                role = Role(rawValue: roleText)
                if role == nil {
                    let known = Role.allCases.map(\.rawValue).joined(separator: ", ")
                    reader.error("peran '\(roleText)' tidak dikenal (yang dikenal: \(known))", at: roleNode, path: "\(path).role")
                }
            }
            if let key, result.contains(where: { $0.actor.key == key }) {
                reader.error("kunci pelaksana '\(key)' dipakai dua kali", at: keyNode, path: "\(path).key")
                continue
            }
            if let key, let title, let role {
                result.append(PlacedActor(actor: .init(key: key, title: title, role: role), node: node))
            }
        }
        return result
    }

    struct PlacedStep {
        let step: SOPDefinition.Step
        let node: Node
        let decisionNode: Node?
    }

    private static let stepKeys: Set = [
        "number", "activity", "actor", "effect", "requiredDocuments", "time", "output", "decision", "issuesDecree", "note",
    ]

    private func steps(_ entry: (key: Node, value: Node)?, actors: [PlacedActor], root: Node) -> [PlacedStep] {
        guard let entry, let list = reader.sequence(entry.value, path: "steps") else {
            if entry == nil { reader.error("wajib ada: daftar langkah SOP", at: root, path: "steps") }
            return []
        }
        if list.isEmpty { reader.error("daftar langkah kosong", at: entry.value, path: "steps") }
        var result: [PlacedStep] = []
        for (index, node) in list.enumerated() {
            let path = "steps[\(index)]"
            guard let fields = reader.mapping(node, path: path, allowed: Self.stepKeys) else { continue }
            func field(_ key: String) -> Node? { fields.entry(key)?.value }

            let numberNode = field("number")
            let number = reader.int(numberNode, path: "\(path).number", required: true, parent: node)
            if let number, number != index + 1 {
                reader.error(
                    "nomor langkah \(number) tidak urut; langkah ke-\(index + 1) harus bernomor \(index + 1)",
                    at: numberNode, path: "\(path).number")
            }
            let activity = reader.string(field("activity"), path: "\(path).activity", required: true, parent: node)

            let actorNode = field("actor")
            let actorKey = reader.string(actorNode, path: "\(path).actor", required: true, parent: node)
            if let actorKey, !actors.contains(where: { $0.actor.key == actorKey }) {
                let known = actors.map(\.actor.key).joined(separator: ", ")
                reader.error(
                    "pelaksana '\(actorKey)' tidak ada di daftar actors (yang ada: \(known))", at: actorNode,
                    path: "\(path).actor")
            }

            let effectNode = field("effect")
            var effect: StepEffect?
            if let text = reader.string(effectNode, path: "\(path).effect", required: true, parent: node) {
                effect = StepEffect(rawValue: text)
                if effect == nil {
                    let known = StepEffect.allCases.map(\.rawValue).joined(separator: ", ")
                    reader.error("efek '\(text)' tidak dikenal (yang dikenal: \(known))", at: effectNode, path: "\(path).effect")
                }
            }

            let timeNode = field("time")
            var time: TimeStandard?
            if let text = reader.string(timeNode, path: "\(path).time", required: true, parent: node) {
                time = TimeStandard.parse(text)
                if time == nil {
                    reader.error(
                        "waktu '\(text)' tidak dikenali; tulis misalnya \"15 menit\", \"2 jam\", \"3 hari\", "
                            + "\"1 minggu\" atau \"tentatif\"", at: timeNode, path: "\(path).time")
                }
            }

            let output = namedDocument(field("output"), path: "\(path).output", parent: node, isOutput: true)
            let documents = requirements(field("requiredDocuments"), path: "\(path).requiredDocuments")
            let decisionNode = field("decision")
            let decision = self.decision(decisionNode, path: "\(path).decision", stepNumber: index + 1, stepCount: list.count)
            let issuesDecree = reader.bool(field("issuesDecree"), path: "\(path).issuesDecree") ?? false
            let note = reader.string(field("note"), path: "\(path).note")

            let actor = actors.first { $0.actor.key == actorKey }?.actor
            if let number, let activity, let actor, let effect, let time, let output {
                result.append(
                    PlacedStep(
                        step: .init(
                            number: number, activity: activity, actor: actor, effect: effect,
                            requiredDocuments: documents, time: time, output: output.name, outputKind: output.kind,
                            decision: decision, issuesDecree: issuesDecree, note: note),
                        node: node, decisionNode: decisionNode))
            }
        }
        return result
    }

    private func decision(_ node: Node?, path: String, stepNumber: Int, stepCount: Int) -> SOPDefinition.Decision? {
        guard let node, !reader.isNull(node),
            let fields = reader.mapping(node, path: path, allowed: ["agree", "disagree"])
        else { return nil }
        func target(_ key: String) -> (number: Int?, ends: Bool, node: Node?) {
            let targetNode = fields.entry(key)?.value
            guard let text = reader.string(targetNode, path: "\(path).\(key)", required: key == "disagree", parent: node) else {
                return (nil, false, targetNode)
            }
            if ["end", "selesai"].contains(text.lowercased()) { return (nil, true, targetNode) }
            guard let number = Int(text), (1...stepCount).contains(number) else {
                reader.error(
                    "tujuan '\(text)' bukan nomor langkah (1–\(stepCount)) atau 'selesai'", at: targetNode, path: "\(path).\(key)"
                )
                return (nil, false, targetNode)
            }
            return (number, false, targetNode)
        }
        let agree = target("agree")
        let disagree = target("disagree")
        if disagree.ends {
            reader.error(
                "'tidak setuju' harus mengembalikan ke sebuah langkah, bukan selesai", at: disagree.node, path: "\(path).disagree"
            )
        }
        if let back = disagree.number, back == stepNumber {
            reader.error("'tidak setuju' tidak boleh kembali ke langkah itu sendiri", at: disagree.node, path: "\(path).disagree")
        }
        if let forward = agree.number, forward <= stepNumber {
            reader.error("'setuju' harus maju ke langkah sesudah langkah \(stepNumber)", at: agree.node, path: "\(path).agree")
        }
        guard let back = disagree.number else { return nil }
        let onAgree = agree.ends ? nil : (agree.number ?? (stepNumber < stepCount ? stepNumber + 1 : nil))
        return SOPDefinition.Decision(onAgree: onAgree, onDisagree: back)
    }

    /// Rules across steps: one decree, produced after the test; actors used.
    private func checkFlow(steps: [PlacedStep], actors: [PlacedActor], stepsNode: Node?) {
        guard !steps.isEmpty else { return }
        let decreeSteps = steps.filter(\.step.issuesDecree)
        if decreeSteps.isEmpty {
            reader.error(
                "tidak ada langkah yang menghasilkan surat penetapan klasifikasi (issuesDecree: true); "
                    + "PP 61/2010 Pasal 4 mewajibkannya", at: stepsNode, path: "steps")
        }
        for extra in decreeSteps.dropFirst() {
            reader.error(
                "hanya satu langkah boleh menghasilkan surat penetapan (juga langkah \(decreeSteps[0].step.number))",
                at: extra.node, path: "steps[\(extra.step.number - 1)].issuesDecree")
        }
        // UU 14/2008 Ps 19 and PP 61/2010 Ps 3: no exemption without a consequence test first.
        if let decree = decreeSteps.first,
            !steps.contains(where: { $0.step.effect == .consequenceTest && $0.step.number <= decree.step.number })
        {
            reader.error(
                "langkah \(decree.step.number) menghasilkan surat penetapan, tetapi tidak ada langkah uji konsekuensi "
                    + "(effect: consequenceTest) sebelumnya atau padanya (UU 14/2008 Pasal 19)",
                at: decree.node, path: "steps[\(decree.step.number - 1)]")
        }
        if let decree = decreeSteps.first, decree.step.effect == .openExpired {
            reader.error(
                "langkah pembukaan informasi tidak dapat menghasilkan surat penetapan klasifikasi",
                at: decree.node, path: "steps[\(decree.step.number - 1)]")
        }
        for placed in steps where placed.step.effect == .approveAndSign {
            if let actor = actors.first(where: { $0.actor.key == placed.step.actorKey }), actor.actor.role != .head {
                reader.warning(
                    "langkah persetujuan dan penandatanganan dilakukan oleh '\(actor.actor.title)' "
                        + "yang berperan \(actor.actor.role.rawValue), bukan head", at: placed.node,
                    path: "steps[\(placed.step.number - 1)].actor")
            }
        }
        for placed in actors where !steps.contains(where: { $0.step.actorKey == placed.actor.key }) {
            reader.warning("pelaksana '\(placed.actor.title)' tidak melakukan langkah apa pun", at: placed.node, path: "actors")
        }
    }
}
