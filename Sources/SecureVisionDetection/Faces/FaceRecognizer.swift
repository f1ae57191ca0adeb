// SPDX-License-Identifier: Apache-2.0

public import SecureVisionCore

/// Detects, embeds and identifies faces: YuNet, then dlib, then the gallery.
public struct FaceRecognizer: Sendable {
    public let detector: FaceDetector
    public let embedder: FaceEmbedder
    /// Faces whose shorter side is below this many pixels are skipped.
    public var minFaceSize: Int

    /// Creates a recogniser from loaded networks.
    /// - Parameters:
    ///   - detector: The face detector.
    ///   - embedder: The face embedder.
    ///   - minFaceSize: `FACE__MIN_FACE_SIZE`, in pixels of the analysed image.
    public init(detector: FaceDetector, embedder: FaceEmbedder, minFaceSize: Int) {
        self.detector = detector
        self.embedder = embedder
        self.minFaceSize = minFaceSize
    }

    /// Loads the networks from a models directory.
    /// - Parameters:
    ///   - models: Where the model files are.
    ///   - settings: The `FACE` settings (minimum face size).
    /// - Throws: ``VisionError`` when the native call fails.
    public init(models: ModelFiles, settings: FaceSettings) throws {
        self.init(
            detector: try FaceDetector(modelPath: models.faceDetector),
            embedder: try FaceEmbedder(landmarksPath: models.faceLandmarks, networkPath: models.faceEmbedding),
            minFaceSize: settings.minFaceSize
        )
    }

    /// Finds and identifies every face in an image.
    /// - Parameters:
    ///   - image: A BGR image at the analysis size.
    ///   - gallery: The matcher; unknown faces come back with a `nil` person.
    /// - Returns: One entry per face, best detection score first.
    /// - Throws: ``VisionError`` when the native call fails.
    public func recognize(in image: ImageBuffer, gallery: FaceGallery) throws -> [RecognizedFace] {
        try detector.detect(in: image, minFaceSize: minFaceSize).map { face in
            let vector = try embedder.embed(image, box: face.box)
            return RecognizedFace(detection: face, match: gallery.match(vector))
        }
    }
}
