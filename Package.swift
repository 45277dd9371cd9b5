// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "insights",
    products: [
        .library(name: "InsightsKit", targets: ["InsightsKit"]),
        .executable(name: "insights", targets: ["insights"]),
    ],
    targets: [
        .target(name: "InsightsKit"),
        .target(name: "InsightsCLI", dependencies: ["InsightsKit"]),
        .executableTarget(name: "insights", dependencies: ["InsightsCLI"]),
        .testTarget(name: "InsightsKitTests", dependencies: ["InsightsKit"]),
        .testTarget(name: "InsightsCLITests", dependencies: ["InsightsCLI", "insights"]),
    ],
    swiftLanguageModes: [.v6]
)
