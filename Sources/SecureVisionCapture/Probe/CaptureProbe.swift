// SPDX-License-Identifier: Apache-2.0

public import SecureVisionCore

/// Opens one source through the capture path and measures it (`securevision probe`).
public enum CaptureProbe {
    /// Guesses the source kind from a URL or path.
    /// - Parameter url: A URL (`rtsp://`, `rtsps://`, `http(s)://`, `rtmp://`), a `/dev/videoN` path or a file path.
    /// - Returns: The kind of source.
    public static func sourceType(for url: String) -> SourceType {
        let lower = url.lowercased()
        if lower.hasPrefix("rtsp://") || lower.hasPrefix("rtsps://") { return .rtsp }
        if lower.hasPrefix("rtmp://") || lower.hasPrefix("rtmps://") { return .rtmp }
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") {
            return lower.contains(".m3u8") ? .hls : .httpMJPEG
        }
        if lower.hasPrefix("/dev/video") { return .device }
        return .file
    }

    /// Decodes a source for up to `duration` seconds and reports what it saw.
    ///
    /// A file is decoded as fast as possible unless `realtime` is set, and the probe ends at its
    /// end; a live source is read for `duration` seconds (10 when `nil`) and reconnected on loss.
    /// - Parameters:
    ///   - url: The source: URL, file path or `/dev/videoN`.
    ///   - duration: The longest the probe runs, in seconds; `nil` means to the end of a file, 10 s live.
    ///   - threads: libavcodec threads; 0 lets FFmpeg choose.
    ///   - realtime: Pace a file to its timestamps.
    ///   - readTimeoutSeconds: The open and read timeout.
    /// - Returns: The report.
    /// - Throws: ``CaptureError`` when the source cannot be opened or decodes no frame.
    public static func run(
        url: String,
        duration: Double? = nil,
        threads: Int = 2,
        realtime: Bool = false,
        readTimeoutSeconds: Double = 5
    ) async throws -> ProbeReport {
        var configuration = CaptureConfiguration(cameraID: "probe", sourceType: sourceType(for: url), url: url)
        configuration.analysisRate = .none
        configuration.realtime = realtime
        configuration.decoderThreads = threads
        configuration.stopOnFirstFailure = true
        configuration.readTimeoutSeconds = readTimeoutSeconds
        configuration.reconnectIntervalSeconds = 1
        configuration.reconnectMaxSeconds = 5
        let capture = try CameraCapture(configuration: configuration)
        let limit = duration ?? (configuration.isLive ? 10 : .infinity)
        let start = MediaClock.monotonicSeconds()
        capture.start()
        // Also stops the thread when the caller's task is cancelled during the wait.
        defer { capture.stop() }
        if limit.isFinite {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { for await _ in capture.stateChanges {} }
                group.addTask { try await Task.sleep(for: .seconds(limit)) }
                _ = try await group.next()
                group.cancelAll()
            }
        } else {
            for await _ in capture.stateChanges {}
        }
        capture.stop()
        let seconds = max(1e-6, MediaClock.monotonicSeconds() - start)
        let statistics = capture.statistics
        guard statistics.framesDecoded > 0, let size = statistics.resolution else {
            throw capture.lastError ?? CaptureError(.undecodable, "\(redacted(url)): no frame decoded")
        }
        return ProbeReport(
            codec: statistics.codec ?? "unknown",
            width: size.width,
            height: size.height,
            streamFPS: statistics.streamFPS,
            frames: statistics.framesDecoded,
            decodeFPS: Double(statistics.framesDecoded) / seconds,
            dropped: statistics.framesDropped,
            decodeErrors: statistics.decodeErrors,
            reconnects: statistics.reconnects,
            seconds: seconds
        )
    }

    private static func redacted(_ url: String) -> String { Redaction.redactingCredentials(in: url) }
}
