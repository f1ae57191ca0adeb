// SPDX-License-Identifier: Apache-2.0

/// A snapshot of one camera's capture counters, for the API and metrics.
public struct CaptureStatistics: Sendable, Hashable, Codable {
    /// The camera these numbers belong to.
    public var cameraID: String
    /// The camera's current state.
    public var state: CameraState = .connecting
    /// Frames the decoder produced since the source started.
    public var framesDecoded: UInt64 = 0
    /// Frames scaled and handed to analysis (the `fpsTarget` selection).
    public var framesAnalysed: UInt64 = 0
    /// Frames handed over but replaced before the consumer took them (a slow consumer).
    public var framesDropped: UInt64 = 0
    /// Packets flagged corrupt and packets or frames the decoder rejected; all were skipped.
    public var decodeErrors: UInt64 = 0
    /// Reconnect attempts after the stream was lost or failed to open.
    public var reconnects: UInt64 = 0
    /// Decoded frames per second over the last few seconds.
    public var currentFPS: Double = 0
    /// The decoded size, once known.
    public var resolution: PixelSize?
    /// The stream's nominal frame rate, when it declares one.
    public var streamFPS: Double?
    /// The codec's short name (`h264`, `hevc`, `mjpeg`), once known.
    public var codec: String?
    /// Wall-clock time of the last decoded frame in milliseconds since the Unix epoch.
    public var lastFrameTimeMs: Int64?
    /// The last failure, redacted; `nil` while healthy.
    public var lastError: String?

    /// Makes empty statistics for a camera.
    /// - Parameter cameraID: The camera's id.
    public init(cameraID: String) {
        self.cameraID = cameraID
    }
}
