import DikelolaCore
import Fluent
import Foundation
import Vapor

/// An entry's dossier (`Dossier`): as a page, as one PDF with its index, and as a ZIP of the PDF
/// and the originals with their SHA-256 list. Only those entitled to the entry's exempted content
/// (and, once archived as inactive, with the holder's permission) may produce it; the PDF and the
/// ZIP are recorded in the audit history.
enum DossierController {
    @Sendable static func show(req: Request, user: CurrentUser) async throws -> Response {
        let dossier = try await Dossier.load(try req.id("entry"), for: user, now: req.now, on: req.db)
        return DossierDocument.render(
            PageContext(req, user: user), dossier, calendar: req.application.dikelola.calendar,
            provider: req.application.signingProvider)
    }

    @Sendable static func pdf(req: Request, user: CurrentUser) async throws -> Response {
        let dossier = try await Dossier.load(try req.id("entry"), for: user, now: req.now, on: req.db)
        let bytes = try await printed(req, user, dossier)
        try await audit(req, dossier, what: "PDF, \(bytes.count) bita, SHA-256 \(PublicationManifest.sha256(bytes))")
        return PDFPrinter.response(bytes, filename: "Berkas bukti \(dossier.entry.registerNumber).pdf")
    }

    @Sendable static func zip(req: Request, user: CurrentUser) async throws -> Response {
        let dossier = try await Dossier.load(try req.id("entry"), for: user, now: req.now, on: req.db)
        let pdf = Data(try await printed(req, user, dossier))
        var archive = ZipArchive(modified: dossier.body.zone.localDate(of: dossier.producedAt))
        var sums = ["\(PublicationManifest.sha256(pdf))  berkas-bukti.pdf"]
        try archive.add("berkas-bukti.pdf", pdf)
        for (name, original) in Swift.zip(dossier.originalNames, dossier.originals) {
            try archive.add(name, original.file.data)
            // The hash as stored when the file came in: a file changed since would not match it.
            sums.append("\(original.file.sha256)  \(name)")
        }
        let list = Data((sums.joined(separator: "\n") + "\n").utf8)
        try archive.add("SHA256SUMS", list)
        let bytes = archive.finished()
        try await audit(
            req, dossier,
            what: "ZIP, \(dossier.originals.count) dokumen asli, \(bytes.count) bita, SHA256SUMS \(PublicationManifest.sha256(list))")
        let response = Response(status: .ok, body: .init(data: bytes))
        response.headers.contentType = HTTPMediaType(type: "application", subType: "zip")
        response.headers.replaceOrAdd(
            name: .contentDisposition,
            value: Downloads.contentDisposition(
                "attachment", name: PrintedDocument.safeName("Berkas bukti \(dossier.entry.registerNumber).zip")))
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    /// The dossier PDF signed with the passphrase or NIK the signer typed (BSrE, or a certificate
    /// whose passphrase the server does not keep).
    @Sendable static func signedPDF(req: Request, user: CurrentUser) async throws -> Response {
        let dossier = try await Dossier.load(try req.id("entry"), for: user, now: req.now, on: req.db)
        // The certificate is the head's: only a head of the unit signs with it.
        let place = dossier.place
        guard user.may(.signDecree, on: place).isAllowed, Authorization.roles(of: user.person, covering: place).contains(.head) else {
            throw ProcedureError(status: .forbidden, message: "Berkas bukti ditandatangani secara elektronik oleh pimpinan (Atasan PPID) unit ini.")
        }
        let form = try req.formValues()
        let bytes = try await printed(
            req, user, dossier, credentials: SigningCredentials(passphrase: form.optional("passphrase"), nik: form.optional("nik")))
        try await audit(req, dossier, what: "PDF bertanda tangan elektronik, \(bytes.count) bita, SHA-256 \(PublicationManifest.sha256(bytes))")
        return PDFPrinter.response(bytes, filename: "Berkas bukti \(dossier.entry.registerNumber).pdf")
    }

    /// The dossier printed to PDF by the server's Chromium and, when the server signs by itself
    /// (a certificate whose passphrase it keeps) or the signer typed what it needs, signed (PAdES).
    static func printed(
        _ req: Request, _ user: CurrentUser, _ dossier: Dossier, credentials: SigningCredentials? = nil
    ) async throws -> [UInt8] {
        let page = DossierDocument.render(PageContext(req, user: user), dossier, calendar: req.application.dikelola.calendar)
        guard let html = page.body.string else { throw Abort(.internalServerError) }
        let pdf: [UInt8]
        do {
            pdf = try await PDFPrinter.print(
                html: PDFPrinter.selfContained(html, images: try await PrintedDocument.images(ofBody: dossier.body.id, on: req.db)),
                chromium: req.application.dikelola.configuration.chromium)
        } catch let failure as PDFPrinter.Failure {
            req.logger.warning("PDF: \(failure)")
            throw ProcedureError(status: .serviceUnavailable, message: failure.description)
        }
        guard let provider = req.application.signingProvider,
            credentials != nil || (!provider.needsNIK && !provider.needsPassphrase)
        else { return pdf }
        let details = PDFSignature.Details(
            name: user.name, reason: "Berkas bukti \(dossier.entry.registerNumber) (UU 14/2008 Pasal 45)",
            location: dossier.body.seat.isEmpty ? dossier.body.region : dossier.body.seat, signedAt: req.now)
        guard let credentials else {
            // Signed by the server on its own: evidence is never withheld for a signing fault.
            do {
                return try await provider.sign(pdf, details: details, credentials: SigningCredentials())
            } catch {
                req.logger.error("Berkas bukti tidak ditandatangani: \(error)")
                return pdf
            }
        }
        do {
            return try await provider.sign(
                pdf, details: details, credentials: credentials, acting: req.acting(user),
                what: "Berkas bukti \(dossier.entry.registerNumber)", bodyID: dossier.entry.$body.id)
        } catch let error as SigningError {
            throw ProcedureError(status: .unprocessableEntity, message: error.description)
        }
    }

    static func audit(_ req: Request, _ dossier: Dossier, what: String) async throws {
        try await req.application.writeTransaction { db in
            try await AuditLog.record(
                req.auditDraft(
                    .dossierProduce, targetType: .registerEntry, targetID: dossier.entry.id?.uuidString,
                    bodyID: dossier.body.id?.uuidString, after: "Berkas bukti \(dossier.entry.registerNumber): \(what)"),
                on: db)
        }
    }
}
