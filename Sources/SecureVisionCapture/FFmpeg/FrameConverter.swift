// SPDX-License-Identifier: Apache-2.0

internal import CFFmpeg
internal import SecureVisionCore

/// Turns decoded frames into Swift-owned BGR and grey images with libswscale.
///
/// Not `Sendable`: made, used and freed on the capture thread only. The scaler contexts are
/// cached and remade only when the input or output size or format changes.
final class FrameConverter {
    private var colourContext: OpaquePointer?
    private var greyContext: OpaquePointer?

    init() {}

    deinit {
        sws_freeContext(colourContext)
        sws_freeContext(greyContext)
    }

    /// Scales `frame` to BGR at `size`.
    /// - Returns: The image, or `nil` when the frame cannot be converted.
    func bgr(_ frame: UnsafeMutablePointer<AVFrame>, size: PixelSize) -> ImageBuffer? {
        scale(frame, size: size, format: .bgr24, context: &colourContext)
    }

    /// Scales `frame` to 8-bit grey at `size`.
    /// - Returns: The image, or `nil` when the frame cannot be converted.
    func grey(_ frame: UnsafeMutablePointer<AVFrame>, size: PixelSize) -> ImageBuffer? {
        scale(frame, size: size, format: .gray8, context: &greyContext)
    }

    private func scale(
        _ frame: UnsafeMutablePointer<AVFrame>,
        size: PixelSize,
        format: PixelFormat,
        context: inout OpaquePointer?
    ) -> ImageBuffer? {
        let source = frame.pointee
        guard source.width > 0, source.height > 0, size.width > 0, size.height > 0 else { return nil }
        let target = format == .bgr24 ? AV_PIX_FMT_BGR24 : AV_PIX_FMT_GRAY8
        let flags = format == .bgr24 ? SWS_BILINEAR : SWS_FAST_BILINEAR
        context = sws_getCachedContext(
            context,
            source.width,
            source.height,
            AVPixelFormat(rawValue: source.format),
            Int32(size.width),
            Int32(size.height),
            target,
            flags,
            nil,
            nil,
            nil
        )
        guard let context else { return nil }
        // Rows packed without padding, so every byte of the array is written by sws_scale.
        let stride = size.width * format.channels
        var scaled: Int32 = 0
        let pixels = [UInt8](unsafeUninitializedCapacity: stride * size.height) { buffer, count in
            guard let base = buffer.baseAddress else { return }
            scaled = sv_scale_frame(context, frame, base, Int32(stride))
            count = scaled > 0 ? buffer.count : 0
        }
        guard scaled > 0 else { return nil }
        return ImageBuffer(width: size.width, height: size.height, format: format, bytesPerRow: stride, pixels: pixels)
    }
}
