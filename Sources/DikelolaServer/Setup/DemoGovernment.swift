import DikelolaCore
import Fluent
import Vapor

/// "Pemerintah Kabupaten Contoh": a demo government with the office that hosts the PPID Utama and
/// three OPDs, each running one of the seed SOPs, so every procedure can be tried. Loading it
/// twice changes nothing; it is written in one transaction.
enum DemoGovernment {
    static let slug = "kabupaten-contoh"

    struct Summary: CustomStringConvertible {
        let created: Bool
        let bodyName: String
        let unitNames: [String]
        /// Sign-ins made for the demo, with their one-time passwords, to print once.
        var accounts: [Account] = []

        struct Account {
            let email: String
            let password: String
            let role: Role
            let unit: String
        }

        var description: String {
            guard created else { return "Demo sudah ada: \(bodyName); tidak ada yang diubah." }
            var lines = ["Demo dimuat: \(bodyName) dengan \(unitNames.count) unit (\(unitNames.joined(separator: "; ")))."]
            if !accounts.isEmpty {
                lines.append("Akun demo (kata sandi sekali pakai; catat sekarang, tidak ditampilkan lagi):")
                let width = accounts.map(\.email.count).max() ?? 0
                for account in accounts {
                    let email = account.email.padding(toLength: width, withPad: " ", startingAt: 0)
                    lines.append("  \(email)  \(account.password)  \(account.role.indonesianTitle), \(account.unit)")
                }
            }
            return lines.joined(separator: "\n")
        }
    }

    struct UnitSeed {
        let name: String
        let shortName: String
        let hostsMainPPID: Bool
        let sopID: String
    }

    static let units = [
        UnitSeed(
            name: "Dinas Komunikasi dan Informatika", shortName: "Diskominfo", hostsMainPPID: true,
            sopID: "sanggau-kominfo-2021"),
        UnitSeed(
            name: "Dinas Kependudukan dan Pencatatan Sipil", shortName: "Disdukcapil", hostsMainPPID: false,
            sopID: "kalbar-disdukcapil-2022"),
        UnitSeed(
            name: "Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak", shortName: "DSPPA", hostsMainPPID: false,
            sopID: "kapuashulu-dsppa-2023"),
        UnitSeed(name: "Dinas Kesehatan", shortName: "Dinkes", hostsMainPPID: false, sopID: "bulukumba-kominfo-2021"),
    ]

    /// One person per role per relevant unit: in every OPD an operator, a PPID Pembantu and its
    /// head; in the PPID Utama's office the operator, the PPID Utama, the Tim Pertimbangan, the
    /// head of the body (who signs) and the body's administrator.
    static func roles(of seed: UnitSeed) -> [Role] {
        seed.hostsMainPPID ? [.operator, .mainPPID, .reviewPanel, .head, .admin] : [.operator, .assistantPPID, .head]
    }

    static func demoAccount(
        role: Role, unit: Unit, seed: UnitSeed, hasher: AsyncPasswordHasher,
        on db: any Database
    ) async throws -> Summary.Account {
        let password = OneTimePassword.generate()
        let email = "\(role.rawValue.lowercased()).\(seed.shortName.lowercased())@contohkab.go.id"
        let user = User(
            email: email, name: "\(role.indonesianTitle) \(seed.shortName) (demo)",
            position: role == .head ? "Kepala \(seed.name)" : "\(role.indonesianTitle) \(seed.shortName)",
            passwordHash: try await hasher.hash(password), mustChangePassword: true, homeBodyID: unit.$body.id)
        try await user.create(on: db)
        try await RoleAssignment(userID: try user.requireID(), unitID: try unit.requireID(), role: role).create(on: db)
        return Summary.Account(email: email, password: password, role: role, unit: seed.shortName)
    }

    static func load(in app: Application) async throws -> Summary {
        let database = app.db, hasher = app.password.async
        if let existing = try await PublicBody.query(on: database).filter(\.$slug == slug).first() {
            return Summary(created: false, bodyName: existing.name, unitNames: [])
        }
        return try await app.writeTransaction { db in
            let body = PublicBody(
                slug: slug, name: "Pemerintah Kabupaten Contoh", region: "Provinsi Contoh", timeZone: .wib,
                letterheadLines: [
                    "PEMERINTAH KABUPATEN CONTOH",
                    "PEJABAT PENGELOLA INFORMASI DAN DOKUMENTASI",
                    "Jalan Merdeka Nomor 1, Contoh 78511 · ppid.contohkab.go.id",
                ],
                decreeNumberTemplate: "000.5.10/{serial}/PPID/{romanMonth}/{year}")
            body.seat = "Contoh"
            try await body.create(on: db)
            let bodyID = try body.requireID()
            // The PPID Utama's office is the root of the tree; the OPDs sit beside it under the body.
            var accounts: [Summary.Account] = []
            for seed in units {
                let unit = Unit(
                    bodyID: bodyID, name: seed.name, shortName: seed.shortName,
                    hostsMainPPID: seed.hostsMainPPID, hasAssistantPPID: !seed.hostsMainPPID,
                    sopID: seed.sopID)
                try await unit.create(on: db)
                for role in roles(of: seed) {
                    accounts.append(try await demoAccount(role: role, unit: unit, seed: seed, hasher: hasher, on: db))
                }
            }
            try await AuditLog.record(
                AuditChain.Draft(
                    occurredAt: Date(), actorID: AuditLog.systemActor, actorRole: nil, action: .demoLoad,
                    targetType: .publicBody, targetID: bodyID.uuidString, bodyID: bodyID.uuidString,
                    summaryAfter: "\(body.name) dengan \(units.count) unit"),
                on: db)
            return Summary(created: true, bodyName: body.name, unitNames: units.map(\.shortName), accounts: accounts)
        }
    }
}
