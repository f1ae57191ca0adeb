// SPDX-License-Identifier: Apache-2.0

/// The counters of one camera's work in an ``InferenceScheduler``.
public struct CameraSchedulerCounters: Sendable, Hashable, Codable {
    /// Jobs accepted into the queue.
    public var submitted: UInt64 = 0
    /// Jobs that ran to the end.
    public var completed: UInt64 = 0
    /// Jobs dropped unrun: pushed out by newer work under overload, or pending when the scheduler stopped.
    public var skipped: UInt64 = 0

    /// Makes zeroed counters.
    public init() {}
}

/// A snapshot of an ``InferenceScheduler``'s counters, for metrics and tests.
public struct SchedulerStatistics: Sendable, Hashable, Codable {
    /// The number of worker threads.
    public var workerCount: Int
    /// The most jobs that may wait at once.
    public var capacity: Int
    /// Jobs waiting now.
    public var pending: Int
    /// Jobs running now.
    public var running: Int
    /// The most jobs that ever waited at once; never above ``capacity``.
    public var highWaterMark: Int
    /// Submissions refused because the scheduler had stopped.
    public var rejected: UInt64
    /// The counters of every camera that submitted work, by camera id.
    public var cameras: [String: CameraSchedulerCounters]

    /// Makes a snapshot.
    /// - Parameters:
    ///   - workerCount: The number of worker threads.
    ///   - capacity: The queue capacity.
    ///   - pending: Jobs waiting.
    ///   - running: Jobs running.
    ///   - highWaterMark: The most jobs that ever waited.
    ///   - rejected: Submissions refused after stop.
    ///   - cameras: Per-camera counters.
    public init(
        workerCount: Int,
        capacity: Int,
        pending: Int = 0,
        running: Int = 0,
        highWaterMark: Int = 0,
        rejected: UInt64 = 0,
        cameras: [String: CameraSchedulerCounters] = [:]
    ) {
        self.workerCount = workerCount
        self.capacity = capacity
        self.pending = pending
        self.running = running
        self.highWaterMark = highWaterMark
        self.rejected = rejected
        self.cameras = cameras
    }

    /// The counters of one camera, zero when it never submitted.
    /// - Parameter cameraID: The camera.
    public subscript(camera cameraID: String) -> CameraSchedulerCounters {
        cameras[cameraID] ?? CameraSchedulerCounters()
    }

    /// Jobs accepted, over all cameras.
    public var submitted: UInt64 { cameras.values.reduce(0) { $0 + $1.submitted } }
    /// Jobs completed, over all cameras.
    public var completed: UInt64 { cameras.values.reduce(0) { $0 + $1.completed } }
    /// Jobs skipped, over all cameras.
    public var skipped: UInt64 { cameras.values.reduce(0) { $0 + $1.skipped } }
}
