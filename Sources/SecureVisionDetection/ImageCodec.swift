// SPDX-License-Identifier: Apache-2.0

internal import CVisionKit
public import Foundation
public import SecureVisionCore

/// Decodes, resizes and encodes images through OpenCV.
public enum ImageCodec {
    /// Decodes a JPEG, PNG, BMP, TIFF or WebP image into BGR.
    /// - Parameter data: The encoded file.
    /// - Returns: The image as 8-bit BGR.
    /// - Throws: ``VisionError`` with code `decode` when the data is empty or not an image.
    public static func decode(_ data: Data) throws -> ImageBuffer {
        guard !data.isEmpty else { throw VisionError(.decode, "empty image data") }
        var image = sv_image()
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            try NativeCall.run("image decoding") { sv_image_decode(bytes.baseAddress, bytes.count, &image, $0) }
        }
        return try ImageBuffer.adopting(image)
    }

    /// Reads and decodes an image file.
    /// - Parameter path: The file to read.
    /// - Returns: The image as 8-bit BGR.
    /// - Throws: ``VisionError`` with code `io` when the file cannot be read, or `decode` when it is no image.
    public static func load(contentsOf path: String) throws -> ImageBuffer {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw VisionError(.io, "cannot read \(path)")
        }
        do {
            return try decode(data)
        } catch let error as VisionError {
            throw VisionError(error.code, "\(path): \(error.message)")
        }
    }

    /// Resizes an image.
    /// - Parameters:
    ///   - image: The image to resize.
    ///   - size: The new size.
    /// - Returns: The resized image, area-interpolated when shrinking.
    /// - Throws: ``VisionError`` when the native call fails.
    public static func resize(_ image: ImageBuffer, to size: PixelSize) throws -> ImageBuffer {
        var output = sv_image()
        try image.withNativeView { view in
            try NativeCall.run("resize") { sv_image_resize(view, Int32(size.width), Int32(size.height), &output, $0) }
        }
        return try ImageBuffer.adopting(output)
    }

    /// Encodes an image as JPEG.
    /// - Parameters:
    ///   - image: The BGR or grey image.
    ///   - quality: The JPEG quality, 1...100.
    /// - Returns: The JPEG bytes.
    /// - Throws: ``VisionError`` when the native call fails.
    public static func encodeJPEG(_ image: ImageBuffer, quality: Int = 90) throws -> Data {
        var bytes: UnsafeMutablePointer<UInt8>?
        var length = 0
        try image.withNativeView { view in
            try NativeCall.run("JPEG encoding") { sv_image_encode_jpeg(view, Int32(quality), &bytes, &length, $0) }
        }
        defer { sv_buffer_free(bytes) }
        guard let bytes else { return Data() }
        return Data(bytes: bytes, count: length)
    }
}
