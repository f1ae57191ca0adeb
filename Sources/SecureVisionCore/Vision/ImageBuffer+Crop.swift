// SPDX-License-Identifier: Apache-2.0

extension ImageBuffer {
    /// The part of this image inside `box`, clipped to the image, as a tightly packed copy.
    /// - Parameter box: The region in this image's pixels.
    /// - Returns: The crop, or `nil` when the clipped region is empty.
    public func cropped(to box: BoundingBox) -> ImageBuffer? {
        let x1 = max(0, min(width, Int(box.x1.rounded(.down))))
        let y1 = max(0, min(height, Int(box.y1.rounded(.down))))
        let x2 = max(0, min(width, Int(box.x2.rounded(.up))))
        let y2 = max(0, min(height, Int(box.y2.rounded(.up))))
        guard x2 > x1, y2 > y1 else { return nil }
        let channels = format.channels
        let rowBytes = (x2 - x1) * channels
        var copy = [UInt8]()
        copy.reserveCapacity(rowBytes * (y2 - y1))
        for row in y1..<y2 {
            let start = row * bytesPerRow + x1 * channels
            copy.append(contentsOf: pixels[start..<start + rowBytes])
        }
        return ImageBuffer(width: x2 - x1, height: y2 - y1, format: format, pixels: copy)
    }
}
