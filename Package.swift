// swift-tools-version:6.0
import PackageDescription

// OpenKey: Content → offline course site. No package dependencies by design:
// Foundation and Dispatch, plus Debian's cmark-gfm and zlib as system libraries.
let package = Package(
    name: "OpenKey",
    products: [
        .executable(name: "openkey", targets: ["openkey"]),
    ],
    targets: [
        // MARK: - C libraries (system library targets)
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),

        // MARK: - Stages (dependencies point downward only)
        .target(name: "Diagnostics"),
        .target(name: "YAMLSubset", dependencies: ["Diagnostics"]),
        .target(name: "Templating", dependencies: ["Diagnostics"]),
        .target(name: "EventData", dependencies: ["Diagnostics", "CZlib"]),
        .target(name: "Analysis", dependencies: ["Diagnostics", "EventData"]),
        .target(name: "Plotting"),
        .target(name: "Export", dependencies: ["Diagnostics", "Analysis", "EventData"]),
        .target(name: "Grading", dependencies: ["Diagnostics", "YAMLSubset", "Analysis", "EventData"]),
        .target(name: "Curriculum", dependencies: ["Diagnostics", "YAMLSubset"]),
        .target(name: "Localization", dependencies: ["Diagnostics", "YAMLSubset", "Curriculum"]),
        .target(name: "Publishing", dependencies: ["Diagnostics", "YAMLSubset", "Templating", "Curriculum", "Localization", "Analysis", "EventData", "Plotting", "Grading", "Export", "CCmarkGFM"]),
        .target(name: "Packaging", dependencies: ["Diagnostics", "Curriculum", "Localization", "Publishing"]),
        .target(name: "OpenKeyCLI", dependencies: ["Diagnostics", "Curriculum", "Localization", "Packaging", "Publishing", "EventData", "Analysis", "Plotting", "Grading", "Export"]),
        .executableTarget(name: "openkey", dependencies: ["OpenKeyCLI"]),
        .executableTarget(name: "mustache-conformance", dependencies: ["Templating"]),

        // MARK: - Tests
        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics"]),
        .testTarget(name: "YAMLSubsetTests", dependencies: ["YAMLSubset"]),
        .testTarget(name: "TemplatingTests", dependencies: ["Templating"]),
        .testTarget(name: "EventDataTests", dependencies: ["EventData", "Diagnostics", "CZlib"], exclude: ["Fixtures"]),
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis", "EventData", "Diagnostics"], exclude: ["Scripts"]),
        .testTarget(name: "GradingTests", dependencies: ["Grading", "Analysis", "EventData", "Diagnostics", "YAMLSubset"], exclude: ["Fixtures"]),
        .testTarget(name: "PlottingTests", dependencies: ["Plotting"], exclude: ["Golden"]),
        .testTarget(name: "ExportTests", dependencies: ["Export", "Analysis", "EventData", "Diagnostics"], exclude: ["Golden"]),
        .testTarget(name: "CurriculumTests", dependencies: ["Curriculum", "Diagnostics", "YAMLSubset"]),
        .testTarget(name: "PackagingTests", dependencies: ["Packaging", "Publishing"]),
        .testTarget(name: "LocalizationTests", dependencies: ["Localization", "Curriculum", "Diagnostics"]),
        .testTarget(name: "PublishingTests", dependencies: ["Publishing", "Localization", "Curriculum", "Diagnostics", "Grading", "Analysis", "EventData"], exclude: ["Fixtures", "Golden"]),
        .testTarget(name: "OpenKeyCLITests", dependencies: ["OpenKeyCLI"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
