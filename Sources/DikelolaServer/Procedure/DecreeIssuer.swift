import DikelolaCore
import Fluent
import Foundation
import SQLKit
import Vapor

/// Produces the classification decree when a proposal's decree step approves: numbered from the
/// body's pattern and yearly counter, dated today in the body's zone (it takes effect that day),
/// signed by the head, with every exempted item entered in the register (DIK) and every item
/// found open listed for the DIP.
enum DecreeIssuer {
    static func issue(_ ctx: ProposalContext, date: LocalDate, acting: Acting, on db: any Database) async throws
    {
        let bodyID = try ctx.body.requireID()
        try await lockNumbering(bodyID, on: db)
        let tested = ctx.items.compactMap { item in ctx.test(of: item).map { (item, $0) } }
        let exempted = tested.filter { $0.1.verdict.exempts }
        let open = tested.filter { !$0.1.verdict.exempts }
        // UU 14/2008 Ps 22(7)(e): what stays open of a partly exempted item is public information,
        // given as the blacked-out version; the item is never listed as wholly exempted.
        for (item, test) in exempted where test.verdict != .closed {
            try await listInDIP(
                item, summary: "\(item.title) — versi yang dihitamkan; terbuka: \(test.openPart)", source: .partlyOpen,
                note: "dikecualikan sebagian; bagian yang terbuka masuk DIP", bodyID: bodyID, acting: acting, on: db)
        }
        for (item, _) in open {
            try await listInDIP(
                item, summary: item.title + (item.description.isEmpty ? "" : " — \(item.description)"), source: .testedOpen,
                note: "terbuka menurut uji konsekuensi", bodyID: bodyID, acting: acting, on: db)
        }
        guard !exempted.isEmpty else { return }

        let signer = try await signer(for: ctx, actor: acting.person, on: db)
        let decree = try await makeDecree(
            body: ctx.body, unitID: try ctx.unit.requireID(), kind: .classification, date: date, signer: signer,
            proposalID: try ctx.proposal.requireID(),
            actionID: nil, on: db)
        try await AuditLog.record(
            acting.auditDraft(
                .decreeIssue, targetType: .decree, targetID: try decree.requireID().uuidString,
                bodyID: bodyID.uuidString,
                after:
                    "\(decree.number), \(IndonesianFormat.date(date)), \(exempted.count) informasi; ditandatangani \(signer.name)"
            ),
            on: db)

        var serial = try await registerSerials(bodyID: bodyID, year: date.year, on: db)
        for (item, test) in exempted {
            guard let ground = test.ground, let period = test.period else { continue }  // the engine refused such items before
            serial += 1
            let entry = try RegisterEntry(
                bodyID: bodyID, unitID: item.$holdingUnit.id, itemID: try item.requireID(), decreeID: try decree.requireID(),
                registerNumber: RegisterNumber.make(year: date.year, serial: serial), title: item.title, test: test,
                ground: ground, period: period)
            try await entry.create(on: db)
            try await AuditLog.record(
                acting.auditDraft(
                    .registerAdd, targetType: .registerEntry, targetID: try entry.requireID().uuidString,
                    bodyID: bodyID.uuidString,
                    after: "\(entry.registerNumber) \(item.title); \(ground.citation); \(period.indonesianDescription)"),
                on: db)
        }
        try await Publisher.record(
            services: acting.services,
            bodyID: bodyID, reason: "Surat penetapan \(decree.number)", now: acting.now, actor: acting.person.id.uuidString, on: db)
    }

    /// Lists an item of the proposal among the public information (DIP), with its history event.
    private static func listInDIP(
        _ item: ProposalItem, summary: String, source: PublicInformationSource, note: String, bodyID: UUID, acting: Acting,
        on db: any Database
    ) async throws {
        let entry = PublicInformationEntry()
        entry.$body.id = bodyID
        entry.$unit.id = item.$holdingUnit.id
        entry.$item.id = try item.requireID()
        entry.summary = summary
        entry.madeWhen = item.madeWhen
        entry.madeWhere = item.madeWhere
        entry.form = item.form
        entry.source = source
        try await entry.create(on: db)
        try await AuditLog.record(
            acting.auditDraft(
                .dipAdd, targetType: .item, targetID: item.id?.uuidString, bodyID: bodyID.uuidString,
                after: "\(item.title): \(note)"), on: db)
    }

    /// A new decree of `kind`, numbered from the body's pattern and its counter for the year, dated
    /// `date` and placed at the body's seat. Call `lockNumbering` first in the same transaction.
    static func makeDecree(
        body: PublicBody, unitID: UUID, kind: DecreeKind, date: LocalDate, signer: Signer, proposalID: UUID?,
        actionID: UUID?, on db: any Database
    ) async throws -> Decree {
        let bodyID = try body.requireID()
        let template = try DecreeNumberTemplate(body.decreeNumberTemplate)
        let decree = try await Decree.next(of: body, kind: kind, date: date, proposalID: proposalID, actionID: actionID, on: db)
        decree.number = template.number(serial: decree.serial, date: date)
        decree.signerName = signer.name
        decree.signerPosition = signer.position
        decree.signerNIP = signer.nip
        decree.signerRank = signer.rank
        decree.signerID = signer.id
        if let unit = try await Unit.find(unitID, on: db), let ppid = try await ppid(of: unit, bodyID: bodyID, on: db) {
            decree.ppidName = ppid.name
            decree.ppidPosition = ppid.position
            decree.ppidNIP = ppid.nip
        }
        try await decree.create(on: db)
        return decree
    }

    /// The PPID who keeps the unit's register: its PPID Pembantu, else the PPID Utama of the body.
    static func ppid(of unit: Unit, bodyID: UUID, on db: any Database) async throws -> Keputusan.Officer? {
        let main = try await Unit.query(on: db).filter(\.$body.$id == bodyID).filter(\.$hostsMainPPID == true).first()
        let places: [(UUID?, Role)] = [(unit.id, .assistantPPID), (unit.id, .mainPPID), (main?.id, .mainPPID)]
        for case let (unitID?, role) in places {
            let holders = try await RoleAssignment.query(on: db).filter(\.$unit.$id == unitID).filter(\.$role == role.rawValue)
                .with(\.$user).all()
            if let user = holders.map(\.user).first(where: \.isActive) {
                return Keputusan.Officer(name: user.name, position: user.position, nip: user.nip)
            }
        }
        return nil
    }

    /// How many register numbers of `year` the body has used: the next is one more.
    static func registerSerials(bodyID: UUID, year: Int, on db: any Database) async throws -> Int {
        let prefix = "DIK-\(year)-"
        return try await RegisterEntry.query(on: db).filter(\.$body.$id == bodyID).field(\.$id).field(\.$registerNumber).all()
            .filter { $0.registerNumber.hasPrefix(prefix) }.count
    }

    struct Signer {
        let id: UUID?
        let name: String
        let position: String
        let nip: String?
        let rank: String?
    }

    /// The head who signs (PP 61/2010 Ps 4): the actor when they are a head for this unit; else a
    /// head of the unit; else a head of the office that hosts the PPID Utama.
    static func signer(for ctx: ProposalContext, actor: CurrentUser, on db: any Database) async throws -> Signer {
        try await signer(
            unit: ctx.unit, bodyID: try ctx.body.requireID(), actorIsHead: ctx.roles(of: actor).contains(.head), actor: actor,
            on: db)
    }

    static func signer(unit: Unit, bodyID: UUID, actorIsHead: Bool, actor: CurrentUser, on db: any Database) async throws
        -> Signer
    {
        if actorIsHead, let user = try await User.find(actor.id, on: db) {
            return Signer(id: user.id, name: user.name, position: user.position, nip: user.nip, rank: user.rank)
        }
        var candidates = [unit.id].compactMap { $0 }
        if let main = try await Unit.query(on: db).filter(\.$body.$id == bodyID).filter(\.$hostsMainPPID == true)
            .first(),
            let id = main.id
        {
            candidates.append(id)
        }
        for unitID in candidates {
            if let assignment = try await RoleAssignment.query(on: db).filter(\.$unit.$id == unitID).filter(
                \.$role == Role.head.rawValue
            )
            .with(\.$user).first(), assignment.user.isActive {
                return Signer(
                    id: assignment.user.id, name: assignment.user.name, position: assignment.user.position,
                    nip: assignment.user.nip, rank: assignment.user.rank)
            }
        }
        throw ProcedureError(
            status: .conflict,
            message:
                "Belum ada Atasan PPID (peran head) di \(unit.name) atau di kantor PPID Utama untuk menandatangani surat penetapan. Minta administrator memberikan peran itu."
        )
    }

    /// Serialises numbering per body on PostgreSQL; the unique constraints are the last guard.
    static func lockNumbering(_ bodyID: UUID, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" else { return }
        try await sql.raw("SELECT pg_advisory_xact_lock(hashtext(\(bind: "decree:" + bodyID.uuidString)))").run()
    }
}
