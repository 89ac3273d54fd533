import Vapor

/// What the framework refuses itself (an address that does not exist, a method it does not take)
/// answered to a browser as a page in the site's language, not as JSON: the public side's own page
/// under `/publik/`, the application's page elsewhere. The API is `APIErrorMiddleware`'s.
struct PageErrorMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: req)
        } catch let abort as any AbortError {
            guard !req.isAPI, req.headers.bearerAuthorization == nil else { throw abort }
            return Self.page(req, for: abort)
        }
    }

    /// The page for what the framework refused.
    static func page(_ req: Request, for abort: any AbortError) -> Response {
        let isPublic = req.url.path == SiteURL.publicRoot.path || req.url.path.hasPrefix(SiteURL.publicRoot.path + "/")
        // The public side's language is in its address; the application's in the person's choice.
        let page = PageContext(req)
        let l = PublicSiteRoutes.language(of: req)
        func t(_ indonesian: String, _ english: String) -> String {
            isPublic ? l.t(indonesian, english) : page.t(indonesian, english)
        }
        let message: String =
            switch abort.status {
            case .notFound:
                t(
                    "Alamat ini tidak ada. Periksa tautannya, atau mulai dari halaman depan.",
                    "This address does not exist. Check the link, or start from the home page.")
            case .methodNotAllowed: t("Alamat ini tidak menerima cara ini.", "This address does not accept this method.")
            case .payloadTooLarge: t("Isian terlalu besar.", "What was sent is too large.")
            default: abort.reason
            }
        if isPublic, abort.status == .notFound {
            return PublicSiteRoutes.notFound(req, message)
        }
        return RefusalMiddleware.page(req, status: abort.status, message: message)
    }
}
