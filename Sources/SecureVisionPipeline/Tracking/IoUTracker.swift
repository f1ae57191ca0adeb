// SPDX-License-Identifier: Apache-2.0

public import SecureVisionCore

/// Follows detections of one camera across frames by box overlap, per class.
///
/// Each ``update(_:frameSequence:timeMs:analysed:)`` matches the frame's detections to the live tracks
/// of the same class, greedily by descending IoU, accepting pairs with IoU at least the threshold.
/// Unmatched detections start new tracks; tracks of the analysed classes that were not matched count
/// a miss and are removed after `maxAgeFrames` consecutive misses. A track is confirmed after
/// `framesRequired` hits.
///
/// Greedy matching on sorted IoU is what SORT-style trackers settle for at this scale: with a handful
/// of boxes per class it gives the Hungarian answer in all but contrived cases, at O(n·m log nm).
///
/// ```swift
/// var tracker = IoUTracker(cameraID: "door", settings: TrackingSettings())
/// let update = tracker.update(observations, frameSequence: frame.sequence, timeMs: frame.captureTimeMs)
/// for id in update.bestImproved { keepSnapshot(of: frame, for: id) }
/// ```
public struct IoUTracker: Sendable {
    /// The camera whose detections this tracker follows.
    public let cameraID: String
    /// The smallest IoU at which a detection continues a track (`TRACKING__IOU_THRESHOLD`).
    public let iouThreshold: Double
    /// Consecutive misses after which a track is removed (`TRACKING__MAX_AGE_FRAMES`).
    public let maxAgeFrames: Int
    /// Hits after which a track is confirmed (`TRACKING__FRAMES_REQUIRED`).
    public let framesRequired: Int
    /// How many recent observations each track keeps.
    public let historyLength: Int
    /// The most live tracks; beyond it the stalest track is dropped, so memory stays bounded.
    public let maxTracks: Int

    private var tracks: [Track] = []
    private var nextID: Int64

    /// Makes a tracker with no tracks.
    /// - Parameters:
    ///   - cameraID: The camera it tracks.
    ///   - settings: The `TRACKING` section.
    ///   - firstTrackID: The first id to hand out; seed it (from the start time, say) to keep ids unique across restarts.
    ///   - historyLength: How many recent observations each track keeps.
    ///   - maxTracks: The most live tracks.
    public init(
        cameraID: String,
        settings: TrackingSettings,
        firstTrackID: Int64 = 1,
        historyLength: Int = 32,
        maxTracks: Int = 256
    ) {
        self.cameraID = cameraID
        self.iouThreshold = settings.iouThreshold
        self.maxAgeFrames = max(1, settings.maxAgeFrames)
        self.framesRequired = max(1, settings.framesRequired)
        self.historyLength = max(1, historyLength)
        self.maxTracks = max(1, maxTracks)
        self.nextID = firstTrackID
    }

    /// The live tracks, by id.
    public var activeTracks: [Track] { tracks }

    /// Matches one frame's detections to the tracks.
    /// - Parameters:
    ///   - observations: The frame's detections, of any classes.
    ///   - frameSequence: The frame's sequence number, for the tracks' records.
    ///   - timeMs: The frame's capture time.
    ///   - analysed: The detector families that ran on this frame; only their tracks count a miss.
    ///   - coverage: The parts of the frame the detectors looked at, or `nil` for all of it; a track
    ///     outside them was not looked for, so it counts no miss.
    /// - Returns: What changed.
    public mutating func update(
        _ observations: [TrackObservation],
        frameSequence: UInt64,
        timeMs: Int64,
        analysed: Set<DetectorKind> = Set(DetectorKind.allCases),
        coverage: [BoundingBox]? = nil
    ) -> TrackerUpdate {
        var result = TrackerUpdate()
        var matchedTracks = Set<Int>()
        var matchedObservations = Set<Int>()
        for (trackIndex, observationIndex) in greedyMatches(observations) {
            matchedTracks.insert(trackIndex)
            matchedObservations.insert(observationIndex)
            var observation = observations[observationIndex]
            observation.frameSequence = frameSequence
            observation.timeMs = timeMs
            if tracks[trackIndex].record(observation, historyLength: historyLength) {
                result.bestImproved.append(tracks[trackIndex].id)
            }
            if !tracks[trackIndex].isConfirmed, tracks[trackIndex].hits >= framesRequired {
                tracks[trackIndex].isConfirmed = true
                result.newlyConfirmed.append(tracks[trackIndex].id)
            }
        }
        for index in tracks.indices where !matchedTracks.contains(index) {
            guard analysed.contains(tracks[index].trackClass.detectorKind) else { continue }
            let box = tracks[index].latest.box
            if let coverage, !coverage.contains(where: { $0.iou(box) > 0 }) { continue }
            tracks[index].misses += 1
        }
        result.ended = tracks.filter { $0.misses >= maxAgeFrames }
        tracks.removeAll { $0.misses >= maxAgeFrames }
        for (index, original) in observations.enumerated() where !matchedObservations.contains(index) {
            var observation = original
            observation.frameSequence = frameSequence
            observation.timeMs = timeMs
            var track = Track(id: nextID, cameraID: cameraID, observation: observation)
            nextID += 1
            if framesRequired <= 1 {
                track.isConfirmed = true
                result.newlyConfirmed.append(track.id)
            }
            result.started.append(track.id)
            result.bestImproved.append(track.id)
            tracks.append(track)
        }
        if tracks.count > maxTracks {
            // Drop the stalest tracks (most misses, then oldest) rather than grow without bound.
            let excess = tracks.count - maxTracks
            let stalest = tracks.sorted { ($0.misses, -$0.id) > ($1.misses, -$1.id) }.prefix(excess)
            let dropped = Set(stalest.map(\.id))
            result.ended += tracks.filter { dropped.contains($0.id) }
            tracks.removeAll { dropped.contains($0.id) }
        }
        return result
    }

    /// Ends every track, as when the camera stops.
    /// - Returns: The tracks that were live.
    public mutating func finishAll() -> [Track] {
        defer { tracks.removeAll() }
        return tracks
    }

    /// The live track with `id`, if any.
    /// - Parameter id: The track id.
    /// - Returns: The track, or `nil` when no live track has that id.
    public func track(id: Int64) -> Track? {
        tracks.first { $0.id == id }
    }

    private func greedyMatches(_ observations: [TrackObservation]) -> [(track: Int, observation: Int)] {
        var candidates: [(iou: Double, track: Int, observation: Int)] = []
        for (trackIndex, track) in tracks.enumerated() {
            for (observationIndex, observation) in observations.enumerated()
            where observation.trackClass == track.trackClass {
                let iou = track.latest.box.iou(observation.box)
                if iou >= iouThreshold, iou > 0 { candidates.append((iou, trackIndex, observationIndex)) }
            }
        }
        // Highest overlap first; ties go to the older track and the earlier detection.
        candidates.sort { ($0.iou, -$0.track, -$0.observation) > ($1.iou, -$1.track, -$1.observation) }
        var usedTracks = Set<Int>()
        var usedObservations = Set<Int>()
        var matches: [(track: Int, observation: Int)] = []
        for candidate in candidates
        where !usedTracks.contains(candidate.track) && !usedObservations.contains(candidate.observation) {
            usedTracks.insert(candidate.track)
            usedObservations.insert(candidate.observation)
            matches.append((candidate.track, candidate.observation))
        }
        return matches
    }
}

/// What one ``IoUTracker/update(_:frameSequence:timeMs:analysed:)`` changed.
public struct TrackerUpdate: Sendable, Hashable {
    /// Tracks started on this frame.
    public var started: [Int64] = []
    /// Tracks that reached the required hits on this frame.
    public var newlyConfirmed: [Int64] = []
    /// Tracks whose best frame is now this frame: snapshot the frame for them.
    public var bestImproved: [Int64] = []
    /// Tracks removed on this frame, as they were last.
    public var ended: [Track] = []

    /// Makes an empty update.
    public init() {}
}
