// SPDX-License-Identifier: Apache-2.0

import SecureVisionCore
import SecureVisionDetection
import Testing

@Suite("Face detection on real photos")
struct FaceDetectionTests {
    @Test(
        "finds one face on each clear portrait",
        arguments: ["obama.jpg", "obama2.jpg", "obama3.jpg", "biden.jpg", "astronaut.png"]
    )
    func portraits(name: String) throws {
        let recognizer = try Shared.faces.get()
        let faces = try recognizer.detector.detect(in: try TestData.image(name), minFaceSize: 40)
        #expect(faces.count == 1, "\(name): \(faces.map(\.score))")
        let face = try #require(faces.first)
        #expect(face.score >= 0.85)
        #expect(face.landmarks.count == 5)
        // Eyes above the nose, nose above the mouth.
        #expect(face.landmarks[0].y < face.landmarks[2].y && face.landmarks[2].y < face.landmarks[3].y)
        #expect(face.landmarks.allSatisfy { face.box.x1 <= $0.x && $0.x <= face.box.x2 })
    }

    @Test("finds both faces on two portraits side by side")
    func twoFaces() throws {
        let scene = try ImageComposer.sideBySide(
            [try TestData.image("obama.jpg"), try TestData.image("biden.jpg")],
            height: 480
        )
        let faces = try Shared.faces.get().detector.detect(in: scene, minFaceSize: 40)
        #expect(faces.count == 2)
    }

    @Test("no false positive on photos without a face", arguments: ["coffee.png", "dog.jpg", "horses.jpg"])
    func faceFree(name: String) throws {
        let faces = try Shared.faces.get().detector.detect(in: try TestData.image(name))
        #expect(faces.isEmpty, "\(name): \(faces.map(\.score))")
    }

    @Test(
        "images under YuNet's 63-pixel input minimum give no faces, not an OpenCV error",
        arguments: [(1, 1), (32, 32), (62, 62), (200, 40), (40, 200), (63, 63)]
    )
    func tinyImages(width: Int, height: Int) throws {
        let pixels = [UInt8](repeating: 90, count: width * height * 3)
        let image = try #require(ImageBuffer(width: width, height: height, format: .bgr24, pixels: pixels))
        #expect(try Shared.faces.get().detector.detect(in: image).isEmpty)
    }

    @Test("faces below the minimum size are skipped")
    func minimumSize() throws {
        let image = try TestData.image("obama.jpg")
        let detector = try Shared.faces.get().detector
        let face = try #require(try detector.detect(in: image).first)
        #expect(try detector.detect(in: image, minFaceSize: Int(face.size) + 1).isEmpty)
    }
}
