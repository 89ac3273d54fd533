import DikelolaCore
import Foundation
import Plot
import Vapor

/// The dossier of an entry as one printable A4 document with an index (see `Dossier`).
enum DossierDocument {
    static let sections = [
        "Identitas informasi", "Lembar pengujian konsekuensi", "Surat penetapan klasifikasi",
        "Peringatan hukum dan pernyataan pimpinan", "Keberatan dan sengketa informasi", "Versi DIK yang diterbitkan",
        "Akhir pengecualian", "Riwayat dan pemeriksaan rantai audit", "Dokumen asli",
    ]

    static func render(
        _ ctx: PageContext, _ d: Dossier, calendar: WorkingDayCalendar, provider: (any SigningProvider)? = nil
    ) -> Response {
        let e = d.entry
        return Layout.page(
            ctx, title: "Berkas bukti \(e.registerNumber)",
            DocumentParts.toolbar(ctx, pdf: SiteURL.entryDossierPDF(e.id).path),
            .p(
                .class("no-print"),
                .a(.href(SiteURL.entryDossierZIP(e.id).path), .text(ctx.t("Unduh ZIP dokumen asli dengan daftar SHA-256", "Download the originals as ZIP with SHA-256 list")))),
            .unwrap(provider) { signForm(ctx, e, $0) },
            .div(
                .class("document"),
                DocumentParts.letterhead(d.body),
                .h1(.class("title"), .text("BERKAS BUKTI INFORMASI YANG DIKECUALIKAN")),
                .p(.class("number"), .text("\(e.registerNumber) — \(e.title)")),
                .p(
                    .text(
                        "Disusun oleh Dikelola atas permintaan \(d.producedBy) pada \(IndonesianFormat.dateTime(d.producedAt, zone: d.body.zone)), "
                            + "untuk pembuktian di hadapan Komisi Informasi atau pengadilan (UU 14/2008 Pasal 45).")),
                .h2(.text("Daftar isi")),
                .ol(.forEach(Array(sections.enumerated())) { index, title in .li(.a(.href("#bagian-\(index + 1)"), .text(title))) }),
                section(1, identity(d)),
                section(2, testSheet(d)),
                section(3, decree(d)),
                section(4, acknowledgements(d)),
                section(5, disputes(ctx, d, calendar: calendar)),
                section(6, versions(d)),
                section(7, ending(d)),
                section(8, history(d)),
                section(9, originals(d)))
        )
    }

    /// Signing the PDF with what the signer types (BSrE, or a passphrase the server does not keep).
    static func signForm(_ ctx: PageContext, _ e: RegisterEntry, _ provider: any SigningProvider) -> Node<HTML.BodyContext> {
        guard provider.needsNIK || provider.needsPassphrase else {
            return .p(.class("no-print"), .small(.text(ctx.t("PDF ditandatangani secara elektronik dengan \(provider.label).", "The PDF is signed with \(provider.label)."))))
        }
        return .form(
            .class("no-print stack"), .action(SiteURL.entryDossierPDF(e.id).path), .method(.post), Layout.csrfField(ctx),
            .if(provider.needsNIK, Layout.field("nik", label: ctx.t("NIK penandatangan (BSrE)", "Signer's NIK"), autocomplete: "off")),
            Layout.field(
                "passphrase", label: ctx.t("Kata sandi sertifikat", "Certificate passphrase"), type: .password, autocomplete: "off"),
            .button(.type(.submit), .text(ctx.t("Unduh PDF bertanda tangan elektronik", "Download the signed PDF"))))
    }

    static func section(_ number: Int, _ content: Node<HTML.BodyContext>) -> Node<HTML.BodyContext> {
        .section(.id("bagian-\(number)"), .h2(.text("\(number). \(sections[number - 1])")), content)
    }

    static func row(_ label: String, _ value: String?) -> Node<HTML.TableContext> {
        .tr(.th(.text(label)), .td(.text(value?.nilIfBlank ?? "—")))
    }

    static func identity(_ d: Dossier) -> Node<HTML.BodyContext> {
        let e = d.entry
        let ground = ExemptionGround(code: e.groundCode)
        let period = try? JSONDecoder().decode(ExemptionPeriod.self, from: Data(e.period.utf8))
        return .table(
            .class("register"),
            row("Nomor DIK", e.registerNumber), row("Informasi", e.title), row("Uraian (internal)", d.item?.description),
            row("Unit", d.unit.name),
            row("Dasar hukum", (ground?.citation ?? e.groundCode) + (e.otherStatute.map { " jo. \($0)" } ?? "")),
            row("Dikecualikan", e.verdict == .partlyClosed ? "Sebagian; bagian terbuka: \(e.openPart ?? "—")" : "Seluruhnya"),
            row("Jangka waktu", period?.indonesianDescription),
            row("Berakhir", e.endDate.map(IndonesianFormat.date) ?? e.reviewDate.map { "peristiwa; ditinjau \(IndonesianFormat.date($0))" }),
            row("Keadaan", statusLabel(e.status) + (e.openedOn.map { " sejak \(IndonesianFormat.date($0))" } ?? "")))
    }

    static func statusLabel(_ status: RegisterEntryStatus) -> String {
        switch status {
        case .exempted: "Dikecualikan"
        case .endingSoon: "Akan berakhir"
        case .reviewDue: "Perlu ditinjau"
        case .opened: "Terbuka"
        case .reclassified: "Diklasifikasikan ulang"
        }
    }

    static func testSheet(_ d: Dossier) -> Node<HTML.BodyContext> {
        if let note = d.testNote {
            return .group(
                .p(.text(note)),
                .table(
                    .class("register"),
                    row("Konsekuensi bila dibuka", d.entry.ifOpened), row("Konsekuensi bila ditutup", d.entry.ifClosed),
                    row("Alasan (internal)", d.entry.reason)))
        }
        let participants = (d.proposal?.meetingParticipants ?? "").split(whereSeparator: \.isNewline).map(String.init)
        return .group(
            .unwrap(d.proposal?.meetingDate) { date in
                .p(
                    .text(
                        "Pada hari \(IndonesianFormat.formalDateInWords(date)), bertempat di \(d.proposal?.meetingPlace ?? "…"), "
                            + "dilaksanakan pengujian konsekuensi (usulan \"\(d.proposal?.title ?? "")\")."))
            },
            .if(d.testNote == nil && d.proposal?.meetingDate == nil, .p(.text("Rapat uji tidak tercatat dalam Dikelola."))),
            .table(
                .class("register"),
                row("Konsekuensi bila dibuka", d.entry.ifOpened), row("Konsekuensi bila ditutup", d.entry.ifClosed),
                row("Alasan (internal)", d.entry.reason),
                row("Diuji pada", d.item?.testedAt.map { IndonesianFormat.dateTime($0, zone: d.body.zone) })),
            .h3(.text("Peserta rapat pengujian")),
            .if(participants.isEmpty, .p(.text("—"))),
            .ol(.forEach(participants) { .li(.text($0)) }))
    }

    static func decree(_ d: Dossier) -> Node<HTML.BodyContext> {
        guard let decree = d.decree else { return .p(.text("—")) }
        return .table(
            .class("register"),
            row("Nomor", decree.number), row("Tanggal", IndonesianFormat.date(decree.decreeDate)), row("Tempat", decree.place),
            row("Ditandatangani", [decree.signerName, decree.signerPosition, decree.signerNIP.map { "NIP \($0)" }].compactMap { $0 }.joined(separator: ", ")),
            row("PPID", decree.ppidName),
            row("Asal", decree.registeredFromEarlier ? "Didaftarkan dari SK terdahulu" : "Diterbitkan melalui Dikelola"),
            row("Pindaian bertanda tangan", decree.signedScanSHA256.map { "SHA-256 \($0) (dalam ZIP)" } ?? "belum diunggah"),
            row(
                "Tanda tangan elektronik",
                d.originals.filter { $0.label.hasPrefix("Surat bertanda tangan elektronik") }.map { "SHA-256 \($0.file.sha256) (dalam ZIP)" }
                    .joined(separator: "; ").nilIfBlank ?? "tidak ada"))
    }

    static func acknowledgements(_ d: Dossier) -> Node<HTML.BodyContext> {
        guard !d.acknowledgements.isEmpty else {
            return .p(.text("Tidak ada peringatan hukum atas uji informasi ini yang perlu dinyatakan pimpinan."))
        }
        return .table(
            .class("register"),
            .tr(.th(.text("Peringatan (UU 14/2008 Pasal 18 dan lainnya)")), .th(.text("Dinyatakan telah dibaca oleh"))),
            .forEach(d.acknowledgements) { a in
                .tr(.td(.text(a.text)), .td(.text("\(a.acknowledgedByName), \(IndonesianFormat.dateTime(a.acknowledgedAt, zone: d.body.zone))")))
            })
    }

    static func disputes(_ ctx: PageContext, _ d: Dossier, calendar: WorkingDayCalendar) -> Node<HTML.BodyContext> {
        guard !d.disputes.isEmpty else { return .p(.text("Tidak ada keberatan atau sengketa yang tercatat.")) }
        let today = d.body.zone.localDate(of: d.producedAt)
        return .forEach(d.disputes) { pair in
            let timeline = try? DisputeTimeline(RulingQueries.dates(pair.dispute, rulings: pair.rulings), today: today, calendar: calendar)
            return .group(
                .h3(.text("Permohonan \(pair.dispute.requestReference), ditolak \(IndonesianFormat.date(pair.dispute.refusedOn))")),
                .unwrap(timeline) { EntryView.stagesTable(ctx, $0) },
                .ul(
                    .forEach(pair.rulings) { r in
                        .li(
                            .text("\(r.citation) — \(r.order.indonesian). Amar: \(r.orderText). "),
                            .text(r.kind.bindsTheBodyAtOnce ? "" : r.hasLegalForce ? "Berkekuatan hukum tetap. " : "Belum berkekuatan hukum tetap. "),
                            .text("Dokumen SHA-256 \(r.documentSHA256)."))
                    }))
        }
    }

    static func versions(_ d: Dossier) -> Node<HTML.BodyContext> {
        guard !d.versions.isEmpty else { return .p(.text("Belum pernah diterbitkan.")) }
        return .table(
            .class("register"),
            .tr(.th(.text("Versi")), .th(.text("Diterbitkan")), .th(.text("Keadaan dalam versi itu"))),
            .forEach(d.versions) { v in
                .tr(.td(.text(String(v.number))), .td(.text(IndonesianFormat.dateTime(v.publishedAt, zone: d.body.zone))), .td(.text(v.status)))
            })
    }

    static func ending(_ d: Dossier) -> Node<HTML.BodyContext> {
        let e = d.entry
        let ruling = d.openingRuling
        let text: String
        switch e.status {
        case .opened:
            let since = e.openedOn.map(IndonesianFormat.date) ?? "—"
            if let ruling {
                text = "Dibuka sejak \(since) berdasarkan \(ruling.citation) (UU 14/2008 Pasal 11 ayat 2); tidak dapat dikecualikan lagi."
            } else if let decree = d.openingDecree {
                text = "Dibuka sejak \(since) dengan surat pembukaan \(decree.number) tanggal \(IndonesianFormat.date(decree.decreeDate)) (PP 61/2010 Pasal 11 ayat 2)."
            } else {
                text = "Terbuka demi hukum sejak \(since), pada akhir jangka waktunya (PP 61/2010 Pasal 11 ayat 3)."
            }
        case .reclassified:
            text = "Diklasifikasikan ulang (PP 61/2010 Pasal 10); digantikan oleh \(d.replacement?.registerNumber ?? "—")."
        case .exempted, .endingSoon, .reviewDue:
            text = "Masih dikecualikan pada tanggal berkas ini disusun."
        }
        return .group(
            .p(.text(text)),
            .unwrap(d.replaced) { .p(.text("Entri ini menggantikan \($0.registerNumber) (klasifikasi ulang).")) })
    }

    static func history(_ d: Dossier) -> Node<HTML.BodyContext> {
        let head = d.chain.head
        let verdict =
            d.chain.problem.map { "TIDAK UTUH: \($0)" }
            ?? "Utuh: \(d.chain.checked) peristiwa, dari #\(d.history.first?.sequence ?? 0) sampai kepala rantai, dihitung ulang dan bertaut."
        return .group(
            .p(.strong(.text("Pemeriksaan rantai audit: ")), .text(verdict)),
            .unwrap(head) { .p(.text("Kepala rantai: peristiwa #\($0.sequence), SHA-256 \($0.hash).")) },
            .table(
                .class("register"),
                .tr(.th(.text("#")), .th(.text("Waktu")), .th(.text("Oleh")), .th(.text("Tindakan")), .th(.text("Keterangan")), .th(.text("SHA-256"))),
                .forEach(d.history) { event in
                    .tr(
                        .td(.text(String(event.sequence))), .td(.text(IndonesianFormat.dateTime(event.occurredAt, zone: d.body.zone))),
                        .td(
                            .text(
                                [event.actorID.flatMap { d.actors[$0.uppercased()] ?? ($0 == AuditLog.systemActor ? "sistem" : nil) }, event.actorRole]
                                    .compactMap { $0 }.joined(separator: ", ").nilIfBlank ?? "—")),
                        .td(.text(event.action)),
                        .td(.text([event.summaryBefore.map { "sebelum: \($0)" }, event.summaryAfter].compactMap { $0 }.joined(separator: " → "))),
                        .td(.small(.text(String(event.hash.prefix(16)) + "…"))))
                }))
    }

    static func originals(_ d: Dossier) -> Node<HTML.BodyContext> {
        guard !d.originals.isEmpty else { return .p(.text("Tidak ada dokumen asli yang tersimpan.")) }
        return .group(
            .p(.text("Dokumen asli ada dalam ZIP berkas bukti, dengan daftar SHA256SUMS (periksa: sha256sum -c SHA256SUMS).")),
            .table(
                .class("register"),
                .tr(.th(.text("Berkas dalam ZIP")), .th(.text("Dokumen")), .th(.text("SHA-256"))),
                .forEach(Array(zip(d.originalNames, d.originals))) { name, original in
                    .tr(.td(.text(name)), .td(.text(original.label)), .td(.small(.text(original.file.sha256))))
                }))
    }
}
