// SPDX-License-Identifier: Apache-2.0

/// The detectors as the pipeline sees them: blocking calls made on the pipeline's own threads.
///
/// Every method blocks while native code runs, so callers keep them off the Swift cooperative pool.
/// Implementations are safe to call from several threads at once.
public protocol VisionEngine: Sendable {
    /// Runs the detectors in `detectors` on one image.
    /// - Parameters:
    ///   - image: A BGR image.
    ///   - detectors: Which detector families to run; the others report nothing.
    /// - Returns: What was found, in the pixels of `image`, and how long each family took.
    /// - Throws: An error when the native call fails.
    func analyze(_ image: ImageBuffer, detectors: Set<DetectorKind>) throws -> FrameAnalysis

    /// Makes a motion detector for one camera; it keeps that camera's background model.
    /// - Returns: A new detector.
    /// - Throws: An error when the native state cannot be made.
    func makeMotionDetector() throws -> any MotionDetecting

    /// Encodes `image` as JPEG.
    /// - Parameters:
    ///   - image: A BGR or grey image.
    ///   - quality: 1...100.
    /// - Returns: The JPEG bytes.
    /// - Throws: An error when encoding fails.
    func encodeJPEG(_ image: ImageBuffer, quality: Int) throws -> [UInt8]
}

/// One camera's motion detector: compares each small grey frame with a background model.
public protocol MotionDetecting: AnyObject, Sendable {
    /// Feeds one frame and reports where it moved.
    /// - Parameters:
    ///   - image: The small grey motion frame.
    ///   - frameSize: The full frame's size, so regions come back in full-frame pixels.
    /// - Returns: The moving regions.
    /// - Throws: An error when the native call fails.
    func update(_ image: ImageBuffer, frameSize: PixelSize) throws -> MotionResult
}

/// What ``VisionEngine/analyze(_:detectors:)`` found on one image and what it cost.
public struct FrameAnalysis: Sendable, Hashable {
    /// The detections, in the analysed image's pixels.
    public var analysis: ImageAnalysis
    /// Seconds spent per detector family.
    public var seconds: [DetectorKind: Double]

    /// Makes an analysis.
    /// - Parameters:
    ///   - analysis: The detections.
    ///   - seconds: Seconds spent per detector family.
    public init(analysis: ImageAnalysis = ImageAnalysis(), seconds: [DetectorKind: Double] = [:]) {
        self.analysis = analysis
        self.seconds = seconds
    }

    /// Adds `other`'s detections and times to these.
    /// - Parameter other: The analysis of another region of the same frame.
    public mutating func merge(_ other: FrameAnalysis) {
        analysis.faces += other.analysis.faces
        analysis.objects += other.analysis.objects
        analysis.plates += other.analysis.plates
        seconds.merge(other.seconds, uniquingKeysWith: +)
    }
}
