import Foundation

/// Information the law keeps public whatever a consequence test says, recognised in an item's
/// title and description so the officers are warned and the head acknowledges each warning before
/// approving (the decision stays theirs, the acknowledgement is kept in the history).
///
/// Each case is one point of the law, and its warning cites that point:
/// - UU 14/2008 Pasal 18 ayat 1: what may never be exempted (huruf a–g);
/// - Pasal 9 ayat 2: what a body publishes periodically (its activities and performance, its
///   financial reports);
/// - Pasal 11 ayat 1: what is available at all times (decisions, policies, work plans with their
///   annual spending estimates, agreements with third parties, service procedures, reports on
///   information services).
///
/// The vocabulary is the words officers write in DIKs and item lists: full names and the short
/// forms (APBD, DPA, RKA, LKPD, SP3, Perbup, SE …). Matching is by whole words, case-insensitive.
public enum NeverExempt: String, CaseIterable, Hashable, Sendable {
    case courtRuling
    case regulationOrDecree
    case policy
    case terminationOfProsecution
    case lawEnforcementBudget
    case lawEnforcementFinancialReport
    case corruptionProceedsReport
    case openedThroughDispute
    case performanceReport
    case financialReport
    case budgetOrWorkPlan
    case thirdPartyAgreement
    case serviceProcedure
    case informationServiceReport

    /// The article that keeps this information public.
    public var article: String {
        switch self {
        case .courtRuling: "UU 14/2008 Pasal 18 ayat 1 huruf a"
        case .regulationOrDecree, .policy: "UU 14/2008 Pasal 18 ayat 1 huruf b"
        case .terminationOfProsecution: "UU 14/2008 Pasal 18 ayat 1 huruf c"
        case .lawEnforcementBudget: "UU 14/2008 Pasal 18 ayat 1 huruf d"
        case .lawEnforcementFinancialReport: "UU 14/2008 Pasal 18 ayat 1 huruf e"
        case .corruptionProceedsReport: "UU 14/2008 Pasal 18 ayat 1 huruf f"
        case .openedThroughDispute: "UU 14/2008 Pasal 18 ayat 1 huruf g jo. Pasal 11 ayat 2"
        case .performanceReport: "UU 14/2008 Pasal 9 ayat 2 huruf b"
        case .financialReport: "UU 14/2008 Pasal 9 ayat 2 huruf c"
        case .budgetOrWorkPlan: "UU 14/2008 Pasal 11 ayat 1 huruf d"
        case .thirdPartyAgreement: "UU 14/2008 Pasal 11 ayat 1 huruf e"
        case .serviceProcedure: "UU 14/2008 Pasal 11 ayat 1 huruf g"
        case .informationServiceReport: "UU 14/2008 Pasal 11 ayat 1 huruf h"
        }
    }

    /// Whether the law forbids exempting it outright (Ps 18(1)), or requires it to be public (Ps 9, 11).
    public var isForbiddenToExempt: Bool {
        switch self {
        case .performanceReport, .financialReport, .budgetOrWorkPlan, .thirdPartyAgreement, .serviceProcedure,
            .informationServiceReport:
            false
        default: true
        }
    }

    public var indonesian: String {
        switch self {
        case .courtRuling: "putusan badan peradilan"
        case .regulationOrDecree: "ketetapan, keputusan, peraturan atau surat edaran"
        case .policy: "kebijakan yang ditetapkan"
        case .terminationOfProsecution: "surat perintah penghentian penyidikan atau penuntutan"
        case .lawEnforcementBudget: "rencana pengeluaran tahunan lembaga penegak hukum"
        case .lawEnforcementFinancialReport: "laporan keuangan tahunan lembaga penegak hukum"
        case .corruptionProceedsReport: "laporan hasil pengembalian uang hasil korupsi"
        case .openedThroughDispute: "informasi yang telah dinyatakan terbuka melalui keberatan atau sengketa informasi"
        case .performanceReport: "informasi kegiatan dan kinerja badan publik (informasi berkala)"
        case .financialReport: "laporan keuangan (informasi berkala)"
        case .budgetOrWorkPlan: "rencana kerja dan anggaran beserta perkiraan pengeluaran tahunan (informasi setiap saat)"
        case .thirdPartyAgreement: "perjanjian badan publik dengan pihak ketiga (informasi setiap saat)"
        case .serviceProcedure: "prosedur kerja pelayanan masyarakat (informasi setiap saat)"
        case .informationServiceReport: "laporan pelayanan akses informasi publik (informasi setiap saat)"
        }
    }

    public var english: String {
        switch self {
        case .courtRuling: "a court ruling"
        case .regulationOrDecree: "a decree, regulation or circular"
        case .policy: "an adopted policy"
        case .terminationOfProsecution: "an order ending an investigation or prosecution"
        case .lawEnforcementBudget: "a law-enforcement body's annual spending plan"
        case .lawEnforcementFinancialReport: "a law-enforcement body's annual financial report"
        case .corruptionProceedsReport: "a report on returned corruption proceeds"
        case .openedThroughDispute: "information opened through an objection or dispute"
        case .performanceReport: "the body's activities and performance (published periodically)"
        case .financialReport: "a financial report (published periodically)"
        case .budgetOrWorkPlan: "a work plan or budget with its annual spending estimate (available at all times)"
        case .thirdPartyAgreement: "an agreement with a third party (available at all times)"
        case .serviceProcedure: "a public-service procedure (available at all times)"
        case .informationServiceReport: "a report on information services (available at all times)"
        }
    }

    /// Phrases (whole words, lower case) that name this kind. A law-enforcement body's budget and
    /// report are recognised by `lawEnforcementWords` together with the budget or report words.
    var phrases: [String] {
        switch self {
        case .courtRuling:
            [
                "putusan pengadilan", "putusan badan peradilan", "putusan hakim", "putusan mahkamah agung", "putusan ma",
                "putusan mahkamah konstitusi", "putusan mk", "putusan ptun", "putusan pengadilan tata usaha negara",
                "putusan pttun", "putusan pn", "putusan pengadilan negeri", "putusan pt", "putusan pengadilan tinggi",
                "putusan pengadilan agama", "putusan pa", "putusan pengadilan militer", "putusan tipikor", "putusan kasasi",
                "putusan banding", "putusan peninjauan kembali", "putusan pk", "putusan pengadilan niaga", "putusan phi",
                "amar putusan", "salinan putusan", "vonis", "penetapan pengadilan",
            ]
        case .regulationOrDecree:
            [
                "peraturan", "perda", "perbup", "pergub", "perwal", "perwali", "perkada", "permen", "permendagri",
                "perpres", "perppu", "keputusan", "ketetapan", "surat keputusan", "sk", "kepbup", "kepgub", "keppres",
                "surat edaran", "edaran", "instruksi", "inpres", "instruksi bupati", "instruksi gubernur", "maklumat",
                "pertimbangan lembaga penegak hukum",
            ]
        case .policy:
            [
                "kebijakan", "rencana strategis", "renstra", "rpjmd", "rpjpd", "rpjmn", "rencana pembangunan jangka",
                "pedoman umum",
            ]
        case .terminationOfProsecution:
            [
                "sp3", "sp 3", "surat perintah penghentian penyidikan", "penghentian penyidikan", "penghentian penuntutan",
                "skpp", "surat ketetapan penghentian penuntutan",
            ]
        case .lawEnforcementBudget, .lawEnforcementFinancialReport:
            []
        case .corruptionProceedsReport:
            [
                "pengembalian uang hasil korupsi", "hasil korupsi", "pengembalian kerugian negara", "uang pengganti",
                "pemulihan aset", "asset recovery", "rampasan negara",
            ]
        case .openedThroughDispute:
            [
                "putusan komisi informasi", "putusan ki", "sengketa informasi", "ajudikasi", "hasil mediasi",
                "keberatan informasi", "telah dinyatakan terbuka",
            ]
        case .performanceReport:
            [
                "laporan kinerja", "lakip", "lkjip", "sakip", "lppd", "laporan penyelenggaraan pemerintahan daerah",
                "laporan keterangan pertanggungjawaban", "lkpj", "profil badan", "struktur organisasi",
            ]
        case .financialReport:
            [
                "laporan keuangan", "lkpd", "lkpp", "lra", "laporan realisasi anggaran", "realisasi anggaran", "realisasi belanja",
                "neraca",
                "calk", "catatan atas laporan keuangan", "laporan operasional", "laporan arus kas",
                "laporan perubahan ekuitas", "laporan pertanggungjawaban keuangan",
            ]
        case .budgetOrWorkPlan:
            [
                "apbd", "apbn", "apbdes", "apb desa", "anggaran pendapatan dan belanja", "dpa", "dipa",
                "dokumen pelaksanaan anggaran", "rka", "rencana kerja dan anggaran", "rencana kerja", "renja", "rkpd", "rkp",
                "anggaran", "pagu", "perkiraan pengeluaran", "rencana pengeluaran", "belanja", "kua ppas", "ppas",
            ]
        case .thirdPartyAgreement:
            [
                "perjanjian", "perjanjian kerja sama", "perjanjian kerjasama", "pks", "mou", "nota kesepahaman", "kontrak",
                "surat perjanjian", "kerja sama dengan",
            ]
        case .serviceProcedure:
            [
                "standar pelayanan", "sop pelayanan", "prosedur pelayanan", "maklumat pelayanan", "alur pelayanan",
                "persyaratan pelayanan", "standar operasional prosedur pelayanan",
            ]
        case .informationServiceReport:
            ["laporan layanan informasi", "laporan pelayanan informasi", "laporan ppid", "laporan layanan ppid"]
        }
    }

    /// The words that name a law-enforcement body, which make a budget or financial report Ps 18(1)(d)/(e).
    static let lawEnforcementWords = [
        "penegak hukum", "penegakan hukum", "kepolisian", "polri", "polda", "polres", "polsek", "kejaksaan", "kejari",
        "kejati", "kpk", "komisi pemberantasan korupsi", "bnn", "badan narkotika nasional", "lembaga pemasyarakatan",
    ]

    /// Words of references to the law itself ("sesuai peraturan perundang-undangan"), removed
    /// before matching so a description citing a statute is not taken for a regulation.
    static let referencePhrases = [
        "peraturan perundang undangan", "perundang undangan", "sesuai peraturan", "berdasarkan peraturan",
        "sebagaimana diatur dalam peraturan", "ketentuan peraturan",
    ]

    /// Every kind named in `text`, in the order of the law.
    public static func matches(_ text: String) -> [NeverExempt] {
        var words = Wording(text)
        for phrase in referencePhrases { words.remove(phrase) }
        var found = allCases.filter { kind in kind.phrases.contains { words.contains($0) } }
        if lawEnforcementWords.contains(where: { words.contains($0) }) {
            if found.contains(.budgetOrWorkPlan) {
                found.removeAll { $0 == .budgetOrWorkPlan }
                found.append(.lawEnforcementBudget)
            }
            if found.contains(.financialReport) {
                found.removeAll { $0 == .financialReport }
                found.append(.lawEnforcementFinancialReport)
            }
        }
        // A ruling of the Information Commission is a dispute's outcome, not a court's.
        if found.contains(.openedThroughDispute) { found.removeAll { $0 == .courtRuling } }
        return allCases.filter(found.contains)
    }

    /// The first kind named in `text`, if any.
    public static func match(_ text: String) -> NeverExempt? { matches(text).first }
}

/// Text as lower-case words separated by single spaces, so phrases match whole words
/// ("RKA-SKPD" contains "rka"; "karkas" does not).
struct Wording {
    private(set) var text: String

    init(_ raw: String) {
        let words = raw.lowercased().split { !($0.isLetter || $0.isNumber) }
        text = " " + words.joined(separator: " ") + " "
    }

    func contains(_ phrase: String) -> Bool { text.contains(" \(phrase) ") }

    /// The first phrase of `phrases` found, for a message that names what it read.
    func first(of phrases: [String]) -> String? { phrases.first(where: contains) }

    mutating func remove(_ phrase: String) {
        text = text.replacingOccurrences(of: " \(phrase) ", with: " ")
    }
}
