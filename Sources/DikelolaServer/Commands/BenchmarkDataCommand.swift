import DikelolaCore
import Fluent
import Foundation
import Vapor

/// `dikelola benchmark-data [--bodies 50] [--entries 100000] [--no-publication]`: fills an EMPTY database with generated
/// public bodies and register entries — for `scripts/benchmark.sh` only, never for real data. The
/// entries are written directly (not through the procedure, which would take hours), then published
/// exactly as real ones are: a version per body and the publication folder.
struct BenchmarkDataCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "bodies", help: "Jumlah badan publik (bawaan 50).")
        var bodies: Int?
        @Option(name: "entries", help: "Jumlah entri DIK seluruhnya (bawaan 100000).")
        var entries: Int?
        @Flag(name: "no-publication", help: "Tanpa versi terbit dan folder publikasi (untuk mengukur sapuan harian pada sejuta entri).")
        var noPublication: Bool
    }

    let help = "Mengisi basis data KOSONG dengan data buatan untuk pengukuran kinerja (scripts/benchmark.sh).\nFills an EMPTY database with generated data for measuring."

    static let words = [
        "data", "pribadi", "pengaduan", "rekam", "medis", "pasien", "anggaran", "pengadaan", "lelang", "penyidikan",
        "kependudukan", "pajak", "aset", "tanah", "sertifikat", "perizinan", "pegawai", "disiplin", "evaluasi", "bantuan",
        "sosial", "anak", "korban", "saksi", "intelijen", "jaringan", "persandian", "kontrak", "rencana", "strategis",
    ]
    static let grounds = ["a1", "a2", "b", "c6", "e1", "h1", "h2", "h3", "h4", "i", "j"]

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let bodies = max(1, signature.bodies ?? 50)
        let total = max(bodies, signature.entries ?? 100_000)
        try await Startup.prepareDatabase(app)
        guard try await PublicBody.query(on: app.db).count() == 0 else {
            throw CommandFailure(
                message: "Basis data ini sudah berisi badan publik; benchmark-data hanya untuk basis data kosong.")
        }
        let started = Date()
        let today = TimeZoneRegion.wib.localDate(of: app.dikelola.clock.now())
        for b in 0..<bodies {
            let count = total / bodies + (b < total % bodies ? 1 : 0)
            let body = PublicBody(
                slug: String(format: "badan-%02d", b + 1), name: "Pemerintah Kabupaten Uji \(b + 1)",
                region: "Kabupaten Uji \(b + 1)",
                timeZone: .wib, letterheadLines: ["PEMERINTAH KABUPATEN UJI \(b + 1)"],
                decreeNumberTemplate: "000.5.10/{serial}/PPID/{romanMonth}/{year}")
            try await app.writeTransaction { db in
                try await body.create(on: db)
                let bodyID = try body.requireID()
                let units = (1...4).map {
                    Unit(bodyID: bodyID, name: "Dinas Uji \($0)", shortName: "DU\($0)", sopID: "kalbar-disdukcapil-2022")
                }
                try await units.create(on: db)
                var made = 0
                var serial = 0
                while made < count {
                    let unit = units[made % units.count]
                    let proposal = Proposal(
                        bodyID: bodyID, unitID: try unit.requireID(), sopID: "kalbar-disdukcapil-2022", title: "Data uji",
                        firstStep: 1, startedAt: Date(), dueAt: nil, createdBy: UUID())
                    proposal.status = .completed
                    try await proposal.create(on: db)
                    serial += 1
                    let decree = Self.decree(bodyID: bodyID, proposalID: try proposal.requireID(), serial: serial, on: today)
                    try await decree.create(on: db)
                    let batch = min(200, count - made)
                    var items: [ProposalItem] = []
                    for _ in 0..<batch {
                        let title = (0..<4).map { _ in Self.words.randomElement()! }.joined(separator: " ").capitalized
                        items.append(
                            ProposalItem(
                                proposalID: try proposal.requireID(), title: title, description: "Uraian \(title.lowercased())",
                                holdingUnitID: try unit.requireID(), form: .both))
                    }
                    try await items.create(on: db)
                    var entries: [RegisterEntry] = []
                    for item in items {
                        made += 1
                        let ground = ExemptionGround(code: Self.grounds.randomElement()!)!
                        let period = ExemptionPeriod.length(PeriodLength(years: Int.random(in: 1...25)), from: today)
                        let test = ConsequenceTest(
                            ground: ground, otherStatute: nil,
                            consequenceIfOpened: "Membuka \(item.title.lowercased()) dapat \(ground.label.lowercased()).",
                            consequenceIfClosed: "Kepentingan publik tetap terlayani melalui data agregat.", verdict: .closed,
                            period: period, reason: "\(ground.citation) UU 14/2008.")
                        entries.append(
                            try RegisterEntry(
                                bodyID: bodyID, unitID: try unit.requireID(), itemID: try item.requireID(),
                                decreeID: try decree.requireID(),
                                registerNumber: RegisterNumber.make(year: today.year, serial: made),
                                title: item.title, test: test, ground: ground, period: period))
                    }
                    try await entries.create(on: db)
                }
                if !signature.noPublication {
                    try await Publisher.record(
                        services: app.dikelola, bodyID: bodyID, reason: "Data uji kinerja", now: Date(), actor: nil, on: db)
                }
            }
            if !signature.noPublication { try await PublicSite.materialize(app, bodyID: try body.requireID()) }
            context.console.info("\(body.slug): \(count) entri (\(Int(Date().timeIntervalSince(started))) dtk)")
        }
        context.console.info("Selesai: \(bodies) badan publik, \(total) entri, \(Int(Date().timeIntervalSince(started))) detik.")
    }

    /// A classification decree of the generated data.
    static func decree(bodyID: UUID, proposalID: UUID, serial: Int, on today: LocalDate) -> Decree {
        let decree = Decree()
        decree.$body.id = bodyID
        decree.$proposal.id = proposalID
        decree.kind = .classification
        decree.year = today.year
        decree.serial = serial
        decree.number = "000.5.10/\(serial)/PPID/XI/\(today.year)"
        decree.decreeDate = today
        decree.place = "Uji"
        decree.signerName = "Kepala Dinas Uji"
        decree.signerPosition = "Kepala Dinas"
        return decree
    }
}
