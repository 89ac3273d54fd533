import Foundation

/// What a column of a brought-in register holds, recognised from its heading as bodies write it
/// ("Jenis Informasi", "Dasar Hukum Pengecualian", "Konsekuensi — Bila dibuka", "Tgl SK") and as
/// Dikelola's own exports write it ("No. DIK", "Nomor surat penetapan").
public enum ImportColumn: String, CaseIterable, Codable, Sendable {
    case number, registerNumber, title, description, unit, legalBasis, otherStatute, partly
    case ifOpened, ifClosed, consequence, reason, period, endDate, reviewDate
    case decreeNumber, decreeDate, status, openedOn, openedByLaw, openingDecree, summary, responsible, retention, openPart

    public var indonesian: String {
        switch self {
        case .number: "No."
        case .registerNumber: "No. DIK"
        case .title: "Informasi"
        case .description: "Uraian"
        case .unit: "Unit"
        case .legalBasis: "Dasar hukum"
        case .otherStatute: "Peraturan lain"
        case .partly: "Dikecualikan sebagian"
        case .ifOpened: "Konsekuensi bila dibuka"
        case .ifClosed: "Konsekuensi bila ditutup"
        case .consequence: "Konsekuensi (satu kolom)"
        case .reason: "Alasan"
        case .period: "Jangka waktu"
        case .endDate: "Berakhir"
        case .reviewDate: "Ditinjau"
        case .decreeNumber: "Nomor SK"
        case .decreeDate: "Tanggal SK"
        case .status: "Keadaan"
        case .openedOn: "Terbuka sejak"
        case .openedByLaw: "Terbuka demi hukum"
        case .openingDecree: "Nomor surat pembukaan"
        case .summary: "Ringkasan (DIP)"
        case .responsible: "Penanggung jawab (DIP)"
        case .retention: "Retensi (DIP)"
        case .openPart: "Bagian yang terbuka"
        }
    }

    /// Whether a cell of this column may hold several lines.
    public var isMultiLine: Bool {
        switch self {
        case .description, .ifOpened, .ifClosed, .consequence, .reason, .period, .summary, .openPart, .legalBasis, .otherStatute:
            true
        default: false
        }
    }

    /// A heading as words: lower case, accents and punctuation dropped.
    public static func words(_ heading: String) -> String {
        let folded = heading.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        let spaced = String(folded.map { $0.isLetter || $0.isNumber ? $0 : " " })
        return spaced.split(separator: " ").joined(separator: " ")
    }

    /// The column a heading names, or nil.
    public static func recognise(_ heading: String) -> ImportColumn? {
        let h = words(heading)
        guard !h.isEmpty else { return nil }
        let tokens = Set(h.split(separator: " ").map(String.init))
        func has(_ phrase: String) -> Bool { (" " + h + " ").contains(" " + phrase + " ") }
        if ["no", "nomor", "no urut", "nomor urut", "urut", "nmr"].contains(h) { return .number }
        if (has("dik") || has("register")) && (has("no") || has("nomor")) { return .registerNumber }
        if has("pembukaan") { return .openingDecree }
        let decree = has("sk") || has("surat penetapan") || has("keputusan") || has("penetapan")
        if decree && (has("tanggal") || has("tgl")) { return .decreeDate }
        if decree && !has("jangka") { return .decreeNumber }
        if has("ringkasan") { return .summary }
        if has("retensi") { return .retention }
        if has("penanggung jawab") && has("dip") { return .responsible }
        if has("terbuka sejak") { return .openedOn }
        if has("terbuka demi hukum") { return .openedByLaw }
        if has("bagian yang terbuka") || has("bagian terbuka") { return .openPart }
        if h == "keadaan" || h == "status" { return .status }
        if has("peraturan lain") { return .otherStatute }
        if has("dikecualikan sebagian") { return .partly }
        if tokens.contains("dibuka") { return .ifOpened }
        if tokens.contains("ditutup") { return .ifClosed }
        if has("konsekuensi") || has("akibat") || has("dampak") || has("uji konsekuensi") { return .consequence }
        if has("alasan") || has("pertimbangan") { return .reason }
        if has("jangka waktu") || has("masa pengecualian") || has("waktu pengecualian") || has("lama pengecualian")
            || has("jangka")
        {
            return .period
        }
        if h == "berakhir" || has("tanggal berakhir") || has("berakhir pada") { return .endDate }
        if h == "ditinjau" || has("tanggal peninjauan") || has("ditinjau pada") { return .reviewDate }
        if has("dasar hukum") || has("pasal") || has("dasar pengecualian") || has("landasan hukum") { return .legalBasis }
        if has("penguasaan") || has("menguasai") || has("unit") || has("opd") || has("skpd") || has("perangkat daerah")
            || has("satuan kerja") || has("bidang") || has("penanggung jawab") || has("pengelola")
        {
            return .unit
        }
        if has("uraian") || has("deskripsi") || has("ringkasan isi") { return .description }
        if has("informasi") || has("judul") || has("nama dokumen") || has("jenis dokumen") || has("dokumen") { return .title }
        return nil
    }
}
