// SPDX-License-Identifier: Apache-2.0

/// Reads the capture state and counters of the running cameras (for `GET /cameras` and metrics).
///
/// Implementations are thread-safe and cheap to call: they return copies of small values.
public protocol CameraStatusProvider: Sendable {
    /// The statistics of every camera, ordered by camera id.
    func allCameraStatistics() -> [CaptureStatistics]

    /// The statistics of one camera.
    /// - Parameter cameraID: The camera's id.
    /// - Returns: Its statistics, or `nil` when no such camera runs.
    func statistics(for cameraID: String) -> CaptureStatistics?
}
