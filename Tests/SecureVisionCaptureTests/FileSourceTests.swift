// SPDX-License-Identifier: Apache-2.0

import Foundation
import SecureVisionCapture
import SecureVisionCore
import Testing

@Suite("File sources", .serialized)
struct FileSourceTests {
    @Test(
        "probe decodes H.264 and HEVC at 1080p and 360p",
        arguments: [MediaFixtures.h264Small, MediaFixtures.h264Full, MediaFixtures.hevcSmall, MediaFixtures.hevcFull]
    )
    func probe(clip: MediaFixtures.Clip) async throws {
        let report = try await CaptureProbe.run(url: try MediaFixtures.path(of: clip))
        #expect(report.codec == clip.codec)
        #expect(report.width == clip.width)
        #expect(report.height == clip.height)
        #expect(report.frames == UInt64(clip.frameCount))
        #expect(report.decodeErrors == 0)
        #expect(abs((report.streamFPS ?? 0) - Double(clip.fps)) < 0.5)
        let json = String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
        for key in ["codec", "width", "height", "stream_fps", "frames", "decode_fps", "dropped", "reconnects"] {
            #expect(json.contains("\"\(key)\""))
        }
    }

    @Test("ROTATE_180 turns the analysed and motion frames of an upside-down camera")
    func rotation() async throws {
        func firstFrame(rotate: Bool) async throws -> Frame {
            var configuration = CaptureConfiguration(
                cameraID: "upside-down",
                sourceType: .file,
                url: try MediaFixtures.path(of: MediaFixtures.h264Small)
            )
            configuration.realtime = false
            configuration.analysisRate = .everyFrame
            configuration.bufferCapacity = 64
            configuration.rotate180 = rotate
            let capture = try CameraCapture(configuration: configuration)
            capture.start()
            defer { capture.stop() }
            for await frame in capture.frames { return frame }
            throw CancellationError()
        }
        let upright = try await firstFrame(rotate: false)
        let turned = try await firstFrame(rotate: true)
        #expect(turned.image == upright.image.rotated180())
        #expect(turned.motionImage == upright.motionImage?.rotated180())
        #expect(turned.image != upright.image)
    }

    @Test("a real-time file delivers frames with rising timestamps at the target rate, then stops")
    func pacedFile() async throws {
        var configuration = CaptureConfiguration(
            cameraID: "file",
            sourceType: .file,
            url: try MediaFixtures.path(of: MediaFixtures.h264Small)
        )
        configuration.analysisRate = .perSecond(10)
        configuration.analysisSize = PixelSize(width: 320, height: 180)
        let capture = try CameraCapture(configuration: configuration)
        let states = StateLog(capture)
        let clock = ContinuousClock()
        let start = clock.now
        capture.start()
        var frames: [Frame] = []
        for await frame in capture.frames { frames.append(frame) }
        let elapsed = clock.now - start
        await states.finished()
        // 2 s of 30 fps video selected at 10 fps, paced in real time. On a loaded machine the consumer
        // may miss its turn and the keep-newest buffer drops a frame; those are counted, never lost silently.
        let dropped = Int(capture.statistics.framesDropped)
        #expect((18...21).contains(frames.count + dropped))
        #expect(frames.count >= 12)
        #expect(elapsed > .milliseconds(1700) && elapsed < .milliseconds(3500))
        let times = frames.compactMap(\.presentationTime)
        #expect(times.count == frames.count)
        #expect(zip(times, times.dropFirst()).allSatisfy { $0 < $1 })
        #expect(zip(frames, frames.dropFirst()).allSatisfy { $0.sequence < $1.sequence })
        #expect(Int(frames.last?.sequence ?? 0) - Int(frames.first?.sequence ?? 0) + 1 <= frames.count + dropped)
        #expect(zip(frames, frames.dropFirst()).allSatisfy { $0.captureTimeMs <= $1.captureTimeMs })
        let first = try #require(frames.first)
        #expect(first.cameraID == "file")
        #expect(first.sourceSize == PixelSize(width: 640, height: 360))
        #expect(first.image.size == PixelSize(width: 320, height: 180))
        #expect(first.image.format == .bgr24)
        #expect(first.motionImage?.size == PixelSize(width: 320, height: 180))
        #expect(first.motionImage?.format == .gray8)
        #expect(states.all.map(\.state) == [.online, .offline])
        #expect(states.all.last?.reason == "end of file")
        let statistics = capture.statistics
        #expect(statistics.framesDecoded == 60)
        #expect(statistics.framesAnalysed == UInt64(frames.count + dropped))
        #expect(statistics.codec == "h264")
        #expect(statistics.resolution == PixelSize(width: 640, height: 360))
    }

    @Test("a looping file starts again with timestamps that keep rising")
    func loopingFile() async throws {
        var configuration = CaptureConfiguration(
            cameraID: "loop",
            sourceType: .file,
            url: try MediaFixtures.path(of: MediaFixtures.h264Small)
        )
        configuration.loop = true
        configuration.realtime = false
        configuration.analysisRate = .everyFrame
        configuration.analysisSize = PixelSize(width: 160, height: 90)
        configuration.bufferCapacity = 200
        let capture = try CameraCapture(configuration: configuration)
        capture.start()
        var times: [Double] = []
        for await frame in capture.frames {
            times.append(frame.presentationTime ?? -1)
            if times.count == 150 { capture.stop() }
        }
        #expect(times.count >= 150)
        #expect(zip(times, times.dropFirst()).allSatisfy { $0 < $1 })
        #expect(capture.statistics.framesDecoded >= 150)
        #expect(capture.statistics.state == .offline)
    }

    @Test("a stalled consumer makes the source drop frames; the buffer never grows")
    func stalledConsumer() async throws {
        var configuration = CaptureConfiguration(
            cameraID: "stall",
            sourceType: .file,
            url: try MediaFixtures.path(of: MediaFixtures.h264Small)
        )
        configuration.realtime = false
        configuration.analysisRate = .everyFrame
        configuration.analysisSize = PixelSize(width: 320, height: 180)
        configuration.bufferCapacity = 2
        let capture = try CameraCapture(configuration: configuration)
        let states = StateLog(capture)
        capture.start()
        await states.finished()
        let statistics = capture.statistics
        #expect(statistics.framesAnalysed == 60)
        #expect(statistics.framesDropped == 58)
        #expect(capture.frames.highWaterMark <= 2)
        var left = 0
        for await _ in capture.frames { left += 1 }
        #expect(left == 2)
    }

    @Test("a truncated file and random bytes give typed errors, not crashes")
    func brokenFiles() async throws {
        let truncated = try MediaFixtures.truncated(MediaFixtures.h264Small, bytes: 20_000)
        let random = try MediaFixtures.randomBytes(count: 200_000)
        for path in [truncated, random] {
            await #expect(throws: CaptureError.self) { _ = try await CaptureProbe.run(url: path) }
            let capture = try CameraCapture(
                configuration: CaptureConfiguration(cameraID: "broken", sourceType: .file, url: path)
            )
            let states = StateLog(capture)
            capture.start()
            await states.finished()
            #expect(states.all.map(\.state) == [.offline])
            #expect(capture.lastError?.code == .undecodable)
        }
        await #expect(throws: CaptureError.self) { _ = try await CaptureProbe.run(url: "/nonexistent/clip.mp4") }
    }

    @Test("corrupt packets and decode errors are skipped and counted; decoding goes on")
    func corruptStream() async throws {
        let path = try MediaFixtures.corruptedTransportStream(MediaFixtures.h264Small)
        let report = try await CaptureProbe.run(url: path)
        #expect(report.decodeErrors > 0)
        #expect(report.frames > 10)
        #expect(report.frames < UInt64(MediaFixtures.h264Small.frameCount))
        #expect(report.width == 640 && report.height == 360)
    }

    @Test(
        "a V4L2 device delivers frames",
        .enabled(if: FileManager.default.fileExists(atPath: "/dev/video0"), "no /dev/video0 on this machine")
    )
    func videoDevice() async throws {
        var camera = CameraSettings(id: "usb", fpsTarget: 5)
        camera.sourceType = .device
        let capture = try CameraCapture(configuration: try CaptureConfiguration(camera: camera, video: VideoSettings()))
        capture.start()
        defer { capture.stop() }
        let frame = await capture.frames.next()
        #expect(frame != nil)
    }
}
