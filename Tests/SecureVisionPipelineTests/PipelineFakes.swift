// SPDX-License-Identifier: Apache-2.0

import Foundation
import SecureVisionCore
import SecureVisionPipeline
import Synchronization

/// A camera whose frames the test pushes by hand.
final class ScriptedSource: FrameSource {
    let cameraID: String
    let frames = KeepNewestBuffer<Frame>(capacity: 512)
    let stateChanges: AsyncStream<CameraStateChange>
    private let continuation: AsyncStream<CameraStateChange>.Continuation
    private let sequence = Mutex<UInt64>(0)
    let size: PixelSize

    init(cameraID: String, size: PixelSize = PixelSize(width: 160, height: 120)) {
        self.cameraID = cameraID
        self.size = size
        (stateChanges, continuation) = AsyncStream.makeStream()
    }

    var statistics: CaptureStatistics { CaptureStatistics(cameraID: cameraID) }
    func start() {}

    func stop() {
        frames.finish()
        continuation.finish()
    }

    /// Pushes `count` frames 100 ms apart; the image's first byte carries the scene the fake engine reads.
    func push(_ count: Int, scene: UInt8, withMotionImage: Bool = false, startMs: Int64 = 1_800_000_000_000) {
        let small = ImageBuffer(width: 8, height: 6, format: .gray8, pixels: [UInt8](repeating: 0, count: 48))
        for _ in 0..<count {
            let number = sequence.withLock { value -> UInt64 in
                value += 1
                return value
            }
            var pixels = [UInt8](repeating: 0, count: size.width * size.height * 3)
            pixels[0] = scene
            guard let image = ImageBuffer(width: size.width, height: size.height, format: .bgr24, pixels: pixels) else {
                return
            }
            let frame = Frame(
                cameraID: cameraID,
                sequence: number,
                presentationTime: nil,
                captureTimeMs: startMs + Int64(number) * 100,
                sourceSize: size,
                image: image,
                motionImage: withMotionImage ? small : nil
            )
            _ = frames.push(frame)
        }
    }

    func report(_ state: CameraState, reason: String) {
        continuation.yield(
            CameraStateChange(cameraID: cameraID, previous: .connecting, state: state, reason: reason, timeMs: 1)
        )
    }
}

/// Detectors that see what the frame's first byte says.
///
/// 1 is Alice's face, 2 a deny-listed plate, 3 a failure, anything else nothing. JPEGs are 4 bytes:
/// a marker, the image's width and height, and the quality.
final class ScriptedEngine: VisionEngine {
    static let faceBox = BoundingBox(x1: 40, y1: 20, x2: 80, y2: 60)
    let calls = Mutex(0)
    /// How long each analysis blocks its thread, as slow native inference would.
    let delayMicroseconds: UInt32

    init(delayMicroseconds: UInt32 = 0) {
        self.delayMicroseconds = delayMicroseconds
    }

    func analyze(_ image: ImageBuffer, detectors: Set<DetectorKind>) throws -> FrameAnalysis {
        calls.withLock { $0 += 1 }
        if delayMicroseconds > 0 { usleep(delayMicroseconds) }
        var analysis = ImageAnalysis()
        switch image.pixels[0] {
        case 1 where detectors.contains(.faces):
            analysis.faces = [
                RecognizedFace(
                    detection: FaceDetection(box: Self.faceBox, score: 0.95, landmarks: []),
                    match: FaceMatch(personID: "alice", similarity: 0.7, nearestPersonID: "alice")
                )
            ]
        case 2 where detectors.contains(.plates):
            analysis.plates = [
                PlateRead(
                    detection: PlateDetection(
                        box: BoundingBox(x1: 20, y1: 80, x2: 100, y2: 100),
                        corners: [],
                        score: 0.9
                    ),
                    textRaw: "KX19ABC",
                    textClean: "KX19ABC",
                    confidence: 0.95,
                    matchedList: .deny,
                    matchedPlate: "KX19ABC"
                )
            ]
        case 3:
            throw ScriptedFailure()
        default:
            break
        }
        return FrameAnalysis(analysis: analysis, seconds: [.faces: 0.001])
    }

    func makeMotionDetector() throws -> any MotionDetecting { StillMotion() }

    func encodeJPEG(_ image: ImageBuffer, quality: Int) throws -> [UInt8] {
        [0xFF, UInt8(clamping: image.width), UInt8(clamping: image.height), UInt8(clamping: quality)]
    }
}

struct ScriptedFailure: Error {}

/// A motion detector that never sees motion.
final class StillMotion: MotionDetecting {
    func update(_ image: ImageBuffer, frameSize: PixelSize) throws -> MotionResult {
        MotionResult(regions: [], changedFraction: 0, recalibrated: false)
    }
}

/// An event store in memory that records each append call, so tests see what was written together.
final class RecordingRepository: EventRepository {
    let batches = Mutex<[[NewEvent]]>([])

    var events: [NewEvent] { batches.withLock { $0.flatMap { $0 } } }

    func append(_ event: NewEvent) async throws -> Event {
        try await append(contentsOf: [event])[0]
    }

    func append(contentsOf events: [NewEvent]) async throws -> [Event] {
        batches.withLock { batches in
            batches.append(events)
            let base = batches.count * 10
            return events.enumerated().map { index, event in
                Event(
                    id: Int64(base + index),
                    type: event.type,
                    timestampMs: event.timestampMs,
                    cameraID: event.cameraID,
                    createdAtMs: event.timestampMs,
                    trackID: event.trackID,
                    payload: event.payload
                )
            }
        }
    }

    func events(matching query: EventQuery) async throws -> EventPage {
        EventPage(events: [], nextCursor: nil, totalCount: 0)
    }
    func event(id: Int64) async throws -> Event? { nil }
    func attachment(_ kind: EventAttachment, ofEvent id: Int64) async throws -> [UInt8]? { nil }
    func countEvents(since timestampMs: Int64) async throws -> Int { 0 }
    func applyRetention(_ policy: RetentionPolicy, nowMs: Int64) async throws -> RetentionResult {
        RetentionResult()
    }
    func statistics() async throws -> StoreStatistics {
        StoreStatistics(eventCount: 0, databaseBytes: 0, fileBytes: 0, oldestTimestampMs: nil, newestTimestampMs: nil)
    }
}

/// Hands out scripted sources by camera id and records which were retired.
final class ScriptedSources: FrameSourceFactory {
    let sources: [String: ScriptedSource]
    let retired = Mutex<[String]>([])

    init(_ sources: [ScriptedSource]) {
        self.sources = Dictionary(uniqueKeysWithValues: sources.map { ($0.cameraID, $0) })
    }

    struct Unknown: Error {}

    func makeSource(for camera: CameraSettings) throws -> any FrameSource {
        guard let source = sources[camera.id] else { throw Unknown() }
        return source
    }

    func retireSource(cameraID: String) {
        retired.withLock { $0.append(cameraID) }
        sources[cameraID]?.stop()
    }
}
