import Fluent

/// What a decree in the form of a Keputusan needs beyond the fields of PP 61/2010 Ps 4: the
/// signer's rank (pangkat/golongan), the PPID who keeps the register named as a person, and per
/// body the list of statutes under Mengingat and the recipients of copies (Tembusan).
struct UpdateDecreeAddKeputusanFields: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds one column per ALTER TABLE.
        try await database.schema(User.schema).field("rank", .string).update()
        for column in ["signer_rank", "ppid_name", "ppid_position", "ppid_nip"] {
            try await database.schema(Decree.schema).field(.string(column), .string).update()
        }
        for column in ["decree_legal_basis", "decree_copies_to"] {
            try await database.schema(PublicBody.schema).field(.string(column), .array(of: .string)).update()
        }
    }

    func revert(on database: any Database) async throws {
        for column in ["decree_legal_basis", "decree_copies_to"] {
            try await database.schema(PublicBody.schema).deleteField(.string(column)).update()
        }
        for column in ["signer_rank", "ppid_name", "ppid_position", "ppid_nip"] {
            try await database.schema(Decree.schema).deleteField(.string(column)).update()
        }
        try await database.schema(User.schema).deleteField("rank").update()
    }
}
