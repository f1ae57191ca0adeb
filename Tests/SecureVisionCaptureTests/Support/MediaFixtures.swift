// SPDX-License-Identifier: Apache-2.0

import Foundation

/// Test media made with the ffmpeg CLI into one temporary directory, once per test run.
enum MediaFixtures {
    /// A clip to generate: codec, size, rate and length.
    struct Clip: Sendable, CustomStringConvertible {
        let name: String
        let encoder: String
        let width: Int
        let height: Int
        let fps: Int
        let seconds: Double
        let extra: [String]

        var frameCount: Int { Int((Double(fps) * seconds).rounded()) }
        var codec: String { encoder == "libx265" ? "hevc" : "h264" }
        var description: String { name }
    }

    static let h264Small = Clip(
        name: "h264_360p.mp4",
        encoder: "libx264",
        width: 640,
        height: 360,
        fps: 30,
        seconds: 2,
        extra: []
    )
    static let h264Full = Clip(
        name: "h264_1080p.mp4",
        encoder: "libx264",
        width: 1920,
        height: 1080,
        fps: 30,
        seconds: 1,
        extra: []
    )
    static let hevcSmall = Clip(
        name: "hevc_360p.mp4",
        encoder: "libx265",
        width: 640,
        height: 360,
        fps: 30,
        seconds: 1,
        extra: []
    )
    static let hevcFull = Clip(
        name: "hevc_1080p.mp4",
        encoder: "libx265",
        width: 1920,
        height: 1080,
        fps: 25,
        seconds: 0.6,
        extra: []
    )
    /// A long low-resolution clip without B-frames for the RTSP server.
    static let rtspClip = Clip(
        name: "rtsp_240p.mp4",
        encoder: "libx264",
        width: 320,
        height: 240,
        fps: 15,
        seconds: 120,
        extra: ["-bf", "0", "-g", "15"]
    )

    static let directory: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sv-capture-tests-\(getpid())")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        // Generated media never outlives the test process.
        atexit {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("sv-capture-tests-\(getpid())")
            try? FileManager.default.removeItem(at: url)
        }
        return url
    }()

    private static let lock = NSLock()

    /// The path of `clip`, generating it on first use.
    static func path(of clip: Clip) throws -> String {
        lock.lock()
        defer { lock.unlock() }
        let url = directory.appendingPathComponent(clip.name)
        if !FileManager.default.fileExists(atPath: url.path) {
            var arguments = [
                "-loglevel", "error", "-y", "-f", "lavfi",
                "-i", "testsrc2=size=\(clip.width)x\(clip.height):rate=\(clip.fps):duration=\(clip.seconds)",
                "-c:v", clip.encoder, "-preset", "ultrafast", "-pix_fmt", "yuv420p",
            ]
            if clip.encoder == "libx265" { arguments += ["-x265-params", "log-level=error"] }
            arguments += clip.extra + [url.path]
            try ProcessRunner.run("/usr/bin/ffmpeg", arguments)
        }
        return url.path
    }

    /// A copy of `clip` cut to its first `bytes` bytes (no index at the end).
    static func truncated(_ clip: Clip, bytes: Int) throws -> String {
        let source = try Data(contentsOf: URL(fileURLWithPath: path(of: clip)))
        let url = directory.appendingPathComponent("truncated-\(clip.name)")
        try source.prefix(bytes).write(to: url)
        return url.path
    }

    /// An MPEG-TS copy of `clip` with 40 runs of garbage bytes written over its last 80 %.
    static func corruptedTransportStream(_ clip: Clip) throws -> String {
        let url = directory.appendingPathComponent("corrupt-\(clip.name).ts")
        try ProcessRunner.run(
            "/usr/bin/ffmpeg",
            ["-loglevel", "error", "-y", "-i", path(of: clip), "-c", "copy", "-f", "mpegts", url.path]
        )
        var bytes = [UInt8](try Data(contentsOf: url))
        var state: UInt64 = 0x5EC0_5EED
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<40 {
            let start = bytes.count / 5 + next(bytes.count * 4 / 5)
            for index in start..<min(bytes.count, start + 50 + next(350)) { bytes[index] = UInt8(next(256)) }
        }
        try Data(bytes).write(to: url)
        return url.path
    }

    /// A file of random bytes.
    static func randomBytes(count: Int) throws -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let url = directory.appendingPathComponent("random-\(count).mp4")
        try Data(bytes).write(to: url)
        return url.path
    }

    /// A directory with a 4 s VOD HLS playlist `index.m3u8` of 1 s H.264 segments.
    static func hlsPlaylist() throws -> String {
        lock.lock()
        defer { lock.unlock() }
        let url = directory.appendingPathComponent("hls")
        if !FileManager.default.fileExists(atPath: url.path) {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            try ProcessRunner.run(
                "/usr/bin/ffmpeg",
                [
                    "-loglevel", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=15:duration=4",
                    "-c:v", "libx264", "-preset", "ultrafast", "-g", "15", "-f", "hls", "-hls_time", "1",
                    "-hls_playlist_type", "vod", url.appendingPathComponent("index.m3u8").path,
                ]
            )
        }
        return url.path
    }

    /// A directory of JPEG frames for the MJPEG server.
    static func jpegFrames() throws -> String {
        lock.lock()
        defer { lock.unlock() }
        let url = directory.appendingPathComponent("jpeg")
        if !FileManager.default.fileExists(atPath: url.path) {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            try ProcessRunner.run(
                "/usr/bin/ffmpeg",
                [
                    "-loglevel", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=10:duration=1",
                    "-q:v", "5", url.appendingPathComponent("f%03d.jpg").path,
                ]
            )
        }
        return url.path
    }
}
