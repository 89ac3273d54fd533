// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Dikelola",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "dikelola", targets: ["dikelola"]),
        .library(name: "DikelolaCore", targets: ["DikelolaCore"]),
        .library(name: "DikelolaServer", targets: ["DikelolaServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/JohnSundell/Plot.git", from: "0.14.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        // Reading the XLSX registers bodies bring in (issue 19): the ZIP container and its XML.
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/drmohundro/SWXMLHash.git", from: "8.1.1"),
        // /metrics in Prometheus's text format: Vapor's own request counters and durations (through
        // swift-metrics) and Dikelola's gauges (issue 15).
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        // Electronic signatures (issue 17): certificates and keys for the PAdES signature's CMS.
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-asn1.git", from: "1.7.4"),
    ],
    targets: [
        // The rules of the law, the working-day calendar, the SOP definitions and Indonesian
        // formatting. Imports no web framework or ORM.
        .target(
            name: "DikelolaCore",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "SWXMLHash", package: "SWXMLHash"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            resources: [.copy("Resources/holidays.yaml"), .copy("Resources/sops")]
        ),
        // The Vapor application as a library: configuration, persistence, routes, commands.
        .target(
            name: "DikelolaServer",
            dependencies: [
                "DikelolaCore",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Plot", package: "Plot"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Metrics", package: "swift-metrics"),
            ]
        ),
        .executableTarget(name: "dikelola", dependencies: ["DikelolaServer", "DikelolaCore"]),
        .testTarget(
            name: "DikelolaCoreTests",
            dependencies: [
                "DikelolaCore", .product(name: "PropertyBased", package: "swift-property-based"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
        .testTarget(
            name: "DikelolaServerTests",
            dependencies: [
                "DikelolaServer",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "X509", package: "swift-certificates"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
