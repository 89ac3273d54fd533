import DikelolaCore
import Fluent
import Foundation
import SQLKit
import Vapor

/// `dikelola benchmark-change --body SLUG --entries N`: the cost of a new version (issue 16). It
/// changes the title of N of the body's published entries, records the version and writes it, as a
/// correction would, then prints what that cost: seconds, the files written anew (the rest of the
/// version folder is hard links to the previous version's files) and their bytes, and the bytes the
/// version added to the database (its row and the entries it stored). For `scripts/benchmark.sh` on generated data only.
struct BenchmarkChangeCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "body", help: "Alamat singkat badan publik.")
        var body: String?
        @Option(name: "entries", help: "Jumlah entri yang diubah (bawaan 1).")
        var entries: Int?
    }

    let help = "Mengukur biaya satu versi baru pada data uji kinerja (scripts/benchmark.sh).\nMeasures the cost of one new version."

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await Startup.prepareDatabase(app)
        guard let slug = signature.body, let body = try await PublicBody.query(on: app.db).filter(\.$slug == slug).first() else {
            throw CommandFailure(message: "Badan publik tidak ditemukan: --body harus alamat singkat badan publik yang ada.")
        }
        let bodyID = try body.requireID()
        let wanted = max(1, signature.entries ?? 1)
        let entries = try await RegisterEntry.query(on: app.db).filter(\.$body.$id == bodyID).filter(\.$status == .exempted)
            .sort(\.$registerNumber).limit(wanted).all()
        struct Bytes: Decodable { let bytes: Int? }
        func storedEntryBytes() async throws -> Int {
            guard let sql = app.db as? any SQLDatabase else { return 0 }
            return try await sql.raw("SELECT SUM(LENGTH(entry)) AS bytes FROM \(ident: PublishedEntries.table)")
                .first(decoding: Bytes.self)?.bytes ?? 0
        }
        let entryBytesBefore = try await storedEntryBytes()
        let started = Date()
        let publication = try await app.writeTransaction { db in
            for entry in entries {
                entry.title += " (diperbaiki)"
                try await entry.save(on: db)
            }
            return try await Publisher.record(
                services: app.dikelola, bodyID: bodyID, reason: "Uji biaya versi", now: Date(), actor: nil, on: db)
        }
        try await PublicSite.materialize(app, bodyID: bodyID)
        let seconds = Date().timeIntervalSince(started)
        guard let publication else { throw CommandFailure(message: "Tidak ada yang berubah; tidak ada versi baru.") }
        let folder = PublicSite.bodyFolder(app, slug: slug).appendingPathComponent("versi/\(publication.version)")
        var written = 0
        var bytes = 0
        var linked = 0
        var largest: [(name: String, bytes: Int)] = []
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            var info = stat()
            guard lstat(url.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            if info.st_nlink > 1 {
                linked += 1
            } else {
                written += 1
                bytes += Int(info.st_size)
                largest.append((String(url.path.dropFirst(folder.path.count + 1)), Int(info.st_size)))
            }
        }
        let stored = publication.snapshot.utf8.count + (try await storedEntryBytes() - entryBytesBefore)
        context.console.print(
            "\(entries.count) entri diubah: \(String(format: "%.2f", seconds)) s, \(written) berkas ditulis (\(bytes / 1024) KB), "
                + "\(linked) berkas ditautkan, \(stored / 1024) KB di basis data; terbesar: "
                + largest.sorted { $0.bytes > $1.bytes }.prefix(6).map { "\($0.name) \($0.bytes / 1024) KB" }.joined(separator: ", "))
    }
}
