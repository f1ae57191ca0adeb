// SPDX-License-Identifier: Apache-2.0

internal import CVisionKit
internal import Foundation
public import SecureVisionCore

/// Finds faces and five landmarks with YuNet (`cv::FaceDetectorYN`) at the size of the image given.
///
/// Calls are serialised: the native detector is used by one thread at a time.
public final class FaceDetector: @unchecked Sendable {
    // Invariant: `handle` is created in init, freed only in deinit, and used only while `lock` is held,
    // so the native detector (which is not thread-safe) never sees two threads at once.
    private let handle: OpaquePointer
    private let lock = NSLock()

    /// Loads YuNet.
    /// - Parameters:
    ///   - modelPath: `face_detection_yunet_120x160.onnx`.
    ///   - scoreThreshold: The lowest face score kept; 0.85 gave no false positives on the test photos.
    ///   - nmsThreshold: The overlap above which the weaker of two faces is dropped.
    /// - Throws: ``VisionError`` with code `modelLoad`.
    public init(modelPath: String, scoreThreshold: Double = 0.85, nmsThreshold: Double = 0.3) throws {
        try ModelFiles.requireExists(modelPath)
        _ = NativeCall.configureThreads()
        var created: OpaquePointer?
        try NativeCall.run("face detector") {
            sv_face_detector_create(modelPath, Float(scoreThreshold), Float(nmsThreshold), &created, $0)
        }
        guard let created else { throw VisionError(.modelLoad, "face detector was not created") }
        handle = created
    }

    deinit { sv_face_detector_destroy(handle) }

    /// Detects faces.
    /// - Parameters:
    ///   - image: A BGR (or grey) image at the analysis size.
    ///   - minFaceSize: Faces whose shorter side is below this many pixels of `image` are skipped.
    /// - Returns: The faces, best score first, in the pixels of `image`.
    /// - Throws: ``VisionError`` when the native call fails.
    public func detect(in image: ImageBuffer, minFaceSize: Int = 0) throws -> [FaceDetection] {
        var faces: UnsafeMutablePointer<sv_face>?
        var count: Int32 = 0
        try lock.withLock { () in
            try image.withNativeView { view in
                try NativeCall.run("face detection") { sv_face_detector_detect(handle, view, &faces, &count, $0) }
            }
        }
        return adoptArray(faces, count: count)
            .map(Self.detection)
            .filter { $0.size >= Double(minFaceSize) }
            .sorted { $0.score > $1.score }
    }

    private static func detection(_ face: sv_face) -> FaceDetection {
        let box = BoundingBox(
            x1: Double(face.x),
            y1: Double(face.y),
            x2: Double(face.x + face.width),
            y2: Double(face.y + face.height)
        )
        let values = withUnsafeBytes(of: face.landmarks) { Array($0.bindMemory(to: Float.self)) }
        let landmarks = stride(from: 0, to: 10, by: 2).map {
            ImagePoint(x: Double(values[$0]), y: Double(values[$0 + 1]))
        }
        return FaceDetection(box: box, score: Double(face.score), landmarks: landmarks)
    }
}
