import Testing

@testable import DikelolaCore

/// The decree in the standard form of an Indonesian Keputusan (tata naskah dinas).
@Suite struct KeputusanTests {
    let ppid = Keputusan.Officer(name: "Budi Santoso, S.Kom.", position: "PPID Pembantu Disdukcapil", nip: "198609262015051001")

    func text(_ kind: Keputusan.Kind) -> Keputusan {
        Keputusan(
            kind: kind, signerPosition: "Kepala Dinas Kependudukan dan Pencatatan Sipil",
            unitName: "Dinas Kependudukan dan Pencatatan Sipil", bodyName: "Pemerintah Kabupaten Contoh", ppid: ppid,
            meetingDate: date("2026-11-20"), legalBasis: [])
    }

    @Test func aClassificationReadsAsAKeputusan() {
        let k = text(.classification)
        #expect(k.title == "KEPUTUSAN KEPALA DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL")
        #expect(k.subject == "PENETAPAN INFORMASI YANG DIKECUALIKAN DI LINGKUNGAN DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL")
        #expect(k.heading == "KEPALA DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL,")
        #expect(k.considerations.count == 3 && k.considerations.allSatisfy { $0.hasPrefix("bahwa ") })
        #expect(k.considerations[1].contains("pada tanggal 20 November 2026") && k.considerations[1].contains("Pasal 19"))
        #expect(k.considerations[1].contains("Pasal 3 Peraturan Pemerintah Nomor 61 Tahun 2010"))
        #expect(k.legalBasis == Keputusan.defaultLegalBasis)
        #expect(k.clauses.map(\.ordinal) == ["KESATU", "KEDUA", "KETIGA", "KEEMPAT"])
        #expect(k.clauses[0].text.contains("sebagaimana tercantum dalam Lampiran"))
        // The PPID who keeps the register, as a person with NIP.
        #expect(k.clauses[2].text.hasPrefix("Budi Santoso, S.Kom., NIP 19860926 201505 1 001, PPID Pembantu Disdukcapil"))
        #expect(k.clauses.last?.text == "Keputusan ini mulai berlaku pada tanggal ditetapkan.")
        #expect(
            k.attachmentHeading(number: "000.5.10/3/PPID/XI/2026", date: date("2026-11-25"))
                == [
                    "LAMPIRAN", "KEPUTUSAN KEPALA DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL", "NOMOR 000.5.10/3/PPID/XI/2026",
                    "TANGGAL 25 NOVEMBER 2026", "TENTANG " + k.subject,
                ])
    }

    @Test func openingAndReclassificationCiteTheirArticles() {
        let opening = text(.opening)
        #expect(opening.subject.hasPrefix("PEMBUKAAN INFORMASI YANG DIKECUALIKAN"))
        #expect(opening.considerations[0].contains("Pasal 11 Peraturan Pemerintah Nomor 61 Tahun 2010"))
        #expect(opening.clauses.contains { $0.text.contains("Daftar Informasi Publik") })
        let again = text(.reclassification(previous: "000.5.10/1/PPID/I/2021"))
        #expect(again.subject.hasPrefix("KLASIFIKASI ULANG"))
        #expect(again.considerations[0].contains("Pasal 10 Peraturan Pemerintah Nomor 61 Tahun 2010"))
        #expect(again.clauses[1].text.contains("(Nomor 000.5.10/1/PPID/I/2021)"))
    }

    @Test func ordinalsAreWrittenInFull() {
        #expect((1...10).map(Keputusan.ordinal) == [
            "KESATU", "KEDUA", "KETIGA", "KEEMPAT", "KELIMA", "KEENAM", "KETUJUH", "KEDELAPAN", "KESEMBILAN", "KESEPULUH",
        ])
    }
}
