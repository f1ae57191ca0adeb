// SPDX-License-Identifier: Apache-2.0

/// One decoded camera frame, ready for analysis.
public struct Frame: Sendable {
    public var cameraID: String
    /// Increases by one for every frame the source delivers, dropped ones included.
    public var sequence: UInt64
    /// The stream's presentation time in seconds, when the stream has one.
    public var presentationTime: Double?
    /// Wall-clock capture time in milliseconds since the Unix epoch.
    public var captureTimeMs: Int64
    /// The frame's size as decoded, before scaling; boxes are reported in these coordinates.
    public var sourceSize: PixelSize
    /// BGR at the analysis size, for the detectors.
    public var image: ImageBuffer
    /// A small grey frame (about 180 px high) for motion detection, when made.
    public var motionImage: ImageBuffer?

    public init(
        cameraID: String,
        sequence: UInt64,
        presentationTime: Double?,
        captureTimeMs: Int64,
        sourceSize: PixelSize,
        image: ImageBuffer,
        motionImage: ImageBuffer?
    ) {
        self.cameraID = cameraID
        self.sequence = sequence
        self.presentationTime = presentationTime
        self.captureTimeMs = captureTimeMs
        self.sourceSize = sourceSize
        self.image = image
        self.motionImage = motionImage
    }
}
