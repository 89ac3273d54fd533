import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The proxies (nginx in front of Dikelola) whose word on the client's address is taken. Behind a
/// proxy every request comes from the proxy: without this, one officer's typos throttle everyone
/// and every audit event names 127.0.0.1. From any other peer, `X-Forwarded-For` and `Forwarded`
/// are ignored, since anyone can send them.
public struct TrustedProxies: Sendable, Equatable {
    /// An address range: the address's bytes (4 or 16) and how many leading bits must match.
    struct Range: Sendable, Equatable {
        let bytes: [UInt8]
        let prefix: Int

        func contains(_ address: [UInt8]) -> Bool {
            guard address.count == bytes.count else { return false }
            var bits = prefix
            for (a, b) in zip(address, bytes) where bits > 0 {
                let mask: UInt8 = bits >= 8 ? 0xFF : UInt8(truncatingIfNeeded: 0xFF << (8 - bits))
                if a & mask != b & mask { return false }
                bits -= 8
            }
            return true
        }
    }

    let ranges: [Range]

    public static let none = TrustedProxies(ranges: [])

    init(ranges: [Range]) { self.ranges = ranges }

    public struct ParseError: Error, Equatable, CustomStringConvertible {
        public let entry: String
        public var description: String { "'\(entry)' bukan alamat IP atau rentang CIDR (misalnya 127.0.0.1, 10.0.0.0/8, ::1)" }
    }

    /// "127.0.0.1, 10.0.0.0/8, ::1": addresses and CIDR ranges, separated by commas or spaces.
    public init(parsing text: String) throws(ParseError) {
        var ranges: [Range] = []
        for entry in text.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init) where !entry.isEmpty {
            let parts = entry.split(separator: "/", maxSplits: 1).map(String.init)
            guard let bytes = Self.bytes(of: parts[0]) else { throw ParseError(entry: entry) }
            let prefix: Int
            if parts.count == 2 {
                guard let bits = Int(parts[1]), (0...(bytes.count * 8)).contains(bits) else { throw ParseError(entry: entry) }
                prefix = bits
            } else {
                prefix = bytes.count * 8
            }
            ranges.append(Range(bytes: bytes, prefix: prefix))
        }
        self.ranges = ranges
    }

    public var isEmpty: Bool { ranges.isEmpty }

    public func contains(_ address: String) -> Bool {
        guard let bytes = Self.bytes(of: address) else { return false }
        return ranges.contains { $0.contains(bytes) }
    }

    /// The client's address: the peer's own, unless the peer is a trusted proxy; then the nearest
    /// address in the forwarding chain (`X-Forwarded-For`, else `Forwarded: for=`) that is not a
    /// trusted proxy, read from the right, where the trusted proxies wrote. An entry that is no
    /// address stops the walk at the last proxy that could be trusted.
    public func client(peer: String, forwardedFor: [String], forwarded: [String]) -> String {
        guard contains(peer) else { return peer }
        var chain = forwardedFor.flatMap { $0.split(separator: ",").map { Self.bare(String($0)) } }
        if chain.isEmpty { chain = forwarded.flatMap(Self.forValues) }
        var client = peer
        for hop in chain.reversed() {
            guard Self.bytes(of: hop) != nil else { return client }
            client = hop
            if !contains(hop) { return hop }
        }
        return client
    }

    /// The `for=` values of a `Forwarded` header (RFC 7239).
    static func forValues(_ header: String) -> [String] {
        header.split(separator: ",").compactMap { element in
            element.split(separator: ";").lazy.map { $0.trimmingCharacters(in: .whitespaces) }
                .first { $0.lowercased().hasPrefix("for=") }
                .map { bare(String($0.dropFirst(4))) }
        }
    }

    /// An address without quotes, brackets or port: `"[2001:db8::1]:4711"` → `2001:db8::1`.
    static func bare(_ text: String) -> String {
        var value = text.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        if value.hasPrefix("["), let end = value.firstIndex(of: "]") {
            value = String(value[value.index(after: value.startIndex)..<end])
        } else if value.filter({ $0 == ":" }).count == 1, let colon = value.firstIndex(of: ":") {
            value = String(value[..<colon])  // IPv4 with a port
        }
        return value
    }

    /// The address's bytes (4 for IPv4, 16 for IPv6), or nil when it is not an address.
    static func bytes(of text: String) -> [UInt8]? {
        guard text.utf8.count <= 64 else { return nil }
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 { return withUnsafeBytes(of: &v4) { Array($0) } }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, text, &v6) == 1 { return withUnsafeBytes(of: &v6) { Array($0) } }
        return nil
    }
}
