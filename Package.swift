// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Tolk",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "TolkKit", targets: ["TolkKit"]),
        .executable(name: "tolk", targets: ["tolk"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // `swift package generate-documentation --target TolkKit` builds the DocC catalogue.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"),
        // tolk.toml, read with toml++ (through TOMLKit), which reports errors with their line.
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        .systemLibrary(
            name: "Clibxml2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        // ICU behind an opaque C shim: its headers never reach a Swift module,
        // so TolkKit can import Foundation (whose private ICU would clash).
        .target(
            name: "CICU",
            linkerSettings: [
                .linkedLibrary("icui18n"),
                .linkedLibrary("icuuc"),
                .linkedLibrary("icudata"),
            ]
        ),
        .target(
            name: "TolkKit",
            dependencies: ["Clibxml2", "CICU", .product(name: "TOMLKit", package: "TOMLKit")],
            // Each language's sentence rules, as data (Segmentation/Rules/README.md).
            resources: [.copy("Segmentation/Rules")]
        ),
        .executableTarget(
            name: "tolk",
            dependencies: [
                "TolkKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "TolkKitTests",
            // The command is a dependency so that the tests can run it as a user would.
            dependencies: ["TolkKit", "tolk"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6],
    cxxLanguageStandard: .cxx17
)
