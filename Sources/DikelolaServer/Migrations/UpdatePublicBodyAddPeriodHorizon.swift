import Fluent

/// How many years after the decree an exemption may end: refused beyond it for grounds a–f
/// (UU 14/2008 Ps 20(1)), warned for g–j. Existing bodies get the default, 30 years.
struct UpdatePublicBodyAddPeriodHorizon: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PublicBody.schema)
            .field("period_horizon_years", .int, .required, .sql(.default(PeriodPolicyDefaults.horizonYears)))
            .update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PublicBody.schema).deleteField("period_horizon_years").update()
    }
}

/// The value written into the migration: fixed, so the migration never changes once shipped.
enum PeriodPolicyDefaults {
    static let horizonYears = 30
}
