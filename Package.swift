// swift-tools-version:6.2
import PackageDescription

// One set of settings for every target, as Hummingbird and swift-nio do.
let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "securevision",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "securevision", targets: ["securevision"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket.git", from: "2.8.1"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
    ],
    targets: [
        // Sendable value types, configuration model, ports and errors. No third-party imports.
        .target(
            name: "SecureVisionCore",
            swiftSettings: swiftSettings
        ),
        // The event store: Core + GRDB/SQLite, nothing else.
        .target(
            name: "SecureVisionStore",
            dependencies: [
                "SecureVisionCore",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        // HTTP: Core + Hummingbird. Never sees GRDB, FFmpeg or OpenCV types.
        .target(
            name: "SecureVisionServer",
            dependencies: [
                "SecureVisionCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            // The dashboard's HTML, CSS and ES modules, compiled in as PackageResources byte arrays.
            resources: [.embedInCode("Dashboard")],
            swiftSettings: swiftSettings
        ),
        // FFmpeg's C libraries; shim.h wraps the macros Swift cannot import.
        .systemLibrary(
            name: "CFFmpeg",
            pkgConfig: "libavformat",
            providers: [
                .apt(["libavformat-dev", "libavcodec-dev", "libavdevice-dev", "libavutil-dev", "libswscale-dev"])
            ]
        ),
        // Frame sources for every camera kind, reconnecting with backoff: Core + CFFmpeg only.
        .target(
            name: "SecureVisionCapture",
            dependencies: ["SecureVisionCore", "CFFmpeg"],
            swiftSettings: swiftSettings
        ),
        // C++ over OpenCV 4.6 (core, imgproc, imgcodecs, dnn, objdetect) and dlib, behind an extern "C" header.
        // Headers come through the symlink Sources/CVisionKit/opencv4 -> /usr/include/opencv4, and only
        // the modules used are linked (pkg-config opencv4 would link all 57).
        .target(
            name: "CVisionKit",
            cxxSettings: [.headerSearchPath("opencv4")],
            linkerSettings: [
                .linkedLibrary("opencv_core"),
                .linkedLibrary("opencv_imgproc"),
                .linkedLibrary("opencv_imgcodecs"),
                .linkedLibrary("opencv_dnn"),
                .linkedLibrary("opencv_objdetect"),
                .linkedLibrary("dlib"),
                .linkedLibrary("blas"),
                .linkedLibrary("lapack"),
            ]
        ),
        // Faces, objects, plates, motion, gallery matching and enrolment: Core + CVisionKit only.
        .target(
            name: "SecureVisionDetection",
            dependencies: ["SecureVisionCore", "CVisionKit"],
            swiftSettings: swiftSettings
        ),
        // Tracking, consensus, cooldown, event building, inference scheduling, motion gating: Core only.
        .target(
            name: "SecureVisionPipeline",
            dependencies: [
                "SecureVisionCore",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // Composition root: configuration files, commands, the ServiceGroup.
        .target(
            name: "SecureVisionApp",
            dependencies: [
                "SecureVisionCore",
                "SecureVisionStore",
                "SecureVisionServer",
                "SecureVisionDetection",
                "SecureVisionCapture",
                "SecureVisionPipeline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "securevision",
            dependencies: ["SecureVisionApp"],
            swiftSettings: swiftSettings
        ),
        // A test-only writer that the crash-safety test kills with SIGKILL mid-stream.
        .executableTarget(
            name: "StoreCrashWriter",
            dependencies: ["SecureVisionCore", "SecureVisionStore"],
            path: "Tests/Fixtures/StoreCrashWriter",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "CaptureBenchmark",
            dependencies: ["SecureVisionCore", "SecureVisionCapture"],
            path: "Benchmarks/CaptureBenchmark",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SecureVisionCaptureTests",
            dependencies: ["SecureVisionCore", "SecureVisionCapture"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "StreamBenchmark",
            dependencies: [
                "SecureVisionCore",
                "SecureVisionServer",
                "SecureVisionStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
            ],
            path: "Benchmarks/StreamBenchmark",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "DetectionBenchmark",
            dependencies: ["SecureVisionCore", "SecureVisionDetection"],
            path: "Benchmarks/DetectionBenchmark",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SecureVisionDetectionTests",
            dependencies: ["SecureVisionCore", "SecureVisionDetection"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SecureVisionPipelineTests",
            dependencies: [
                "SecureVisionCore",
                "SecureVisionPipeline",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "ServiceLifecycleTestKit", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SecureVisionCoreTests",
            dependencies: ["SecureVisionCore"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SecureVisionStoreTests",
            dependencies: ["SecureVisionCore", "SecureVisionStore", "StoreCrashWriter"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SecureVisionServerTests",
            dependencies: [
                "SecureVisionCore",
                "SecureVisionServer",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "HummingbirdWSTesting", package: "hummingbird-websocket"),
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SecureVisionAppTests",
            dependencies: [
                "SecureVisionCore",
                "SecureVisionApp",
                "SecureVisionStore",
                "securevision",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "ServiceLifecycleTestKit", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
    ],
    cxxLanguageStandard: .cxx17
)
