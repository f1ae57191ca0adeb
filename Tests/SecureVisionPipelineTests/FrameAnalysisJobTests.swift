// SPDX-License-Identifier: Apache-2.0

import SecureVisionCore
import SecureVisionPipeline
import Synchronization
import Testing

/// Region analysis: crops go to the detectors, results come back in the stream's pixels.
@Suite("Frame analysis job")
struct FrameAnalysisJobTests {
    /// Reports one face at a fixed place in whatever image it is given, and remembers the image sizes.
    final class CornerFaceEngine: VisionEngine {
        let sizes = Mutex<[PixelSize]>([])

        func analyze(_ image: ImageBuffer, detectors: Set<DetectorKind>) throws -> FrameAnalysis {
            sizes.withLock { $0.append(image.size) }
            let face = RecognizedFace(
                detection: FaceDetection(box: BoundingBox(x1: 10, y1: 20, x2: 30, y2: 40), score: 0.9, landmarks: []),
                match: FaceMatch(personID: nil, similarity: 0, nearestPersonID: nil)
            )
            return FrameAnalysis(analysis: ImageAnalysis(faces: [face]), seconds: [.faces: 0.5])
        }

        func makeMotionDetector() throws -> any MotionDetecting { StillMotion() }
        func encodeJPEG(_ image: ImageBuffer, quality: Int) throws -> [UInt8] { [] }
    }

    /// A 1920x1080 stream analysed at 960x540.
    static func frame() throws -> Frame {
        let image = try #require(
            ImageBuffer(width: 960, height: 540, format: .bgr24, pixels: [UInt8](repeating: 0, count: 960 * 540 * 3))
        )
        return Frame(
            cameraID: "door",
            sequence: 1,
            presentationTime: nil,
            captureTimeMs: 0,
            sourceSize: PixelSize(width: 1920, height: 1080),
            image: image,
            motionImage: nil
        )
    }

    @Test("the whole frame: boxes scale from the analysed image to the stream")
    func fullFrame() throws {
        let engine = CornerFaceEngine()
        let job = try #require(
            FrameAnalysisJob(frame: try Self.frame(), detectors: [.faces], decision: .fullFrame(.motion))
        )
        let result = try job.run(on: engine)
        #expect(result.analysis.faces.map(\.detection.box) == [BoundingBox(x1: 20, y1: 40, x2: 60, y2: 80)])
        #expect(engine.sizes.withLock { $0 } == [PixelSize(width: 960, height: 540)])
    }

    @Test("regions: each crop is analysed alone and its boxes land back where the crop came from")
    func regions() throws {
        let engine = CornerFaceEngine()
        let regions = [
            BoundingBox(x1: 1000, y1: 500, x2: 1400, y2: 900),
            BoundingBox(x1: 0, y1: 0, x2: 200, y2: 200),
        ]
        let job = try #require(
            FrameAnalysisJob(frame: try Self.frame(), detectors: [.faces], decision: .regions(regions))
        )
        let result = try job.run(on: engine)
        // Crops are taken from the 960x540 image: 200x200 at (500, 250) and 100x100 at the origin.
        #expect(
            engine.sizes.withLock { $0 } == [PixelSize(width: 200, height: 200), PixelSize(width: 100, height: 100)]
        )
        #expect(
            result.analysis.faces.map(\.detection.box) == [
                BoundingBox(x1: 1020, y1: 540, x2: 1060, y2: 580),
                BoundingBox(x1: 20, y1: 40, x2: 60, y2: 80),
            ]
        )
        #expect(result.seconds[.faces] == 1.0)
        #expect(job.regions == regions)
    }

    @Test("a quiet frame is no job")
    func skip() throws {
        #expect(FrameAnalysisJob(frame: try Self.frame(), detectors: [.faces], decision: .skip) == nil)
    }
}
