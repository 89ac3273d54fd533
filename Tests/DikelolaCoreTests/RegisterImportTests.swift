import Foundation
import Testing

@testable import DikelolaCore

/// DIKs as bodies publish them, brought in: the layouts, the prose, the citations, the law's
/// findings on each row, bad files, and the register's own exports read back without loss.
@Suite struct RegisterImportTests {
    let context = ImportRowReading.Context(
        decreeNumber: "188.4/12/PPID/2024", decreeDate: date("2024-03-04"), policy: .standard, expiry: nil,
        today: date("2026-11-25"), openedByRuling: [])

    func preview(_ data: Data, _ corrections: ImportPreview.Corrections = .init()) throws -> ImportPreview {
        try ImportPreview.make(try SpreadsheetFile.read(data), corrections: corrections, context: context)
    }

    func row(_ preview: ImportPreview, _ sheetRow: Int) throws -> ImportRowReading {
        try #require(preview.rows.first { $0.sheetRow == sheetRow })
    }

    /// A Windows-1252 CSV with semicolons, title rows, a row of column numbers, numbered rows, a blank
    /// row, a multi-line cell and a signature block below — as Excel on an Indonesian desktop saves it.
    static let publishedCSV: Data = {
        let text = [
            "DAFTAR INFORMASI YANG DIKECUALIKAN;;;;;",
            "DINAS KESEHATAN KABUPATEN CONTOH TAHUN 2024;;;;;",
            ";;;;;",
            "No;Informasi yang Dikecualikan;Dasar Hukum;Konsekuensi;Alasan;Jangka Waktu",
            "1;2;3;4;5;6",
            "1;Rekam medis pasien;Ps. 17 h angka 2;\"Membuka rekam medis\nmelanggar rahasia pasien\";Rahasia pribadi pasien;5 (lima) tahun",
            ";;;;;",
            "2;Data pribadi pegawai;pasal 17 ayat (h) angka 3;Mengungkap data pribadi;Data pribadi;s.d. 2028",
            "3;Berkas penyidikan pelanggaran;Pasal 17 huruf a angka 1;Menghambat penyidikan;Proses hukum;permanen",
            ";;;;;",
            ";;;;Ditetapkan di Contoh, 4 Maret 2024;",
            ";;;;Kepala Dinas Kesehatan;",
            ";;;;NIP 197001011990031001;",
        ].joined(separator: "\r\n")
        return text.data(using: .windowsCP1252) ?? Data()
    }()

    @Test func aPublishedCSVIsReadRowByRow() throws {
        let p = try preview(Self.publishedCSV)
        #expect(p.readAs.contains("titik koma"))
        #expect(p.table.headingRows == 4...4)
        #expect(p.rows.map(\.sheetRow) == [6, 8, 9])
        #expect(p.rows.map(\.number) == ["1", "2", "3"])
        let first = try row(p, 6)
        #expect(first.test.ground == ground("h2"))
        #expect(first.test.consequenceIfOpened == "Membuka rekam medis\nmelanggar rahasia pasien")
        #expect(first.test.period == .length(PeriodLength(years: 5), from: date("2024-03-04")))
        #expect(first.decreeNumber == "188.4/12/PPID/2024")
        // No "bila ditutup" column: the public-interest weighing the law asks for is missing.
        #expect(first.findings.contains { $0.severity == .refused && $0.field == .ifClosed && $0.article == "UU 14/2008 Pasal 2 ayat 4" })
        let second = try row(p, 8)
        #expect(second.test.period == .until(date("2028-12-31")))
        #expect(second.findings.contains { $0.severity == .note && $0.message.contains("dibaca 31 Desember 2028") })
        // "permanen" on ground a: refused, citing Ps 20(1) or PP 61/2010 Ps 5.
        let third = try row(p, 9)
        #expect(third.findings.contains { $0.severity == .refused && $0.field == .period && $0.article != nil })
        #expect(p.table.notes.contains { $0.contains("nomor kolom") })
        #expect(p.table.notes.contains { $0.contains("berakhir di baris 11") })
    }

    /// No decree date given: the signature block's date is offered, and said so.
    @Test func theSignatureBlocksDateStandsInForAMissingDecreeDate() throws {
        var undated = context
        undated.decreeDate = nil
        let p = try ImportPreview.make(try SpreadsheetFile.read(Self.publishedCSV), context: undated)
        #expect(p.table.signedOn?.date == date("2024-03-04") && p.table.signedOn?.row == 11)
        #expect(p.table.notes.contains { $0.contains("blok tanda tangan baris 11, 4 Maret 2024") })
        #expect(try row(p, 6).decreeDate == date("2024-03-04"))
    }

    /// A DIK published as the attachment of its decree: the decree's number and date are in the
    /// title, and the signature's place and date stand in a data column below the table.
    @Test func theDecreeNamedInTheTitleIsRead() throws {
        var undated = context
        undated.decreeDate = nil
        undated.decreeNumber = nil
        let text = [
            "LAMPIRAN KEPUTUSAN KEPALA DINAS KESEHATAN;;;;;",
            "NOMOR 440/123/DINKES/2023 TANGGAL 10 JANUARI 2023;;;;;",
            "No;Informasi;Dasar hukum;Konsekuensi bila dibuka;Konsekuensi bila ditutup;Jangka waktu",
            "1;Rekam medis pasien;Pasal 17 huruf h angka 2;Privasi;Terlindungi;5 tahun",
            ";;;;;Contoh, 10 Januari 2023",
            ";;;;;KEPALA DINAS KESEHATAN",
        ].joined(separator: "\n")
        let p = try ImportPreview.make(try SpreadsheetFile.read(Data(text.utf8)), context: undated)
        #expect(p.rows.map(\.sheetRow) == [4])
        let first = try row(p, 4)
        #expect(first.decreeNumber == "440/123/DINKES/2023" && first.decreeDate == date("2023-01-10"))
        #expect(first.test.period == .length(PeriodLength(years: 5), from: date("2023-01-10")))
        #expect(p.table.notes.contains { $0.contains("nomor di judul baris 2") })
        #expect(p.table.notes.contains { $0.contains("berakhir di baris 5") })
    }

    /// A decree number typed by hand with spaces is read; a blank template is not a number; a cell
    /// beyond every heading (an unquoted semicolon in a CSV) is named, not dropped silently.
    @Test func handTypedTitlesAndStrayCells() throws {
        var undated = context
        undated.decreeDate = nil
        undated.decreeNumber = nil
        let typed = [
            "LAMPIRAN KEPUTUSAN KEPALA DINAS;;;;;", "NOMOR : 188.45/ 77 /HK/2023;;;;;", "TANGGAL : 31 Desember 2023;;;;;",
            "No;Informasi;Dasar hukum;Konsekuensi bila dibuka;Konsekuensi bila ditutup;Jangka waktu",
            "1;Rekam medis;Pasal 17 huruf h angka 2;a;b;sampai putusan berkekuatan hukum tetap; ditinjau 4 Maret 2025",
        ].joined(separator: "\n")
        let p = try ImportPreview.make(try SpreadsheetFile.read(Data(typed.utf8)), context: undated)
        let first = try row(p, 5)
        #expect(first.decreeNumber == "188.45/77/HK/2023" && first.decreeDate == date("2023-12-31"))
        #expect(first.findings.contains { $0.severity == .warning && $0.message.contains("G5 di luar kolom") })
        let template = typed.replacingOccurrences(of: "188.45/ 77 /HK/2023", with: "188.45/..../HK/2023")
        let blank = try ImportPreview.make(try SpreadsheetFile.read(Data(template.utf8)), context: undated)
        #expect(try row(blank, 5).decreeNumber == nil)
    }

    /// A two-row heading with merged cells, a date cell, a formula, a section heading naming the unit,
    /// a unit merged down several rows, and a title merged across two rows.
    static func publishedWorkbook() throws -> Data {
        try WorkbookFixture(
            rows: [
                ["DAFTAR INFORMASI YANG DIKECUALIKAN"],
                ["PEMERINTAH KABUPATEN CONTOH"],
                [],
                ["No", "Jenis Informasi", "Dasar Hukum Pengecualian", "Konsekuensi", "", "Jangka Waktu", "SK Penetapan", ""],
                ["", "", "", "Bila dibuka", "Bila ditutup", "", "Nomor", "Tanggal"],
                ["A. Dinas Kependudukan dan Pencatatan Sipil"],
                ["1", "Data kependudukan perorangan", "Pasal 17 huruf h jo. UU 23/2006 Pasal 79", "Data pribadi terbuka",
                 "Hak pribadi terlindungi", "sampai dengan 31 Desember 2030", "470/45/2023", ""],
                ["2", "Dokumen kependudukan anak", "Ps. 17 h angka 1", "Data anak terbuka", "Anak terlindungi", "3 tahun", "470/45/2023", ""],
                ["3", "Anggaran kegiatan (APBD) 2024", "Pasal 17 huruf i jo. Permendagri 1/2023", "Rencana terganggu",
                 "Rencana tetap berjalan", "2 tahun", "470/45/2023", ""],
                ["4", "Berkas sengketa", "Pasal 17 huruf k", "x", "y", "2 tahun", "470/45/2023", ""],
                ["5", "Catatan pemeriksaan", "Pasal 17 huruf a angka 1", "Menghambat", "Lancar", "2 tahun", "470/45/2023", ""],
                ["", "", "", "", "", "", "", ""],
            ],
            merges: ["D4:E4", "G4:H4", "A4:A5", "B4:B5", "C4:C5", "F4:F5", "B11:B12"],
            formulas: ["F9": ("=\"2 tahun\"", "2 tahun")],
            dates: ["H7": date("2023-06-12"), "H8": date("2023-06-12"), "H9": date("2023-06-12"), "H10": date("2023-06-12"),
                    "H11": date("2023-06-12")]
        ).data()
    }

    @Test func aPublishedWorkbookWithMergedHeadingsIsRead() throws {
        let p = try preview(try Self.publishedWorkbook())
        #expect(p.readAs.contains("lembar \"DIK\" (2 dari 2 lembar)"))
        #expect(p.table.headingRows == 4...5)
        let fields = Dictionary(uniqueKeysWithValues: p.table.columns.compactMap { c in c.field.map { ($0, c.index) } })
        #expect(fields[.ifOpened] == 3 && fields[.ifClosed] == 4 && fields[.decreeNumber] == 6 && fields[.decreeDate] == 7)
        let first = try row(p, 7)
        #expect(first.unit == "A. Dinas Kependudukan dan Pencatatan Sipil")
        #expect(first.test.ground == ground("h1") || first.test.ground?.letter == .h)
        #expect(first.decreeDate == date("2023-06-12") && first.decreeNumber == "470/45/2023")
        #expect(first.test.period == .until(date("2030-12-31")))
        #expect(!first.isRefused, "\(first.findings)")
        // Pasal 17 huruf i with its other statute, and an APBD item: Ps 18 / Ps 9–11 warning with its article.
        let budget = try row(p, 9)
        #expect(budget.test.otherStatute == "Permendagri 1/2023")
        #expect(budget.findings.contains { $0.severity == .warning && $0.field == .title && ($0.article ?? "").contains("Pasal") })
        #expect(budget.findings.contains { $0.severity == .warning && $0.message.contains("rumus") })
        // An unknown letter is refused with the citation parser's words.
        let unknown = try row(p, 10)
        #expect(unknown.findings.contains { $0.severity == .refused && $0.message.contains("tidak memiliki huruf k") })
        // A title merged over two rows cannot be split by guessing.
        let merged = try row(p, 11)
        #expect(merged.findings.contains { $0.severity == .refused && $0.message.contains("B11:B12") })
    }

    /// A workbook that opens on an instructions sheet: the sheet holding the table is found.
    @Test func theSheetHoldingTheTableIsFound() throws {
        var fixture = WorkbookFixture(rows: [["No", "Informasi", "Dasar hukum", "Jangka waktu"], ["1", "Data pasien", "Pasal 17 huruf h", "5 tahun"]])
        fixture.sheetName = "Data 2024"
        let p = try preview(try fixture.data())
        #expect(p.readAs.contains("lembar \"Data 2024\" (2 dari 2 lembar)"))
        #expect(p.rows.count == 1)
    }

    @Test func theOfficersCorrectionsAreApplied() throws {
        var corrections = ImportPreview.Corrections()
        corrections.cells[10] = ["legalBasis": "Pasal 17 huruf c"]
        corrections.skipped = [11]
        corrections.mapping = [7: ""]  // the date column left out: the import's default decree date applies
        let p = try preview(try Self.publishedWorkbook(), corrections)
        #expect(try row(p, 10).test.ground?.letter == .c)
        #expect(try row(p, 7).decreeDate == date("2024-03-04"))
        #expect(!p.accepted.contains { $0.sheetRow == 11 } && !p.refused.contains { $0.sheetRow == 11 })
        #expect(p.report.rows.first { $0.row == 11 }?.status == "skipped")
    }

    @Test func theCitationsOfficersWrite() throws {
        for (text, code, statute) in [
            ("Ps. 17 a", "a", nil), ("pasal 17 ayat (e) angka 4", "e4", nil),
            ("Pasal 17 huruf i jo. Permendagri 1/2023", "i", "Permendagri 1/2023"),
        ] as [(String, String, String?)] {
            var values: [ImportColumn: String] = [.title: "Informasi uji", .legalBasis: text, .period: "2 tahun"]
            values[.ifOpened] = "a"
            let reading = ImportRowReading.read(.init(sheetRow: 2, values: values, findings: []), context: context)
            #expect(reading.test.ground?.code == code, "\(text)")
            #expect(reading.test.otherStatute == statute, "\(text)")
        }
    }

    @Test func badFilesGetAClearMessage() throws {
        func error(_ data: Data) -> ImportFileError? {
            do {
                _ = try ImportPreview.make(try SpreadsheetFile.read(data), context: context)
                return nil
            } catch { return error }
        }
        #expect(error(Data()) == .empty)
        #expect(error(Data("%PDF-1.7\n".utf8))?.description.contains("PDF") == true)
        #expect(error(Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]))?.description.contains("bukan lembar kerja") == true)
        #expect(error(Data("a;b;c\n1;2;3\n".utf8)) == .headerNotFound)
        #expect(error(Data("No;Informasi;Dasar hukum;Jangka waktu\n".utf8)) == .noDataRows)
        let emptySheet = try WorkbookFixture(rows: []).data()
        #expect(error(emptySheet) == .empty)
        let rows = (0...SpreadsheetFile.rowLimit).map { "\($0);x" }.joined(separator: "\n")
        #expect(error(Data(("Informasi;Dasar hukum\n" + rows).utf8)) == .tooManyRows(SpreadsheetFile.rowLimit + 1, limit: SpreadsheetFile.rowLimit))
    }

    @Test func tenThousandRowsAndAHugeCell() throws {
        var lines = ["No;Informasi;Dasar hukum;Konsekuensi bila dibuka;Konsekuensi bila ditutup;Alasan;Jangka waktu"]
        for n in 1...10_000 { lines.append("\(n);Informasi \(n);Pasal 17 huruf h angka 2;Buka;Tutup;Alasan;5 tahun") }
        lines.append("10001;\(String(repeating: "x", count: 100_000));Pasal 17 huruf h angka 2;Buka;Tutup;Alasan;5 tahun")
        let p = try preview(Data(lines.joined(separator: "\n").utf8))
        #expect(p.rows.count == 10_001)
        #expect(p.accepted.count == 10_000)
        let huge = try row(p, 10_002)
        #expect(huge.findings.contains { $0.severity == .refused && $0.message.contains("100.000 karakter") })
    }

    /// The register's CSV, XLSX and JSON exports read back as the same entries.
    @Test func theRegistersOwnExportsReadBack() throws {
        let entries = [
            PublicRegister.Entry(
                id: "DIK-2024-0001", title: "Rekam medis, pasien \"rawat inap\"", unit: "RSUD", ground: "Pasal 17 huruf h angka 2",
                groundCode: "h2", otherStatute: nil, partly: false, ifOpened: "Privasi\nterganggu", ifClosed: "Terlindungi",
                period: ExemptionPeriod.length(PeriodLength(years: 5), from: date("2024-03-04")).indonesianDescription,
                endDate: date("2029-03-04"), reviewDate: nil, decreeNumber: "188/1/2024", decreeDate: date("2024-03-04"),
                status: .exempted),
            PublicRegister.Entry(
                id: "DIK-2024-0002", title: "Data kependudukan", unit: "Disdukcapil", ground: "Pasal 17 huruf g", groundCode: "g",
                otherStatute: "UU 23/2006 Pasal 79", partly: true, ifOpened: "a", ifClosed: "b",
                period: ExemptionPeriod.untilEvent(event: "putusan berkekuatan hukum tetap", reviewOn: date("2026-12-31"), latestEnd: date("2030-12-31")).indonesianDescription,
                endDate: date("2030-12-31"), reviewDate: date("2026-12-31"), decreeNumber: "188/2/2024", decreeDate: date("2024-05-02"),
                status: .exempted, openPart: "Nama dan NIK dihitamkan; sisanya terbuka"),
        ]
        let register = PublicRegister(body: .init(slug: "contoh", name: "Kabupaten Contoh", timeZone: "WIB"), entries: entries)
        let files = [
            Data(register.csv().utf8), try register.xlsx(version: 1, publishedAt: Date(timeIntervalSince1970: 1_764_000_000)),
            try register.json(version: 1, publishedAt: Date(timeIntervalSince1970: 1_764_000_000)),
        ]
        for file in files {
            let p = try preview(file)
            #expect(p.rows.count == 2, "\(p.readAs)")
            for (entry, reading) in zip(register.entries, p.rows) {
                #expect(reading.registerNumber == entry.id, "\(p.readAs)")
                #expect(reading.title == entry.title && reading.unit == entry.unit)
                #expect(reading.test.ground?.code == entry.groundCode && reading.test.otherStatute == entry.otherStatute)
                #expect(reading.test.consequenceIfOpened == entry.ifOpened && reading.test.consequenceIfClosed == entry.ifClosed)
                #expect(reading.test.period?.indonesianDescription == entry.period, "\(p.readAs) \(reading.findings)")
                #expect(reading.decreeNumber == entry.decreeNumber && reading.decreeDate == entry.decreeDate)
                #expect(reading.test.verdict.code == (entry.partly ? "partlyClosed" : "closed"))
                #expect(reading.test.openPart == (entry.openPart ?? ""))
            }
        }
    }
}
