// SPDX-License-Identifier: Apache-2.0

internal import Dispatch
internal import Foundation
public import SecureVisionCore

/// ``FaceService`` over the real detector, embedder and gallery, for the API's uploads.
///
/// Decoding and inference run on a private serial queue, never on the Swift cooperative pool, and one
/// at a time, since the native handles are used by one thread at a time. Store calls stay async.
public final class DetectionFaceService: FaceService {
    private let recognizer: FaceRecognizer
    private let enroller: Enroller
    private let gallery: any GalleryRepository
    private let similarityThreshold: Double
    private let queue = DispatchQueue(label: "securevision.face-service")

    /// Loads the face models.
    /// - Parameters:
    ///   - models: Where the model files are.
    ///   - settings: Minimum face size and similarity threshold.
    ///   - gallery: Where people and embeddings are stored.
    /// - Throws: ``VisionError`` when a model cannot be loaded.
    public convenience init(models: ModelFiles, settings: FaceSettings, gallery: any GalleryRepository) throws {
        self.init(
            recognizer: try FaceRecognizer(models: models, settings: settings),
            settings: settings,
            gallery: gallery
        )
    }

    /// Uses face models already loaded, such as the camera pipeline's, rather than loading them again.
    /// - Parameters:
    ///   - recognizer: The detector and embedder; their native calls are serialised, so sharing is safe.
    ///   - settings: Minimum face size and similarity threshold.
    ///   - gallery: Where people and embeddings are stored.
    public init(recognizer: FaceRecognizer, settings: FaceSettings, gallery: any GalleryRepository) {
        self.recognizer = recognizer
        enroller = Enroller(recognizer: recognizer, gallery: gallery)
        self.gallery = gallery
        similarityThreshold = settings.similarityThreshold
    }

    public func enrollFace(personID: String, displayName: String?, image: [UInt8], source: String) async throws
        -> FaceEnrollmentOutcome
    {
        let enroller = self.enroller
        let prepared = try await onQueue { enroller.prepare(imageData: Data(image), source: source) }
        switch prepared {
        case .unusable(.rejected(let reason)), .unusable(.failed(let reason)):
            return .rejected(reason: reason)
        case .unusable:
            return .rejected(reason: "\(source): the image cannot be used")
        case .face(let vector, let digest):
            let outcome = try await enroller.store(
                vector: vector,
                digest: digest,
                personID: personID,
                displayName: displayName,
                source: source
            )
            return outcome == .alreadyEnrolled ? .alreadyEnrolled : .added
        }
    }

    public func recognizeFaces(in image: [UInt8]) async throws -> [RecognizedFace] {
        let gallery = try await FaceGallery.load(from: self.gallery, similarityThreshold: similarityThreshold)
        let recognizer = self.recognizer
        return try await onQueue {
            let decoded: ImageBuffer
            do {
                decoded = try ImageCodec.decode(Data(image))
            } catch {
                throw FaceImageError("the image cannot be decoded")
            }
            return try recognizer.recognize(in: decoded, gallery: gallery)
        }
    }

    /// Runs blocking `work` on the private queue and resumes the caller with its result.
    private func onQueue<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try work() }) }
        }
    }
}
