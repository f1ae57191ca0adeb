// SPDX-License-Identifier: Apache-2.0

import SecureVisionCore
import SecureVisionDetection
import Testing

@Suite("People and vehicles with YOLOX-Nano")
struct ObjectDetectionTests {
    @Test("people on a vtest.avi frame")
    func surveillanceFrame() throws {
        let image = try TestData.image("vtest_frame100.png")
        let objects = try Shared.objects.get().detect(in: image, labels: [.person])
        #expect(objects.count >= 5, "\(objects.count) people")
        #expect(objects.allSatisfy { $0.label == .person && $0.score >= 0.35 })
        #expect(objects.allSatisfy { $0.box.x1 >= 0 && $0.box.x2 <= Double(image.width) && $0.box.width > 0 })
    }

    @Test("the person on person.jpg and the car and bicycle on dog.jpg")
    func darknetImages() throws {
        let detector = try Shared.objects.get()
        let person = try detector.detect(in: try TestData.image("person.jpg"))
        #expect(person.contains { $0.label == .person })
        let dog = try detector.detect(in: try TestData.image("dog.jpg"))
        #expect(dog.contains { $0.label == .bicycle })
        #expect(dog.contains { $0.label.isVehicle })
        #expect(!dog.contains { $0.label == .person })
    }

    @Test("per-class NMS keeps one box per object")
    func noDuplicates() throws {
        let objects = try Shared.objects.get().detect(in: try TestData.image("vtest_frame100.png"))
        for (index, object) in objects.enumerated() {
            for other in objects[(index + 1)...] where other.label == object.label {
                #expect(object.box.iou(other.box) < 0.45)
            }
        }
    }

    @Test("nothing SecureVision reports on horses.jpg and coffee.png", arguments: ["horses.jpg", "coffee.png"])
    func noObjects(name: String) throws {
        let objects = try Shared.objects.get().detect(in: try TestData.image(name))
        #expect(objects.isEmpty, "\(name): \(objects.map(\.label))")
    }
}
