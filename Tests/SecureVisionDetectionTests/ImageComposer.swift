// SPDX-License-Identifier: Apache-2.0

import SecureVisionCore
import SecureVisionDetection

/// Pixel-level helpers for building test scenes out of real photos.
enum ImageComposer {
    /// Pastes `image` into `canvas` with its top-left corner at `x`, `y` (clipped to the canvas).
    static func paste(_ image: ImageBuffer, into canvas: ImageBuffer, x: Int, y: Int) -> ImageBuffer {
        var pixels = canvas.pixels
        let channels = canvas.format.channels
        for row in 0..<image.height where (0..<canvas.height).contains(y + row) {
            for column in 0..<image.width where (0..<canvas.width).contains(x + column) {
                let source = row * image.bytesPerRow + column * channels
                let target = (y + row) * canvas.bytesPerRow + (x + column) * channels
                for channel in 0..<channels { pixels[target + channel] = image.pixels[source + channel] }
            }
        }
        return ImageBuffer(
            width: canvas.width,
            height: canvas.height,
            format: canvas.format,
            bytesPerRow: canvas.bytesPerRow,
            pixels: pixels
        ) ?? canvas
    }

    /// Places images side by side on a grey canvas, each scaled to `height`.
    static func sideBySide(_ images: [ImageBuffer], height: Int) throws -> ImageBuffer {
        let scaled = try images.map { image in
            try ImageCodec.resize(image, to: PixelSize(width: image.width * height / image.height, height: height))
        }
        let width = scaled.reduce(0) { $0 + $1.width }
        var canvas = try requireNonNilValue(
            ImageBuffer(
                width: width,
                height: height,
                format: .bgr24,
                pixels: [UInt8](repeating: 128, count: width * height * 3)
            )
        )
        var x = 0
        for image in scaled {
            canvas = paste(image, into: canvas, x: x, y: 0)
            x += image.width
        }
        return canvas
    }

    /// Mirrors an image left to right.
    static func mirrored(_ image: ImageBuffer) -> ImageBuffer {
        var pixels = image.pixels
        let channels = image.format.channels
        for row in 0..<image.height {
            for column in 0..<image.width {
                let source = row * image.bytesPerRow + column * channels
                let target = row * image.bytesPerRow + (image.width - 1 - column) * channels
                for channel in 0..<channels { pixels[target + channel] = image.pixels[source + channel] }
            }
        }
        return ImageBuffer(
            width: image.width,
            height: image.height,
            format: image.format,
            bytesPerRow: image.bytesPerRow,
            pixels: pixels
        ) ?? image
    }
}

struct MissingValue: Error {}

func requireNonNilValue<T>(_ value: T?) throws -> T {
    guard let value else { throw MissingValue() }
    return value
}
