import DikelolaCore
import Foundation
import Plot
import Vapor

/// The opening decree (PP 61/2010 Ps 11(2)) or the re-classification decree (Ps 10) as a printable
/// A4 document with the body's letterhead, its items in an attachment, and the head's signature.
enum PeriodDecreeDocument {
    static func render(_ ctx: PageContext, _ decree: Decree, _ action: PeriodActionContext) -> Response {
        let body = action.body
        let opening = action.kind == .opening
        let title =
            opening
            ? "SURAT PENETAPAN PEMBUKAAN INFORMASI YANG DIKECUALIKAN"
            : "SURAT PENETAPAN KLASIFIKASI ULANG INFORMASI YANG DIKECUALIKAN"
        let rows = action.items.compactMap { item in action.entry(of: item).map { (item, $0) } }
        return Layout.page(
            ctx, title: "SK \(decree.number)",
            DocumentParts.toolbar(ctx, pdf: SiteURL.decreePDF(decree.id).path),
            .div(
                .class("document"),
                DocumentParts.letterhead(body),
                .h1(.class("title"), .text(title)),
                .p(.class("number"), .text("Nomor: \(decree.number)")),
                .p(
                    .text(
                        opening
                            ? "Berdasarkan Pasal 11 Peraturan Pemerintah Nomor 61 Tahun 2010, jangka waktu pengecualian informasi yang tercantum dalam Lampiran berakhir, sehingga informasi tersebut ditetapkan sebagai informasi publik yang terbuka dan dicatat dalam Daftar Informasi Publik \(action.unit.name)."
                            : "Berdasarkan Pasal 10 Peraturan Pemerintah Nomor 61 Tahun 2010 dan hasil uji konsekuensi ulang, informasi yang tercantum dalam Lampiran tetap dikecualikan dengan jangka waktu pengecualian yang baru; penetapan sebelumnya tidak berlaku lagi."
                    )),
                .p(.text("Surat penetapan ini berlaku sejak tanggal ditetapkan.")),
                DocumentParts.signature(
                    place: decree.place, date: decree.decreeDate, position: decree.signerPosition, name: decree.signerName,
                    nip: decree.signerNIP),
                .section(
                    .class("attachment-pages"),
                    .h2(.class("attachment"), .text(opening ? "LAMPIRAN: INFORMASI YANG DIBUKA" : "LAMPIRAN: KLASIFIKASI ULANG")),
                    opening
                        ? .table(
                            .class("register"),
                            .tr(
                                .th(.text("No")), .th(.text("Informasi (No. DIK semula)")), .th(.text("Ringkasan")),
                                .th(.text("Penanggung jawab")), .th(.text("Jangka waktu penyimpanan"))),
                            .forEach(Array(rows.enumerated())) { index, row in
                                .tr(
                                    .td(.text(String(index + 1))), .td(.text("\(row.1.title) (\(row.1.registerNumber))")),
                                    .td(.text(row.0.summary ?? "")), .td(.text(row.0.responsible ?? "")),
                                    .td(.text(row.0.retention ?? "")))
                            })
                        : .table(
                            .class("register"),
                            .tr(
                                .th(.text("No")), .th(.text("Informasi (No. DIK semula)")), .th(.text("Dasar hukum")),
                                .th(.text("Konsekuensi bila dibuka")), .th(.text("Jangka waktu baru"))),
                            .forEach(Array(rows.enumerated())) { index, row in
                                let test = action.test(of: row.0)
                                return .tr(
                                    .td(.text(String(index + 1))), .td(.text("\(row.1.title) (\(row.1.registerNumber))")),
                                    .td(.text(test?.ground?.citation ?? "")), .td(.text(test?.consequenceIfOpened ?? "")),
                                    .td(.text(test?.period?.indonesianDescription ?? "")))
                            }))
            )
        )
    }
}
