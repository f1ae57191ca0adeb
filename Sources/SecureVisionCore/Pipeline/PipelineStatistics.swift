// SPDX-License-Identifier: Apache-2.0

/// What one camera's analysis pipeline has done since it started.
public struct PipelineStatistics: Sendable, Hashable {
    /// The camera.
    public var cameraID: String
    /// Frames taken from the camera.
    public var framesReceived: UInt64 = 0
    /// Frames the detectors ran on.
    public var framesAnalysed: UInt64 = 0
    /// Frames the motion gate let pass without detectors (a quiet scene).
    public var framesQuiet: UInt64 = 0
    /// Frames whose detector work the shared scheduler dropped under overload.
    public var framesSkipped: UInt64 = 0
    /// Frames or steps that failed (a detector error, a bad frame); each was skipped.
    public var errors: UInt64 = 0
    /// Detections of any kind.
    public var detections: UInt64 = 0
    /// Tracks decided (one per confirmed visit).
    public var decisions: UInt64 = 0
    /// Events written to the store.
    public var eventsStored: UInt64 = 0
    /// Decisions not stored because the same person or plate had an event within the cooldown.
    public var suppressedByCooldown: UInt64 = 0
    /// Events that could not be stored.
    public var eventsFailed: UInt64 = 0
    /// Times the supervisor restarted this camera's pipeline after a failure.
    public var restarts: UInt64 = 0
    /// Seconds the detectors spent on this camera's frames, per family.
    public var inferenceSeconds: [DetectorKind: Double] = [:]
    /// Milliseconds from frame capture to the event's commit, for the most recent events.
    public var recentEventLatenciesMs: [Int64] = []

    /// Makes empty statistics.
    /// - Parameter cameraID: The camera.
    public init(cameraID: String) {
        self.cameraID = cameraID
    }
}

/// Reads the analysis counters of the running cameras (for `/metrics`, `/health` and `/cameras`).
///
/// Implementations are thread-safe and cheap to call.
public protocol PipelineStatusProvider: Sendable {
    /// The statistics of every camera's pipeline, ordered by camera id.
    func allPipelineStatistics() -> [PipelineStatistics]
}
