import DikelolaCore
import Fluent
import Vapor

/// A document page delivered as PDF: the same page a person may see (so the same access rules),
/// printed on the server, the download recorded in the audit history.
enum PrintedDocument {
    static func pdf(
        _ req: Request, page: Response, bodyID: UUID, filename: String, target: (type: AuditTarget, id: UUID?)
    ) async throws -> Response {
        guard page.status == .ok, let html = page.body.string else { return page }
        let bytes: [UInt8]
        do {
            bytes = try await PDFPrinter.print(
                html: PDFPrinter.selfContained(html, images: try await images(ofBody: bodyID, on: req.db)),
                chromium: req.application.dikelola.configuration.chromium)
        } catch let failure as PDFPrinter.Failure {
            req.logger.warning("PDF: \(failure)")
            return RefusalMiddleware.page(req, status: .serviceUnavailable, message: failure.description)
        }
        try await req.application.writeTransaction { db in
            try await AuditLog.record(
                req.auditDraft(
                    .documentPdf, targetType: target.type, targetID: target.id?.uuidString, bodyID: bodyID.uuidString,
                    after: "\(filename), \(bytes.count) bita"), on: db)
        }
        return PDFPrinter.response(bytes, filename: safeName(filename))
    }

    /// The body's logo by the address its pages use, for a document printed without the server.
    static func images(ofBody bodyID: UUID?, on db: any Database) async throws -> [String: (bytes: [UInt8], type: String)] {
        guard let bodyID, let body = try await PublicBody.find(bodyID, on: db), let logoID = body.$logo.id,
            let logo = try await StoredFile.find(logoID, on: db)
        else { return [:] }
        return [SiteURL.bodyLogo(bodyID).path: (Array(logo.data), logo.contentType)]
    }

    /// A file name every browser and operating system accepts: letters, digits, spaces, dots and dashes.
    static func safeName(_ name: String) -> String {
        String(
            name.map { $0.isASCII && ($0.isLetter || $0.isNumber || " .-_".contains($0)) ? $0 : "-" })
    }
}
