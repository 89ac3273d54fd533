/// PP 61/2010 Pasal 3: information is classified "atas persetujuan pimpinan Badan Publik". Two of
/// the seed SOPs (Sanggau, Bulukumba) issue the decree when the Tim Pertimbangan completes its
/// step, and the decree would go out in the head's name without the head ever acting. The law
/// overrides the SOP: where the step that issues the decree is not the head's, the engine adds
/// the head's approval of the draft decree right after it, with "setuju" and "tidak setuju", and
/// the decree is issued only when the head agrees. A definition cannot remove this step.
public enum HeadApproval {
    /// The actor the step is given to when the SOP names no head among its actors.
    public static let statutoryActor = SOPDefinition.Actor(
        key: "pimpinan-badan-publik", title: "Pimpinan Badan Publik / Atasan PPID", role: .head)

    public static let activity =
        "Persetujuan pimpinan (PP 61/2010 Ps 3): memeriksa rancangan surat penetapan beserta lampirannya, lalu menyetujui "
        + "atau mengembalikannya dengan catatan"

    /// No SOP sets it; three working days is the time the seed SOPs give their other checking steps.
    public static let time = TimeStandard.duration(amount: 3, unit: .workingDays)

    /// The definition's actors and steps with the head's approval added where the law needs it,
    /// and the SOP step it follows (nil when the SOP already has the head issue the decree).
    public static func apply(
        actors: [SOPDefinition.Actor], steps: [SOPDefinition.Step]
    ) -> (actors: [SOPDefinition.Actor], steps: [SOPDefinition.Step], follows: SOPDefinition.Step?) {
        guard let index = steps.firstIndex(where: \.issuesDecree), steps[index].actor.role != .head else {
            return (actors, steps, nil)
        }
        let decree = steps[index]
        var actors = actors
        let head = actors.first { $0.role == .head } ?? statutoryActor
        if !actors.contains(head) { actors.append(head) }
        let number = (steps.map(\.number).max() ?? 0) + 1
        let proposalSteps = steps.filter { $0.effect != .openExpired }
        let onAgree: Int? =
            if let decision = decree.decision {
                decision.onAgree
            } else {
                proposalSteps.first { candidate in
                    guard let at = steps.firstIndex(of: candidate) else { return false }
                    return at > index
                }?.number
            }
        // "Tidak setuju" returns the list to where items and the test meeting can be corrected.
        let returnTo = steps[...index].last { $0.effect.allowsEditingItems }?.number ?? steps[0].number
        let approval = SOPDefinition.Step(
            number: number, activity: activity, actor: head, effect: .approveAndSign, requiredDocuments: [], time: time,
            output: "Surat penetapan informasi yang dikecualikan yang disetujui dan ditandatangani pimpinan",
            decision: SOPDefinition.Decision(onAgree: onAgree, onDisagree: returnTo), issuesDecree: true,
            note: "Ditambahkan oleh sistem: SOP ini menerbitkan surat penetapan tanpa persetujuan pimpinan, "
                + "padahal PP 61/2010 Pasal 3 mewajibkannya.",
            label: "\(decree.label)a", isStatutory: true)
        let handedOver = SOPDefinition.Step(
            number: decree.number, activity: decree.activity, actor: decree.actor, effect: decree.effect,
            requiredDocuments: decree.requiredDocuments, time: decree.time, output: decree.output, outputKind: decree.outputKind,
            decision: decree.decision.map { SOPDefinition.Decision(onAgree: number, onDisagree: $0.onDisagree) },
            issuesDecree: false, note: decree.note, label: decree.label)
        var result = steps
        result[index] = handedOver
        result.insert(approval, at: index + 1)
        return (actors, result, decree)
    }
}
