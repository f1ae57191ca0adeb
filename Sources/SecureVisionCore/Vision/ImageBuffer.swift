// SPDX-License-Identifier: Apache-2.0

/// The pixel layout of an ``ImageBuffer``.
public enum PixelFormat: String, Sendable, Hashable {
    /// 8-bit blue, green, red, interleaved: what the OpenCV detectors take.
    case bgr24
    /// 8-bit luma: what motion detection takes.
    case gray8

    /// Bytes per pixel.
    public var channels: Int {
        switch self {
        case .bgr24: 3
        case .gray8: 1
        }
    }
}

/// An image in memory, owned by Swift and safe to hand between threads.
///
/// The pixels are a copy-on-write array, so passing a frame along costs no copy.
public struct ImageBuffer: Sendable, Hashable {
    public let width: Int
    public let height: Int
    public let format: PixelFormat
    /// Bytes from one row to the next; at least `width * format.channels`.
    public let bytesPerRow: Int
    public let pixels: [UInt8]

    /// Wraps `pixels`, or returns `nil` when they are too few for the size and layout given.
    public init?(width: Int, height: Int, format: PixelFormat, bytesPerRow: Int? = nil, pixels: [UInt8]) {
        let stride = bytesPerRow ?? width * format.channels
        guard width > 0, height > 0, stride >= width * format.channels, pixels.count >= stride * height else {
            return nil
        }
        self.width = width
        self.height = height
        self.format = format
        self.bytesPerRow = stride
        self.pixels = pixels
    }

    /// The size in pixels.
    public var size: PixelSize { PixelSize(width: width, height: height) }
}
