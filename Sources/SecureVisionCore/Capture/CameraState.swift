// SPDX-License-Identifier: Apache-2.0

/// Where a camera's frame source stands.
///
/// The source starts in ``connecting``; it moves to ``online`` when frames flow and to ``offline``
/// when the stream is lost, cannot be opened or ends. Reconnect attempts while offline do not
/// publish a change, so each outage is one `offline` and one `online`.
public enum CameraState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Opening the stream for the first time.
    case connecting
    /// Decoding frames.
    case online
    /// Not delivering frames: disconnected, failing to open, stopped or at the end of a file.
    case offline
}

/// One published change of a camera's ``CameraState``, with a reason safe to store and show.
public struct CameraStateChange: Sendable, Hashable, Codable {
    /// The camera that changed.
    public var cameraID: String
    /// The state before the change.
    public var previous: CameraState
    /// The state after the change.
    public var state: CameraState
    /// Why, in words; never carries credentials.
    public var reason: String
    /// Wall-clock time of the change in milliseconds since the Unix epoch.
    public var timeMs: Int64

    /// Makes a change record.
    /// - Parameters:
    ///   - cameraID: The camera that changed.
    ///   - previous: The state before.
    ///   - state: The state after.
    ///   - reason: Why; the caller redacts credentials before passing it.
    ///   - timeMs: When, in milliseconds since the Unix epoch.
    public init(cameraID: String, previous: CameraState, state: CameraState, reason: String, timeMs: Int64) {
        self.cameraID = cameraID
        self.previous = previous
        self.state = state
        self.reason = reason
        self.timeMs = timeMs
    }
}
