// SPDX-License-Identifier: Apache-2.0

internal import SecureVisionCore

/// What a camera's capture thread and its owner share; every member is thread-safe.
final class CaptureShared: Sendable {
    let cameraID: String
    let frames: KeepNewestBuffer<Frame>
    let recorder: StatisticsRecorder
    let stop = StopSignal()
    let interrupt: InterruptHandle
    let stateContinuation: AsyncStream<CameraStateChange>.Continuation

    init(
        cameraID: String,
        frames: KeepNewestBuffer<Frame>,
        interrupt: InterruptHandle,
        stateContinuation: AsyncStream<CameraStateChange>.Continuation
    ) {
        self.cameraID = cameraID
        self.frames = frames
        self.recorder = StatisticsRecorder(cameraID: cameraID)
        self.interrupt = interrupt
        self.stateContinuation = stateContinuation
    }

    /// Moves to `state` and publishes the change; staying in the same state publishes nothing.
    /// - Parameters:
    ///   - state: The new state.
    ///   - reason: Why; redacted again here in case a caller passed a raw URL.
    func transition(to state: CameraState, reason: String) {
        let previous = recorder.setState(state)
        guard previous != state else { return }
        stateContinuation.yield(
            CameraStateChange(
                cameraID: cameraID,
                previous: previous,
                state: state,
                reason: Redaction.redactingCredentials(in: reason),
                timeMs: MediaClock.wallClockMs()
            )
        )
    }

    /// Ends the frame and state sequences; the source is done.
    func finish() {
        frames.finish()
        stateContinuation.finish()
    }
}
