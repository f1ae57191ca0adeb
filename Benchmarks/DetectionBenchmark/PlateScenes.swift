// SPDX-License-Identifier: Apache-2.0

import Foundation
import SecureVisionCore
import SecureVisionDetection

/// Synthetic plates on `licenseplate_motion.jpg`, optionally shrunk onto a 1280x720 vtest.avi frame.
enum PlateScenes {
    struct Scene {
        var text: String
        var image: ImageBuffer
        var truth: BoundingBox
    }

    /// Renders `count` plates with varied fonts, stroke, rotation, perspective, blur and JPEG quality.
    /// - Parameters:
    ///   - root: The repository root holding `test-data/`.
    ///   - carScale: 1 keeps the car photo as is; below 1 pastes the car at that scale onto a street frame.
    ///   - count: How many plates.
    ///   - seed: The random seed.
    /// - Returns: The scenes with their true text and plate box.
    /// - Throws: ``VisionError`` when an image does not load.
    static func make(root: String, carScale: Double, count: Int, seed: UInt64 = 11) throws -> [Scene] {
        var random = SplitMix(state: seed)
        let car = try ImageCodec.load(contentsOf: root + "/test-data/licenseplate_motion.jpg")
        let street = try ImageCodec.resize(
            try ImageCodec.load(contentsOf: root + "/test-data/vtest_frame100.png"),
            to: PixelSize(width: 1280, height: 720)
        )
        let letters = Array("ABCDEFGHJKLMNPRSTUVWXYZ")
        let digits = Array("0123456789")
        let fonts: [PlateSynthesizer.Font] = [.simplex, .duplex, .complex, .triplex]
        return try (0..<count).map { index in
            let text = String(
                "LLDDLLL".map {
                    $0 == "L"
                        ? letters.randomElement(using: &random) ?? "A" : digits.randomElement(using: &random) ?? "0"
                }
            )
            let width = Double.random(in: 195...230, using: &random)
            let angle = Double.random(in: -7...7, using: &random) * .pi / 180
            let skew = Double.random(in: 0.85...1.15, using: &random)
            let height = width / 3.1
            let corners = [
                (-width / 2, -height / 2), (width / 2, -height * skew / 2), (width / 2, height * skew / 2),
                (-width / 2, height / 2),
            ]
            .map { x, y in
                ImagePoint(x: 298 + x * cos(angle) - y * sin(angle), y: 260 + x * sin(angle) + y * cos(angle))
            }
            var image = try PlateSynthesizer.render(
                text,
                onto: car,
                corners: corners,
                font: fonts[index % fonts.count],
                thickness: Int.random(in: 5...9, using: &random),
                blurSigma: carScale < 1 ? 0 : Double.random(in: 0...1.3, using: &random),
                jpegQuality: carScale < 1 ? 0 : Int.random(in: 35...85, using: &random)
            )
            var placed = corners
            if carScale < 1 {
                let size = PixelSize(
                    width: Int(Double(car.width) * carScale),
                    height: Int(Double(car.height) * carScale)
                )
                image = paste(try ImageCodec.resize(image, to: size), into: street, x: 700, y: 330)
                image = try ImageCodec.decode(
                    try ImageCodec.encodeJPEG(image, quality: Int.random(in: 35...85, using: &random))
                )
                placed = corners.map { ImagePoint(x: 700 + $0.x * carScale, y: 330 + $0.y * carScale) }
            }
            let truth = BoundingBox(
                x1: placed.map(\.x).min() ?? 0,
                y1: placed.map(\.y).min() ?? 0,
                x2: placed.map(\.x).max() ?? 0,
                y2: placed.map(\.y).max() ?? 0
            )
            return Scene(text: text, image: image, truth: truth)
        }
    }

    private static func paste(_ image: ImageBuffer, into canvas: ImageBuffer, x: Int, y: Int) -> ImageBuffer {
        var pixels = canvas.pixels
        for row in 0..<min(image.height, canvas.height - y) {
            let source = row * image.bytesPerRow
            let target = (y + row) * canvas.bytesPerRow + x * 3
            let count = min(image.width, canvas.width - x) * 3
            pixels.replaceSubrange(target..<(target + count), with: image.pixels[source..<(source + count)])
        }
        return ImageBuffer(
            width: canvas.width,
            height: canvas.height,
            format: .bgr24,
            bytesPerRow: canvas.bytesPerRow,
            pixels: pixels
        ) ?? canvas
    }
}

/// SplitMix64, so every run renders the same plates.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
