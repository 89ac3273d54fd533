/// What a person may try to do. Every route that changes or reveals something non-public names
/// one of these, and `Authorization.decide` rules on it.
public enum Action: String, CaseIterable, Sendable, Hashable {
    // The exemption procedure, on a unit's proposals and register.
    /// Open a proposal and add or edit its items (Form daftar informasi yang akan dikecualikan).
    case prepareProposal
    /// Fill in the consequence test of an item.
    case testItem
    /// Check a list and decide "setuju" / "tidak setuju" (PPID review steps).
    case reviewProposal
    /// Give the advisory opinion of the Tim Pertimbangan.
    case advise
    /// Approve and sign a decree (classification or opening).
    case signDecree
    /// Record archive stages and document locations; store soft copies.
    case archive
    /// Publish the register (DIK) of a unit or body.
    case publishRegister
    /// Register an earlier, signed decree and import the DIK it made (the PPID's register, brought
    /// in from a spreadsheet).
    case importRegister
    /// Prepare the opening of items whose period ends (PP 61/2010 Ps 11).
    case openExpired
    /// Record a refused request's objection and dispute, and their decisions (the head's answer, a
    /// ruling of the Information Commission or a court), which may open an entry (UU 14/2008 Ps 35–50).
    case recordRuling
    /// Read exempted content: item descriptions, test deliberations, attached documents.
    case viewExemptedContent
    /// Read the audit history.
    case viewAudit

    // Administration.
    /// Edit units, their tree and which SOP each runs.
    case manageUnits
    /// Create users, assign roles, reset passwords, deactivate.
    case manageUsers
    /// Edit the body's settings: name, time zone, letterhead, decree-number template.
    case manageBody

    public var isAdministrative: Bool { [.manageUnits, .manageUsers, .manageBody].contains(self) }
}
