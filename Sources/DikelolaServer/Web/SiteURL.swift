import Foundation
import Vapor

/// Every path of the application, in one place: the same value registers a route and builds each
/// link to it, so no path is written twice. Paths are in Bahasa Indonesia, as users see them.
enum SiteURL: Equatable {
    case home
    case login
    case logout
    case changePassword
    case stylesheet
    case health

    var path: String {
        "/" + components.joined(separator: "/")
    }

    var components: [String] {
        switch self {
        case .home: []
        case .login: ["masuk"]
        case .logout: ["keluar"]
        case .changePassword: ["akun", "kata-sandi"]
        case .stylesheet: ["aset", "dikelola.css"]
        case .health: ["health"]
        }
    }

    var pathComponents: [PathComponent] { components.map { .constant($0) } }

    /// The path with a query, e.g. `/masuk?lanjut=%2Fakun`.
    func with(query: [String: String]) -> String {
        var url = URLComponents()
        url.path = path
        url.queryItems = query.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
        return url.string ?? path
    }
}
