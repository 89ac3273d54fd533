import Foundation

/// When repeated failed sign-ins lock an account or an address for a while: a guess every few
/// seconds is stopped long before it finds a password, and a forgetful officer waits minutes.
public struct LoginThrottle: Sendable {
    /// Failures of one account within `window` before it is locked.
    public var perAccount: Int = 5
    /// Failures from one address (any accounts) within `window` before it is locked.
    public var perAddress: Int = 20
    public var window: TimeInterval = 15 * 60

    public init(perAccount: Int = 5, perAddress: Int = 20, window: TimeInterval = 15 * 60) {
        self.perAccount = perAccount
        self.perAddress = perAddress
        self.window = window
    }

    public enum Verdict: Equatable, Sendable {
        case allowed
        /// Locked until the oldest counted failure leaves the window.
        case lockedAccount(until: Date)
        case lockedAddress(until: Date)
    }

    /// Decides from the failure times (within the window or not; this filters) of the account and
    /// of the address.
    public func verdict(accountFailures: [Date], addressFailures: [Date], now: Date) -> Verdict {
        let since = now.addingTimeInterval(-window)
        let account = accountFailures.filter { $0 > since }.sorted()
        if account.count >= perAccount {
            return .lockedAccount(until: account[account.count - perAccount].addingTimeInterval(window))
        }
        let address = addressFailures.filter { $0 > since }.sorted()
        if address.count >= perAddress {
            return .lockedAddress(until: address[address.count - perAddress].addingTimeInterval(window))
        }
        return .allowed
    }
}
