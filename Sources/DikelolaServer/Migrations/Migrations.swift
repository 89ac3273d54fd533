import Fluent

/// Every migration, in the order it runs. Append; never reorder or edit one that has shipped.
enum AppMigrations {
    static let all: [any Migration] = [
        CreatePublicBody(),  // the public bodies a deployment serves
        CreateUnit(),  // their units (OPD) in a tree, with the SOP each runs
        CreateUser(),  // people who sign in; the first administrator is made at first start
        CreateAuditEvent(),  // the hash-chained history, append-only
        CreateRoleAssignment(),  // who holds which role in which unit
        SessionRecord.migration,  // browser sessions in the database, shared by every instance
        UpdateUserAddSessionEpoch(),  // a password change ends the person's other sessions
        CreateApiToken(),  // personal Bearer tokens for integrations, stored hashed
        CreateLoginAttempt(),  // failed and successful sign-ins, for throttling
        UpdateUserAddHomeBody(),  // each person belongs to one body
        CreateStoredFile(),  // files kept in the database, shared by every instance
        UpdatePublicBodyAddLogo(),  // the letterhead logo
        CreateProposal(),  // proposals running through their unit's SOP
        CreateProposalItem(),  // their items, consequence tests and hard-copy locations
        CreateProposalStep(),  // every step taken, with actor, role, decision and note
        CreateProposalDocument(),  // files attached to proposals and items
        CreateDecree(),  // classification decrees, numbered per body and year
        CreateRegisterEntry(),  // the register of exempted information (DIK)
        CreatePublicInformationEntry(),  // items found open, for the DIP
        UpdatePublicBodyAddSeat(),  // the place printed on decrees
        UpdateRegisterEntryAddOpening(),  // how and when an entry opened; the opening decree's latest date
        CreatePeriodActions(),  // openings and re-classifications at the end of a period, with their decrees
        CreateArchiveTables(),  // archive stages, classification codes, the JRA, permissions for inactive records
        CreateNotificationTables(),  // notifications, the body's webhook and its delivery log, the daily sweep's day
        CreatePublications(),  // the published versions of each body's public register
        CreateSearchIndex(),  // full-text search over what is published (FTS5 / PostgreSQL)
        UpdatePublicationAddExemptedCount(),  // the home page counts entries without decoding snapshots
        UpdateSearchIndexAddFacets(),  // SQLite: filters inside the full-text index, so a filtered search ranks few rows
        UpdatePublicationRemoveInternalFields(),  // past versions rewritten without the internal description and reason
        UpdateApiTokenAddSessionEpoch(),  // a password change or reset ends the person's API tokens too
        UpdateUserAddCredentialsSetBy(),  // who knew an account's password may not give it a role
        UpdatePublicBodyAddPeriodHorizon(),  // how far after the decree an exemption may end (UU 14/2008 Ps 20(1))
        CreateWarningAcknowledgement(),  // the head's acknowledgement of each warning before approving
        UpdatePublicBodyAddWorkingHours(),  // the hours SOP time standards count in
        UpdateDecreeAddKeputusanFields(),  // the signer's rank, the PPID by name, Mengingat and Tembusan per body
        UpdateItemsAddOpenPart(),  // what stays open of a partly exempted item
        CreateRegisterImport(),  // registers brought in from spreadsheets; decrees registered from earlier ones
        UpdateProposalStepAddActorName(),  // who did a step, as named when they did it
        CreateRegisterEntrySweepIndex(),  // the sweep reads what is due through an index, not the register
        UpdatePublicationAddFormat(),  // a start republishes only bodies whose snapshot format is older
        CreatePublishedEntries(),  // each published entry once; a version stores their digests
        CreateDisputes(),  // objections, Commission and court rulings; the ruling that opened an entry
        CreatePublicationManifests(),  // each body's publication key and each version's signed manifest
        CreateElectronicSignatures(),  // decree PDFs signed electronically (PAdES)
    ]
}
