// swift-tools-version:6.0
import PackageDescription

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
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
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
                .product(name: "NIOCore", package: "swift-nio"),
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
        .executableTarget(
            name: "allot",
            dependencies: [
                "AllotCore",
                "AllotCUR",
                "AllotStore",
                "Postgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "AllotTestSupport",
            dependencies: ["AllotStore", "Postgres", .product(name: "Logging", package: "swift-log")],
            path: "Tests/AllotTestSupport"
        ),
        .executableTarget(
            name: "allot-bench",
            dependencies: ["AllotCore"]
        ),
        .testTarget(name: "AllotCoreTests", dependencies: ["AllotCore"]),
        .testTarget(
            name: "PostgresTests",
            dependencies: ["Postgres", "AllotCore", "AllotTestSupport", .product(name: "Logging", package: "swift-log")]
        ),
        .testTarget(name: "AllotCURTests", dependencies: ["AllotCUR", "AllotCore"]),
        .testTarget(name: "AllotStoreTests", dependencies: ["AllotStore", "Postgres", "AllotCore", "AllotTestSupport"]),
    ]
)
