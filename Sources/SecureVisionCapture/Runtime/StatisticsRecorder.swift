// SPDX-License-Identifier: Apache-2.0

internal import SecureVisionCore
internal import Synchronization

/// The thread-safe counters of one camera: written by its capture thread, read by anyone.
final class StatisticsRecorder: Sendable {
    private struct State {
        var statistics: CaptureStatistics
        var windowStart: Double?
        var windowFrames = 0
        var error: CaptureError?
    }

    private let state: Mutex<State>

    init(cameraID: String) {
        state = Mutex(State(statistics: CaptureStatistics(cameraID: cameraID)))
    }

    /// A copy of the current statistics.
    var snapshot: CaptureStatistics { state.withLock { $0.statistics } }

    /// Applies a change to the statistics.
    func update(_ body: (inout CaptureStatistics) -> Void) {
        state.withLock { body(&$0.statistics) }
    }

    /// Counts a decoded frame and refreshes the frame rate over a window of about two seconds.
    /// - Parameters:
    ///   - monotonicSeconds: Now, on a monotonic clock.
    ///   - wallClockMs: Now, in milliseconds since the Unix epoch.
    ///   - size: The decoded size.
    func recordDecodedFrame(monotonicSeconds: Double, wallClockMs: Int64, size: PixelSize) {
        state.withLock { state in
            state.statistics.framesDecoded += 1
            state.statistics.lastFrameTimeMs = wallClockMs
            if state.statistics.resolution != size { state.statistics.resolution = size }
            guard let start = state.windowStart else {
                state.windowStart = monotonicSeconds
                state.windowFrames = 0
                return
            }
            state.windowFrames += 1
            let elapsed = monotonicSeconds - start
            if elapsed >= 2 {
                state.statistics.currentFPS = Double(state.windowFrames) / elapsed
                state.windowStart = monotonicSeconds
                state.windowFrames = 0
            } else if state.statistics.currentFPS == 0, elapsed >= 0.5 {
                state.statistics.currentFPS = Double(state.windowFrames) / elapsed
            }
        }
    }

    /// The last failure, kept whole for callers that switch on its code.
    var lastError: CaptureError? { state.withLock { $0.error } }

    /// Records a failure; its redacted text becomes `lastError` in the statistics.
    func recordError(_ error: CaptureError?) {
        state.withLock { state in
            state.error = error
            state.statistics.lastError = error?.description
        }
    }

    /// Sets the state and returns the previous one.
    func setState(_ new: CameraState) -> CameraState {
        state.withLock { state in
            let previous = state.statistics.state
            state.statistics.state = new
            if new != .online {
                state.statistics.currentFPS = 0
                state.windowStart = nil
            }
            return previous
        }
    }
}
