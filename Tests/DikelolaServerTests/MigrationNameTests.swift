import Fluent
import Testing

@testable import DikelolaServer

/// A migration runs once per database, recorded by its name: a renamed or moved type would run
/// again on every database already in use. The names are kept as they shipped.
@Suite struct MigrationNameTests {
    @Test func everyMigrationKeepsTheNameItShippedWith() {
        #expect(AppMigrations.all.map(\.name) == [
            "DikelolaServer.CreatePublicBody",
            "DikelolaServer.CreateUnit",
            "DikelolaServer.CreateUser",
            "DikelolaServer.CreateAuditEvent",
            "DikelolaServer.CreateRoleAssignment",
            "Fluent.SessionRecord.Create",
            "DikelolaServer.UpdateUserAddSessionEpoch",
            "DikelolaServer.CreateApiToken",
            "DikelolaServer.CreateLoginAttempt",
            "DikelolaServer.UpdateUserAddHomeBody",
            "DikelolaServer.CreateStoredFile",
            "DikelolaServer.UpdatePublicBodyAddLogo",
            "DikelolaServer.CreateProposal",
            "DikelolaServer.CreateProposalItem",
            "DikelolaServer.CreateProposalStep",
            "DikelolaServer.CreateProposalDocument",
            "DikelolaServer.CreateDecree",
            "DikelolaServer.CreateRegisterEntry",
            "DikelolaServer.CreatePublicInformationEntry",
            "DikelolaServer.UpdatePublicBodyAddSeat",
            "DikelolaServer.UpdateRegisterEntryAddOpening",
            "DikelolaServer.CreatePeriodActions",
            "DikelolaServer.CreateArchiveTables",
            "DikelolaServer.CreateNotificationTables",
            "DikelolaServer.CreatePublications",
            "DikelolaServer.SearchIndex.CreateTables",
            "DikelolaServer.UpdatePublicationAddExemptedCount",
            "DikelolaServer.SearchIndex.AddFacets",
            "DikelolaServer.UpdatePublicationRemoveInternalFields",
            "DikelolaServer.UpdateApiTokenAddSessionEpoch",
            "DikelolaServer.UpdateUserAddCredentialsSetBy",
            "DikelolaServer.UpdatePublicBodyAddPeriodHorizon",
            "DikelolaServer.CreateWarningAcknowledgement",
            "DikelolaServer.UpdatePublicBodyAddWorkingHours",
            "DikelolaServer.UpdateDecreeAddKeputusanFields",
            "DikelolaServer.UpdateItemsAddOpenPart",
            "DikelolaServer.CreateRegisterImport",
            "DikelolaServer.UpdateProposalStepAddActorName",
            "DikelolaServer.CreateRegisterEntrySweepIndex",
            "DikelolaServer.UpdatePublicationAddFormat",
            "DikelolaServer.CreatePublishedEntries",
            "DikelolaServer.CreateDisputes",
            "DikelolaServer.CreatePublicationManifests",
            "DikelolaServer.CreateElectronicSignatures",
        ])
    }
}
