import DikelolaCore
import Plot
import Vapor

/// The page shell: one stylesheet, no script required, a skip link, the language switch and the
/// signed-in person's name with a sign-out button.
enum Layout {
    static func page(
        _ ctx: PageContext, title: String, status: HTTPStatus = .ok,
        _ content: Node<HTML.BodyContext>...
    ) -> Response {
        let html = HTML(
            .lang(ctx.language.html),
            .head(
                .encoding(.utf8),
                .viewport(.accordingToDevice),
                .element(named: "title", text: "\(title) — Dikelola"),
                .stylesheet(SiteURL.stylesheet.path),
                .script(.src(SiteURL.script.path), .attribute(named: "defer", value: "defer"))
            ),
            .body(
                .a(.class("skip"), .href("#isi"), .text(ctx.t("Langsung ke isi", "Skip to content"))),
                header(ctx),
                .element(named: "main", nodes: [.id("isi"), .group(content)]),
                .footer(
                    .class("site"),
                    .p(
                        .text(
                            ctx.t(
                                "Dikelola — Pendokumentasian Informasi yang Dikecualikan (UU 14/2008, PP 61/2010)",
                                "Dikelola — documenting exempted information (Law 14/2008, Government Regulation 61/2010)"))))
            )
        )
        let response = Response(status: status, body: .init(string: html.render()))
        response.headers.contentType = .html
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    private static func header(_ ctx: PageContext) -> Node<HTML.BodyContext> {
        let other: UILanguage = ctx.language == .indonesian ? .english : .indonesian
        return .header(
            .class("site"),
            .a(.class("brand"), .href(SiteURL.home.path), .text("Dikelola")),
            .nav(
                .attribute(named: "aria-label", value: ctx.t("Akun dan bahasa", "Account and language")),
                .a(
                    .href("\(ctx.path)?lang=\(other.rawValue)"), .attribute(named: "lang", value: other.rawValue),
                    .text(other == .english ? "English" : "Bahasa Indonesia")),
                .unwrap(ctx.user) { user in
                    .group(
                        .if(
                            user.isDeploymentAdmin || user.person.assignments.contains { $0.role == .admin },
                            .a(.href(SiteURL.admin.path), .text(ctx.t("Administrasi", "Administration")))),
                        .a(.href(SiteURL.notifications.path), .text(ctx.t("Pemberitahuan", "Notifications"))),
                        .a(.href(SiteURL.apiTokens.path), .text(ctx.t("Token API", "API tokens"))),
                        .span(.class("who"), .text(user.name)),
                        .form(
                            .class("inline"), .action(SiteURL.logout.path), .method(.post),
                            csrfField(ctx),
                            .button(.type(.submit), .text(ctx.t("Keluar", "Sign out")))
                        )
                    )
                }
            )
        )
    }

    /// The hidden field every state-changing form carries (see `CSRF`).
    static func csrfField(_ ctx: PageContext) -> Node<HTML.FormContext> {
        .input(.type(.hidden), .name(CSRF.formField), .value(ctx.csrfToken))
    }

    /// A labelled input with its error, if any, next to it.
    static func field(
        _ name: String, published: PublicRegister.FieldVisibility? = nil, label: String, type: HTMLInputType = .text,
        value: String = "", autocomplete: String, error: String? = nil, hint: String? = nil, idPrefix: String = ""
    ) -> Node<HTML.FormContext> {
        let id = idPrefix + name
        return .div(
            .class(error == nil ? "field" : "field invalid"),
            .label(.for(id), .text(label), visibilityTag(published)),
            .unwrap(hint) { .small(.id("\(id)-hint"), .text($0)) },
            .input(
                .type(type), .id(id), .name(name), .value(value.attributeEscaped),
                Attribute(name: "autocomplete", value: autocomplete),
                Attribute(name: "aria-invalid", value: error == nil ? nil : "true"),
                Attribute(name: "aria-describedby", value: error.map { _ in "\(id)-error" } ?? hint.map { _ in "\(id)-hint" })
            ),
            .unwrap(error) { .p(.class("error"), .id("\(id)-error"), .text($0)) }
        )
    }

    /// Beside a field's label: whether what is typed reaches the public register ("diumumkan") or
    /// stays inside the body ("internal"), in the page's language (the stylesheet shows the one of
    /// the page's `lang`), so the officer knows before typing.
    static func visibilityTag<Context: HTML.BodyContext>(_ visibility: PublicRegister.FieldVisibility?) -> Node<Context> {
        guard let visibility else { return .empty }
        let published = visibility == .published
        return .group(
            .span(
                .class("visibility \(published ? "published" : "internal")"), .attribute(named: "lang", value: "id"),
                .attribute(named: "data-visibility", value: visibility.rawValue),
                .text(published ? " diumumkan" : " internal")),
            .span(
                .class("visibility \(published ? "published" : "internal")"), .attribute(named: "lang", value: "en"),
                .text(published ? " published" : " internal")))
    }

    /// Tells the page's script that a form was refused because the session ended: what was typed
    /// stays in the browser and goes back into the form when it is opened again.
    static var keepDrafts: Node<HTML.BodyContext> { .div(.id("keep-drafts"), .attribute(named: "hidden", value: "hidden")) }

    static func notice(_ text: String, kind: String = "info") -> Node<HTML.BodyContext> {
        .p(.class("notice \(kind)"), .attribute(named: "role", value: kind == "error" ? "alert" : "status"), .text(text))
    }
}
