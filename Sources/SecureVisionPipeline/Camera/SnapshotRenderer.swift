// SPDX-License-Identifier: Apache-2.0

public import SecureVisionCore

/// Encodes the JPEGs an event carries: the best frame of its track, and a crop of the face or plate.
///
/// Encoding is native work, so the runner calls this on the camera's own thread.
public struct SnapshotRenderer: Sendable {
    /// The JPEG quality, 1...100.
    public var quality: Int
    /// Context added around the crop on each side, as a fraction of the box's size.
    public var cropMargin: Double

    /// Makes a renderer.
    /// - Parameters:
    ///   - quality: The JPEG quality.
    ///   - cropMargin: Context around the crop, as a fraction of the box's size.
    public init(quality: Int = 85, cropMargin: Double = 0.2) {
        self.quality = quality
        self.cropMargin = cropMargin
    }

    /// The snapshot and crop of one decision.
    /// - Parameters:
    ///   - decided: The decision and its best frame.
    ///   - wantsCrop: Whether to make a crop (faces and plates) or only the snapshot (objects).
    ///   - engine: The encoder.
    /// - Returns: The snapshot and the crop, if one was asked for and the box lies in the frame.
    /// - Throws: What the encoder throws.
    public func render(_ decided: CameraPipeline.Decided, wantsCrop: Bool, engine: any VisionEngine) throws
        -> (snapshot: [UInt8], crop: [UInt8]?)
    {
        let frame = decided.frame
        let snapshot = try engine.encodeJPEG(frame.image, quality: quality)
        guard wantsCrop else { return (snapshot, nil) }
        // The best observation may come from this frame only; its box is in source pixels.
        let box = decided.decision.track.best.box
        let scaleX = Double(frame.image.width) / Double(frame.sourceSize.width)
        let scaleY = Double(frame.image.height) / Double(frame.sourceSize.height)
        let marginX = box.width * cropMargin
        let marginY = box.height * cropMargin
        let padded = BoundingBox(
            x1: (box.x1 - marginX) * scaleX,
            y1: (box.y1 - marginY) * scaleY,
            x2: (box.x2 + marginX) * scaleX,
            y2: (box.y2 + marginY) * scaleY
        )
        guard let crop = frame.image.cropped(to: padded) else { return (snapshot, nil) }
        return (snapshot, try engine.encodeJPEG(crop, quality: quality))
    }
}
