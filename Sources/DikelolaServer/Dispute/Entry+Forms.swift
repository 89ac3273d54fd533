import DikelolaCore
import Foundation
import Plot
import Vapor

/// The forms of the entry page: a refused request, a dispute's dates, a decision with its document.
extension EntryView {
    static func newDisputeForm(_ page: PageContext, entryID: UUID?, state: FormState?) -> Node<HTML.BodyContext> {
        let form = "dispute"
        return .form(
            .class("stack"), .action(SiteURL.entryDispute(entryID).path), .method(.post), Layout.csrfField(page),
            .h3(.text(page.t("Catat permohonan yang ditolak", "Record a refused request"))),
            dateFields(page, form: form, dispute: nil, state: state),
            .button(.type(.submit), .text(page.t("Catat", "Record"))))
    }

    static func datesForm(_ page: PageContext, _ dispute: InformationDispute, state: FormState?) -> Node<HTML.BodyContext> {
        let form = "dates-\(dispute.storedID)"
        return .details(
            .summary(.text(page.t("Ubah tanggal sengketa", "Change the dispute's dates"))),
            .form(
                .class("stack"), .action(SiteURL.disputeDates(dispute.id).path), .method(.post), Layout.csrfField(page),
                .input(.type(.hidden), .name("version"), .value(String(dispute.version))),
                dateFields(page, form: form, dispute: dispute, state: state),
                .button(.type(.submit), .text(page.t("Simpan", "Save")))))
    }

    static func dateFields(_ page: PageContext, form: String, dispute: InformationDispute?, state: FormState?)
        -> Node<HTML.FormContext>
    {
        let prefix = "\(form)-"
        func value(_ field: String, _ stored: String?) -> String { state?.value(form, field) ?? stored ?? "" }
        return .group(
            Layout.field(
                "requestReference", published: .internalOnly, label: page.t("Nomor registrasi permohonan", "Request number"),
                value: value("requestReference", dispute?.requestReference), autocomplete: "off",
                error: state?.error(form, "requestReference"), idPrefix: prefix),
            Layout.field(
                "refusedOn", published: .internalOnly, label: page.t("Permohonan ditolak pada", "Request refused on"), type: .date,
                value: value("refusedOn", dispute?.refusedOn.iso), autocomplete: "off", error: state?.error(form, "refusedOn"),
                idPrefix: prefix),
            Layout.field(
                "objectionReceivedOn", published: .internalOnly,
                label: page.t("Keberatan diterima atasan PPID pada (bila ada)", "Objection received on (if any)"), type: .date,
                value: value("objectionReceivedOn", dispute?.objectionReceivedOn?.iso), autocomplete: "off",
                error: state?.error(form, "objectionReceivedOn"), idPrefix: prefix),
            Layout.field(
                "commissionFiledOn", published: .internalOnly,
                label: page.t("Sengketa diajukan ke Komisi Informasi pada (bila ada)", "Dispute filed with the Commission on (if any)"),
                type: .date, value: value("commissionFiledOn", dispute?.commissionFiledOn?.iso), autocomplete: "off",
                error: state?.error(form, "commissionFiledOn"), idPrefix: prefix))
    }

    static func rulingForm(_ page: PageContext, _ dispute: InformationDispute, state: FormState?) -> Node<HTML.BodyContext> {
        let form = "ruling-\(dispute.storedID)"
        let prefix = "\(form)-"
        let opened = state?.form == form
        func value(_ field: String) -> String { state?.value(form, field) ?? "" }
        return .details(
            .attribute(named: "open", value: opened ? "open" : nil),
            .summary(.text(page.t("Catat keputusan atau putusan", "Record a decision or ruling"))),
            .form(
                .class("stack"), .action(SiteURL.disputeRuling(dispute.id).path), .method(.post),
                .enctype(.multipartData), Layout.csrfField(page),
                FormFields.select(
                    "kind", published: .internalOnly, label: page.t("Jenis", "Kind"),
                    options: [("", page.t("— pilih —", "— choose —"))]
                        + RulingKind.allCases.map { ($0.rawValue, page.t($0.indonesian, $0.english) + " (\($0.article))") },
                    selected: value("kind"), error: state?.error(form, "kind"), idPrefix: prefix),
                Layout.field(
                    "number", published: .published, label: page.t("Nomor", "Number"), value: value("number"), autocomplete: "off",
                    error: state?.error(form, "number"), idPrefix: prefix),
                Layout.field(
                    "date", published: .published, label: page.t("Tanggal", "Date"), type: .date, value: value("date"),
                    autocomplete: "off", error: state?.error(form, "date"), idPrefix: prefix),
                Layout.field(
                    "issuer", published: .published, label: page.t("Diputus oleh", "Issued by"), value: value("issuer"),
                    autocomplete: "off", error: state?.error(form, "issuer"),
                    hint: page.t(
                        "Misalnya: Bupati Contoh (atasan PPID), Komisi Informasi Provinsi Kalimantan Barat, PTUN Pontianak.",
                        "E.g. the head of the body, the provincial Information Commission, an administrative court."),
                    idPrefix: prefix),
                FormFields.select(
                    "order", published: .internalOnly, label: page.t("Isi putusan", "What it orders"),
                    options: [("", page.t("— pilih —", "— choose —"))]
                        + RulingOrder.allCases.map { ($0.rawValue, page.t($0.indonesian, $0.english)) },
                    selected: value("order"), error: state?.error(form, "order"), idPrefix: prefix),
                FormFields.textarea(
                    "orderText", published: .internalOnly, label: page.t("Amar putusan", "Operative part"), value: value("orderText"),
                    rows: 3, error: state?.error(form, "orderText"), idPrefix: prefix),
                FormFields.select(
                    "legalForce", published: .internalOnly,
                    label: page.t("Kekuatan hukum (putusan Komisi atau pengadilan)", "Legal force (Commission or court ruling)"),
                    options: [
                        ("no", page.t("Belum berkekuatan hukum tetap — dicatat saja", "Not yet final — record only")),
                        ("yes", page.t("Berkekuatan hukum tetap — dilaksanakan sekarang", "Final — carry it out now")),
                    ],
                    selected: value("legalForce"), error: state?.error(form, "legalForce"),
                    hint: page.t(
                        "Putusan Komisi berkekuatan hukum tetap bila tidak digugat dalam 14 hari kerja (UU 14/2008 Pasal 48 ayat 1); hasil mediasi final (Pasal 39). Tanggapan atasan PPID berlaku seketika.",
                        "A Commission ruling becomes final if not challenged within 14 working days; a mediation result is final; the head's answer binds at once."),
                    idPrefix: prefix),
                .div(
                    .class(state?.error(form, "file") == nil ? "field" : "field invalid"),
                    .label(.for("\(prefix)file"), .text(page.t("Dokumen (PDF atau pindaian)", "Document (PDF or scan)"))),
                    .input(.type(.file), .id("\(prefix)file"), .name("file"), Attribute(name: "accept", value: "application/pdf,image/png,image/jpeg")),
                    .unwrap(state?.error(form, "file")) { .p(.class("error"), .id("\(prefix)file-error"), .text($0)) }),
                .button(.type(.submit), .text(page.t("Catat keputusan", "Record the decision")))))
    }
}
