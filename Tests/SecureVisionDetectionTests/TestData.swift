// SPDX-License-Identifier: Apache-2.0

import Foundation
import SecureVisionCore
import SecureVisionDetection
import Testing

/// Test images in `test-data/` (from `scripts/fetch-test-data.sh`) and models in `models/` at the repository root.
enum TestData {
    /// The repository root, found from this file with symlinks resolved.
    static let root: String = {
        let file = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        return file.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }()

    static let models = ModelFiles(directory: root + "/models")

    /// The path of a test image.
    static func path(_ name: String) -> String { root + "/test-data/" + name }

    /// Loads a test image, failing with a message that names the script when it is missing.
    static func image(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> ImageBuffer {
        let file = path(name)
        try #require(
            FileManager.default.fileExists(atPath: file),
            "test image \(name) is missing: run scripts/fetch-test-data.sh",
            sourceLocation: sourceLocation
        )
        try #require(
            FileManager.default.fileExists(atPath: models.faceDetector),
            "models are missing: run scripts/fetch-models.sh",
            sourceLocation: sourceLocation
        )
        return try ImageCodec.load(contentsOf: file)
    }
}

/// Networks loaded once for every test (loading dlib's ResNet takes a moment).
enum Shared {
    static let faces = Result { try FaceRecognizer(models: TestData.models, settings: FaceSettings()) }
    static let objects = Result { try ObjectDetector(modelPath: TestData.models.objectDetector) }
    static let plates = Result {
        try PlateReader(models: TestData.models, settings: PlateSettings(), lists: PlateListMatcher())
    }
}
