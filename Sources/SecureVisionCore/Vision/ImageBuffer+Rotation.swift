// SPDX-License-Identifier: Apache-2.0

extension ImageBuffer {
    /// The image turned by 180 degrees, for cameras mounted upside down (`VIDEO__ROTATE_180`).
    ///
    /// Row padding is dropped: the result is tightly packed.
    public func rotated180() -> ImageBuffer {
        let channels = format.channels
        let rowBytes = width * channels
        var rotated = [UInt8](repeating: 0, count: rowBytes * height)
        pixels.withUnsafeBufferPointer { source in
            rotated.withUnsafeMutableBufferPointer { target in
                for y in 0..<height {
                    let sourceRow = y * bytesPerRow
                    let targetRow = (height - 1 - y) * rowBytes
                    for x in 0..<width {
                        let from = sourceRow + x * channels
                        let to = targetRow + (width - 1 - x) * channels
                        for channel in 0..<channels {
                            target[to + channel] = source[from + channel]
                        }
                    }
                }
            }
        }
        // The size and layout are unchanged and the array is exactly large enough.
        return ImageBuffer(width: width, height: height, format: format, pixels: rotated) ?? self
    }
}
