import Testing

@testable import DikelolaCore

/// Behind nginx every request comes from the proxy: its word on the client is taken, and no one
/// else's (issue 15: twenty typos anywhere locked sign-in for every OPD, the audit named 127.0.0.1).
@Suite struct TrustedProxiesTests {
    let proxies = try! TrustedProxies(parsing: "127.0.0.1, 10.0.0.0/8 ::1")

    @Test func addressesAndRangesAreParsedAndNonsenseIsRefused() throws {
        #expect(proxies.contains("127.0.0.1") && proxies.contains("10.200.3.4") && proxies.contains("::1"))
        #expect(!proxies.contains("127.0.0.2") && !proxies.contains("11.0.0.1") && !proxies.contains("::2"))
        #expect(try TrustedProxies(parsing: "192.168.1.0/24").contains("192.168.1.77"))
        #expect(try TrustedProxies(parsing: "2001:db8::/32").contains("2001:db8:ffff::1"))
        for bad in ["localhost", "10.0.0.0/33", "1.2.3", "::1/129", "10.0.0.0/x", "999.1.1.1"] {
            #expect(throws: TrustedProxies.ParseError.self, "\(bad)") { try TrustedProxies(parsing: bad) }
        }
        #expect(try TrustedProxies(parsing: " , ").isEmpty)
    }

    @Test func onlyATrustedPeerNamesTheClient() {
        // A client's own header is ignored: anyone can send it.
        #expect(proxies.client(peer: "203.0.113.9", forwardedFor: ["1.1.1.1"], forwarded: []) == "203.0.113.9")
        // nginx appends the address it saw; a forged left part is never reached.
        #expect(proxies.client(peer: "127.0.0.1", forwardedFor: ["6.6.6.6, 198.51.100.7"], forwarded: []) == "198.51.100.7")
        // Two proxies of ours in a row: the first untrusted from the right.
        #expect(proxies.client(peer: "127.0.0.1", forwardedFor: ["198.51.100.7, 10.1.1.1"], forwarded: []) == "198.51.100.7")
        // Forwarded (RFC 7239), quoted IPv6 with a port.
        #expect(
            proxies.client(peer: "::1", forwardedFor: [], forwarded: [#"for="[2001:db8::7]:4711";proto=https"#])
                == "2001:db8::7")
        #expect(proxies.client(peer: "127.0.0.1", forwardedFor: [], forwarded: ["for=192.0.2.60;by=10.0.0.1"]) == "192.0.2.60")
        // Garbage in the chain stops at the last address that could be trusted.
        #expect(proxies.client(peer: "127.0.0.1", forwardedFor: ["<script>, 10.2.2.2"], forwarded: []) == "10.2.2.2")
        #expect(proxies.client(peer: "127.0.0.1", forwardedFor: [], forwarded: []) == "127.0.0.1")
        #expect(TrustedProxies.none.client(peer: "127.0.0.1", forwardedFor: ["1.2.3.4"], forwarded: []) == "127.0.0.1")
    }
}
