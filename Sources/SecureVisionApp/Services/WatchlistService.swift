// SPDX-License-Identifier: Apache-2.0

internal import Logging
internal import SecureVisionCore
internal import SecureVisionDetection
public import ServiceLifecycle

/// Keeps the detectors' gallery and plate lists in step with the store, so a person enrolled or a plate
/// added through the API or the CLI is recognised within a few seconds, without a restart.
///
/// Reading a few hundred embeddings and list rows is cheap, so it simply reloads on an interval.
public struct WatchlistService: Service {
    let engine: DetectionVisionEngine
    let gallery: any GalleryRepository
    let lists: any PlateListRepository
    let face: FaceSettings
    let plates: PlateSettings
    let interval: Duration
    let logger: Logger

    public func run() async throws {
        let normalizer = try PlateTextNormalizer(settings: plates)
        await cancelWhenGracefulShutdown {
            var lastFailure: String?
            while !Task.isCancelled {
                do {
                    try await refresh(normalizer: normalizer)
                    if lastFailure != nil { logger.notice("gallery and plate lists reloaded") }
                    lastFailure = nil
                } catch {
                    // Keep the last good lists, and say so once rather than every interval.
                    if lastFailure != "\(error)" {
                        logger.error("gallery or plate lists not reloaded", metadata: ["error": "\(error)"])
                    }
                    lastFailure = "\(error)"
                }
                do {
                    try await Task.sleep(for: interval)
                } catch {
                    return  // Cancelled by shutdown.
                }
            }
        }
    }

    /// Loads both from the store (and the CSV lists) and hands them to the detectors.
    func refresh(normalizer: PlateTextNormalizer) async throws {
        try await Self.refresh(
            engine,
            gallery: gallery,
            lists: lists,
            face: face,
            plates: plates,
            normalizer: normalizer
        )
    }

    /// The one place the detectors' gallery and lists are loaded: at startup and on every interval.
    static func refresh(
        _ engine: DetectionVisionEngine,
        gallery: any GalleryRepository,
        lists: any PlateListRepository,
        face: FaceSettings,
        plates: PlateSettings,
        normalizer: PlateTextNormalizer
    ) async throws {
        engine.updateGallery(try await FaceGallery.load(from: gallery, similarityThreshold: face.similarityThreshold))
        engine.updateLists(try await PlateListMatcher.load(settings: plates, repository: lists, normalizer: normalizer))
    }
}
