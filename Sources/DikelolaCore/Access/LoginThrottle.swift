import Foundation

/// How long failed sign-ins make the next attempt wait. A guess every few seconds is stopped long
/// before it finds a password; a forgetful officer waits seconds, then minutes; and no one else's
/// failures, from another address, lock an account against its correct password (issue 15: behind
/// one proxy, twenty typos anywhere locked every OPD out).
///
/// - Per account and address: after `freeFailures`, each further attempt waits a delay that doubles
///   from `firstDelay` up to `longestDelay`, counted from the last failure.
/// - Per account, from any addresses (guessing spread over many): the same, after `perAccount`.
/// - Per address, over any accounts (one address trying many): locked until the oldest counted
///   failure leaves the window, after `perAddress`.
public struct LoginThrottle: Sendable {
    public var freeFailures: Int = 5
    public var perAccount: Int = 50
    public var perAddress: Int = 20
    public var window: TimeInterval = 15 * 60
    public var firstDelay: TimeInterval = 30
    public var longestDelay: TimeInterval = 15 * 60

    public init() {}

    public enum Verdict: Equatable, Sendable {
        case allowed
        /// The account, from this address: wait until then.
        case waitAccountAndAddress(until: Date)
        /// The account from anywhere: wait until then.
        case waitAccount(until: Date)
        /// This address, for every account: wait until then.
        case waitAddress(until: Date)

        public var until: Date? {
            switch self {
            case .allowed: nil
            case let .waitAccountAndAddress(until), let .waitAccount(until), let .waitAddress(until): until
            }
        }
    }

    /// Decides from the failure times (within the window or not; this filters) of the account from
    /// this address, of the account from anywhere, and of the address for any account.
    public func verdict(pairFailures: [Date], accountFailures all: [Date], addressFailures: [Date], now: Date) -> Verdict {
        let since = now.addingTimeInterval(-window)
        func recent(_ dates: [Date]) -> [Date] { dates.filter { $0 > since }.sorted() }
        if let until = growingWait(recent(pairFailures), after: freeFailures), until > now {
            return .waitAccountAndAddress(until: until)
        }
        if let until = growingWait(recent(all), after: perAccount), until > now { return .waitAccount(until: until) }
        let address = recent(addressFailures)
        if address.count >= perAddress {
            let until = address[address.count - perAddress].addingTimeInterval(window)
            if until > now { return .waitAddress(until: until) }
        }
        return .allowed
    }

    /// Past `free` failures, the last one plus a delay doubling with each failure beyond them.
    func growingWait(_ failures: [Date], after free: Int) -> Date? {
        guard failures.count >= free, let last = failures.last else { return nil }
        let doublings = min(failures.count - free, 30)
        let delay = min(longestDelay, firstDelay * Double(1 << doublings))
        return last.addingTimeInterval(delay)
    }
}
