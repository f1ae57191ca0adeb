// SPDX-License-Identifier: Apache-2.0

internal import Logging
internal import SecureVisionCapture
internal import SecureVisionCore
internal import SecureVisionDetection
internal import SecureVisionPipeline
internal import SecureVisionServer
internal import SecureVisionStore
internal import ServiceLifecycle
internal import UnixSignals

/// Runs the server process: every long-running part in one `ServiceGroup`, stopped gracefully by
/// SIGTERM or SIGINT.
enum ServeRunner {
    /// - Parameters:
    ///   - loaded: The configuration.
    ///   - reload: Loads the configuration again, for SIGHUP.
    ///   - logger: The logger.
    /// - Throws: A store or server startup error.
    static func run(
        _ loaded: LoadedConfiguration,
        reload: @escaping @Sendable () throws -> LoadedConfiguration,
        logger: Logger
    ) async throws {
        let configuration = loaded.configuration
        for setting in loaded.effectiveSettings where setting.origin != .defaultValue {
            logger.debug("configuration", metadata: ["setting": "\(setting)"])
        }
        let store = try StoreOpener.open(configuration)
        // Every appended event reaches live subscribers once it is committed.
        let broadcaster = EventBroadcaster()
        let events = PublishingEventRepository(base: store, broadcaster: broadcaster)
        DataDirectoryCheck.warnIfShared(configuration.dataDirectory, logger: logger)
        let startedAt = currentTimeMs()

        let retention = RetentionService(
            repository: store,
            policy: RetentionPolicy(
                maxAgeDays: configuration.events.retentionDays,
                maxBytes: Int64(configuration.events.maxDiskMB) * 1_048_576
            ),
            interval: .seconds(configuration.events.retentionIntervalSeconds),
            logger: logger,
            nowMs: currentTimeMs
        )

        let dataDirectory = configuration.dataDirectory
        let captureGroup = CaptureGroup()
        let latestFrames = LatestFrames()
        let counters = PipelineCounters()
        let detectors = await VisionEngineLoader.load(configuration, store: store, logger: logger)
        let engine = detectors.engine
        // Without models the cameras still run (status, latest frame), with no detectors.
        let prepareCameras: @Sendable ([CameraSettings]) -> [CameraSettings] = { cameras in
            engine == nil ? cameras.map { camera in camera.withoutDetectors } : cameras
        }
        let pipeline = PipelineService(
            cameras: prepareCameras(configuration.cameras),
            sources: CaptureSourceFactory(group: captureGroup, video: configuration.video),
            engine: engine ?? UnavailableVisionEngine(),
            events: events,
            counters: counters,
            settings: PipelineConfiguration(configuration),
            frameObserver: { frame in latestFrames.update(frame) },
            logger: logger,
            nowMs: currentTimeMs
        )
        let reloader = ReloadService(
            pipeline: pipeline,
            loadCameras: { prepareCameras(try reload().configuration.cameras) },
            logger: logger
        )
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = [.init(service: retention)]
        if let engine {
            let watchlists = WatchlistService(
                engine: engine,
                gallery: store,
                lists: store,
                face: configuration.face,
                plates: configuration.plates,
                interval: .seconds(2),
                logger: logger
            )
            services.append(.init(service: watchlists))
        }
        services += [.init(service: pipeline), .init(service: reloader)]

        let scheme = configuration.api.tlsCertPath == nil ? "http" : "https"
        let http = try buildApplication(
            settings: ServerSettings(configuration),
            dependencies: ServerDependencies(
                events: events,
                tokens: store,
                audit: store,
                plates: store,
                gallery: store,
                broadcaster: broadcaster,
                faces: detectors.faces,
                cameras: captureGroup,
                latestFrames: latestFrames,
                pipelines: counters,
                cameraList: pipeline.directory,
                nowMs: currentTimeMs,
                startedAtMs: startedAt
            ),
            logger: logger
        ) { host, port in
            let shownHost = host.contains(":") ? "[\(host)]" : host
            logger.notice(
                "SecureVision \(SecureVisionVersion.current) listening on \(scheme)://\(shownHost):\(port)",
                metadata: ["data_dir": "\(dataDirectory)", "auth": "\(configuration.api.authEnabled)"]
            )
        }
        services.append(.init(service: http))

        // Dependencies first, HTTP last: the group stops services in reverse order, so the pipeline
        // stores what its tracks still owe while the store is open.
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: services,
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger
            )
        )
        try await group.run()
        logger.notice("SecureVision stopped")
    }
}
