// SPDX-License-Identifier: Apache-2.0

public import Logging
public import SecureVisionCore

/// What every camera's runner shares: the detectors, the inference threads, the store and the counters.
public struct PipelineContext: Sendable {
    /// The detectors and encoder.
    public var engine: any VisionEngine
    /// The inference threads shared by every camera.
    public var scheduler: InferenceScheduler
    /// Where events go; wrap it to publish them live.
    public var events: any EventRepository
    /// The cooldowns, shared by every camera and kept across restarts.
    public var cooldown: SharedCooldown
    /// The counters the API reads.
    public var counters: PipelineCounters
    /// The analysis settings.
    public var settings: PipelineConfiguration
    /// Called with every frame taken from a camera (to keep the newest one for `latest.jpg`); keep it cheap.
    public var frameObserver: (@Sendable (Frame) -> Void)?
    /// The logger.
    public var logger: Logger
    /// The wall clock in milliseconds since the Unix epoch.
    public var nowMs: @Sendable () -> Int64

    /// Makes a context.
    /// - Parameters:
    ///   - engine: The detectors and encoder.
    ///   - scheduler: The shared inference threads.
    ///   - events: Where events go.
    ///   - cooldown: The shared cooldowns.
    ///   - counters: The counters.
    ///   - settings: The analysis settings.
    ///   - frameObserver: Called with every frame taken from a camera.
    ///   - logger: The logger.
    ///   - nowMs: The wall clock.
    public init(
        engine: any VisionEngine,
        scheduler: InferenceScheduler,
        events: any EventRepository,
        cooldown: SharedCooldown,
        counters: PipelineCounters,
        settings: PipelineConfiguration,
        frameObserver: (@Sendable (Frame) -> Void)? = nil,
        logger: Logger,
        nowMs: @escaping @Sendable () -> Int64
    ) {
        self.engine = engine
        self.scheduler = scheduler
        self.events = events
        self.cooldown = cooldown
        self.counters = counters
        self.settings = settings
        self.frameObserver = frameObserver
        self.logger = logger
        self.nowMs = nowMs
    }
}
