// SPDX-License-Identifier: Apache-2.0

/// One camera's stream of decoded frames: the port the pipeline reads from.
///
/// A source runs on its own thread once ``start()`` is called and keeps only the newest frames
/// (see ``KeepNewestBuffer``), so a slow consumer makes it drop frames rather than use memory.
public protocol FrameSource: AnyObject, Sendable {
    /// The camera this source reads.
    var cameraID: String { get }
    /// The frames selected for analysis, newest first kept. Ends when the source stops for good.
    var frames: KeepNewestBuffer<Frame> { get }
    /// Every state change with its reason. Single consumer; ends when the source stops for good.
    var stateChanges: AsyncStream<CameraStateChange> { get }
    /// A snapshot of the counters.
    var statistics: CaptureStatistics { get }

    /// Starts reading; calling it again has no effect.
    func start()

    /// Stops reading, interrupts any blocking call, and ends ``frames`` and ``stateChanges``.
    func stop()
}
