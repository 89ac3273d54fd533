import DikelolaCore
import Fluent
import Foundation
import Vapor

/// Bringing a register in, in the browser: the upload form on a unit, the preview of a draft with
/// its one correction form, the confirmation and the discard — each POST answered with a redirect.
/// Only a PPID of the unit (or the PPID Utama) may import (`Action.importRegister`); the file is
/// read only once that is known.
enum ImportController {
    // MARK: Queries

    /// The draft named in the address, for a person who may import into its unit.
    static func query(_ req: Request, _ user: CurrentUser) async throws -> (RegisterImport, Unit) {
        guard let record = try await RegisterImport.find(try req.id("import"), on: req.db) else { throw Refusal.notFound }
        let (unit, _) = try await AccessQueries.unit(record.$unit.id, for: user, may: .importRegister, on: req.db)
        return (record, unit)
    }

    /// Which rows the preview shows, from `?tampil=` and `?halaman=`.
    static func filter(_ req: Request) -> ImportView.Filter {
        ImportView.Filter(
            show: (try? req.query.get(String.self, at: "tampil")).flatMap(ImportView.Filter.Show.init) ?? .attention,
            page: max(1, min(10_000, (try? req.query.get(Int.self, at: "halaman")) ?? 1)))
    }

    static func drafts(of unit: Unit, on db: any Database) async throws -> [RegisterImport] {
        try await RegisterImport.query(on: db).filter(\.$unit.$id == unit.requireID()).sort(\.$createdAt, .descending)
            .limit(20).all()
    }

    // MARK: Pages

    @Sendable static func showUpload(req: Request, user: CurrentUser) async throws -> Response {
        let (unit, _) = try await AccessQueries.unit(try req.id("unit"), for: user, may: .importRegister, on: req.db)
        return ImportView.upload(
            PageContext(req, user: user), unit: unit, earlier: try await drafts(of: unit, on: req.db),
            notice: Sessions.takeNotice(req))
    }

    @Sendable static func show(req: Request, user: CurrentUser) async throws -> Response {
        let (record, unit) = try await query(req, user)
        let ctx = PageContext(req, user: user)
        let services = req.application.dikelola
        let id = try record.requireID()
        if let running = await ImportProgress.shared.take(id) {
            if !running.finished { return ImportView.progress(ctx, record: record, state: running) }
            if let message = running.message { Sessions.setNotice(req, message) }
            return req.redirect(to: record.status == .imported ? SiteURL.unitRegister(unit.id).path : SiteURL.importDraft(id).path)
        }
        guard record.status == .draft else {
            let zone = try await PublicBody.find(record.$body.id, on: req.db)?.zone ?? .wib
            return ImportView.closed(ctx, record: record, unit: unit, zone: zone)
        }
        do {
            let preview = try await RegisterImportService.preview(record, services: services, now: req.now, on: req.db)
            return ImportView.preview(
                ctx, record: record, unit: unit, preview: preview, filter: filter(req), notice: Sessions.takeNotice(req))
        } catch let error as ProcedureError {
            return ImportView.unreadable(ctx, record: record, unit: unit, message: error.fields["file"] ?? error.message)
        }
    }

    // MARK: Forms

    @Sendable static func upload(req: Request, user: CurrentUser) async throws -> Response {
        struct Upload: Content {
            var file: File?
            var scan: File?
            var decreeNumber: String?
            var decreeDate: String?
            var signerName: String?
            var signerPosition: String?
            var signerNIP: String?
        }
        let (unit, _) = try await AccessQueries.unit(try req.id("unit"), for: user, may: .importRegister, on: req.db)
        try await req.admitBody()
        let acting = req.acting(user)
        do {
            let form = try req.decodeUpload(Upload.self)
            guard let file = form.file, file.data.readableBytes > 0 else {
                throw ProcedureError.invalid(["file": PageContext(req).t("Pilih berkas DIK (XLSX atau CSV).", "Choose the register file.")])
            }
            let decree = RegisterImportService.EarlierDecree(
                number: form.decreeNumber, date: try decreeDate(form.decreeDate), signerName: form.signerName,
                signerPosition: form.signerPosition, signerNIP: form.signerNIP)
            var scan: StoredFile?
            if let scanFile = form.scan, scanFile.data.readableBytes > 0 {
                do {
                    let checked = try FileIntake.check(scanFile, allowed: [.pdf, .png, .jpeg], maxBytes: acting.maxUploadBytes)
                    scan = FileIntake.stored(checked.data, type: checked.type, name: scanFile.filename, by: user)
                } catch {
                    throw ProcedureError.invalid(["scan": "Pindaian SK: \(error.description)"])
                }
            }
            let record = try await RegisterImportService.upload(
                fileName: file.filename, data: Data(buffer: file.data), unit: unit, decree: decree, scan: scan,
                actor: .init(acting))
            return req.redirect(to: SiteURL.importDraft(record.id).path)
        } catch let error as ProcedureError {
            Sessions.setNotice(req, error.message)
            return req.redirect(to: SiteURL.unitImport(unit.id).path)
        }
    }

    @Sendable static func correct(req: Request, user: CurrentUser) async throws -> Response {
        let (record, _) = try await query(req, user)
        try await req.admitBody()
        let form = try req.formValues()
        do {
            try await ImportCorrections.apply(form, to: record, acting: req.acting(user))
            Sessions.setNotice(req, PageContext(req).t("Perbaikan disimpan; baris dibaca ulang.", "Corrections saved; rows read again."))
        } catch let error as ProcedureError {
            Sessions.setNotice(req, error.message)
        }
        let back = SiteURL.importDraft(record.id).with(query: ["tampil": form["tampil"], "halaman": form["halaman"]].filter { !$0.value.isEmpty })
        return req.redirect(to: back)
    }

    @Sendable static func confirm(req: Request, user: CurrentUser) async throws -> Response {
        let (record, unit) = try await query(req, user)
        let expecting = Int(try req.formValues()["accepted"])
        let acting = req.acting(user)
        let id = try record.requireID()
        if record.status == .draft,
            let rows = try? await RegisterImportService.preview(record, services: acting.services, now: acting.now, on: req.db)
                .accepted.count, rows > ImportProgress.inlineRows
        {
            // A long import runs on after this request; its page shows how far it has come.
            if await ImportProgress.shared.start(id, total: rows) {
                let actor = RegisterImportService.Actor(background: req.application, from: acting)
                let language = PageContext(req)
                Task.detached { await runInBackground(id, actor: actor, expecting: expecting, language: language) }
            }
            return req.redirect(to: SiteURL.importDraft(id).path)
        }
        do {
            let outcome = try await RegisterImportService.confirm(id, actor: .init(acting), expecting: expecting)
            Sessions.setNotice(
                req,
                PageContext(req).t(
                    "\(outcome.entries) entri didaftarkan dari SK terdahulu \(outcome.decrees.joined(separator: ", "))"
                        + (outcome.version.map { "; DIK versi \($0) diterbitkan." } ?? "."),
                    "\(outcome.entries) entries registered from earlier decrees."))
            return req.redirect(to: SiteURL.unitRegister(unit.id).path)
        } catch let error as ProcedureError {
            Sessions.setNotice(req, error.message)
            return req.redirect(to: SiteURL.importDraft(record.id).path)
        }
    }

    static func runInBackground(
        _ id: UUID, actor: RegisterImportService.Actor, expecting: Int?, language: PageContext
    ) async {
        let progress = ImportProgress.shared
        do {
            let outcome = try await RegisterImportService.confirm(id, actor: actor, expecting: expecting) { done, total in
                Task { await progress.update(id, done: done, total: total) }
            }
            await progress.finish(
                id,
                message: language.t(
                    "\(outcome.entries) entri didaftarkan dari SK terdahulu \(outcome.decrees.joined(separator: ", "))"
                        + (outcome.version.map { "; DIK versi \($0) diterbitkan." } ?? "."),
                    "\(outcome.entries) entries registered from earlier decrees."))
        } catch let error as ProcedureError {
            await progress.finish(id, message: error.message)
        } catch {
            await progress.finish(id, message: language.t("Impor gagal; tidak ada yang disimpan: \(error)", "Import failed: \(error)"))
        }
    }

    @Sendable static func discard(req: Request, user: CurrentUser) async throws -> Response {
        let (record, unit) = try await query(req, user)
        do {
            try await RegisterImportService.discard(record, actor: .init(req.acting(user)))
            Sessions.setNotice(req, PageContext(req).t("Rancangan impor dibatalkan.", "Import draft discarded."))
        } catch let error as ProcedureError {
            Sessions.setNotice(req, error.message)
        }
        return req.redirect(to: SiteURL.unitImport(unit.id).path)
    }

    static func decreeDate(_ text: String?) throws -> LocalDate? {
        guard let text = text?.nilIfBlank else { return nil }
        guard let date = LocalDate(iso: text), LocalDate.inputYears.contains(date.year) else {
            throw ProcedureError.invalid(["decreeDate": "Tanggal SK \"\(text.prefix(40))\" tidak sah; pilih tanggal pada kalender."])
        }
        return date
    }
}

/// The import's JSON twin: the preview as the command line prints it, and the confirmation.
enum ImportAPI {
    struct Draft: Content {
        let id: UUID
        let status: String
        let fileName: String
        let sha256: String
        let decreeNumber: String?
        let decreeDate: LocalDate?
        let preview: ImportPreview.Report?
    }

    struct Confirmation: Content {
        /// The accepted rows the caller saw in the preview.
        let accepted: Int
    }

    struct Done: Content {
        let entries: Int
        let decrees: [String]
        let version: Int?
    }

    @Sendable static func show(req: Request, user: CurrentUser) async throws -> Response {
        let (record, _) = try await ImportController.query(req, user)
        let preview =
            record.status == .draft
            ? try await RegisterImportService.preview(record, services: req.application.dikelola, now: req.now, on: req.db).report
            : nil
        return try await Draft(
            id: try record.requireID(), status: record.status.rawValue, fileName: record.fileName, sha256: record.fileSHA256,
            decreeNumber: record.decreeNumber, decreeDate: record.decreeDate, preview: preview
        ).encodeResponse(for: req)
    }

    @Sendable static func confirm(req: Request, user: CurrentUser) async throws -> Response {
        let (record, _) = try await ImportController.query(req, user)
        let expecting = try req.content.decode(Confirmation.self).accepted
        let outcome = try await RegisterImportService.confirm(try record.requireID(), actor: .init(req.acting(user)), expecting: expecting)
        return try await Done(entries: outcome.entries, decrees: outcome.decrees, version: outcome.version)
            .encodeResponse(status: .created, for: req)
    }
}

struct ImportRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.signedIn(.GET, .unitImport(nil), use: ImportController.showUpload)
        routes.signedIn(.POST, .unitImport(nil), body: .upload, use: ImportController.upload)
        routes.signedIn(.GET, .importDraft(nil), use: ImportController.show)
        routes.signedIn(.POST, .importCorrections(nil), body: .bytes(4 * 1_048_576), use: ImportController.correct)
        routes.signedIn(.POST, .importConfirm(nil), use: ImportController.confirm)
        routes.signedIn(.POST, .importDiscard(nil), use: ImportController.discard)
    }
}
