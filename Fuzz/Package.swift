// swift-tools-version: 6.0
// libFuzzer targets for Tolk. Not part of the main package: they build only with
// `-sanitize=fuzzer`, through Fuzz/run (see FUZZING.md).
import PackageDescription

let package = Package(
    name: "TolkFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "Tolk", path: "..")],
    targets: [
        .target(name: "FuzzSupport"),
        .executableTarget(name: "FuzzPO", dependencies: ["FuzzSupport", .product(name: "TolkKit", package: "Tolk")]),
        .executableTarget(name: "FuzzExtract", dependencies: ["FuzzSupport", .product(name: "TolkKit", package: "Tolk")]),
        .executableTarget(name: "FuzzBuild", dependencies: ["FuzzSupport", .product(name: "TolkKit", package: "Tolk")]),
        .executableTarget(name: "FuzzXLIFFImport", dependencies: ["FuzzSupport", .product(name: "TolkKit", package: "Tolk")]),
        .executableTarget(name: "FuzzITSRules", dependencies: ["FuzzSupport", .product(name: "TolkKit", package: "Tolk")]),
        .executableTarget(name: "FuzzSegment", dependencies: ["FuzzSupport", .product(name: "TolkKit", package: "Tolk")]),
        .executableTarget(name: "FuzzTMX", dependencies: ["FuzzSupport", .product(name: "TolkKit", package: "Tolk")]),
    ],
    swiftLanguageModes: [.v6]
)
