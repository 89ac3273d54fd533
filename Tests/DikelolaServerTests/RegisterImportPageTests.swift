import DikelolaCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import DikelolaServer

/// A PPID brings last year's DIK in as the office keeps it: uploads it, sees each row as read and
/// judged, fixes and leaves out rows, confirms; the entries carry the earlier decree's dates, the
/// history and the public register say where they came from, and nothing is written before the
/// confirmation or twice.
@Suite struct RegisterImportPageTests {
    /// A DIK saved from Excel on an Indonesian desktop: Windows-1252, semicolons, title rows, a row
    /// of column numbers, a blank row and the signature block below.
    static let officeCSV: [UInt8] = Array(
        ([
            "DAFTAR INFORMASI YANG DIKECUALIKAN;;;;;;",
            "DINAS KESEHATAN KABUPATEN CONTOH;;;;;;",
            ";;;;;;",
            "No;Informasi yang Dikecualikan;Dasar Hukum;Konsekuensi bila dibuka;Konsekuensi bila ditutup;Alasan;Jangka Waktu",
            "1;2;3;4;5;6;7",
            "1;Rekam medis pasien rawat inap;Ps. 17 h angka 2;\"Membuka rekam medis\nmelanggar rahasia pasien\";Rahasia pasien terjaga;Rahasia pribadi;5 (lima) tahun",
            "2;Data pribadi pegawai;pasal 17 ayat (h) angka 3;Mengungkap data pribadi;Hak pegawai terlindungi;Data pribadi;s.d. 2028",
            ";;;;;;",
            "3;Berkas pemeriksaan pelanggaran disiplin;Pasal 17 huruf a angka 1;Menghambat pemeriksaan;Pemeriksaan lancar;Proses hukum;permanen",
            "4;Hasil uji laboratorium lingkungan;Pasal 17 huruf k;Meresahkan;Tenang;x;2 tahun",
            ";;;;;;",
            ";;;;Ditetapkan di Contoh, 4 Maret 2025;;",
            ";;;;Kepala Dinas Kesehatan;;",
        ].joined(separator: "\r\n")).data(using: .windowsCP1252) ?? Data())

    static func dinkes(_ app: Application) async throws -> DikelolaServer.Unit {
        try #require(try await DikelolaServer.Unit.query(on: app.db).filter(\.$shortName == "Dinkes").first())
    }

    /// Uploads the office's CSV as the Dinkes PPID and returns the draft's address.
    static func upload(_ browser: Browser, unit: DikelolaServer.Unit, bytes: [UInt8] = officeCSV, name: String = "DIK Dinkes 2025.csv")
        async throws -> String
    {
        try await browser.get(SiteURL.unitImport(unit.id).path)
        let sent = try await browser.upload(
            SiteURL.unitImport(unit.id).path,
            ["decreeNumber": "440/17/PPID-DINKES/2025", "decreeDate": "2025-03-04", "signerName": "dr. Andi Wijaya",
             "signerPosition": "Kepala Dinas Kesehatan", "signerNIP": ""],
            file: "file", name: name, bytes: bytes)
        #expect(sent.status == .seeOther)
        return try #require(sent.location)
    }

    @Test func aPPIDImportsLastYearsRegisterThroughThePages() async throws {
        try await withApp { app in
            _ = try await DemoGovernment.load(in: app)
            let unit = try await Self.dinkes(app)
            let browser = Browser(app)
            try await browser.signIn(as: "assistantppid.dinkes@contohkab.go.id")
            #expect(try await browser.get(SiteURL.unit(unit.id).path).body.contains(SiteURL.unitImport(unit.id).path))
            let entriesBefore = try await RegisterEntry.query(on: app.db).count()
            let versionsBefore = try await Publication.query(on: app.db).count()

            let draft = try await Self.upload(browser, unit: unit)
            #expect(draft.hasPrefix("/impor/"))
            var page = try await browser.get(draft + "?tampil=semua")
            #expect(page.status == .ok)
            #expect(page.body.contains("Rekam medis pasien rawat inap") && page.body.contains("5 tahun sejak 4 Maret 2025"))
            #expect(page.body.contains("&quot;s.d. 2028&quot; dibaca 31 Desember 2028") || page.body.contains("\"s.d. 2028\" dibaca 31 Desember 2028"))
            #expect(page.body.contains("UU 14/2008 Pasal 20 ayat 1"))  // "permanen" on ground a
            #expect(page.body.contains("tidak memiliki huruf k"))
            #expect(page.body.contains("Impor 2 baris yang diterima ke DIK (2 baris ditolak tidak diimpor)"))
            // Nothing is written before the officer confirms.
            #expect(try await RegisterEntry.query(on: app.db).count() == entriesBefore)

            // Fix row 9 (a real end instead of "permanen") and leave row 10 out, in one form.
            // As the browser sends it: unticked boxes are not sent.
            var corrected = Browser.prefilled(on: page, action: draft + "/perbaikan").filter { !$0.key.hasPrefix("skip-") }
            #expect(corrected["row-9-period"] == "permanen" && corrected["map-1"] == "title")
            corrected["row-9-period"] = "sampai 31 Desember 2030"
            corrected["skip-10"] = "on"
            let saved = try await browser.post(draft + "/perbaikan", corrected)
            #expect(saved.status == .seeOther)
            page = try await browser.get(draft + "?tampil=semua")
            #expect(page.body.contains("Impor 3 baris yang diterima ke DIK"), "\(page.body.prefix(4000))")

            // Confirming a preview that has changed since it was seen imports nothing.
            let stale = try await browser.post(draft + "/konfirmasi", ["accepted": "2"])
            #expect(stale.location == draft)
            #expect(try await browser.get(draft).body.contains("Pratinjau berubah sejak Anda melihatnya"))
            #expect(try await RegisterEntry.query(on: app.db).count() == entriesBefore)
            let done = try await browser.post(draft + "/konfirmasi", Browser.prefilled(on: page, action: draft + "/konfirmasi"))
            #expect(done.location == SiteURL.unitRegister(unit.id).path)
            let register = try await browser.get(SiteURL.unitRegister(unit.id).path)
            #expect(register.body.contains("didaftarkan dari SK terdahulu") && register.body.contains("440/17/PPID-DINKES/2025"))
            #expect(register.body.contains("3 entri didaftarkan dari SK terdahulu 440/17/PPID-DINKES/2025"))

            // The entries keep the earlier decree's date for their periods and expiry.
            let imported = try await RegisterEntry.query(on: app.db).with(\.$decree).all().filter { $0.decree.registeredFromEarlier }
            #expect(imported.count == 3)
            #expect(imported.first { $0.title == "Rekam medis pasien rawat inap" }?.endDate == LocalDate(iso: "2030-03-04"))
            #expect(imported.first { $0.title.hasPrefix("Berkas pemeriksaan") }?.endDate == LocalDate(iso: "2030-12-31"))
            #expect(Set(imported.map(\.registerNumber)).count == 3 && imported.allSatisfy { $0.registerNumber.hasPrefix("DIK-2025-") })
            let decree = try #require(imported.first?.decree)
            #expect(decree.decreeDate == LocalDate(iso: "2025-03-04") && decree.signerName == "dr. Andi Wijaya")
            #expect(try await browser.get(SiteURL.decree(decree.id).path).body.contains("didaftarkan dari SK terdahulu"))

            // One published version, the public entry saying where it came from; one import event and
            // one event per entry in an unbroken chain.
            #expect(try await Publication.query(on: app.db).count() == versionsBefore + 1)
            let latest = try #require(try await Publication.query(on: app.db).sort(\.$version, .descending).first())
            #expect(try await Publisher.register(of: latest, on: app.db).entries.filter { $0.registeredFromEarlier == true }.count == 3)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "import.confirm").count() == 1)
            let adds = try await AuditEvent.query(on: app.db).filter(\.$action == "register.add").all()
            #expect(adds.filter { ($0.summaryAfter ?? "").contains("didaftarkan dari SK terdahulu") }.count == 3)
            #expect(try await AuditLog.verify(on: app.db).firstBreak == nil)

            // The same file again is refused, saying when it came in.
            let again = try await browser.upload(
                SiteURL.unitImport(unit.id).path, ["decreeNumber": "", "decreeDate": ""], file: "file", name: "salinan.csv",
                bytes: Self.officeCSV)
            #expect(again.location == SiteURL.unitImport(unit.id).path)
            #expect(try await browser.get(SiteURL.unitImport(unit.id).path).body.contains("sudah diimpor pada"))
            #expect(try await RegisterEntry.query(on: app.db).count() == entriesBefore + 3)
        }
    }

    /// Hundreds of rows run on after the request; the draft's page shows how far, then the register.
    @Test func aLongImportShowsItsProgressAndFinishes() async throws {
        try await withApp(adjust: { $0.databaseConnectionsPerLoop = 2 }) { app in
            _ = try await DemoGovernment.load(in: app)
            let unit = try await Self.dinkes(app)
            let browser = Browser(app)
            try await browser.signIn(as: "assistantppid.dinkes@contohkab.go.id")
            var lines = ["No;Informasi;Dasar hukum;Konsekuensi bila dibuka;Konsekuensi bila ditutup;Alasan;Jangka waktu"]
            for n in 1...(ImportProgress.inlineRows + 100) {
                lines.append("\(n);Rekam medis pasien nomor \(n);Pasal 17 huruf h angka 2;Privasi terganggu;Terlindungi;Rahasia;5 tahun")
            }
            let draft = try await Self.upload(browser, unit: unit, bytes: Array(lines.joined(separator: "\n").utf8))
            try await browser.get(draft)
            #expect(try await browser.post(draft + "/konfirmasi", [:]).location == draft)
            var finished = false
            for _ in 0..<300 {
                let page = try await browser.get(draft)
                if page.status == .seeOther {
                    #expect(page.location == SiteURL.unitRegister(unit.id).path)
                    finished = true
                    break
                }
                #expect(page.status == .ok)
                if page.body.contains("<progress") { #expect(page.body.contains("dari 600 baris")) }
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(finished)
            #expect(try await browser.get(SiteURL.unitRegister(unit.id).path).body.contains("600 entri didaftarkan"))
            #expect(try await RegisterImport.query(on: app.db).first()?.entryCount == ImportProgress.inlineRows + 100)
            // Its page now says what came of it.
            #expect(try await browser.get(draft).body.contains("diimpor: 600 entri"))
        }
    }

    @Test func onlyThePPIDsOfTheUnitMayImport() async throws {
        try await withApp { app in
            _ = try await DemoGovernment.load(in: app)
            let unit = try await Self.dinkes(app)
            let owner = Browser(app)
            try await owner.signIn(as: "assistantppid.dinkes@contohkab.go.id")
            let draft = try await Self.upload(owner, unit: unit)
            for email in [
                "operator.dinkes@contohkab.go.id", "admin.diskominfo@contohkab.go.id", "assistantppid.disdukcapil@contohkab.go.id",
                "head.dinkes@contohkab.go.id",
            ] {
                let other = Browser(app)
                try await other.signIn(as: email)
                #expect(try await other.get(SiteURL.unitImport(unit.id).path).status == .forbidden, "\(email)")
                // The draft holds exempted content: its preview is refused too, and so is confirming it.
                #expect(try await other.get(draft).status == .forbidden, "\(email)")
                #expect(try await other.submit(draft + "/konfirmasi", [:]).status == .forbidden, "\(email)")
            }
            // The PPID Utama may, for any unit of the body.
            let main = Browser(app)
            try await main.signIn(as: "mainppid.diskominfo@contohkab.go.id")
            #expect(try await main.get(draft).status == .ok)
            // Anonymous: refused (no session, no token), the file unread.
            let anonymous = try await Browser(app).upload(
                SiteURL.unitImport(unit.id).path, [:], file: "file", name: "dik.csv", bytes: Self.officeCSV)
            #expect([.seeOther, .forbidden].contains(anonymous.status))
            #expect(try await RegisterImport.query(on: app.db).count() == 1)
        }
    }

    @Test func filesThatAreNoRegisterAreRefusedAndNothingIsKept() async throws {
        try await withApp { app in
            _ = try await DemoGovernment.load(in: app)
            let unit = try await Self.dinkes(app)
            let browser = Browser(app)
            try await browser.signIn(as: "assistantppid.dinkes@contohkab.go.id")
            for (bytes, words) in [
                (Array("%PDF-1.7\n%âãÏÓ\n".utf8), "PDF"), ([UInt8](), "Pilih berkas DIK"),
                (Array("Nama;Alamat\nBudi;Jl. Mawar\n".utf8), "Baris judul kolom tidak ditemukan"),
                (Array("No;Informasi;Dasar hukum;Jangka waktu\n".utf8), "tidak ada baris informasi"),
            ] {
                try await browser.get(SiteURL.unitImport(unit.id).path)
                let sent = try await browser.upload(
                    SiteURL.unitImport(unit.id).path, [:], file: "file", name: "dik.csv", bytes: bytes)
                #expect(sent.location == SiteURL.unitImport(unit.id).path)
                #expect(try await browser.get(SiteURL.unitImport(unit.id).path).body.contains(words), "\(words)")
            }
            #expect(try await RegisterImport.query(on: app.db).count() == 0)
            #expect(try await StoredFile.query(on: app.db).count() == 0)
        }
    }

    @Test func aDiscardedDraftWritesNothingToTheRegister() async throws {
        try await withApp { app in
            _ = try await DemoGovernment.load(in: app)
            let unit = try await Self.dinkes(app)
            let browser = Browser(app)
            try await browser.signIn(as: "assistantppid.dinkes@contohkab.go.id")
            let entries = try await RegisterEntry.query(on: app.db).count()
            let draft = try await Self.upload(browser, unit: unit)
            try await browser.get(draft)
            #expect(try await browser.post(draft + "/batal", [:]).status == .seeOther)
            try await browser.get(draft)
            #expect(try await browser.post(draft + "/konfirmasi", [:]).status == .seeOther)
            #expect(try await RegisterEntry.query(on: app.db).count() == entries)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "import.discard").count() == 1)
        }
    }
}
