import DikelolaCore
import Foundation
import Plot
import Vapor

enum Labels {
    static let publishedHint = "Terbit dalam DIK untuk umum; jangan menulis isi informasi yang dikecualikan."
    static let publishedHintEnglish = "Published in the public register; do not write the exempted content itself."
    static let internalHint = "Untuk pertimbangan surat penetapan dan pembuktian; tidak diumumkan dalam DIK."
    static let internalHintEnglish = "For the decree's reasoning and as evidence; not published in the register."

    static func form(_ form: InformationForm, _ ctx: PageContext) -> String {
        switch form {
        case .soft: "softcopy"
        case .hard: "hardcopy"
        case .both: ctx.t("softcopy dan hardcopy", "soft and hard copy")
        }
    }

    static func verdict(_ code: String, _ ctx: PageContext) -> String {
        switch code {
        case "open": ctx.t("Terbuka", "Open")
        case "partlyClosed": ctx.t("Dikecualikan sebagian", "Partly exempted")
        default: ctx.t("Dikecualikan", "Exempted")
        }
    }

    static func periodField(_ name: String) -> String {
        switch name {
        case "from": "mulai"
        case "end": "berakhir"
        default: "peninjauan"
        }
    }

    /// " (sementara: hari libur tahun 2027 belum ditetapkan)" after a date counted across years
    /// whose holidays are not yet decreed; nil when there are none.
    static func provisional(_ years: [Int], _ ctx: PageContext) -> String? {
        guard !years.isEmpty else { return nil }
        let list = years.map(String.init).joined(separator: ", ")
        return ctx.t(
            " (perkiraan: hari libur tahun \(list) belum ditetapkan)", " (estimate: no holidays decreed yet for \(list))")
    }
}
