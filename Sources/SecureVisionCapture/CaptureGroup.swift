// SPDX-License-Identifier: Apache-2.0

public import SecureVisionCore
internal import Synchronization

/// The running cameras of one process, by id: starts and stops them and reports their statistics.
///
/// Each camera runs on its own thread with its own FFmpeg state, so one camera failing, hanging
/// on a read or reconnecting never delays another.
public final class CaptureGroup: CameraStatusProvider {
    private let captures = Mutex<[String: CameraCapture]>([:])

    /// Makes an empty group.
    public init() {}

    /// Adds a camera and starts it; a camera with the same id is stopped and replaced.
    /// - Parameter capture: The source to run.
    public func start(_ capture: CameraCapture) {
        let replaced = captures.withLock { $0.updateValue(capture, forKey: capture.cameraID) }
        replaced?.stop()
        capture.start()
    }

    /// Stops and removes one camera.
    /// - Parameter cameraID: The camera's id.
    public func stop(cameraID: String) {
        captures.withLock { $0.removeValue(forKey: cameraID) }?.stop()
    }

    /// Stops and removes every camera.
    public func stopAll() {
        let all = captures.withLock { captures in
            defer { captures.removeAll() }
            return Array(captures.values)
        }
        for capture in all { capture.stop() }
    }

    /// The source of one camera.
    /// - Parameter cameraID: The camera's id.
    /// - Returns: Its source, or `nil` when it does not run here.
    public func capture(for cameraID: String) -> CameraCapture? {
        captures.withLock { $0[cameraID] }
    }

    public func allCameraStatistics() -> [CaptureStatistics] {
        captures.withLock { Array($0.values) }.map(\.statistics).sorted { $0.cameraID < $1.cameraID }
    }

    public func statistics(for cameraID: String) -> CaptureStatistics? {
        capture(for: cameraID)?.statistics
    }
}
