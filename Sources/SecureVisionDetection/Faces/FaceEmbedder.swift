// SPDX-License-Identifier: Apache-2.0

internal import CVisionKit
internal import Foundation
public import SecureVisionCore

/// Turns a face into dlib's 128-d descriptor: 5-point landmarks, a 150-px aligned chip, then the ResNet.
///
/// Calls are serialised: the native network is used by one thread at a time.
public final class FaceEmbedder: @unchecked Sendable {
    // Invariant: `handle` is created in init, freed only in deinit, and used only while `lock` is held;
    // a dlib network keeps per-call state and must not run on two threads at once.
    private let handle: OpaquePointer
    private let lock = NSLock()

    /// The length of a descriptor.
    public static let dimensions = 128

    /// Loads the landmark predictor and the ResNet.
    /// - Parameters:
    ///   - landmarksPath: `shape_predictor_5_face_landmarks.dat`.
    ///   - networkPath: `dlib_face_recognition_resnet_model_v1.dat`.
    /// - Throws: ``VisionError`` with code `modelLoad`.
    public init(landmarksPath: String, networkPath: String) throws {
        try ModelFiles.requireExists(landmarksPath)
        try ModelFiles.requireExists(networkPath)
        _ = NativeCall.configureThreads()
        var created: OpaquePointer?
        try NativeCall.run("face embedder") { sv_face_embedder_create(landmarksPath, networkPath, &created, $0) }
        guard let created else { throw VisionError(.modelLoad, "face embedder was not created") }
        handle = created
    }

    deinit { sv_face_embedder_destroy(handle) }

    /// Computes the descriptor of the face in `box`.
    /// - Parameters:
    ///   - image: The image the face was found in.
    ///   - box: The face box from ``FaceDetector``, in the pixels of `image`.
    /// - Returns: 128 floats; the Euclidean distance between two descriptors compares faces.
    /// - Throws: ``VisionError`` when the native call fails.
    public func embed(_ image: ImageBuffer, box: BoundingBox) throws -> [Float] {
        var descriptor = [Float](repeating: 0, count: Self.dimensions)
        try lock.withLock { () in
            try image.withNativeView { view in
                try descriptor.withUnsafeMutableBufferPointer { output in
                    try NativeCall.run("face embedding") {
                        sv_face_embedder_embed(
                            handle,
                            view,
                            Float(box.x1),
                            Float(box.y1),
                            Float(box.width),
                            Float(box.height),
                            output.baseAddress,
                            $0
                        )
                    }
                }
            }
        }
        return descriptor
    }
}
