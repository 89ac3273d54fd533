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
}
