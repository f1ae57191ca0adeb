// SPDX-License-Identifier: Apache-2.0

internal import Logging
internal import SecureVisionCapture
internal import SecureVisionCore
internal import SecureVisionServer
internal import SecureVisionStore
internal import ServiceLifecycle
internal import UnixSignals

/// Runs the server process: every long-running part in one `ServiceGroup`, stopped gracefully by
/// SIGTERM or SIGINT.
enum ServeRunner {
    static func run(_ loaded: LoadedConfiguration, logger: Logger) async throws {
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
        let faces = FaceServiceLoader.load(configuration, gallery: store, logger: logger)
        let captureGroup = CaptureGroup()
        let latestFrames = LatestFrames()
        let cameras = CameraService(
            cameras: configuration.cameras,
            video: configuration.video,
            group: captureGroup,
            latestFrames: latestFrames,
            events: events,
            logger: logger
        )
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
                faces: faces,
                cameras: captureGroup,
                latestFrames: latestFrames,
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

        // Dependencies first, HTTP last: the group stops services in reverse order.
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [
                    .init(service: retention),
                    .init(service: cameras),
                    .init(service: http),
                ],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger
            )
        )
        try await group.run()
        logger.notice("SecureVision stopped")
    }
}
