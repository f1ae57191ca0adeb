// SPDX-License-Identifier: Apache-2.0

import SecureVisionCore
import Testing

@testable import SecureVisionCapture

@Suite("Capture building blocks")
struct UnitTests {
    @Test("keep-newest buffer never holds more than its capacity and counts what it drops")
    func bufferIsBounded() async {
        let buffer = KeepNewestBuffer<Int>(capacity: 2)
        var results: [KeepNewestBuffer<Int>.PushResult] = []
        for value in 0..<100 { results.append(buffer.push(value)) }
        #expect(buffer.count == 2)
        #expect(buffer.highWaterMark == 2)
        #expect(buffer.droppedCount == 98)
        #expect(results.filter { $0 == .droppedOldest }.count == 98)
        buffer.finish()
        #expect(buffer.push(100) == .finished)
        var taken: [Int] = []
        for await value in buffer { taken.append(value) }
        #expect(taken == [98, 99])
    }

    @Test("a waiting consumer gets a pushed value directly, and cancellation ends its wait")
    func bufferHandsOverAndCancels() async {
        let buffer = KeepNewestBuffer<Int>(capacity: 1)
        async let first = buffer.next()
        try? await Task.sleep(for: .milliseconds(50))
        buffer.push(7)
        #expect(await first == 7)
        let waiting = Task { await buffer.next() }
        try? await Task.sleep(for: .milliseconds(50))
        waiting.cancel()
        #expect(await waiting.value == nil)
        #expect(buffer.droppedCount == 0)
    }

    @Test("backoff doubles from the interval, stops at the cap and jitters downwards only")
    func backoff() {
        let backoff = ReconnectBackoff(initial: 3, cap: 30)
        #expect((0..<6).map { backoff.baseDelay(attempt: $0) } == [3, 6, 12, 24, 30, 30])
        for attempt in 0..<8 {
            let delay = backoff.delay(attempt: attempt)
            #expect(delay <= backoff.baseDelay(attempt: attempt))
            #expect(delay >= backoff.baseDelay(attempt: attempt) * 0.8)
        }
    }

    @Test("frame selection holds the target rate", arguments: [(30.0, 15.0), (25.0, 10.0), (30.0, 5.0), (15.0, 15.0)])
    func selection(streamFPS: Double, target: Double) {
        var selector = FrameSelector(rate: .perSecond(target))
        let frames = Int(streamFPS * 10)
        let chosen = (0..<frames).filter { selector.shouldAnalyse(at: Double($0) / streamFPS) }.count
        #expect(abs(Double(chosen) - target * 10) <= 1)
    }

    @Test("configuration prefers the detect url, builds device paths and rejects a missing url")
    func configuration() throws {
        var camera = CameraSettings(id: "door", fpsTarget: 5)
        camera.sourceType = .rtsp
        camera.url = "rtsp://u:p@cam/main"
        camera.detectURL = "rtsp://u:p@cam/sub"
        var video = VideoSettings()
        video.frameResize = PixelSize(width: 640, height: 360)
        let configuration = try CaptureConfiguration(camera: camera, video: video)
        #expect(configuration.url == "rtsp://u:p@cam/sub")
        #expect(configuration.analysisRate == .perSecond(5))
        #expect(configuration.analysisSize == PixelSize(width: 640, height: 360))
        var device = CameraSettings(id: "usb")
        device.deviceIndex = 2
        #expect(try CaptureConfiguration(camera: device, video: video).url == "/dev/video2")
        var missing = CameraSettings(id: "x")
        missing.sourceType = .rtmp
        #expect(throws: CaptureError.self) { try CaptureConfiguration(camera: missing, video: video) }
    }

    @Test("FFmpeg log lines lose URL credentials and Authorization values")
    func logRedaction() {
        let url = CaptureLog.redact("[tcp @ 0x1] Opening rtsp://admin:hunter2@10.0.0.5/stream")
        #expect(url == "[tcp @ 0x1] Opening rtsp://<redacted>@10.0.0.5/stream")
        let header = CaptureLog.redact("Authorization: Basic YWRtaW46aHVudGVyMg==")
        #expect(header == "Authorization: <redacted>")
    }

    @Test("errors redact credentials")
    func errorRedaction() {
        let error = CaptureError(.unreachable, "opening rtsp://admin:hunter2@10.0.0.5/stream failed")
        #expect(!error.description.contains("hunter2"))
        #expect(error.description.contains("<redacted>@10.0.0.5"))
    }
}
