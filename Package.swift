// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "insights",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "InsightsKit", targets: ["InsightsKit"]),
        .executable(name: "insights", targets: ["insights"]),
    ],
    targets: [
        // sys/xattr.h, which the Glibc module leaves out.
        .systemLibrary(name: "CExtendedAttributes"),
        .target(name: "InsightsKit", dependencies: ["CExtendedAttributes"]),
        .target(name: "InsightsMCP", dependencies: ["InsightsKit"]),
        .target(name: "InsightsCLI", dependencies: ["InsightsKit", "InsightsMCP"]),
        .executableTarget(name: "insights", dependencies: ["InsightsCLI", "InsightsKit"]),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "InsightsKitTests", dependencies: ["InsightsKit", "TestSupport"]),
        .testTarget(name: "InsightsCLITests", dependencies: ["InsightsCLI", "insights", "TestSupport"], exclude: ["Golden"]),
    ],
    swiftLanguageModes: [.v6]
)
