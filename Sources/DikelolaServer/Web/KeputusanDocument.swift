import DikelolaCore
import Foundation
import Plot
import Vapor

/// A decree laid out as a Keputusan (tata naskah dinas, Permendagri 1/2023): the kop of the
/// signing office, "KEPUTUSAN … NOMOR … TENTANG …", the official's title, Menimbang, Mengingat,
/// MEMUTUSKAN, Menetapkan and the clauses KESATU …, the place and date, the signature with name,
/// rank and NIP, the Tembusan; then the Lampiran under its own heading, signed again.
enum KeputusanDocument {
    struct Parts {
        let text: KeputusanView
        let number: String
        let date: LocalDate
        let place: String
        let body: PublicBody
        let signerPosition: String
        let signerName: String
        let signerNIP: String?
    }

    /// Kop surat of the office that signs: the body's first line (the government) and the unit.
    static func letterhead(body: PublicBody, unitName: String) -> [String] {
        [body.letterheadLines.first ?? body.name.uppercased(), unitName.uppercased()]
    }

    static func render(_ p: Parts, attachment: Node<HTML.BodyContext>) -> Node<HTML.BodyContext> {
        .div(
            .class("document keputusan"),
            .div(
                .class("letterhead"),
                .if(p.body.$logo.id != nil, .img(.src(SiteURL.bodyLogo(p.body.id).path), .alt(""), .class("logo"))),
                .div(.forEach(p.text.letterhead) { .p(.text($0)) })),
            .h1(
                .class("title"), .text(p.text.title), .br(), .text("NOMOR \(p.number)"), .br(), .text("TENTANG"), .br(),
                .text(p.text.subject)),
            .p(.class("heading"), .text(p.text.heading)),
            lettered("Menimbang", p.text.considerations, marks: { "\(Character(UnicodeScalar(96 + $0) ?? "a"))." }),
            lettered("Mengingat", p.text.legalBasis.map { $0 + ";" }, marks: { "\($0)." }),
            .p(.class("heading"), .strong(.text("MEMUTUSKAN:"))),
            .table(
                .class("diktum"),
                .tr(.td(.text("Menetapkan")), .td(.text(":")), .td(.text(p.text.enactment))),
                .forEach(p.text.clauses) { clause in .tr(.td(.text(clause.ordinal)), .td(.text(":")), .td(.text(clause.text))) }
            ),
            signature(p),
            .unwrap(p.text.copiesTo.isEmpty ? nil : p.text.copiesTo) { copies in
                .div(
                    .class("copies"), .p(.text("Tembusan:")),
                    .ol(.forEach(copies) { .li(.text($0)) }))
            },
            .section(
                .class("attachment-pages"),
                .div(
                    .class("attachment-heading"),
                    .forEach(p.text.attachmentHeading) { .p(.text($0)) }),
                attachment,
                signature(p)))
    }

    /// Menimbang or Mengingat: the label, then each item with its mark (a., b. … or 1., 2. …).
    static func lettered(_ label: String, _ items: [String], marks: (Int) -> String) -> Node<HTML.BodyContext> {
        .table(
            .class("diktum"),
            .forEach(Array(items.enumerated())) { index, item in
                .tr(
                    .td(.text(index == 0 ? label : "")), .td(.text(index == 0 ? ":" : "")), .td(.text(marks(index + 1))),
                    .td(.text(item)))
            })
    }

    /// "Ditetapkan di … pada tanggal …", the title, room to sign, the name, rank and NIP.
    static func signature(_ p: Parts) -> Node<HTML.BodyContext> {
        .div(
            .class("signature"),
            .p(.text("Ditetapkan di \(p.place)")),
            .p(.text("pada tanggal \(IndonesianFormat.date(p.date))")),
            .p(.text(p.signerPosition.uppercased() + ",")),
            .p(.class("sign-space"), .text(" ")),
            .p(.strong(.class("signer-name"), .text(p.signerName))),
            .unwrap(p.text.signerRank?.nilIfBlank) { .p(.text($0)) },
            .unwrap(p.signerNIP.flatMap { try? NIP($0) }) { .p(.text("NIP \($0.formatted)")) })
    }
}

/// The words of the decree in the form of a Keputusan (see `Keputusan`).
struct KeputusanView: Content, Sendable {
    let title: String
    /// "KEPALA DINAS …,", above Menimbang.
    let heading: String
    let subject: String
    let considerations: [String]
    let legalBasis: [String]
    let enactment: String
    let clauses: [Clause]
    let letterhead: [String]
    let signerRank: String?
    let ppidName: String?
    let ppidNIP: String?
    let copiesTo: [String]
    let attachmentHeading: [String]

    struct Clause: Content {
        let ordinal: String
        let text: String
    }

    init(_ text: Keputusan, decree: Decree, body: PublicBody, unitName: String) {
        heading = text.heading
        title = text.title
        subject = text.subject
        considerations = text.considerations
        legalBasis = text.legalBasis
        enactment = text.enactment
        clauses = text.clauses.map { Clause(ordinal: $0.ordinal, text: $0.text) }
        letterhead = KeputusanDocument.letterhead(body: body, unitName: unitName)
        signerRank = decree.signerRank
        ppidName = decree.ppidName
        ppidNIP = decree.ppidNIP
        copiesTo = body.copiesTo
        attachmentHeading = text.attachmentHeading(number: decree.number, date: decree.decreeDate)
    }
}
