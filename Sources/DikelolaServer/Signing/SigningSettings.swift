import Foundation

/// Where electronic signatures come from (see `AppConfiguration.signing`).
public struct SigningSettings: Sendable {
    public struct BSrE: Sendable {
        public var url: URL
        public var user: String
        public var password: String
    }

    public var certificate: URL?
    public var passphrase: String?
    public var bsre: BSrE?

    public init() {}

    /// Whether a signature can be made at all here.
    var isConfigured: Bool { certificate != nil || bsre != nil }
}
