// swift-tools-version: 6.1
//
// Headroom: a discrete-event simulation and capacity-planning workbench for
// event-driven data platforms. Layers (imports point down only) are described
// in DESIGN.md; each module below is one layer.

import PackageDescription

let package = Package(
    name: "Headroom",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "headroom", targets: ["headroom"]),
        .library(name: "Variates", targets: ["Variates"]),
        .library(name: "Metrics", targets: ["Metrics"]),
        .executable(name: "metrics-bench", targets: ["MetricsBenchmark"]),
        .executable(name: "variates-bench", targets: ["VariatesBenchmark"]),
        .executable(name: "analytics-bench", targets: ["AnalyticsBenchmark"]),
        .library(name: "Reporting", targets: ["Reporting"]),
        .library(name: "Planning", targets: ["Planning"]),
        .library(name: "HeadroomCLI", targets: ["HeadroomCLI"]),
        .library(name: "SimCore", targets: ["SimCore"]),
        .library(name: "Platform", targets: ["Platform"]),
        .library(name: "Analytics", targets: ["Analytics"]),
        .executable(name: "fraud-bench", targets: ["FraudBenchmark"]),
        .library(name: "Workloads", targets: ["Workloads"]),
        .library(name: "Experiment", targets: ["Experiment"]),
        .executable(name: "workloads-bench", targets: ["WorkloadsBenchmark"]),
        .executable(name: "platform-bench", targets: ["PlatformBenchmark"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
    ],
    targets: [
        // MARK: Foundation layer
        .systemLibrary(
            name: "CGSL",
            pkgConfig: "gsl",
            providers: [.apt(["libgsl-dev"])]
        ),
        .target(name: "Variates", dependencies: ["CGSL"]),
        .target(
            name: "Metrics",
            dependencies: [
                "Variates",
                .product(name: "Histogram", package: "hdrhistogram-swift"),
            ]
        ),

        // MARK: Kernel and infrastructure models
        .target(name: "SimCore"),
        .target(
            name: "Platform",
            dependencies: [
                "SimCore", "Variates", "Metrics", "Workloads", "Analytics",
                .product(name: "DequeModule", package: "swift-collections"),
            ],
            resources: [.copy("Storage/compression-ratios.json")]
        ),
        // MARK: Analytics (leaf: CSV, timestamps, exact decimals, the analyze rules, fraud scoring)
        .target(name: "Analytics", dependencies: ["CGSL"]),

        // MARK: Benchmarks
        .executableTarget(
            name: "MetricsBenchmark",
            dependencies: ["Metrics", "Variates"],
            path: "Benchmarks/metrics"
        ),
        .executableTarget(
            name: "VariatesBenchmark",
            dependencies: ["Variates", "CGSL"],
            path: "Benchmarks/variates"
        ),
        .executableTarget(
            name: "FraudBenchmark",
            dependencies: ["Analytics", "Variates"],
            path: "Benchmarks/fraud"
        ),
        .executableTarget(
            name: "AnalyticsBenchmark",
            dependencies: ["Analytics", "Variates"],
            path: "Benchmarks/analytics-bench"
        ),

        .executableTarget(
            name: "WorkloadsBenchmark",
            dependencies: ["Workloads", "Variates"],
            path: "Benchmarks/workloads"
        ),

        .executableTarget(
            name: "PlatformBenchmark",
            dependencies: ["Platform", "Analytics", "Workloads", "Variates", "Metrics"],
            path: "Benchmarks/platform"
        ),

        // MARK: Workloads layer
        .target(name: "Workloads", dependencies: ["Variates", "CGSL", "Analytics"]),

        // MARK: Reports
        .target(name: "Reporting"),

        // MARK: Planning layer
        .target(
            name: "Planning",
            dependencies: ["Variates", "CGSL"],
            resources: [.copy("Catalogs")]
        ),

        // MARK: Experiment layer
        .target(
            name: "Experiment",
            dependencies: [
                "Workloads",
                "Planning",
                "Variates",
                "Platform",
                "SimCore",
                "Metrics",
                "Reporting",
                .product(name: "Yams", package: "Yams"),
            ]
        ),

        // MARK: Command line
        .target(
            name: "HeadroomCLI",
            dependencies: [
                "Variates",
                "Planning",
                "Platform",
                "SimCore",
                "Metrics",
                "Analytics",
                "Workloads",
                "Experiment",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "headroom", dependencies: ["HeadroomCLI"]),

        // MARK: Tests
        .testTarget(name: "VariatesTests", dependencies: ["Variates", "CGSL"], exclude: ["golden_reference.py"]),
        .testTarget(name: "ReportingTests", dependencies: ["Reporting"]),
        .testTarget(
            name: "MetricsTests",
            dependencies: ["Metrics", "Variates", .product(name: "Histogram", package: "hdrhistogram-swift")]
        ),
        .testTarget(name: "PlanningTests", dependencies: ["Planning", "HeadroomCLI", "Variates"]),
        .testTarget(name: "SimCoreTests", dependencies: ["SimCore"]),
        .testTarget(name: "PlatformTests", dependencies: ["Platform", "SimCore", "Variates", "Metrics", "Workloads", "Analytics"]),
        .testTarget(
            name: "TheoryValidationTests",
            dependencies: ["Platform", "SimCore", "Variates", "Metrics", "Planning", "HeadroomCLI"]
        ),
        .testTarget(name: "AnalyticsTests", dependencies: ["Analytics", "HeadroomCLI", "Variates"]),
        .testTarget(name: "WorkloadsTests", dependencies: ["Workloads", "Variates"]),
        .testTarget(name: "ExperimentTests", dependencies: ["Experiment", "Workloads", "HeadroomCLI", "Platform", "Planning"]),
        // Across modules: generated files analysed as they are, planted truth found.
        .testTarget(name: "IntegrationTests", dependencies: ["HeadroomCLI"]),
    ]
)
