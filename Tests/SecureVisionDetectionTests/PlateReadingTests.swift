// SPDX-License-Identifier: Apache-2.0

import SecureVisionCore
import SecureVisionDetection
import Testing

@Suite("Plate detection and OCR on rendered plates")
struct PlateReadingTests {
    static let plates = Result { try SyntheticPlates.make(count: 36) }

    @Test("at least 85% of 36 rendered plates are read exactly")
    func accuracy() throws {
        let plates = try Self.plates.get()
        let reader = try Shared.plates.get()
        let objects = try Shared.objects.get()
        var exact = 0
        var misses: [String] = []
        for plate in plates {
            let vehicles = try objects.detect(in: plate.image)
            let reads = try reader.read(in: plate.image, vehicles: vehicles)
            if reads.contains(where: { $0.textClean == plate.text }) {
                exact += 1
            } else {
                misses.append("\(plate.text) -> \(reads.map(\.textRaw))")
            }
        }
        let accuracy = Double(exact) / Double(plates.count)
        print("plate accuracy: \(exact)/\(plates.count) exact; misses: \(misses)")
        #expect(plates.count >= 30)
        #expect(accuracy >= 0.85, "\(exact)/\(plates.count); misses: \(misses)")
    }

    @Test("the 320 model finds the plates of a half-size car in its vehicle box as well as on the full frame")
    func searchAreas() throws {
        let small = try Self.plates.get().filter(\.isSmallInFrame)
        let objects = try Shared.objects.get()
        var reader = try Shared.plates.get()
        var found: [PlateReader.SearchArea: Int] = [:]
        for area in [PlateReader.SearchArea.fullFrame, .vehicles] {
            reader.searchArea = area
            for plate in small {
                let vehicles = try objects.detect(in: plate.image)
                let detections = try reader.detect(in: plate.image, vehicles: vehicles)
                let truth = BoundingBox(
                    x1: plate.corners.map(\.x).min() ?? 0,
                    y1: plate.corners.map(\.y).min() ?? 0,
                    x2: plate.corners.map(\.x).max() ?? 0,
                    y2: plate.corners.map(\.y).max() ?? 0
                )
                if detections.contains(where: { $0.box.iou(truth) > 0.5 }) { found[area, default: 0] += 1 }
            }
        }
        print(
            "small plates found: full frame \(found[.fullFrame] ?? 0), vehicles \(found[.vehicles] ?? 0) of \(small.count)"
        )
        #expect((found[.vehicles] ?? 0) >= (found[.fullFrame] ?? 0))
        #expect(Double(found[.vehicles] ?? 0) >= 0.85 * Double(small.count))
    }

    @Test("no plate on photos without vehicles", arguments: ["coffee.png", "horses.jpg", "astronaut.png"])
    func plateFree(name: String) throws {
        let reads = try Shared.plates.get().read(in: try TestData.image(name))
        #expect(reads.isEmpty, "\(name): \(reads.map(\.detection.score))")
    }

    @Test("a deny-listed plate is matched, fuzzily within the distance")
    func denyListMatch() throws {
        let plate = try #require(try Self.plates.get().first { !$0.isSmallInFrame })
        var reader = try Shared.plates.get()
        var typo = Array(plate.text)
        typo[0] = typo[0] == "X" ? "Y" : "X"
        reader.lists = PlateListMatcher(allow: [plate.text], deny: [String(typo)], maxDistance: 1)
        let read = try #require(try reader.read(in: plate.image).first)
        #expect(read.textClean == plate.text)
        #expect(read.matchedList == .deny)
        #expect(read.matchedPlate == String(typo))

        reader.lists = PlateListMatcher(allow: [plate.text], deny: [String(typo)], maxDistance: 0)
        #expect(try reader.read(in: plate.image).first?.matchedList == .allow)
    }
}
