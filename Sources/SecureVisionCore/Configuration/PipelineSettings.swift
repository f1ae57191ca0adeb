// SPDX-License-Identifier: Apache-2.0

/// How the cameras' frames are analysed (`SECUREVISION__PIPELINE__*`, new in this version).
public struct PipelineSettings: Sendable, Equatable {
    /// Inference threads shared by every camera (`WORKERS`); 0 means one per core.
    public var workers = 0
    /// The most detector jobs that may wait (`QUEUE_CAPACITY`); 0 means twice the workers.
    public var queueCapacity = 0
    /// The longest time without a detector pass on a quiet scene, in seconds (`SAFETY_NET_S`).
    public var safetyNetSeconds = 5.0
    /// How long detectors keep running after motion stops, in seconds (`MOTION_HOLD_S`).
    public var motionHoldSeconds = 1.0
    /// Whether motion gates the detectors at all (`MOTION_GATING`); off analyses every frame.
    public var motionGating = true
    /// Whether people and vehicles give `object` events (`OBJECT_EVENTS`).
    public var objectEvents = false
    /// The JPEG quality of snapshots and crops, 1...100 (`SNAPSHOT_QUALITY`).
    public var snapshotQuality = 85

    /// Makes the defaults.
    public init() {}
}
