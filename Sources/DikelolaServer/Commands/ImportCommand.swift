import DikelolaCore
import Fluent
import Foundation
import Vapor

/// `dikelola import FILE --body SLUG --unit NAME [--decree-number N --decree-date YYYY-MM-DD]
/// [--dry-run] [--format json] [--skip-refused]`: brings a DIK spreadsheet (XLSX, CSV, or a
/// register's own JSON export) into a body's register, as the import page does. It prints the same
/// preview; it exits 1 when any row is refused unless `--skip-refused` is given, and then imports
/// only the rows read without refusal. `--dry-run` writes nothing.
struct ImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "Berkas DIK: .xlsx, .csv, atau dik.json ekspor Dikelola.")
        var file: String
        @Option(name: "body", help: "Slug badan publik.")
        var body: String?
        @Option(name: "unit", help: "Nama unit pemilik baris yang tidak menyebut unitnya.")
        var unit: String?
        @Option(name: "decree-number", help: "Nomor SK terdahulu, bagi baris yang tidak menyebutnya.")
        var decreeNumber: String?
        @Option(name: "decree-date", help: "Tanggal SK terdahulu (YYYY-MM-DD), bagi baris yang tidak menyebutnya.")
        var decreeDate: String?
        @Option(name: "signer-name", help: "Nama penandatangan SK terdahulu.")
        var signerName: String?
        @Option(name: "signer-position", help: "Jabatan penandatangan SK terdahulu.")
        var signerPosition: String?
        @Option(name: "signer-nip", help: "NIP penandatangan SK terdahulu.")
        var signerNIP: String?
        @Option(name: "as", help: "Surel PPID yang mendaftarkan (dicatat di riwayat); tanpa ini, tercatat 'system'.")
        var actor: String?
        @Option(name: "format", help: "text (bawaan) atau json.")
        var format: String?
        @Flag(name: "dry-run", help: "Hanya pratinjau; tidak ada yang disimpan.")
        var dryRun: Bool
        @Flag(name: "skip-refused", help: "Impor baris yang dapat diterima dan lewati yang ditolak.")
        var skipRefused: Bool
    }

    let help = "Mengimpor DIK dari lembar kerja (XLSX/CSV/JSON) dan SK terdahulu ke register badan publik.\nImports a register kept as a spreadsheet, with its earlier decree."

    func run(using context: CommandContext, signature: Signature) async throws {
        try await failingClearly {
            let app = context.application
            let json = try Self.wantsJSON(signature.format)
            try await Startup.prepareDatabase(app)
            let (body, unit) = try await Self.place(body: signature.body, unit: signature.unit, on: app.db)
            let decree = RegisterImportService.EarlierDecree(
                number: signature.decreeNumber, date: try Self.date(signature.decreeDate), signerName: signature.signerName,
                signerPosition: signature.signerPosition, signerNIP: signature.signerNIP)
            let person = try await Self.person(signature.actor, unit: unit, on: app.db)
            let url = URL(fileURLWithPath: signature.file)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw CommandFailure(message: "Berkas \(signature.file) tidak dapat dibaca.")
            }
            let actor = RegisterImportService.Actor(commandLine: app, person: person)
            let reading: ImportPreview
            var preview: ImportPreview
            let context: ImportRowReading.Context
            do {
                try RegisterImportService.check(decree)
                context = try await RegisterImportService.context(
                    body: body, number: decree.number, date: decree.date, services: app.dikelola, now: actor.now, on: app.db)
                reading = try RegisterImportService.read(data, corrections: .init(), context: context)
                preview = reading
                let known = try await RegisterKnowledge.load(
                    bodyID: try body.requireID(), defaultUnitID: try unit.requireID(), on: app.db)
                known.judge(&preview)
            } catch let error as ProcedureError {
                throw CommandFailure(message: error.fields.values.sorted().joined(separator: " ").nilIfBlank ?? error.message)
            }
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(preview.report), as: UTF8.self))
            } else {
                print(ImportReportText.render(preview, fileName: url.lastPathComponent))
            }
            let refused = preview.refused.count
            if refused > 0, !signature.skipRefused {
                throw CommandFailure(
                    message: "\(refused) baris ditolak; tidak ada yang diimpor. Perbaiki berkasnya, atau jalankan dengan "
                        + "--skip-refused untuk mengimpor \(preview.accepted.count) baris yang diterima saja.")
            }
            if signature.dryRun {
                FileHandle.standardError.write(Data("Pratinjau saja (--dry-run): tidak ada yang disimpan.\n".utf8))
                return
            }
            let outcome = try await Self.importing(
                data, name: url.lastPathComponent, unit: unit, body: body, decree: decree, reading: reading, context: context, actor: actor)
            FileHandle.standardError.write(
                Data(
                    ("Selesai: \(outcome.entries) entri didaftarkan dari SK terdahulu \(outcome.decrees.joined(separator: ", "))"
                        + (outcome.version.map { "; DIK versi \($0) diterbitkan." } ?? ".") + "\n").utf8))
        }
    }

    /// Keeps the file as an import and confirms it, telling the progress on standard error.
    static func importing(
        _ data: Data, name: String, unit: Unit, body: PublicBody, decree: RegisterImportService.EarlierDecree,
        reading: ImportPreview, context: ImportRowReading.Context, actor: RegisterImportService.Actor
    ) async throws -> RegisterImportService.Outcome {
        do {
            let record = try await RegisterImportService.upload(
                fileName: name, data: data, unit: unit, decree: decree, scan: nil, actor: actor)
            // The sheet was read once for the preview printed above; the import reads that reading.
            let key = RegisterImportService.cacheKey(record, body: body, context: context)
            await ImportPreviewCache.shared.keep(reading, for: key)
            return try await RegisterImportService.confirm(try record.requireID(), actor: actor) { done, total in
                FileHandle.standardError.write(
                    Data("Mengimpor: \(IndonesianFormat.number(done)) dari \(IndonesianFormat.number(total)) baris\n".utf8))
            }
        } catch let error as ProcedureError {
            throw CommandFailure(message: error.message)
        }
    }

    static func wantsJSON(_ format: String?) throws -> Bool {
        switch format ?? "text" {
        case "json": return true
        case "text": return false
        default: throw CommandFailure(message: "--format '\(format ?? "")' tidak dikenal; pilih text atau json.")
        }
    }

    static func date(_ text: String?) throws -> LocalDate? {
        guard let text else { return nil }
        guard let date = LocalDate(iso: text), LocalDate.inputYears.contains(date.year) else {
            throw CommandFailure(message: "--decree-date '\(text)' bukan tanggal; tulis YYYY-MM-DD, misalnya 2024-03-04.")
        }
        return date
    }

    static func place(body slug: String?, unit name: String?, on db: any Database) async throws -> (PublicBody, Unit) {
        let bodies = try await PublicBody.query(on: db).all()
        guard let slug, let body = bodies.first(where: { $0.slug == slug }) else {
            throw CommandFailure(
                message: "Sebut badan publik dengan --body; yang ada: \(bodies.map(\.slug).sorted().joined(separator: ", ")).")
        }
        let units = try await Unit.query(on: db).filter(\.$body.$id == body.requireID()).all()
        let words = ImportColumn.words(name ?? "")
        guard
            let unit = units.first(where: { ImportColumn.words($0.name) == words })
                ?? units.first(where: { ImportColumn.words($0.shortName ?? "") == words && !words.isEmpty })
        else {
            throw CommandFailure(
                message: "Sebut unit dengan --unit; unit \(body.slug): \(units.map(\.name).sorted().joined(separator: "; ")).")
        }
        return (body, unit)
    }

    /// The PPID named by `--as`, who must be allowed to publish the unit's register.
    static func person(_ email: String?, unit: Unit, on db: any Database) async throws -> CurrentUser? {
        guard let email else { return nil }
        guard let user = try await User.query(on: db).filter(\.$email == email.lowercased()).first(), user.isActive else {
            throw CommandFailure(message: "Tidak ada pengguna aktif dengan surel \(email).")
        }
        let person = try await CurrentUser.load(user, via: .session, on: db)
        if case let .denied(denial) = person.may(.importRegister, on: try await AccessQueries.place(of: unit, on: db)) {
            throw CommandFailure(message: "\(email) tidak berwenang mengelola register \(unit.name): \(denial)")
        }
        return person
    }
}
