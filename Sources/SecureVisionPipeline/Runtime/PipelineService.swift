// SPDX-License-Identifier: Apache-2.0

public import Logging
public import SecureVisionCore
public import ServiceLifecycle

/// Runs every enabled camera's supervisor over one set of inference threads, and applies new camera
/// lists while running (SIGHUP) without touching the cameras whose settings did not change.
///
/// Graceful shutdown stops every source; each runner then stores the decisions its tracks still
/// owe before ``run()`` returns, so the store must outlive this service in the `ServiceGroup`.
public struct PipelineService: Service {
    /// The cameras at start.
    public let cameras: [CameraSettings]
    /// Makes and retires sources.
    public let sources: any FrameSourceFactory
    /// The detectors and encoder.
    public let engine: any VisionEngine
    /// Where events go.
    public let events: any EventRepository
    /// The counters the API reads.
    public let counters: PipelineCounters
    /// The analysis settings.
    public let settings: PipelineConfiguration
    /// Called with every frame taken from a camera.
    public let frameObserver: (@Sendable (Frame) -> Void)?
    /// The camera list in force, for the API.
    public let directory: CameraDirectory
    private let logger: Logger
    private let nowMs: @Sendable () -> Int64
    private let reloads: AsyncStream<[CameraSettings]>
    private let reloadContinuation: AsyncStream<[CameraSettings]>.Continuation

    /// Makes the service.
    /// - Parameters:
    ///   - cameras: The cameras; disabled ones are ignored.
    ///   - sources: Makes and retires sources.
    ///   - engine: The detectors and encoder.
    ///   - events: Where events go.
    ///   - counters: The counters the API reads.
    ///   - settings: The analysis settings.
    ///   - frameObserver: Called with every frame taken from a camera.
    ///   - logger: The logger.
    ///   - nowMs: The wall clock in milliseconds.
    public init(
        cameras: [CameraSettings],
        sources: any FrameSourceFactory,
        engine: any VisionEngine,
        events: any EventRepository,
        counters: PipelineCounters,
        settings: PipelineConfiguration,
        frameObserver: (@Sendable (Frame) -> Void)? = nil,
        logger: Logger,
        nowMs: @escaping @Sendable () -> Int64
    ) {
        self.cameras = cameras
        self.sources = sources
        self.engine = engine
        self.events = events
        self.counters = counters
        self.settings = settings
        self.frameObserver = frameObserver
        self.directory = CameraDirectory(cameras)
        self.logger = logger
        self.nowMs = nowMs
        (reloads, reloadContinuation) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(1))
    }

    /// Replaces the camera list: removed and changed cameras stop, new and changed ones start.
    /// - Parameter cameras: The new list; disabled cameras are ignored.
    public func reload(_ cameras: [CameraSettings]) {
        reloadContinuation.yield(cameras)
    }

    public func run() async throws {
        let pipeline = settings.pipeline
        let scheduler = InferenceScheduler(
            workerCount: pipeline.workers > 0 ? pipeline.workers : nil,
            capacity: pipeline.queueCapacity > 0 ? pipeline.queueCapacity : nil
        )
        let context = PipelineContext(
            engine: engine,
            scheduler: scheduler,
            events: events,
            cooldown: SharedCooldown(cooldownSeconds: settings.tracking.cooldownSeconds),
            counters: counters,
            settings: settings,
            frameObserver: frameObserver,
            logger: logger,
            nowMs: nowMs
        )
        logger.info(
            "analysis started",
            metadata: ["inference_threads": "\(scheduler.workerCount)", "queue": "\(scheduler.capacity)"]
        )
        let reloads = self.reloads
        let reloadContinuation = self.reloadContinuation
        await withGracefulShutdownHandler {
            await withDiscardingTaskGroup { group in
                var running: [String: CameraSupervisor] = [:]
                func apply(_ wanted: [CameraSettings]) {
                    directory.replace(with: wanted)
                    let enabled = Dictionary(
                        wanted.filter(\.enabled).map { ($0.id, $0) },
                        uniquingKeysWith: { first, _ in first }
                    )
                    for (id, supervisor) in running where enabled[id] != supervisor.camera {
                        supervisor.retire()
                        running[id] = nil
                        if enabled[id] == nil { counters.remove(id) }
                    }
                    for (id, camera) in enabled.sorted(by: { $0.key < $1.key }) where running[id] == nil {
                        let supervisor = CameraSupervisor(camera: camera, context: context, sources: sources)
                        running[id] = supervisor
                        group.addTask { await supervisor.run() }
                    }
                }
                apply(cameras)
                for await wanted in reloads {
                    logger.notice("camera list reloaded", metadata: ["cameras": "\(wanted.filter(\.enabled).count)"])
                    apply(wanted)
                }
                // Shutdown: stop every source; each runner stores what its tracks still owe, then ends.
                for supervisor in running.values { supervisor.retire() }
            }
        } onGracefulShutdown: {
            reloadContinuation.finish()
        }
        scheduler.stop()
        logger.info("analysis stopped")
    }
}
