// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "sprint-report",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "sprint-report", targets: ["sprint-report"]),
        .library(name: "SprintReport", targets: ["SprintReport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // System zlib (Debian: zlib1g-dev). Streaming inflate for the gzip exports.
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // System libcrypto (Debian: libssl-dev, OpenSSL 3), for SHA-256 only (Support/SHA256).
        .systemLibrary(
            name: "CCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        // The whole pipeline: Input → Model → Analysis → Charts → Render / Output.
        // Templates/ and Resources/ are the top-level folders, reached through symbolic
        // links inside the target and compiled into the binary (see docs/templates.md).
        .target(
            name: "SprintReport",
            dependencies: [
                "CZlib",
                .product(name: "Mustache", package: "swift-mustache"),
                "CCrypto",
            ],
            resources: [
                .embedInCode("Templates"),
                .embedInCode("Resources"),
            ]
        ),
        // The command line only: parses arguments and calls the library.
        .executableTarget(
            name: "sprint-report",
            dependencies: [
                "SprintReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "SprintReportTests",
            dependencies: [
                "SprintReport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            // Inputs and golden outputs, read from the source tree by path (`Fixtures`,
            // `GoldenFiles`), not bundled.
            exclude: ["Fixtures", "Golden"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// The fuzz targets (Fuzz/, see docs/fuzzing.md): declared only when SPRINT_REPORT_FUZZ is set,
// as `scripts/fuzz` sets it, because they only build with libFuzzer
// (`-sanitize=fuzzer,address -parse-as-library`, which provides their `main`). A plain
// `swift build` or `swift test` never sees them.
if Context.environment["SPRINT_REPORT_FUZZ"] != nil {
    package.products += [
        .executable(name: "fuzz-reader", targets: ["FuzzReader"]),
        .executable(name: "fuzz-pipeline", targets: ["FuzzPipeline"]),
    ]
    package.targets += [
        // libFuzzer's driver, declared for Swift (a header: nothing to build or link).
        .systemLibrary(name: "CLibFuzzer", path: "Fuzz/CLibFuzzer"),
        .executableTarget(name: "FuzzReader", dependencies: ["SprintReport", "CLibFuzzer"], path: "Fuzz/Reader"),
        .executableTarget(name: "FuzzPipeline", dependencies: ["SprintReport", "CLibFuzzer"], path: "Fuzz/Pipeline"),
    ]
}
