// SPDX-License-Identifier: Apache-2.0

internal import Logging
internal import SecureVisionCore
internal import SecureVisionDetection

/// Loads the detectors for the camera pipeline, or explains why the cameras will run without them.
enum VisionEngineLoader {
    static func load(
        _ configuration: AppConfiguration,
        store: any GalleryRepository & PlateListRepository,
        logger: Logger
    )
        async -> DetectionVisionEngine?
    {
        do {
            let normalizer = try PlateTextNormalizer(settings: configuration.plates)
            return try DetectionVisionEngine(
                models: ModelFiles(directory: configuration.modelsDirectory),
                face: configuration.face,
                plates: configuration.plates,
                gallery: try await FaceGallery.load(
                    from: store,
                    similarityThreshold: configuration.face.similarityThreshold
                ),
                lists: try await PlateListMatcher.load(
                    settings: configuration.plates,
                    repository: store,
                    normalizer: normalizer
                )
            )
        } catch {
            // Cameras, the store and the API stay useful; detection comes back after `make models` and a restart.
            logger.error(
                "detectors not loaded; cameras run without analysis",
                metadata: ["models_dir": "\(configuration.modelsDirectory)", "error": "\(error)", "fix": "make models"]
            )
            return nil
        }
    }
}

/// The engine used when the models could not be loaded: every camera then runs with no detectors,
/// so these calls are never made; if one were, it fails loudly rather than inventing results.
struct UnavailableVisionEngine: VisionEngine {
    struct Unavailable: Error, CustomStringConvertible {
        var description: String { "the detectors are not loaded (see the startup log)" }
    }

    func analyze(_ image: ImageBuffer, detectors: Set<DetectorKind>) throws -> FrameAnalysis { throw Unavailable() }
    func makeMotionDetector() throws -> any MotionDetecting { throw Unavailable() }
    func encodeJPEG(_ image: ImageBuffer, quality: Int) throws -> [UInt8] { throw Unavailable() }
}

extension CameraSettings {
    /// This camera with no detectors, for running it without models.
    var withoutDetectors: CameraSettings {
        var copy = self
        copy.detectors = []
        return copy
    }
}
