// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "score",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Scoring", targets: ["Scoring"]),
        .executable(name: "score-cli", targets: ["score-cli"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // The calculator: rubric model, evaluation and rendering. Pure: bytes and values in, values out.
        .target(name: "Scoring", dependencies: [.product(name: "Yams", package: "Yams")]),
        // The rubrics shipped with the tool, so they can be found by id from any working directory.
        .target(
            name: "ShippedRubrics",
            path: "rubrics",
            exclude: ["README.md"],
            sources: ["ShippedRubrics.swift"],
            resources: [.copy("scorecards"), .copy("schedules"), .copy("targets"), .copy("sources")]
        ),
        .executableTarget(
            name: "score-cli",
            dependencies: [
                "Scoring", "ShippedRubrics",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "ScoringTests", dependencies: ["Scoring", "score-cli", "ShippedRubrics"]),
    ]
)

for target in package.targets {
    target.swiftSettings = (target.swiftSettings ?? []) + [
        .treatAllWarnings(as: .error),
        .enableUpcomingFeature("ExistentialAny"),
    ]
}
