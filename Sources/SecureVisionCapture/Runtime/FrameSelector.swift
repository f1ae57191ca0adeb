// SPDX-License-Identifier: Apache-2.0

/// Picks which decoded frames are analysed, to hold `fpsTarget` against the stream's own rate.
///
/// Works on a media clock in seconds: stream time for files, monotonic wall time for live
/// sources (whose timestamps may jump on reconnect). A jump backwards or of more than a second
/// forwards restarts the schedule.
struct FrameSelector {
    private let interval: Double?
    private let analysesNothing: Bool
    private var nextDue: Double?

    init(rate: CaptureConfiguration.AnalysisRate) {
        switch rate {
        case .everyFrame:
            interval = nil
            analysesNothing = false
        case .perSecond(let fps):
            interval = fps > 0 ? 1 / fps : nil
            analysesNothing = false
        case .none:
            interval = nil
            analysesNothing = true
        }
    }

    /// Whether the frame at media time `time` is analysed; advances the schedule when it is.
    mutating func shouldAnalyse(at time: Double) -> Bool {
        if analysesNothing { return false }
        guard let interval else { return true }
        guard let due = nextDue, time >= due - interval - 1e-3, time < due + 1 else {
            nextDue = time + interval
            return true
        }
        // A small tolerance absorbs rounding of stream timestamps (30 fps in a 1/90000 time base).
        guard time >= due - min(0.002, interval / 4) else { return false }
        nextDue = max(due + interval, time)
        return true
    }

    /// Forgets the schedule (after a reconnect or a loop).
    mutating func reset() {
        nextDue = nil
    }

    /// Whether the decoder may skip non-reference frames: analysis wants well under half the stream.
    func allowsSkippingNonReference(streamFPS: Double?) -> Bool {
        if analysesNothing { return false }
        guard let interval, let streamFPS, streamFPS > 0 else { return false }
        return 1 / interval <= streamFPS / 3
    }
}
