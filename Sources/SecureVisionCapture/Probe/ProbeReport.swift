// SPDX-License-Identifier: Apache-2.0

/// What `securevision probe` found about a source.
public struct ProbeReport: Sendable, Equatable, Codable {
    /// The codec's short name (`h264`, `hevc`, `mjpeg`).
    public var codec: String
    /// Decoded width in pixels.
    public var width: Int
    /// Decoded height in pixels.
    public var height: Int
    /// The frame rate the stream declares, when it declares one.
    public var streamFPS: Double?
    /// Frames decoded during the probe.
    public var frames: UInt64
    /// Frames decoded per second of probe time.
    public var decodeFPS: Double
    /// Frames handed over but not taken (a probe takes none, so this counts only real drops).
    public var dropped: UInt64
    /// Packets and frames skipped as corrupt or undecodable.
    public var decodeErrors: UInt64
    /// Reconnects during the probe.
    public var reconnects: UInt64
    /// Wall-clock seconds the probe decoded for.
    public var seconds: Double

    enum CodingKeys: String, CodingKey {
        case codec, width, height, frames, dropped, reconnects, seconds
        case streamFPS = "stream_fps"
        case decodeFPS = "decode_fps"
        case decodeErrors = "decode_errors"
    }

    /// Makes a report.
    /// - Parameters:
    ///   - codec: The codec's short name.
    ///   - width: Decoded width.
    ///   - height: Decoded height.
    ///   - streamFPS: The declared frame rate.
    ///   - frames: Frames decoded.
    ///   - decodeFPS: Frames decoded per second.
    ///   - dropped: Frames dropped.
    ///   - decodeErrors: Packets and frames skipped.
    ///   - reconnects: Reconnects.
    ///   - seconds: Probe duration.
    public init(
        codec: String,
        width: Int,
        height: Int,
        streamFPS: Double?,
        frames: UInt64,
        decodeFPS: Double,
        dropped: UInt64,
        decodeErrors: UInt64,
        reconnects: UInt64,
        seconds: Double
    ) {
        self.codec = codec
        self.width = width
        self.height = height
        self.streamFPS = streamFPS
        self.frames = frames
        self.decodeFPS = decodeFPS
        self.dropped = dropped
        self.decodeErrors = decodeErrors
        self.reconnects = reconnects
        self.seconds = seconds
    }
}
