// SPDX-License-Identifier: Apache-2.0

internal import CVisionKit
import SecureVisionCore

extension ImageBuffer {
    /// Lends the pixels to a native call as a borrowed view.
    func withNativeView<Result>(_ body: (sv_image_view) throws -> Result) throws -> Result {
        let result: Result? = try pixels.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return nil }
            let view = sv_image_view(
                data: base,
                width: Int32(width),
                height: Int32(height),
                channels: Int32(format.channels),
                stride: Int32(bytesPerRow)
            )
            return try body(view)
        }
        guard let result else { throw VisionError(.invalidArgument, "image has no pixels") }
        return result
    }

    /// Copies a library-owned image into a Swift buffer and frees it.
    static func adopting(_ image: sv_image) throws -> ImageBuffer {
        defer { sv_buffer_free(image.data) }
        guard let data = image.data, image.width > 0, image.height > 0 else {
            throw VisionError(.internalError, "native image is empty")
        }
        let stride = Int(image.stride)
        let count = stride * Int(image.height)
        let pixels = [UInt8](UnsafeBufferPointer(start: data, count: count))
        let format: PixelFormat = image.channels == 1 ? .gray8 : .bgr24
        guard
            let buffer = ImageBuffer(
                width: Int(image.width),
                height: Int(image.height),
                format: format,
                bytesPerRow: stride,
                pixels: pixels
            )
        else { throw VisionError(.internalError, "native image has an invalid layout") }
        return buffer
    }
}

/// Copies `count` library-owned items into an array and frees them.
func adoptArray<Element>(_ items: UnsafeMutablePointer<Element>?, count: Int32) -> [Element] {
    defer { sv_buffer_free(items) }
    guard let items, count > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: items, count: Int(count)))
}
