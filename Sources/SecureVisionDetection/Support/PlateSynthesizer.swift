// SPDX-License-Identifier: Apache-2.0

internal import CVisionKit
public import SecureVisionCore

/// Renders synthetic licence plates onto real photos, for tests, the benchmark and accuracy checks.
///
/// The plate is white with a dark border at the one-row 3.1:1 aspect, the text is an OpenCV Hershey font,
/// and the result can be blurred and passed through JPEG.
public enum PlateSynthesizer {
    /// A Hershey font of OpenCV's `putText`.
    public enum Font: Int32, Sendable, CaseIterable {
        case simplex = 0
        case plain = 1
        case duplex = 2
        case complex = 3
        case triplex = 4
        case scriptSimplex = 6
    }

    /// Draws `text` onto `background` inside the quadrilateral `corners`.
    /// - Parameters:
    ///   - text: The plate text.
    ///   - background: A BGR photo.
    ///   - corners: Top-left, top-right, bottom-right, bottom-left, in the photo's pixels.
    ///   - font: The font.
    ///   - thickness: The stroke width at the plate's 440x140 design size.
    ///   - blurSigma: The Gaussian blur applied to the whole photo afterwards (0 = none).
    ///   - jpegQuality: The JPEG quality the result is passed through (0 = none).
    /// - Returns: The photo with the plate.
    /// - Throws: ``VisionError`` when the native call fails.
    public static func render(
        _ text: String,
        onto background: ImageBuffer,
        corners: [ImagePoint],
        font: Font = .simplex,
        thickness: Int = 8,
        blurSigma: Double = 0,
        jpegQuality: Int = 0
    ) throws -> ImageBuffer {
        guard corners.count == 4 else { throw VisionError(.invalidArgument, "a plate needs four corners") }
        let quad = corners.flatMap { [Float($0.x), Float($0.y)] }
        var output = sv_image()
        try background.withNativeView { view in
            try NativeCall.run("plate synthesis") {
                sv_synth_plate(
                    view,
                    text,
                    font.rawValue,
                    Int32(thickness),
                    quad,
                    Float(blurSigma),
                    Int32(jpegQuality),
                    &output,
                    $0
                )
            }
        }
        return try ImageBuffer.adopting(output)
    }
}
