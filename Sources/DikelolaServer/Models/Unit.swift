import Fluent
import Foundation

/// A unit of a public body (an OPD, or the office that hosts the PPID Utama), in a tree.
final class Unit: Model, @unchecked Sendable {
    static let schema = "units"

    @ID(key: .id) var id: UUID?
    @Parent(key: "body_id") var body: PublicBody
    @OptionalParent(key: "parent_id") var parent: Unit?
    @Field(key: "name") var name: String
    /// The abbreviation officers use, "Diskominfo", "DSPPA".
    @OptionalField(key: "short_name") var shortName: String?
    /// The unit that hosts the PPID Utama of the body (one per body).
    @Field(key: "hosts_main_ppid") var hostsMainPPID: Bool
    /// Whether the unit has its own PPID Pembantu.
    @Field(key: "has_assistant_ppid") var hasAssistantPPID: Bool
    /// The id of the SOP definition the unit runs (see `SOPLibrary`).
    @OptionalField(key: "sop_id") var sopID: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(
        id: UUID? = nil, bodyID: UUID, parentID: UUID? = nil, name: String, shortName: String?,
        hostsMainPPID: Bool = false, hasAssistantPPID: Bool = true, sopID: String?
    ) {
        self.id = id
        self.$body.id = bodyID
        self.$parent.id = parentID
        self.name = name
        self.shortName = shortName
        self.hostsMainPPID = hostsMainPPID
        self.hasAssistantPPID = hasAssistantPPID
        self.sopID = sopID
    }
}
