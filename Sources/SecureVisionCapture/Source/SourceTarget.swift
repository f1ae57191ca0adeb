// SPDX-License-Identifier: Apache-2.0

internal import SecureVisionCore

/// What `avformat_open_input` is given for a configuration: URL, demuxer and options.
struct SourceTarget: Sendable {
    let url: String
    /// The demuxer to force, or `nil` to probe.
    let formatName: String?
    let options: [(String, String)]
    let openTimeoutSeconds: Double
    let readTimeoutSeconds: Double
    /// The location with credentials removed, for messages.
    let redactedLocation: String

    /// Picks the demuxer and options for the source kind.
    ///
    /// Network sources open with `analyzeduration=0` and a small `probesize` (about 20 ms to open
    /// RTSP instead of 750 ms), a socket `timeout` and `rw_timeout` in microseconds as a second
    /// bound beside the interrupt callback, and RTSP over TCP unless UDP is configured.
    init(_ configuration: CaptureConfiguration) {
        url = configuration.url
        redactedLocation = Redaction.redactingCredentials(in: configuration.url)
        readTimeoutSeconds = configuration.readTimeoutSeconds
        openTimeoutSeconds = configuration.readTimeoutSeconds
        let timeoutMicroseconds = String(Int64(configuration.readTimeoutSeconds * 1_000_000))
        var options: [(String, String)] = []
        var formatName: String?
        switch configuration.sourceType {
        case .rtsp:
            options += [
                ("rtsp_transport", configuration.rtspTransport.rawValue),
                ("timeout", timeoutMicroseconds),
                ("analyzeduration", "0"),
                ("probesize", "32768"),
                ("fflags", "nobuffer"),
            ]
        case .httpMJPEG:
            formatName = configuration.url.hasSuffix(".m3u8") ? nil : "mpjpeg"
            options += [("rw_timeout", timeoutMicroseconds), ("analyzeduration", "0"), ("probesize", "32768")]
        case .hls:
            options += [("rw_timeout", timeoutMicroseconds)]
        case .rtmp:
            options += [("rw_timeout", timeoutMicroseconds), ("analyzeduration", "0"), ("probesize", "65536")]
        case .device:
            formatName = "video4linux2"
        case .file:
            break
        }
        self.formatName = formatName
        self.options = options
    }
}
