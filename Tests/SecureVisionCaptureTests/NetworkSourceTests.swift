// SPDX-License-Identifier: Apache-2.0

import Foundation
import SecureVisionCapture
import SecureVisionCore
import Synchronization
import Testing

@Suite("Network sources", .serialized)
struct NetworkSourceTests {
    /// A real loopback server from Tests/Support, one per network source kind tested against one.
    enum LiveServer: Sendable, CustomTestStringConvertible {
        /// gst-rtsp-server over plain TCP or UDP.
        case rtsp
        /// gst-rtsp-server over TLS with a self-signed certificate and Basic authentication.
        case rtsps
        /// nginx's RTMP module, with ffmpeg publishing the clip to it.
        case rtmp

        var testDescription: String {
            switch self {
            case .rtsp: "RTSP"
            case .rtsps: "RTSPS"
            case .rtmp: "RTMP"
            }
        }

        /// Starts the server serving ``MediaFixtures/rtspClip`` on `port` (0 picks a free one).
        func start(port: Int = 0) throws -> TestServer {
            let clip = try MediaFixtures.path(of: MediaFixtures.rtspClip)
            return switch self {
            case .rtsp: try TestServer(script: "rtsp_server.py", arguments: [clip, String(port)])
            case .rtsps: try TestServer(script: "rtsp_server.py", arguments: [clip, String(port), "tls"])
            case .rtmp: try TestServer(script: "rtmp_server.py", arguments: [clip, String(port)])
            }
        }

        /// The source kind and the URL, with the credentials the RTSPS server demands.
        func source(port: Int) -> (SourceType, String) {
            switch self {
            case .rtsp: (.rtsp, "rtsp://user:secret@127.0.0.1:\(port)/cam")
            case .rtsps: (.rtsp, "rtsps://user:secret@127.0.0.1:\(port)/cam")
            case .rtmp: (.rtmp, "rtmp://user:secret@127.0.0.1:\(port)/live/cam")
            }
        }
    }

    /// A camera on `server` with short timeouts and backoff, so losses and returns show within seconds.
    private func cameraConfiguration(
        _ server: LiveServer = .rtsp,
        port: Int,
        transport: RTSPTransport = .tcp
    ) -> CaptureConfiguration {
        let (sourceType, url) = server.source(port: port)
        var configuration = CaptureConfiguration(cameraID: "gate", sourceType: sourceType, url: url)
        configuration.rtspTransport = transport
        configuration.analysisRate = .perSecond(5)
        // FFmpeg's FLV demuxer may always meet a new stream later, so it reads a whole `probesize`
        // (64 KiB, about a second of this clip) before the open returns, after nginx has waited for a
        // keyframe (one a second): 2 s would leave RTMP too little headroom.
        configuration.readTimeoutSeconds = server == .rtmp ? 3 : 2
        configuration.reconnectIntervalSeconds = 0.5
        configuration.reconnectMaxSeconds = 1
        return configuration
    }

    private func expectNoPassword(_ capture: CameraCapture, _ states: StateLog) {
        for change in states.all { #expect(!change.reason.contains("secret")) }
        #expect(!(capture.lastError?.description.contains("secret") ?? false))
        #expect(!(capture.statistics.lastError?.contains("secret") ?? false))
    }

    /// Starts a camera, takes its first `count` frames and stops it (its state log then complete).
    static func firstFrames(_ count: Int, with configuration: CaptureConfiguration) async throws
        -> (CameraCapture, StateLog, [Frame])
    {
        let capture = try CameraCapture(configuration: configuration)
        let states = StateLog(capture)
        capture.start()
        var frames: [Frame] = []
        for await frame in capture.frames {
            frames.append(frame)
            if frames.count == count { break }
        }
        capture.stop()
        await states.finished()
        return (capture, states, frames)
    }

    @Test("RTSP over TCP and UDP delivers frames", arguments: [RTSPTransport.tcp, .udp])
    func rtspStreams(transport: RTSPTransport) async throws {
        let server = try LiveServer.rtsp.start()
        defer { server.stop() }
        let (capture, states, frames) = try await Self.firstFrames(
            5,
            with: cameraConfiguration(port: server.port, transport: transport)
        )
        #expect(frames.count == 5)
        #expect(frames.first?.sourceSize == PixelSize(width: 320, height: 240))
        #expect(capture.statistics.codec == "h264")
        #expect(states.all.map(\.state) == [.online, .offline])
        expectNoPassword(capture, states)
    }

    @Test(
        "RTSPS and RTMP deliver frames of the stream's size with rising timestamps",
        arguments: [LiveServer.rtsps, .rtmp]
    )
    func liveStreams(server kind: LiveServer) async throws {
        let server = try kind.start()
        defer { server.stop() }
        var configuration = cameraConfiguration(kind, port: server.port)
        configuration.analysisRate = .everyFrame
        let (capture, states, frames) = try await Self.firstFrames(10, with: configuration)
        #expect(frames.count == 10)
        #expect(frames.allSatisfy { $0.sourceSize == PixelSize(width: 320, height: 240) })
        #expect(frames.allSatisfy { $0.image.width == 320 && $0.image.height == 240 })
        let times = frames.compactMap(\.presentationTime)
        #expect(times.count == frames.count)
        #expect(zip(times, times.dropFirst()).allSatisfy { $0 < $1 })
        #expect(zip(frames, frames.dropFirst()).allSatisfy { $0.sequence < $1.sequence })
        #expect(zip(frames, frames.dropFirst()).allSatisfy { $0.captureTimeMs <= $1.captureTimeMs })
        #expect(capture.statistics.codec == "h264")
        #expect(states.all.map(\.state) == [.online, .offline])
        expectNoPassword(capture, states)
    }

    @Test(
        "server stops: offline within the read timeout; it returns: online within the backoff",
        arguments: [LiveServer.rtsp, .rtmp]
    )
    func reconnects(server kind: LiveServer) async throws {
        let server = try kind.start()
        let port = server.port
        let configuration = cameraConfiguration(kind, port: port)
        let capture = try CameraCapture(configuration: configuration)
        let states = StateLog(capture)
        capture.start()
        defer { capture.stop() }
        #expect(await states.wait(for: .online, timeout: 5) != nil)
        #expect(await eventually(timeout: 3) { capture.statistics.framesDecoded > 5 })
        server.stop()
        let timeout = configuration.readTimeoutSeconds
        let offlineAfter = try #require(await states.wait(for: .offline, timeout: timeout + 1))
        #expect(offlineAfter <= timeout + 1)
        // The RTMP server returns only once its publisher is live again, as a camera's feed would.
        let restarted = try kind.start(port: port)
        defer { restarted.stop() }
        // Backoff is capped at 1 s; allow one more attempt and the open itself.
        #expect(await states.wait(for: .online, count: 2, timeout: 1 + 1 + timeout) != nil)
        #expect(capture.statistics.reconnects >= 1)
        #expect(states.all.map(\.state).prefix(3) == [.online, .offline, .online])
        expectNoPassword(capture, states)
    }

    @Test("a camera that stops sending (server frozen) goes offline within the read timeout")
    func rtspFrozenServer() async throws {
        let server = try LiveServer.rtsp.start()
        defer { server.stop() }
        let capture = try CameraCapture(configuration: cameraConfiguration(port: server.port))
        let states = StateLog(capture)
        capture.start()
        defer { capture.stop() }
        #expect(await states.wait(for: .online, timeout: 5) != nil)
        // The socket stays open but no byte arrives: only the interrupt deadline can notice.
        server.freeze()
        defer { server.thaw() }
        let offlineAfter = try #require(await states.wait(for: .offline, timeout: 2 + 1.5))
        #expect(offlineAfter >= 1.5)
        #expect(capture.lastError?.code == .timedOut)
        expectNoPassword(capture, states)
    }

    @Test("one failing camera does not disturb another in the same group")
    func isolation() async throws {
        let group = CaptureGroup()
        defer { group.stopAll() }
        var broken = CaptureConfiguration(
            cameraID: "broken",
            sourceType: .rtsp,
            url: "rtsp://user:secret@127.0.0.1:\(try closedPort())/cam"
        )
        broken.reconnectIntervalSeconds = 0.05
        broken.reconnectMaxSeconds = 0.1
        var healthy = CaptureConfiguration(
            cameraID: "healthy",
            sourceType: .file,
            url: try MediaFixtures.path(of: MediaFixtures.h264Small)
        )
        healthy.analysisRate = .perSecond(10)
        let brokenCapture = try CameraCapture(configuration: broken)
        let healthyCapture = try CameraCapture(configuration: healthy)
        group.start(brokenCapture)
        group.start(healthyCapture)
        var frames = 0
        for await _ in healthyCapture.frames { frames += 1 }
        #expect((18...21).contains(frames))
        let statistics = group.allCameraStatistics()
        #expect(statistics.map(\.cameraID) == ["broken", "healthy"])
        #expect(statistics[0].state == .offline)
        #expect(statistics[0].reconnects >= 5)
        #expect(statistics[1].framesDecoded == 60)
        #expect(group.statistics(for: "healthy")?.codec == "h264")
    }

    @Test("FFmpeg's own log lines reach the handler with the password removed")
    func ffmpegLogIsRedacted() async throws {
        let lines = Mutex<[String]>([])
        CaptureLog.setHandler(level: .debug) { _, line in lines.withLock { $0.append(line) } }
        defer { CaptureLog.setHandler(nil) }
        let server = try LiveServer.rtsp.start()
        defer { server.stop() }
        let capture = try CameraCapture(configuration: cameraConfiguration(port: server.port))
        capture.start()
        _ = await capture.frames.next()
        capture.stop()
        _ = try? await CaptureProbe.run(
            url: "rtmp://user:secret@127.0.0.1:\(try closedPort())/live/cam",
            duration: 1,
            readTimeoutSeconds: 1
        )
        let logged = lines.withLock { $0 }
        #expect(logged.contains { $0.contains("<redacted>@127.0.0.1") })
        #expect(!logged.contains { $0.contains("secret") })
    }

    @Test("HTTP MJPEG delivers frames")
    func mjpeg() async throws {
        let server = try TestServer(script: "mjpeg_server.py", arguments: [try MediaFixtures.jpegFrames(), "20"])
        defer { server.stop() }
        var configuration = CaptureConfiguration(
            cameraID: "doorbell",
            sourceType: .httpMJPEG,
            url: "http://user:secret@127.0.0.1:\(server.port)/video"
        )
        configuration.analysisRate = .everyFrame
        configuration.readTimeoutSeconds = 2
        let (capture, states, frames) = try await Self.firstFrames(5, with: configuration)
        #expect(frames.count == 5)
        #expect(frames.first?.sourceSize == PixelSize(width: 320, height: 240))
        #expect(capture.statistics.codec == "mjpeg")
        expectNoPassword(capture, states)
    }

    @Test("HLS delivers frames; the end of a playlist counts as a disconnect and reconnects")
    func hls() async throws {
        let server = try TestServer(script: "mjpeg_server.py", arguments: [try MediaFixtures.hlsPlaylist(), "10"])
        defer { server.stop() }
        var configuration = CaptureConfiguration(
            cameraID: "hls",
            sourceType: .hls,
            url: "http://127.0.0.1:\(server.port)/index.m3u8"
        )
        configuration.analysisRate = .everyFrame
        configuration.readTimeoutSeconds = 2
        configuration.reconnectIntervalSeconds = 0.2
        configuration.reconnectMaxSeconds = 0.4
        let capture = try CameraCapture(configuration: configuration)
        let states = StateLog(capture)
        capture.start()
        defer { capture.stop() }
        // A live source is not paced: the 4 s VOD playlist decodes at once, ends, and is reopened.
        #expect(await states.wait(for: .online, count: 2, timeout: 8) != nil)
        #expect(capture.statistics.codec == "h264")
        #expect(capture.statistics.resolution == PixelSize(width: 320, height: 240))
        #expect(capture.statistics.framesDecoded >= 60)
        #expect(capture.statistics.reconnects >= 1)
    }

    @Test("RTMP to a closed port keeps retrying with backoff")
    func rtmpClosedPort() async throws {
        var configuration = CaptureConfiguration(
            cameraID: "feed",
            sourceType: .rtmp,
            url: "rtmp://user:secret@127.0.0.1:\(try closedPort())/live/cam"
        )
        configuration.readTimeoutSeconds = 1
        configuration.reconnectIntervalSeconds = 0.1
        configuration.reconnectMaxSeconds = 0.2
        let capture = try CameraCapture(configuration: configuration)
        let states = StateLog(capture)
        capture.start()
        #expect(await eventually(timeout: 4) { capture.statistics.reconnects >= 3 })
        capture.stop()
        await states.finished()
        #expect(states.all.map(\.state) == [.offline])
        #expect(capture.lastError?.code == .unreachable)
        expectNoPassword(capture, states)
    }

    @Test("an unreachable RTSP camera fails the probe with a redacted, typed error")
    func unreachableProbe() async throws {
        do {
            _ = try await CaptureProbe.run(
                url: "rtsp://admin:secret@127.0.0.1:\(try closedPort())/cam",
                duration: 3,
                readTimeoutSeconds: 1
            )
            Issue.record("the probe should have failed")
        } catch let error as CaptureError {
            #expect(error.code == .unreachable)
            #expect(!error.description.contains("secret"))
        }
    }

    /// A loopback port that nothing listens on (bound, read and released).
    private func closedPort() throws -> Int {
        let socket = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let port = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw -> Int in
                guard bind(socket, raw, length) == 0, getsockname(socket, raw, &length) == 0 else { return 0 }
                return Int(UInt16(bigEndian: pointer.pointee.sin_port))
            }
        }
        guard port > 0 else { throw ProcessRunner.Failure(description: "no free port") }
        return port
    }
}
