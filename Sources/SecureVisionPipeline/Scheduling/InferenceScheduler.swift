// SPDX-License-Identifier: Apache-2.0

internal import Dispatch
internal import Foundation
internal import Synchronization

/// Runs detector work from every camera on a fixed set of worker threads, through a bounded queue.
///
/// The workers are dedicated `Thread`s, never the cooperative pool, so blocking native inference
/// cannot starve Swift concurrency. ``submit(cameraID:work:onSkip:)`` never blocks: when the queue
/// is full, the oldest pending job is dropped and counted as skipped for its camera, because for live
/// video the newest frame is the one worth analysing. Memory is bounded by the capacity.
///
/// The victim is chosen fairly between cameras: it is the oldest job of the camera whose work ran most
/// recently (the job being submitted included). Plain "drop the oldest" lets a camera whose jobs keep
/// arriving just before a busy one's be dropped every time, so under overload it would never be
/// analysed; with this rule every camera is analysed in turn.
///
/// ```swift
/// let scheduler = InferenceScheduler(capacity: 8)
/// scheduler.submit(cameraID: "door") { analyse(frame) }
/// let faces = try await scheduler.run(cameraID: "door") { try detector.faces(in: frame) }  // nil if skipped
/// scheduler.stop()
/// ```
///
/// Call ``stop()`` before releasing the scheduler; a released scheduler stops its workers without waiting.
public final class InferenceScheduler: Sendable {
    /// What ``submit(cameraID:work:onSkip:)`` did.
    public enum SubmitResult: Sendable, Hashable {
        /// Queued; nothing was dropped.
        case accepted
        /// Queued after dropping the oldest pending job, which belonged to `cameraID`.
        case acceptedDroppingOldest(cameraID: String)
        /// Not queued: the queue was full of work for cameras that waited longer. Its `onSkip` was called.
        case skippedForFairness
        /// Refused: the scheduler has stopped. The job's `onSkip` is not called.
        case rejected
    }

    /// The number of worker threads.
    public let workerCount: Int
    /// The most jobs that may wait at once.
    public let capacity: Int
    private let queue: SchedulerQueue

    /// Starts the workers.
    /// - Parameters:
    ///   - workerCount: Worker threads; `nil` means one per active processor core.
    ///   - capacity: The most pending jobs; `nil` means twice the worker count. Values below 1 mean 1.
    ///   - name: The threads' name prefix, shown in debuggers and `top -H`.
    public init(workerCount: Int? = nil, capacity: Int? = nil, name: String = "sv-inference") {
        let workers = max(1, workerCount ?? ProcessInfo.processInfo.activeProcessorCount)
        self.workerCount = workers
        self.capacity = max(1, capacity ?? workers * 2)
        self.queue = SchedulerQueue(workerCount: workers, capacity: self.capacity)
        for index in 0..<workers {
            let queue = self.queue
            queue.workersExited.enter()
            let thread = Thread { queue.workerLoop() }
            thread.name = "\(name)-\(index)"
            thread.start()
        }
    }

    deinit {
        queue.beginStop()
    }

    /// Queues `work` for `cameraID`; returns at once.
    /// - Parameters:
    ///   - cameraID: The camera the work is for, for the skip counters.
    ///   - work: The job; it runs on a worker thread.
    ///   - onSkip: Called instead of `work` if the job is dropped unrun (overload or stop); keep it cheap.
    /// - Returns: Whether the job was queued and whether an older one made room for it.
    @discardableResult
    public func submit(
        cameraID: String,
        work: @escaping @Sendable () -> Void,
        onSkip: (@Sendable () -> Void)? = nil
    ) -> SubmitResult {
        queue.submit(SchedulerQueue.Job(cameraID: cameraID, work: work, onSkip: onSkip))
    }

    /// Runs `body` on a worker thread and returns its value, or `nil` if the job was skipped or refused.
    /// - Parameters:
    ///   - cameraID: The camera the work is for.
    ///   - body: The work.
    /// - Returns: The value, or `nil` when the job did not run.
    /// - Throws: What `body` throws.
    public func run<Value: Sendable>(
        cameraID: String,
        _ body: @escaping @Sendable () throws -> Value
    ) async throws -> Value? {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Value?, any Error>) in
            let result = submit(
                cameraID: cameraID,
                work: { continuation.resume(with: Result<Value?, any Error> { try body() }) },
                onSkip: { continuation.resume(returning: nil) }
            )
            if result == .rejected { continuation.resume(returning: nil) }
        }
    }

    /// Stops the scheduler and waits for every worker thread to exit.
    ///
    /// It stops accepting work, drops the pending jobs (counted as skipped and reported through their
    /// `onSkip`), and lets running jobs finish. Calling it again returns at once.
    ///
    /// Never call it from inside a job: the worker would wait for itself.
    public func stop() {
        queue.beginStop()
        queue.workersExited.wait()
    }

    /// Whether ``stop()`` was called.
    public var isStopped: Bool { queue.isStopping }

    /// A snapshot of the counters.
    public var statistics: SchedulerStatistics { queue.statistics }
}

/// The state shared by the scheduler and its workers; the workers hold this, not the scheduler.
private final class SchedulerQueue: Sendable {
    struct Job: Sendable {
        let cameraID: String
        let work: @Sendable () -> Void
        let onSkip: (@Sendable () -> Void)?
    }

    private struct State {
        var pending: [Job] = []
        var running = 0
        var highWaterMark = 0
        var rejected: UInt64 = 0
        var stopping = false
        var cameras: [String: CameraSchedulerCounters] = [:]
        /// When each camera's work last started, as a rising count; absent means never.
        var served: [String: UInt64] = [:]
        var serveCount: UInt64 = 0

        func lastServed(_ cameraID: String) -> UInt64 { served[cameraID] ?? 0 }
    }

    let workerCount: Int
    let capacity: Int
    let workersExited = DispatchGroup()
    /// One signal per queued job, plus one per worker at stop.
    private let available = DispatchSemaphore(value: 0)
    private let state = Mutex(State())

    init(workerCount: Int, capacity: Int) {
        self.workerCount = workerCount
        self.capacity = capacity
    }

    func submit(_ job: Job) -> InferenceScheduler.SubmitResult {
        let (result, dropped): (InferenceScheduler.SubmitResult, Job?) = state.withLock { state in
            if state.stopping {
                state.rejected += 1
                return (.rejected, nil)
            }
            state.cameras[job.cameraID, default: CameraSchedulerCounters()].submitted += 1
            guard state.pending.count >= capacity else {
                state.pending.append(job)
                state.highWaterMark = max(state.highWaterMark, state.pending.count)
                return (.accepted, nil)
            }
            // The most recently served camera gives way; among its jobs, the oldest. Ties keep the
            // pending jobs' order, so with no history this is plain "drop the oldest".
            var victimIndex = 0
            for index in state.pending.indices
            where state.lastServed(state.pending[index].cameraID)
                > state.lastServed(state.pending[victimIndex].cameraID)
            {
                victimIndex = index
            }
            if state.lastServed(job.cameraID) <= state.lastServed(state.pending[victimIndex].cameraID) {
                let victim = state.pending.remove(at: victimIndex)
                state.cameras[victim.cameraID, default: CameraSchedulerCounters()].skipped += 1
                state.pending.append(job)
                return (.acceptedDroppingOldest(cameraID: victim.cameraID), victim)
            }
            state.cameras[job.cameraID, default: CameraSchedulerCounters()].skipped += 1
            return (.skippedForFairness, job)
        }
        if let dropped {
            // The queue length did not change, so there is no new signal; the dropped job's signal serves.
            dropped.onSkip?()
        } else if result == .accepted {
            available.signal()
        }
        return result
    }

    func workerLoop() {
        defer { workersExited.leave() }
        while true {
            available.wait()
            let job: Job? = state.withLock { state in
                guard !state.pending.isEmpty else { return nil }
                state.running += 1
                let job = state.pending.removeFirst()
                state.serveCount += 1
                state.served[job.cameraID] = state.serveCount
                return job
            }
            guard let job else {
                if isStopping { return }
                continue
            }
            job.work()
            state.withLock { state in
                state.running -= 1
                state.cameras[job.cameraID, default: CameraSchedulerCounters()].completed += 1
            }
        }
    }

    func beginStop() {
        let discarded: [Job]? = state.withLock { state in
            guard !state.stopping else { return nil }
            state.stopping = true
            defer { state.pending.removeAll() }
            for job in state.pending {
                state.cameras[job.cameraID, default: CameraSchedulerCounters()].skipped += 1
            }
            return state.pending
        }
        guard let discarded else { return }
        for job in discarded { job.onSkip?() }
        for _ in 0..<workerCount { available.signal() }
    }

    var isStopping: Bool { state.withLock { $0.stopping } }

    var statistics: SchedulerStatistics {
        state.withLock { state in
            SchedulerStatistics(
                workerCount: workerCount,
                capacity: capacity,
                pending: state.pending.count,
                running: state.running,
                highWaterMark: state.highWaterMark,
                rejected: state.rejected,
                cameras: state.cameras
            )
        }
    }
}
