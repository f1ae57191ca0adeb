// SPDX-License-Identifier: Apache-2.0

internal import Foundation
internal import Logging
internal import SecureVisionCapture
internal import SecureVisionCore
public import ServiceLifecycle

/// Runs every enabled camera, turns their state changes into `camera_offline` / `camera_online`
/// events, and keeps each camera's newest frame.
///
/// Each camera decodes on its own thread (``CaptureGroup``); one camera failing never affects the
/// others or the process. Until the analysis pipeline takes the frames, this service only keeps the
/// newest one for `latest.jpg`.
public struct CameraService: Service {
    let cameras: [CameraSettings]
    let video: VideoSettings
    let group: CaptureGroup
    let latestFrames: LatestFrames
    let events: any EventRepository
    let logger: Logger

    init(
        cameras: [CameraSettings],
        video: VideoSettings,
        group: CaptureGroup,
        latestFrames: LatestFrames,
        events: any EventRepository,
        logger: Logger
    ) {
        self.cameras = cameras.filter(\.enabled)
        self.video = video
        self.group = group
        self.latestFrames = latestFrames
        self.events = events
        self.logger = logger
    }

    public func run() async throws {
        let logger = self.logger
        // FFmpeg's own lines are diagnostics (already redacted); the state changes below say what matters.
        CaptureLog.setHandler(level: .warning) { _, line in
            logger.debug("ffmpeg: \(line)")
        }
        var started: [CameraCapture] = []
        for camera in cameras {
            do {
                let capture = try CameraCapture(configuration: CaptureConfiguration(camera: camera, video: video))
                group.start(capture)
                started.append(capture)
            } catch {
                logger.error("camera not started", metadata: ["camera": "\(camera.id)", "error": "\(error)"])
                await record(
                    CameraStateChange(
                        cameraID: camera.id,
                        previous: .connecting,
                        state: .offline,
                        reason: "\(error)",
                        timeMs: currentTimeMs()
                    )
                )
            }
        }
        await withGracefulShutdownHandler {
            await withDiscardingTaskGroup { group in
                for capture in started {
                    group.addTask { await watch(capture) }
                }
            }
        } onGracefulShutdown: { [group] in
            // Stopping ends each camera's frame and state streams, which ends the watchers above.
            group.stopAll()
        }
        CaptureLog.setHandler(nil)
    }

    /// Follows one camera until it stops: its state changes become events, its frames the newest frame.
    private func watch(_ capture: CameraCapture) async {
        await withDiscardingTaskGroup { group in
            group.addTask {
                for await change in capture.stateChanges {
                    await record(change)
                }
            }
            group.addTask {
                for await frame in capture.frames {
                    await latestFrames.update(frame)
                }
            }
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
        // Our own shutdown stops every camera; that is not an outage.
        if change.state == .offline && Task.isShuttingDownGracefully { return }
        let level: Logger.Level = change.state == .offline ? .warning : .notice
        logger.log(
            level: level,
            "camera \(change.state.rawValue)",
            metadata: ["camera": "\(change.cameraID)", "reason": "\(change.reason)"]
        )
        do {
            _ = try await events.append(
                NewEvent(
                    type: type,
                    timestampMs: change.timeMs,
                    cameraID: change.cameraID,
                    payload: ["reason": .string(change.reason), "previous_state": .string(change.previous.rawValue)]
                )
            )
        } catch {
            logger.error("camera event not stored", metadata: ["camera": "\(change.cameraID)", "error": "\(error)"])
        }
    }
}
