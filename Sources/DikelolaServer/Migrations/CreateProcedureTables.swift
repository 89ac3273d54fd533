import Fluent

struct CreateProposal: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Proposal.schema)
            .id()
            .field("body_id", .uuid, .required, .references(PublicBody.schema, "id", onDelete: .restrict))
            .field("unit_id", .uuid, .required, .references(Unit.schema, "id", onDelete: .restrict))
            .field("sop_id", .string, .required)
            .field("title", .string, .required)
            .field("status", .string, .required)
            .field("current_step", .int)
            .field("current_step_started_at", .datetime)
            .field("current_step_due_at", .datetime)
            .field("memo_number", .string)
            .field("memo_text", .string)
            .field("panel_opinion", .string)
            .field("meeting_date", .string)
            .field("meeting_place", .string)
            .field("meeting_participants", .string)
            .field("created_by", .uuid, .required)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws { try await database.schema(Proposal.schema).delete() }
}

struct CreateProposalItem: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ProposalItem.schema)
            .id()
            .field("proposal_id", .uuid, .required, .references(Proposal.schema, "id", onDelete: .restrict))
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("holding_unit_id", .uuid, .required, .references(Unit.schema, "id", onDelete: .restrict))
            .field("form", .string, .required)
            .field("made_when", .string)
            .field("made_where", .string)
            .field("archive_code", .string)
            .field("location_building", .string)
            .field("location_room", .string)
            .field("location_cabinet", .string)
            .field("location_box", .string)
            .field("location_folder", .string)
            .field("ground_code", .string)
            .field("other_statute", .string)
            .field("if_opened", .string)
            .field("if_closed", .string)
            .field("verdict", .string)
            .field("parts", .string)
            .field("period", .string)
            .field("reason", .string)
            .field("tested_at", .datetime)
            .field("tested_by", .uuid)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws { try await database.schema(ProposalItem.schema).delete() }
}

struct CreateProposalStep: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ProposalStep.schema)
            .id()
            .field("proposal_id", .uuid, .required, .references(Proposal.schema, "id", onDelete: .restrict))
            .field("step_number", .int, .required)
            .field("started_at", .datetime, .required)
            .field("due_at", .datetime)
            .field("completed_at", .datetime, .required)
            .field("actor_id", .uuid, .required)
            .field("actor_role", .string, .required)
            .field("decision", .string)
            .field("note", .string)
            .create()
    }

    func revert(on database: any Database) async throws { try await database.schema(ProposalStep.schema).delete() }
}

struct CreateProposalDocument: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ProposalDocument.schema)
            .id()
            .field("proposal_id", .uuid, .required, .references(Proposal.schema, "id", onDelete: .restrict))
            .field("item_id", .uuid, .references(ProposalItem.schema, "id", onDelete: .restrict))
            .field("requirement", .string)
            .field("file_id", .uuid, .required, .references(StoredFile.schema, "id", onDelete: .restrict))
            .field("uploaded_by", .uuid, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws { try await database.schema(ProposalDocument.schema).delete() }
}

struct CreateDecree: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Decree.schema)
            .id()
            .field("body_id", .uuid, .required, .references(PublicBody.schema, "id", onDelete: .restrict))
            .field("proposal_id", .uuid, .references(Proposal.schema, "id", onDelete: .restrict))
            .field("kind", .string, .required)
            .field("number", .string, .required)
            .field("year", .int, .required)
            .field("serial", .int, .required)
            .field("decree_date", .string, .required)
            .field("place", .string, .required)
            .field("signer_name", .string, .required)
            .field("signer_position", .string, .required)
            .field("signer_nip", .string)
            .field("signer_id", .uuid)
            .field("signed_scan_id", .uuid, .references(StoredFile.schema, "id", onDelete: .restrict))
            .field("signed_scan_sha256", .string)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            // Two decrees never share a number, nor a serial in a year.
            .unique(on: "body_id", "number")
            .unique(on: "body_id", "year", "serial")
            .create()
    }

    func revert(on database: any Database) async throws { try await database.schema(Decree.schema).delete() }
}

struct CreateRegisterEntry: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(RegisterEntry.schema)
            .id()
            .field("body_id", .uuid, .required, .references(PublicBody.schema, "id", onDelete: .restrict))
            .field("unit_id", .uuid, .required, .references(Unit.schema, "id", onDelete: .restrict))
            .field("item_id", .uuid, .required, .references(ProposalItem.schema, "id", onDelete: .restrict))
            .field("decree_id", .uuid, .required, .references(Decree.schema, "id", onDelete: .restrict))
            .field("register_number", .string, .required)
            .field("title", .string, .required)
            .field("ground_code", .string, .required)
            .field("other_statute", .string)
            .field("if_opened", .string, .required)
            .field("if_closed", .string, .required)
            .field("verdict", .string, .required)
            .field("parts", .string)
            .field("period", .string, .required)
            .field("end_date", .string)
            .field("review_date", .string)
            .field("reason", .string, .required)
            .field("status", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "body_id", "register_number")
            .create()
    }

    func revert(on database: any Database) async throws { try await database.schema(RegisterEntry.schema).delete() }
}

struct CreatePublicInformationEntry: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PublicInformationEntry.schema)
            .id()
            .field("body_id", .uuid, .required, .references(PublicBody.schema, "id", onDelete: .restrict))
            .field("unit_id", .uuid, .required, .references(Unit.schema, "id", onDelete: .restrict))
            .field("item_id", .uuid, .required, .references(ProposalItem.schema, "id", onDelete: .restrict))
            .field("summary", .string, .required)
            .field("responsible", .string)
            .field("made_when", .string)
            .field("made_where", .string)
            .field("form", .string, .required)
            .field("retention", .string)
            .field("source", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws { try await database.schema(PublicInformationEntry.schema).delete() }
}
