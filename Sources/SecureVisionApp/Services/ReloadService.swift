// SPDX-License-Identifier: Apache-2.0

internal import Logging
internal import SecureVisionCore
internal import SecureVisionPipeline
public import ServiceLifecycle
internal import UnixSignals

/// Reloads the camera list on SIGHUP: cameras whose settings changed restart, the others keep running.
///
/// A configuration that no longer validates is reported and ignored, so a typo never stops the cameras.
public struct ReloadService: Service {
    let pipeline: PipelineService
    let loadCameras: @Sendable () throws -> [CameraSettings]
    let logger: Logger

    public func run() async throws {
        let hangups = await UnixSignalsSequence(trapping: .sighup)
        for await _ in hangups.cancelOnGracefulShutdown() {
            do {
                pipeline.reload(try loadCameras())
            } catch {
                logger.error("configuration not reloaded; the cameras keep running", metadata: ["error": "\(error)"])
            }
        }
    }
}
