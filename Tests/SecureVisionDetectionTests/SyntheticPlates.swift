// SPDX-License-Identifier: Apache-2.0

import Foundation
import SecureVisionCore
import SecureVisionDetection
import Testing

/// A deterministic set of synthetic plates on real vehicle photos.
struct SyntheticPlate {
    var text: String
    var image: ImageBuffer
    /// Where the plate was drawn.
    var corners: [ImagePoint]
    /// Whether the scene is a large frame where the plate is small (vehicle boxes needed with the 320 model).
    var isSmallInFrame: Bool
}

/// SplitMix64, so every run renders the same plates.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

enum SyntheticPlates {
    /// The plate of `licenseplate_motion.jpg`, which every synthetic plate covers.
    static let plateCentre = ImagePoint(x: 298, y: 260)
    static let letters = Array("ABCDEFGHJKLMNPRSTUVWXYZ")
    static let digits = Array("0123456789")

    static func text(using random: inout SeededGenerator) -> String {
        let formats = ["LLDDLLL", "LLLDDDD", "DLLLDDD", "LLDDDLL", "LDDDLLL", "LLLDDL"]
        let format = formats[Int.random(in: 0..<formats.count, using: &random)]
        return String(
            format.map { kind in
                kind == "L"
                    ? letters[Int.random(in: 0..<letters.count, using: &random)]
                    : digits[Int.random(in: 0..<digits.count, using: &random)]
            }
        )
    }

    /// Corners of a plate around `centre`, `width` wide at the 3.1:1 aspect, rotated by `angle` degrees,
    /// with the right edge `skew` times taller than the left (perspective).
    static func quad(centre: ImagePoint, width: Double, angle: Double, skew: Double) -> [ImagePoint] {
        let height = width / 3.1
        let left = height / 2
        let right = height * skew / 2
        let points = [(-width / 2, -left), (width / 2, -right), (width / 2, right), (-width / 2, left)]
        let radians = angle * .pi / 180
        return points.map { x, y in
            ImagePoint(
                x: centre.x + x * cos(radians) - y * sin(radians),
                y: centre.y + x * sin(radians) + y * cos(radians)
            )
        }
    }

    /// Renders `count` plates: two thirds on the car photo (as is and mirrored), one third on a 1280x720
    /// surveillance frame with the car pasted in small.
    static func make(count: Int, seed: UInt64 = 4) throws -> [SyntheticPlate] {
        var random = SeededGenerator(state: seed)
        let car = try TestData.image("licenseplate_motion.jpg")
        let mirroredCar = ImageComposer.mirrored(car)
        let street = try ImageCodec.resize(
            try TestData.image("vtest_frame100.png"),
            to: PixelSize(width: 1280, height: 720)
        )
        let fonts = PlateSynthesizer.Font.allCases.filter { $0 != .scriptSimplex && $0 != .plain }
        var plates: [SyntheticPlate] = []
        for index in 0..<count {
            let text = text(using: &random)
            let font = fonts[index % fonts.count]
            let thickness = Int.random(in: 5...9, using: &random)
            let angle = Double.random(in: -7...7, using: &random)
            let skew = Double.random(in: 0.85...1.15, using: &random)
            let width = Double.random(in: 195...230, using: &random)
            let blur = Double.random(in: 0...1.3, using: &random)
            let quality = Int.random(in: 35...85, using: &random)
            let mirrored = index % 3 == 1
            let centre = mirrored ? ImagePoint(x: Double(car.width) - plateCentre.x, y: plateCentre.y) : plateCentre
            let corners = quad(centre: centre, width: width, angle: angle, skew: skew)
            let background = mirrored ? mirroredCar : car
            if index % 3 == 2 {
                // The car at half size on the street frame: the plate is ~105 px wide in 1280.
                let onCar = try PlateSynthesizer.render(
                    text,
                    onto: car,
                    corners: corners,
                    font: font,
                    thickness: thickness
                )
                let small = try ImageCodec.resize(onCar, to: PixelSize(width: 300, height: 241))
                let scene = ImageComposer.paste(small, into: street, x: 700, y: 330)
                let blurred = try ImageCodec.decode(try ImageCodec.encodeJPEG(scene, quality: quality))
                let placed = corners.map { ImagePoint(x: 700 + $0.x * 0.5, y: 330 + $0.y * 0.5) }
                plates.append(SyntheticPlate(text: text, image: blurred, corners: placed, isSmallInFrame: true))
            } else {
                let image = try PlateSynthesizer.render(
                    text,
                    onto: background,
                    corners: corners,
                    font: font,
                    thickness: thickness,
                    blurSigma: blur,
                    jpegQuality: quality
                )
                plates.append(SyntheticPlate(text: text, image: image, corners: corners, isSmallInFrame: false))
            }
        }
        return plates
    }
}
