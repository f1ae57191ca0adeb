// SPDX-License-Identifier: Apache-2.0

internal import Logging
internal import SecureVisionCore
internal import SecureVisionDetection

/// Loads the face models for the API's uploads, or explains why the routes will answer 503.
enum FaceServiceLoader {
    static func load(_ configuration: AppConfiguration, gallery: any GalleryRepository, logger: Logger)
        -> (any FaceService)?
    {
        guard configuration.face.enabled else { return nil }
        do {
            return try DetectionFaceService(
                models: ModelFiles(directory: configuration.modelsDirectory),
                settings: configuration.face,
                gallery: gallery
            )
        } catch {
            // The rest of the server is still useful; enrolment answers 503 until the models are there.
            logger.error(
                "face models not loaded; face enrolment and recognition are unavailable",
                metadata: ["models_dir": "\(configuration.modelsDirectory)", "error": "\(error)", "fix": "make models"]
            )
            return nil
        }
    }
}
