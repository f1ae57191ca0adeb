// SPDX-License-Identifier: Apache-2.0

/// The kind of stream a camera is read from (`SECUREVISION__VIDEO__SOURCE__TYPE`).
public enum SourceType: String, Sendable, CaseIterable, Codable {
    /// A local V4L2 device such as `/dev/video0`.
    case device
    /// An RTSP or RTSPS camera.
    case rtsp
    /// An HTTP MJPEG stream (doorbells and cheap cameras).
    case httpMJPEG = "http_mjpeg"
    /// An HTTP Live Streaming playlist.
    case hls
    /// An RTMP feed.
    case rtmp
    /// A recorded file.
    case file
}

/// RTSP lower transport.
public enum RTSPTransport: String, Sendable, CaseIterable, Codable {
    case tcp, udp
}

/// A width and height in pixels.
public struct PixelSize: Sendable, Hashable, Codable, CustomStringConvertible {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    public var description: String { "\(width),\(height)" }
}

/// The `VIDEO` section: the single default camera of the earlier version and capture tuning.
public struct VideoSettings: Sendable, Equatable {
    public var sourceType: SourceType = .device
    public var sourceURL: String?
    public var detectURL: String?
    public var deviceIndex: Int = 0
    /// Accepted for compatibility; SecureVision reads every source through FFmpeg.
    public var backend: String?
    public var rtspTransport: RTSPTransport = .tcp
    public var fpsTarget: Int = 15
    public var readTimeoutSeconds: Double = 5
    public var reconnectIntervalSeconds: Double = 3
    public var reconnectMaxSeconds: Double = 30
    public var frameResize: PixelSize?
    public var rotate180 = false
    public var onvifDiscoveryEnabled = false
    /// Loop a file source at its end instead of stopping (the demo uses this).
    public var loop = false

    public init() {}
}
