import DikelolaCore
import Foundation
import Plot
import Vapor

/// The classification decree as a printable A4 document with the body's letterhead.
enum DecreeDocument {
    static func render(
        _ ctx: PageContext, _ d: ProposalAPIController.DecreeView, body: PublicBody, maySign: Bool = false,
        notice: String? = nil
    ) -> Response {
        return Layout.page(
            ctx, title: "SK \(d.number)",
            .unwrap(notice) { Layout.notice($0) },
            DocumentParts.toolbar(ctx, pdf: SiteURL.decreePDF(d.id).path),
            .if(
                maySign,
                .element(
                    named: "details",
                    nodes: [
                        .attribute(named: "class", value: "no-print"),
                        .element(named: "summary", text: ctx.t("Nomor dan pindaian bertanda tangan", "Number and signed scan")),
                        .form(
                            .class("stack"), .action(SiteURL.decreeNumber(d.id).path), .method(.post), Layout.csrfField(ctx),
                            Layout.field(
                                "number", published: .published, label: ctx.t("Nomor surat", "Decree number"), value: d.number, autocomplete: "off"),
                            .button(.type(.submit), .text(ctx.t("Simpan nomor", "Save number")))),
                        .form(
                            .class("stack"), .action(SiteURL.decreeScan(d.id).path), .method(.post), .enctype(.multipartData),
                            Layout.csrfField(ctx),
                            ProposalPageView.fileField(ctx, id: "scan", error: nil),
                            .button(.type(.submit), .text(ctx.t("Unggah pindaian bertanda tangan", "Upload the signed scan")))),
                    ])),
            .div(
                .class("document"),
                DocumentParts.letterhead(body),
                .h1(.class("title"), .text("SURAT PENETAPAN KLASIFIKASI INFORMASI YANG DIKECUALIKAN")),
                .p(.class("number"), .text("Nomor: \(d.number)")),
                .table(
                    .tr(.th(.text("Jenis klasifikasi")), .td(.text(d.classificationType))),
                    .tr(.th(.text("Pejabat Pengelola Informasi dan Dokumentasi")), .td(.text(d.ppid))),
                    .tr(.th(.text("Badan publik / unit")), .td(.text("\(d.bodyName) — \(d.unitName)"))),
                    .tr(
                        .th(.text("Jangka waktu dan alasan")),
                        .td(
                            .text(
                                "Sebagaimana tercantum dalam Lampiran (Daftar Informasi yang Dikecualikan), "
                                    + "berdasarkan Pasal 17 Undang-Undang Nomor 14 Tahun 2008 dan hasil uji konsekuensi.")))
                ),
                .p(.text("Surat penetapan ini berlaku sejak tanggal ditetapkan.")),
                DocumentParts.signature(
                    place: d.place, date: d.date, position: d.signerPosition, name: d.signerName, nip: d.signerNIP),
                .section(
                    .class("attachment-pages"),
                    .h2(.class("attachment"), .text("LAMPIRAN: DAFTAR INFORMASI YANG DIKECUALIKAN")),
                    RegisterTable.render(ctx, d.entries)),
                .unwrap(d.signedScanSHA256) {
                    .p(.small(.text(ctx.t("Pindaian bertanda tangan tersimpan; SHA-256 ", "Signed scan stored; SHA-256 ") + $0)))
                }
            )
        )
    }
}
