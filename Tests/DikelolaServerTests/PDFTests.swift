import DikelolaCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import DikelolaServer

/// Documents as PDF, printed on the server by headless Chromium (Debian's chromium; the test
/// script installs it): the same access as the page, every download audited, a clear page
/// when the server has no Chromium.
@Suite struct PDFTests {
    static let chromium = PDFPrinter.findChromium(path: ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin")

    @Test(.enabled(if: chromium != nil, "Chromium is not installed (scripts/test.sh installs it)"))
    func theDecreeAndTheRegisterPrintToA4() async throws {
        let clock = FixedClock(ExpirySweepTests.at("2026-11-10"))
        try await withApp(clock: clock, adjust: { $0.chromium = Self.chromium }) { app in
            try await ExpirySweepTests.register(app)
            let decree = try #require(try await Decree.query(on: app.db).first())
            let head = Browser(app)
            try await head.signIn(as: PeriodActionTests.head)
            let page = try await head.get(SiteURL.decree(decree.id).path)
            #expect(page.body.contains(SiteURL.decreePDF(decree.id).path))
            let pdf = try await head.get(SiteURL.decreePDF(decree.id).path)
            #expect(pdf.status == .ok && pdf.headers.contentType == .pdf)
            #expect(pdf.body.hasPrefix("%PDF-"))
            #expect(pdf.headers.first(name: .contentDisposition)?.contains("SK 000.5.10-") == true)
            // Two pages of A4: the decree portrait, its attachment landscape.
            #expect(pdf.body.contains("/MediaBox [0 0 594.9") && pdf.body.contains("/MediaBox [0 0 841.9"))
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "document.pdf").count() == 1)

            let unit = try #require(try await Unit.query(on: app.db).filter(\.$shortName == "Disdukcapil").first())
            let register = try await head.get(SiteURL.unitRegisterPDF(unit.id).path)
            #expect(register.status == .ok && register.body.hasPrefix("%PDF-"))

            // Someone who may not see the decree does not get its PDF either.
            let other = Browser(app)
            try await other.signIn(as: "operator.dinkes@contohkab.go.id")
            let refused = try await other.get(SiteURL.decreePDF(decree.id).path)
            #expect(refused.status == .forbidden && !refused.body.hasPrefix("%PDF"))
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "document.pdf").count() == 2)
        }
    }

    @Test func withoutChromiumThePersonIsToldWhatToDo() async throws {
        let clock = FixedClock(ExpirySweepTests.at("2026-11-10"))
        try await withApp(clock: clock, adjust: { $0.chromium = nil }) { app in
            try await ExpirySweepTests.register(app)
            let decree = try #require(try await Decree.query(on: app.db).first())
            let head = Browser(app)
            try await head.signIn(as: PeriodActionTests.head)
            let pdf = try await head.get(SiteURL.decreePDF(decree.id).path)
            #expect(pdf.status == .serviceUnavailable)
            #expect(pdf.body.contains("Chromium tidak terpasang") && pdf.body.contains("Ctrl+P"))
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "document.pdf").count() == 0)
        }
    }

    @Test func aFileNameEveryComputerAccepts() {
        #expect(PrintedDocument.safeName("SK 000.5.10/13/PPID/XI/2026.pdf") == "SK 000.5.10-13-PPID-XI-2026.pdf")
        #expect(PrintedDocument.safeName("DIK \"Dinas\" — 2026.pdf") == "DIK -Dinas- - 2026.pdf")
    }
}
