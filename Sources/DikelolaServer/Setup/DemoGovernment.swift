import DikelolaCore
import Fluent

/// "Pemerintah Kabupaten Contoh": a demo government with the office that hosts the PPID Utama and
/// three OPDs, each running one of the seed SOPs, so every procedure can be tried. Loading it
/// twice changes nothing; it is written in one transaction.
enum DemoGovernment {
    static let slug = "kabupaten-contoh"

    struct Summary: CustomStringConvertible {
        let created: Bool
        let bodyName: String
        let unitNames: [String]

        var description: String {
            created
                ? "Demo dimuat: \(bodyName) dengan \(unitNames.count) unit (\(unitNames.joined(separator: "; ")))."
                : "Demo sudah ada: \(bodyName); tidak ada yang diubah."
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

    static func load(on database: any Database) async throws -> Summary {
        if let existing = try await PublicBody.query(on: database).filter(\.$slug == slug).first() {
            return Summary(created: false, bodyName: existing.name, unitNames: [])
        }
        return try await database.transaction { db in
            let body = PublicBody(
                slug: slug, name: "Pemerintah Kabupaten Contoh", region: "Provinsi Contoh", timeZone: .wib,
                letterheadLines: [
                    "PEMERINTAH KABUPATEN CONTOH",
                    "PEJABAT PENGELOLA INFORMASI DAN DOKUMENTASI",
                    "Jalan Merdeka Nomor 1, Contoh 78511 · ppid.contohkab.go.id",
                ],
                decreeNumberTemplate: "000.5.10/{serial}/PPID/{romanMonth}/{year}")
            try await body.create(on: db)
            let bodyID = try body.requireID()
            // The PPID Utama's office is the root of the tree; the OPDs sit beside it under the body.
            for seed in units {
                try await Unit(
                    bodyID: bodyID, name: seed.name, shortName: seed.shortName,
                    hostsMainPPID: seed.hostsMainPPID, hasAssistantPPID: !seed.hostsMainPPID,
                    sopID: seed.sopID
                ).create(on: db)
            }
            return Summary(created: true, bodyName: body.name, unitNames: units.map(\.shortName))
        }
    }
}
