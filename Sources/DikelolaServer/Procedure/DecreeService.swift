import DikelolaCore
import Fluent
import Foundation
import Vapor

/// Changes to an issued decree, shared by the API and the pages: a corrected number (unique per
/// body) and the signed scan (kept with its SHA-256). Each is audited.
enum DecreeService {
    static func renumber(_ decree: Decree, _ ctx: ProposalContext, to text: String, acting: Acting) async throws {
        guard let number = text.nilIfBlank else { throw ProcedureError.invalid(["number": "Nomor surat wajib diisi."]) }
        if let other = try await Decree.query(on: acting.db).filter(\.$body.$id == decree.$body.id).filter(\.$number == number)
            .first(),
            other.id != decree.id
        {
            throw ProcedureError(
                status: .conflict, message: "Nomor \(number) sudah dipakai surat lain badan publik ini; nomor tidak diubah.",
                fields: ["number": "Nomor sudah dipakai."])
        }
        let before = decree.number
        decree.number = number
        try await acting.write { db in
            try await decree.save(on: db)
            try await AuditLog.record(
                acting.auditDraft(
                    .decreeRenumber, targetType: .decree, targetID: decree.id?.uuidString,
                    bodyID: ctx.body.id?.uuidString, role: decree.registeredFromEarlier ? nil : .head, before: before, after: number), on: db)
            try await Publisher.record(
                services: acting.services,
                bodyID: decree.$body.id, reason: "Koreksi nomor surat \(before) menjadi \(number)", now: acting.now,
                actor: acting.person.id.uuidString, on: db)
        }
    }

    static func storeScan(_ decree: Decree, _ ctx: ProposalContext, file: File, acting: Acting) async throws {
        let checked: (type: SniffedType, data: Data)
        do {
            checked = try FileIntake.check(
                file, allowed: [.pdf, .png, .jpeg], maxBytes: acting.maxUploadBytes)
        } catch {
            throw ProcedureError.invalid(["file": error.description])
        }
        let stored = FileIntake.stored(checked.data, type: checked.type, name: file.filename, by: acting.person)
        try await acting.write { db in
            try await stored.create(on: db)
            decree.$signedScan.id = try stored.requireID()
            decree.signedScanSHA256 = stored.sha256
            try await decree.save(on: db)
            try await AuditLog.record(
                acting.auditDraft(
                    .decreeScan, targetType: .decree, targetID: decree.id?.uuidString,
                    bodyID: ctx.body.id?.uuidString, role: decree.registeredFromEarlier ? nil : .head,
                    after: "\(stored.originalName), SHA-256 \(stored.sha256)"), on: db)
        }
    }
}
