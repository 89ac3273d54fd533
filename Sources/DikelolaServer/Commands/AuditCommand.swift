import DikelolaCore
import Vapor

/// `dikelola audit verify`: recomputes the hash chain of the history and names the first broken
/// link. Exits 1 when the chain is broken.
struct AuditCommand: AsyncCommandGroup {
    let commands: [String: any AnyAsyncCommand] = ["verify": AuditVerify()]
    let help = "Riwayat audit yang tidak dapat diubah diam-diam.\nThe tamper-evident audit history."
}

struct AuditVerify: AsyncCommand {
    struct Signature: CommandSignature {}
    let help = "Menghitung ulang rantai hash riwayat audit dan melaporkan mata rantai pertama yang rusak.\nRecomputes the audit hash chain and names the first broken link."

    func run(using context: CommandContext, signature: Signature) async throws {
        try await failingClearly {
            let app = context.application
            let (checked, found) = try await AuditLog.verify(on: app.db)
            if let found {
                throw AuditChainBroken(breakage: found, checkedBefore: checked)
            }
            context.console.success("Rantai audit utuh: \(checked) peristiwa diperiksa.")
        }
    }
}

struct AuditChainBroken: Error, CustomStringConvertible {
    let breakage: AuditChain.Break
    let checkedBefore: Int

    var description: String {
        let record = breakage.record
        return "\(breakage)\n  id peristiwa: #\(record.sequence), waktu \(record.occurredAt) (UTC), hash tersimpan \(record.hash)"
    }
}
