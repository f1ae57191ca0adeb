// SPDX-License-Identifier: Apache-2.0

internal import Logging
public import SecureVisionCore
internal import Synchronization

/// Keeps one camera running: opens its source, turns its state changes into `camera_offline` /
/// `camera_online` events, and restarts its analysis with backoff when it fails.
///
/// The source reconnects by itself; the supervisor restarts only the analysis, so a failing detector
/// never tears down the capture, the other cameras or the process. It returns when the source ends:
/// retired by the service, or a file that does not loop reached its end.
public final class CameraSupervisor: Sendable {
    /// The camera.
    public let camera: CameraSettings
    /// The shared parts.
    public let context: PipelineContext
    /// Makes and retires sources.
    public let sources: any FrameSourceFactory
    /// The first and the longest wait before a restart.
    public let restartBackoff: (initial: Duration, maximum: Duration)
    private let retiring = Mutex(false)

    /// Makes a supervisor.
    /// - Parameters:
    ///   - camera: The camera.
    ///   - context: The shared parts.
    ///   - sources: Makes and retires sources.
    ///   - restartBackoff: The first and the longest wait before restarting a failed analysis.
    public init(
        camera: CameraSettings,
        context: PipelineContext,
        sources: any FrameSourceFactory,
        restartBackoff: (initial: Duration, maximum: Duration) = (.seconds(1), .seconds(30))
    ) {
        self.camera = camera
        self.context = context
        self.sources = sources
        self.restartBackoff = restartBackoff
    }

    /// Runs the camera until its source ends.
    public func run() async {
        let source: any FrameSource
        do {
            source = try sources.makeSource(for: camera)
        } catch {
            context.logger.error("camera not started", metadata: ["camera": "\(camera.id)", "error": "\(error)"])
            await record(
                CameraStateChange(
                    cameraID: camera.id,
                    previous: .connecting,
                    state: .offline,
                    reason: "\(error)",
                    timeMs: context.nowMs()
                )
            )
            return
        }
        source.start()
        await withDiscardingTaskGroup { group in
            group.addTask {
                for await change in source.stateChanges { await self.record(change) }
            }
            group.addTask { await self.analyse(source) }
        }
    }

    /// Marks the camera as stopped on purpose (a reload or shutdown), so its going offline is no event,
    /// then stops its source, which ends ``run()``.
    public func retire() {
        retiring.withLock { $0 = true }
        sources.retireSource(cameraID: camera.id)
    }

    private func analyse(_ source: any FrameSource) async {
        var delay = restartBackoff.initial
        while true {
            do {
                try await CameraRunner(camera: camera, source: source, context: context).run()
                return
            } catch {
                if source.frames.isFinished { return }
                context.counters.update(camera.id) { $0.restarts += 1 }
                context.logger.error(
                    "camera analysis failed; restarting",
                    metadata: ["camera": "\(camera.id)", "error": "\(error)", "retry_in": "\(delay)"]
                )
                await pause(delay, unlessFinished: source)
                if source.frames.isFinished { return }
                delay = min(delay * 2, restartBackoff.maximum)
            }
        }
    }

    /// Sleeps in short steps so a camera retired during the backoff stops at once.
    private func pause(_ delay: Duration, unlessFinished source: any FrameSource) async {
        let deadline = ContinuousClock.now + delay
        while ContinuousClock.now < deadline, !source.frames.isFinished {
            try? await Task.sleep(for: min(.milliseconds(200), deadline - ContinuousClock.now))
        }
    }

    /// Stores a change that crosses online/offline as an event; `connecting` is not an event.
    private func record(_ change: CameraStateChange) async {
        let type: EventType
        switch change.state {
        case .offline: type = .cameraOffline
        case .online: type = .cameraOnline
        case .connecting: return
        }
        // A camera we stopped ourselves (reload, shutdown) is not an outage.
        if change.state == .offline, retiring.withLock({ $0 }) { return }
        let level: Logger.Level = change.state == .offline ? .warning : .notice
        context.logger.log(
            level: level,
            "camera \(change.state.rawValue)",
            metadata: ["camera": "\(change.cameraID)", "reason": "\(change.reason)"]
        )
        do {
            _ = try await context.events.append(
                NewEvent(
                    type: type,
                    timestampMs: change.timeMs,
                    cameraID: change.cameraID,
                    payload: ["reason": .string(change.reason), "previous_state": .string(change.previous.rawValue)]
                )
            )
        } catch {
            context.counters.update(camera.id) { $0.eventsFailed += 1 }
            context.logger.error(
                "camera event not stored",
                metadata: ["camera": "\(change.cameraID)", "error": "\(error)"]
            )
        }
    }
}
