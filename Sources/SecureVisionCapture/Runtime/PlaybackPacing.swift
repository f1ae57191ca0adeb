// SPDX-License-Identifier: Apache-2.0

/// Presentation times that keep rising across file loops, and real-time pacing of file playback.
struct PlaybackPacing {
    private var origin: (wall: Double, media: Double)?
    private var loopOffset = 0.0
    private var pendingLoopBase: Double?
    private var lastPresentation: Double?
    private var lastStep = 1.0 / 30

    /// Starts a new connection: pacing restarts from the next frame.
    mutating func startSession() {
        origin = nil
    }

    /// The file is about to be read again from its start; times continue after the last frame.
    mutating func prepareLoop() {
        if let lastPresentation { pendingLoopBase = lastPresentation + lastStep }
    }

    /// Maps a stream time to a presentation time that never goes back across loops.
    mutating func presentationTime(streamSeconds: Double) -> Double {
        if let base = pendingLoopBase {
            loopOffset = base - streamSeconds
            pendingLoopBase = nil
        }
        let time = streamSeconds + loopOffset
        if let last = lastPresentation, time > last { lastStep = min(1, time - last) }
        lastPresentation = time
        return time
    }

    /// How long to wait before the frame at `presentation` is due in real time.
    ///
    /// The first frame of a session sets the origin; falling more than a second behind resets it
    /// rather than racing to catch up.
    mutating func delay(presentation: Double, now: Double) -> Double {
        guard let origin else {
            self.origin = (now, presentation)
            return 0
        }
        let due = origin.wall + (presentation - origin.media)
        if now - due > 1 || due - now > 5 {
            self.origin = (now, presentation)
            return 0
        }
        return due - now
    }
}
