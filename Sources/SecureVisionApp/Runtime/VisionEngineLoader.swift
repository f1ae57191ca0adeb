// SPDX-License-Identifier: Apache-2.0

internal import Logging
internal import SecureVisionCore
internal import SecureVisionDetection

/// Loads the models once for both the camera pipeline and the API's face uploads, or explains why the
/// cameras will run without them.
enum VisionEngineLoader {
    /// What was loaded: the pipeline's engine, and the face service that shares its face models.
    struct Loaded {
        var engine: DetectionVisionEngine?
        var faces: (any FaceService)?
    }

    static func load(
        _ configuration: AppConfiguration,
        store: any GalleryRepository & PlateListRepository,
        logger: Logger
    ) async -> Loaded {
        do {
            let analyzer = try StillImageAnalyzer(
                models: ModelFiles(directory: configuration.modelsDirectory),
                face: configuration.face,
                plates: configuration.plates,
                gallery: FaceGallery(embeddings: [], similarityThreshold: configuration.face.similarityThreshold),
                lists: PlateListMatcher()
            )
            let engine = DetectionVisionEngine(analyzer: analyzer)
            try await WatchlistService.refresh(
                engine,
                gallery: store,
                lists: store,
                face: configuration.face,
                plates: configuration.plates,
                normalizer: try PlateTextNormalizer(settings: configuration.plates)
            )
            let faces = analyzer.faces.map { recognizer in
                DetectionFaceService(recognizer: recognizer, settings: configuration.face, gallery: store)
            }
            return Loaded(engine: engine, faces: faces)
        } catch {
            // Cameras, the store and the API stay useful; detection comes back after `make models` and a restart.
            logger.error(
                "detectors not loaded; cameras run without analysis",
                metadata: ["models_dir": "\(configuration.modelsDirectory)", "error": "\(error)", "fix": "make models"]
            )
            // The face models alone may still load, for enrolment through the API.
            return Loaded(engine: nil, faces: FaceServiceLoader.load(configuration, gallery: store, logger: logger))
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
