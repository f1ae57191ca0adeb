// SPDX-License-Identifier: Apache-2.0

public import SecureVisionCore

/// How one camera source is opened, paced and kept alive.
///
/// Usually made from the configuration with ``init(camera:video:)``; tests and tools set fields
/// directly.
public struct CaptureConfiguration: Sendable, Equatable {
    /// Which decoded frames become analysis frames.
    public enum AnalysisRate: Sendable, Equatable {
        /// Every decoded frame.
        case everyFrame
        /// At most this many frames per second of stream time (`fpsTarget`).
        case perSecond(Double)
        /// None: decode only (probe and benchmark).
        case none
    }

    /// The camera id put on every frame.
    public var cameraID: String
    /// The kind of source.
    public var sourceType: SourceType
    /// The URL or path to read; for ``SourceType/device`` the device path (`/dev/video0`).
    public var url: String
    /// RTSP lower transport.
    public var rtspTransport: RTSPTransport = .tcp
    /// Which frames are scaled and handed over.
    public var analysisRate: AnalysisRate = .perSecond(15)
    /// The BGR analysis size; `nil` keeps the decoded size.
    public var analysisSize: PixelSize?
    /// The height of the grey motion image; 0 makes none.
    public var motionHeight = 180
    /// Whether a file restarts at its end instead of stopping.
    public var loop = false
    /// Turn analysed frames by 180 degrees, for cameras mounted upside down.
    public var rotate180 = false
    /// Whether a file is paced to its timestamps like a live camera (else decoded as fast as possible).
    public var realtime = true
    /// The longest an open or a read may block before the source counts as lost.
    public var readTimeoutSeconds: Double = 5
    /// The first reconnect delay.
    public var reconnectIntervalSeconds: Double = 3
    /// The longest reconnect delay.
    public var reconnectMaxSeconds: Double = 30
    /// Whether to stop instead of retrying when the first open fails (the probe does).
    public var stopOnFirstFailure = false
    /// libavcodec threads; 0 lets FFmpeg choose by core count.
    public var decoderThreads = 2
    /// How many frames the keep-newest hand-over holds (1 or 2 is right for live analysis).
    public var bufferCapacity = 2

    /// Makes a configuration for a source with the defaults above.
    /// - Parameters:
    ///   - cameraID: The camera id.
    ///   - sourceType: The kind of source.
    ///   - url: The URL, file path or device path.
    public init(cameraID: String, sourceType: SourceType, url: String) {
        self.cameraID = cameraID
        self.sourceType = sourceType
        self.url = url
    }

    /// Makes the configuration of a configured camera.
    ///
    /// Uses the camera's `detectURL` (the lower-resolution substream) when it has one.
    /// - Parameters:
    ///   - camera: The camera.
    ///   - video: The `VIDEO` section, for timeouts, backoff and the analysis size.
    /// - Throws: ``CaptureError`` with code ``CaptureError/Code/invalidSource`` when a network or
    ///   file camera has no URL or a device index is negative.
    public init(camera: CameraSettings, video: VideoSettings) throws {
        let url: String
        switch camera.sourceType {
        case .device:
            guard camera.deviceIndex >= 0 else {
                throw CaptureError(
                    .invalidSource,
                    "camera \(camera.id): device index \(camera.deviceIndex) is negative"
                )
            }
            url = "/dev/video\(camera.deviceIndex)"
        default:
            guard let chosen = camera.detectURL ?? camera.url, !chosen.isEmpty else {
                throw CaptureError(
                    .invalidSource,
                    "camera \(camera.id): no url for a \(camera.sourceType.rawValue) source"
                )
            }
            url = chosen
        }
        self.init(cameraID: camera.id, sourceType: camera.sourceType, url: url)
        rtspTransport = camera.rtspTransport
        analysisRate = camera.fpsTarget > 0 ? .perSecond(Double(camera.fpsTarget)) : .everyFrame
        analysisSize = video.frameResize
        loop = camera.loop
        rotate180 = video.rotate180
        readTimeoutSeconds = video.readTimeoutSeconds
        reconnectIntervalSeconds = video.reconnectIntervalSeconds
        reconnectMaxSeconds = video.reconnectMaxSeconds
    }

    /// Whether the source is a stream that reconnects, as opposed to a file that ends.
    public var isLive: Bool { sourceType != .file }
}
