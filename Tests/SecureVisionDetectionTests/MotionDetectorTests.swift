// SPDX-License-Identifier: Apache-2.0

import SecureVisionCore
import SecureVisionDetection
import Testing

@Suite("Motion on the small grey frame")
struct MotionDetectorTests {
    private static let small = PixelSize(width: 320, height: 240)

    private func frame(_ name: String) throws -> ImageBuffer {
        try ImageCodec.resize(try TestData.image(name), to: Self.small)
    }

    @Test("the first frame calibrates, the same frame again shows no motion")
    func stillScene() throws {
        let detector = try MotionDetector()
        let image = try frame("vtest_frame0.png")
        let first = try detector.update(image, frameSize: PixelSize(width: 768, height: 576))
        #expect(first.recalibrated && !first.hasMotion)
        let second = try detector.update(image, frameSize: PixelSize(width: 768, height: 576))
        #expect(!second.hasMotion && !second.recalibrated)
    }

    @Test("walking people show up as motion boxes in full-frame coordinates")
    func walkingPeople() throws {
        let detector = try MotionDetector()
        let full = PixelSize(width: 768, height: 576)
        _ = try detector.update(try frame("vtest_frame0.png"), frameSize: full)
        let result = try detector.update(try frame("vtest_frame10.png"), frameSize: full)
        #expect(result.hasMotion)
        #expect(!result.recalibrated)
        #expect(
            result.regions.allSatisfy { $0.box.x2 <= Double(full.width) + 1 && $0.box.y2 <= Double(full.height) + 1 }
        )
        // The boxes overlap the people YOLOX finds on the later frame.
        let people = try Shared.objects.get().detect(in: try TestData.image("vtest_frame10.png"), labels: [.person])
        #expect(people.contains { person in result.regions.contains { $0.box.iou(person.box) > 0 } })
    }

    @Test("a change of the whole frame recalibrates instead of reporting motion")
    func sceneChange() throws {
        let detector = try MotionDetector()
        let full = PixelSize(width: 1000, height: 1000)
        _ = try detector.update(try frame("vtest_frame0.png"), frameSize: full)
        let result = try detector.update(try frame("coffee.png"), frameSize: full)
        #expect(result.recalibrated)
        #expect(!result.hasMotion)
        #expect(result.changedFraction > 0.6)
    }
}
