/// The roles of the procedure. SOPs name them differently ("Petugas Teknis PPID", "Operator
/// OPD", "Pengelola Informasi" are all `operator`); an SOP definition maps its own titles here.
public enum Role: String, CaseIterable, Sendable, Codable, Hashable {
    /// Operator OPD / Petugas PPID / Pengelola Informasi: collects and enters information.
    case `operator`
    /// PPID Pembantu: the information officer inside one OPD.
    case assistantPPID
    /// PPID Utama: the coordinating information officer of the whole body.
    case mainPPID
    /// Tim Pertimbangan: the advisory panel.
    case reviewPanel
    /// Atasan PPID / Kepala OPD / Pimpinan Badan Publik: approves and signs.
    case head
    /// Administers the deployment: bodies, units, users, calendars.
    case admin

    public var indonesianTitle: String {
        switch self {
        case .operator: "Operator / Petugas PPID"
        case .assistantPPID: "PPID Pembantu"
        case .mainPPID: "PPID Utama"
        case .reviewPanel: "Tim Pertimbangan"
        case .head: "Atasan PPID / Pimpinan"
        case .admin: "Administrator"
        }
    }

    public var englishTitle: String {
        switch self {
        case .operator: "Operator / PPID officer"
        case .assistantPPID: "Assistant PPID"
        case .mainPPID: "Main PPID"
        case .reviewPanel: "Review panel"
        case .head: "Head of the body or unit"
        case .admin: "Administrator"
        }
    }
}
