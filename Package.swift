// swift-tools-version:6.0
import PackageDescription

/// Every target: a member of a module is visible only where that module is imported (SE-0444), so each file's
/// imports — and each target's declared dependencies — say what it really uses.
let swiftSettings: [SwiftSetting] = [.enableUpcomingFeature("MemberImportVisibility")]

let package = Package(
    name: "allot",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "allot", targets: ["allot"]),
        .executable(name: "allot-bench", targets: ["allot-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-openapi-runtime.git", from: "1.13.4"),
        .package(url: "https://github.com/hummingbird-project/swift-openapi-hummingbird.git", from: "2.1.0"),
        // Declared for its command-line tool only (`make generate`); no target runs its build plugin, because the
        // generated code is committed under Sources/AllotAPI/Generated.
        .package(url: "https://github.com/apple/swift-openapi-generator.git", from: "1.14.3"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        // The HTTP client of the end-to-end tests (HummingbirdTesting builds it anyway).
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.30.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"]), .brew(["libpq"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
        ),
        .target(name: "AllotCore"),
        .target(
            name: "Postgres",
            dependencies: [
                "CLibPQ",
                "AllotCore",
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "AllotCUR",
            dependencies: ["AllotCore", "CZlib"]
        ),
        .target(
            name: "AllotStore",
            dependencies: [
                "AllotCore",
                "AllotCUR",
                "Postgres",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "AllotGenerator",
            dependencies: ["AllotCore", "AllotCUR", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "AllotAPI",
            dependencies: [
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            exclude: ["openapi-generator-config.yaml", "openapi-generated.sha256"]
        ),
        .target(
            name: "AllotServer",
            dependencies: [
                "AllotAPI",
                "AllotCore",
                "AllotCUR",
                "AllotStore",
                "Postgres",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "OpenAPIHummingbird", package: "swift-openapi-hummingbird"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "allot",
            dependencies: [
                "AllotCore",
                "AllotGenerator",
                "AllotServer",
                "AllotStore",
                "Postgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "AllotTestSupport",
            dependencies: ["AllotCore", "AllotStore", "Postgres", .product(name: "Logging", package: "swift-log")],
            path: "Tests/AllotTestSupport"
        ),
        .executableTarget(
            name: "allot-bench",
            dependencies: ["AllotCore", "AllotGenerator"]
        ),
        .testTarget(name: "AllotCoreTests", dependencies: ["AllotCore"]),
        .testTarget(
            name: "PostgresTests",
            dependencies: ["Postgres", "AllotCore", "AllotTestSupport"]
        ),
        .testTarget(name: "AllotCURTests", dependencies: ["AllotCUR", "AllotCore", "AllotTestSupport"]),
        .testTarget(name: "AllotGeneratorTests", dependencies: ["AllotGenerator", "AllotCUR", "AllotCore"]),
        .testTarget(name: "AllotStoreTests", dependencies: ["AllotStore", "Postgres", "AllotCore", "AllotGenerator", "AllotTestSupport"]),
        .testTarget(
            name: "AllotServerTests",
            dependencies: [
                "AllotServer",
                "AllotAPI",
                "AllotStore",
                "AllotCore",
                "Postgres",
                "AllotTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOFoundationEssentialsCompat", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
    ]
)

for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + swiftSettings
}
