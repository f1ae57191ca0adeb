// SPDX-License-Identifier: Apache-2.0

/// One object followed across frames of one camera: its history, its votes and its best frame.
///
/// Tracks are values; ``IoUTracker`` owns the live ones and hands out copies.
public struct Track: Sendable, Hashable, Identifiable {
    /// Unique among the tracks of one camera's tracker, increasing.
    public let id: Int64
    /// The camera the track belongs to.
    public let cameraID: String
    /// What the track follows.
    public let trackClass: TrackClass
    /// Frames the track was matched in.
    public internal(set) var hits = 1
    /// Analysed frames since the track was last matched.
    public internal(set) var misses = 0
    /// Whether the track has reached the required number of hits.
    public internal(set) var isConfirmed = false
    /// The observation that started the track.
    public let first: TrackObservation
    /// The most recent observation.
    public internal(set) var latest: TrackObservation
    /// The observation with the highest detector score times box area: the frame to snapshot.
    public internal(set) var best: TrackObservation
    /// The newest observations, oldest first, at most the tracker's history length.
    public internal(set) var recent: [TrackObservation]
    /// The OCR vote over the track's plate reads.
    public internal(set) var plateVote = PlateVote()
    /// The identity vote over the track's faces.
    public internal(set) var faceConsensus = FaceConsensus()

    init(id: Int64, cameraID: String, observation: TrackObservation) {
        self.id = id
        self.cameraID = cameraID
        self.trackClass = observation.trackClass
        self.first = observation
        self.latest = observation
        self.best = observation
        self.recent = [observation]
        if let read = observation.plate { plateVote.add(read) }
        if let face = observation.face { faceConsensus.add(face) }
    }

    /// Adds a matched observation.
    /// - Returns: Whether it became the track's best frame.
    mutating func record(_ observation: TrackObservation, historyLength: Int) -> Bool {
        hits += 1
        misses = 0
        latest = observation
        recent.append(observation)
        if recent.count > historyLength { recent.removeFirst(recent.count - historyLength) }
        if let read = observation.plate { plateVote.add(read) }
        if let face = observation.face { faceConsensus.add(face) }
        guard observation.snapshotQuality > best.snapshotQuality else { return false }
        best = observation
        return true
    }

    /// The time from the first to the latest observation, in milliseconds.
    public var durationMs: Int64 { latest.timeMs - first.timeMs }
}
