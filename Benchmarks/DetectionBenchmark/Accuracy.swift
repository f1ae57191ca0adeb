// SPDX-License-Identifier: Apache-2.0

import Foundation
import SecureVisionCore
import SecureVisionDetection

/// Face distances and plate accuracy on the test images.
enum Accuracy {
    static func faces(_ faces: FaceRecognizer, root: String) throws {
        print("\n## Face embedding distances (dlib ResNet; similarity = 1 - distance, match at >= 0.4)\n")
        var vectors: [String: [Float]] = [:]
        for name in ["obama.jpg", "obama2.jpg", "obama3.jpg", "biden.jpg"] {
            let image = try ImageCodec.load(contentsOf: root + "/test-data/" + name)
            if let face = try faces.detector.detect(in: image).first {
                vectors[name] = try faces.embedder.embed(image, box: face.box)
            }
        }
        let table = Table(["pair", "distance", "similarity"])
        for (a, b) in [
            ("obama.jpg", "obama2.jpg"), ("obama.jpg", "obama3.jpg"), ("obama.jpg", "biden.jpg"),
            ("obama2.jpg", "biden.jpg"),
        ] {
            guard let left = vectors[a], let right = vectors[b] else { continue }
            let distance = FaceGallery.distance(left, right)
            table.row([
                "\(a) / \(b)", String(format: "%.3f", distance),
                String(format: "%.3f", FaceGallery.similarity(distance: distance)),
            ])
        }
    }

    static func plates(root: String, objects: ObjectDetector, reader320: PlateReader, reader640: PlateReader) throws {
        print("\n## Plates: exact reads and detection recall (IoU > 0.5) by plate size\n")
        let table = Table([
            "scene", "plate width px", "n", "recall 320 full", "recall 320 vehicles", "recall 640 full",
            "exact 320 full+vehicles", "exact 640 full",
        ])
        for scale in [1.0, 0.5, 0.35, 0.25] {
            let scenes = try PlateScenes.make(root: root, carScale: scale, count: scale == 1 ? 36 : 12)
            var found = [0, 0, 0]
            var exact = [0, 0]
            for scene in scenes {
                let vehicles = try objects.detect(in: scene.image)
                var full320 = reader320
                full320.searchArea = .fullFrame
                var vehicles320 = reader320
                vehicles320.searchArea = .vehicles
                var full640 = reader640
                full640.searchArea = .fullFrame
                for (index, reader) in [full320, vehicles320, full640].enumerated()
                where try reader.detect(in: scene.image, vehicles: vehicles).contains(where: {
                    $0.box.iou(scene.truth) > 0.5
                }) {
                    found[index] += 1
                }
                if try reader320.read(in: scene.image, vehicles: vehicles).contains(where: {
                    $0.textClean == scene.text
                }) {
                    exact[0] += 1
                }
                if try full640.read(in: scene.image).contains(where: { $0.textClean == scene.text }) { exact[1] += 1 }
            }
            table.row(
                [
                    scale == 1 ? "car photo 600x482" : "car at \(Int(scale * 100)) % on 1280x720",
                    "~\(Int(212 * scale))", "\(scenes.count)",
                ]
                    + found.map { "\($0)/\(scenes.count)" } + exact.map { "\($0)/\(scenes.count)" }
            )
        }
    }
}
