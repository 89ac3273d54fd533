import DikelolaCore
import Plot
import Vapor

/// The interface language: Bahasa Indonesia first, English on request (`?lang=en`, remembered in
/// a cookie).
enum UILanguage: String, Sendable, CaseIterable {
    case indonesian = "id"
    case english = "en"

    static let cookieName = "dikelola_lang"

    static func of(_ req: Request) -> UILanguage {
        if let asked = req.query[String.self, at: "lang"].flatMap(UILanguage.init(rawValue:)) { return asked }
        return req.cookies[cookieName].flatMap { UILanguage(rawValue: $0.string) } ?? .indonesian
    }

    /// The page's `lang` attribute.
    var html: Plot.Language { self == .indonesian ? .indonesian : .english }

    /// Picks the text for the language: `t("Masuk", "Sign in")`.
    func t(_ indonesian: String, _ english: String) -> String {
        self == .indonesian ? indonesian : english
    }

    /// `21 November 2026` (the same in both languages but for the month).
    func date(_ date: LocalDate) -> String {
        self == .indonesian ? IndonesianFormat.date(date) : IndonesianFormat.englishDate(date)
    }
}

/// What every page needs to render: the language, the signed-in person (if any), the CSRF token of
/// the session and the current path.
struct PageContext: Sendable {
    let language: UILanguage
    let user: CurrentUser?
    let csrfToken: String
    let path: String

    init(_ req: Request, user: CurrentUser? = nil) {
        language = UILanguage.of(req)
        self.user = user ?? req.currentUser
        csrfToken = CSRF.token(for: req)
        path = req.shownPath.split(separator: "?", maxSplits: 1).first.map(String.init) ?? req.url.path
    }

    /// Picks the text for the page's language: `t("Masuk", "Sign in")`.
    func t(_ indonesian: String, _ english: String) -> String { language.t(indonesian, english) }

    /// `21 November 2026` (the same in both languages but for the month).
    func date(_ date: LocalDate) -> String { language.date(date) }
}
