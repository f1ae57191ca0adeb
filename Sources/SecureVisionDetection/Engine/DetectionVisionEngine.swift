// SPDX-License-Identifier: Apache-2.0

internal import Foundation
public import SecureVisionCore
internal import Synchronization

/// The pipeline's ``VisionEngine`` over the real detectors, with a gallery and plate lists that can
/// change while it runs (an enrolment through the API, a plate added to the deny list).
///
/// The detectors serialise their own native calls, so several inference threads may call
/// ``analyze(_:detectors:)`` at once: a face pass for one camera overlaps a plate pass for another.
public final class DetectionVisionEngine: VisionEngine {
    private struct References: Sendable {
        var gallery: FaceGallery
        var lists: PlateListMatcher
    }

    private let faces: FaceRecognizer?
    private let objects: ObjectDetector
    private let plates: PlateReader?
    private let references: Mutex<References>
    /// Faces and objects are found on the image shrunk to this longer side; plates on the full image.
    public let analysisMaxSide: Int

    /// Loads the detectors the settings enable.
    /// - Parameters:
    ///   - models: Where the model files are.
    ///   - face: The `FACE` settings; no face models are loaded when disabled.
    ///   - plates: The `PLATES` settings; no plate models are loaded when disabled.
    ///   - gallery: The enrolled faces.
    ///   - lists: The plate lists.
    ///   - analysisMaxSide: The longer side of the image faces and objects are found on.
    /// - Throws: ``VisionError`` when a model cannot be loaded.
    public init(
        models: ModelFiles,
        face: FaceSettings,
        plates: PlateSettings,
        gallery: FaceGallery,
        lists: PlateListMatcher,
        analysisMaxSide: Int = 1280
    ) throws {
        self.faces = face.enabled ? try FaceRecognizer(models: models, settings: face) : nil
        self.objects = try ObjectDetector(modelPath: models.objectDetector)
        self.plates = plates.enabled ? try PlateReader(models: models, settings: plates, lists: lists) : nil
        self.references = Mutex(References(gallery: gallery, lists: lists))
        self.analysisMaxSide = max(64, analysisMaxSide)
    }

    /// Replaces the enrolled faces used from the next analysis on.
    /// - Parameter gallery: The new gallery.
    public func updateGallery(_ gallery: FaceGallery) {
        references.withLock { $0.gallery = gallery }
    }

    /// Replaces the plate lists used from the next analysis on.
    /// - Parameter lists: The new lists.
    public func updateLists(_ lists: PlateListMatcher) {
        references.withLock { $0.lists = lists }
    }

    /// The number of enrolled face embeddings in use.
    public var galleryCount: Int { references.withLock { $0.gallery.count } }

    public func analyze(_ image: ImageBuffer, detectors: Set<DetectorKind>) throws -> FrameAnalysis {
        let current = references.withLock { $0 }
        var result = FrameAnalysis()
        let longer = max(image.width, image.height)
        let small =
            longer > analysisMaxSide
            ? try ImageCodec.resize(
                image,
                to: PixelSize(
                    width: max(1, image.width * analysisMaxSide / longer),
                    height: max(1, image.height * analysisMaxSide / longer)
                )
            ) : image
        let scaleX = Double(image.width) / Double(small.width)
        let scaleY = Double(image.height) / Double(small.height)

        if detectors.contains(.faces), let faces {
            let found = try timed(.faces, into: &result) { try faces.recognize(in: small, gallery: current.gallery) }
            result.analysis.faces = ImageAnalysis(faces: found).mapped(scaleX: scaleX, scaleY: scaleY).faces
        }
        // Vehicles narrow the plate search, so objects also run when only plates are wanted.
        var vehicles: [ObjectDetection] = []
        if detectors.contains(.objects) || (detectors.contains(.plates) && plates != nil) {
            let found = try timed(.objects, into: &result) { try objects.detect(in: small) }
            vehicles = ImageAnalysis(objects: found).mapped(scaleX: scaleX, scaleY: scaleY).objects
            if detectors.contains(.objects) { result.analysis.objects = vehicles }
        }
        if detectors.contains(.plates), var reader = plates {
            reader.lists = current.lists
            result.analysis.plates = try timed(.plates, into: &result) {
                try reader.read(in: image, vehicles: vehicles)
            }
        }
        return result
    }

    public func makeMotionDetector() throws -> any MotionDetecting {
        try MotionDetector()
    }

    public func encodeJPEG(_ image: ImageBuffer, quality: Int) throws -> [UInt8] {
        [UInt8](try ImageCodec.encodeJPEG(image, quality: min(100, max(1, quality))))
    }

    private func timed<T>(_ kind: DetectorKind, into result: inout FrameAnalysis, _ body: () throws -> T) rethrows
        -> T
    {
        let start = ContinuousClock.now
        defer {
            let elapsed = ContinuousClock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            result.seconds[kind, default: 0] += seconds
        }
        return try body()
    }
}

extension MotionDetector: MotionDetecting {}
