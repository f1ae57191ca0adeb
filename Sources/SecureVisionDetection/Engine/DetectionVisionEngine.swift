// SPDX-License-Identifier: Apache-2.0

public import SecureVisionCore
internal import Synchronization

/// The pipeline's ``VisionEngine``: a ``StillImageAnalyzer`` whose gallery and plate lists can change
/// while it runs (an enrolment through the API, a plate added to the deny list).
///
/// The detectors serialise their own native calls, so several inference threads may call
/// ``analyze(_:detectors:)`` at once: a face pass for one camera overlaps a plate pass for another.
/// Each call takes a copy of the analyzer (a few references), so an update never waits for inference.
public final class DetectionVisionEngine: VisionEngine {
    private let analyzer: Mutex<StillImageAnalyzer>

    /// Wraps an analyzer.
    /// - Parameter analyzer: The detectors, gallery and lists to start with.
    public init(analyzer: StillImageAnalyzer) {
        self.analyzer = Mutex(analyzer)
    }

    /// Replaces the enrolled faces used from the next analysis on.
    /// - Parameter gallery: The new gallery.
    public func updateGallery(_ gallery: FaceGallery) {
        analyzer.withLock { $0.gallery = gallery }
    }

    /// Replaces the plate lists used from the next analysis on.
    /// - Parameter lists: The new lists.
    public func updateLists(_ lists: PlateListMatcher) {
        analyzer.withLock { $0.plates?.lists = lists }
    }

    /// The number of enrolled face embeddings in use.
    public var galleryCount: Int { analyzer.withLock { $0.gallery.count } }

    public func analyze(_ image: ImageBuffer, detectors: Set<DetectorKind>) throws -> FrameAnalysis {
        try analyzer.withLock { $0 }.analyze(image, detectors: detectors)
    }

    public func makeMotionDetector() throws -> any MotionDetecting {
        try MotionDetector()
    }

    public func encodeJPEG(_ image: ImageBuffer, quality: Int) throws -> [UInt8] {
        [UInt8](try ImageCodec.encodeJPEG(image, quality: min(100, max(1, quality))))
    }
}

extension MotionDetector: MotionDetecting {}
