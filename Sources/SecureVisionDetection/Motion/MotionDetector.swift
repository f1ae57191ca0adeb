// SPDX-License-Identifier: Apache-2.0

internal import CVisionKit
internal import Foundation
public import SecureVisionCore

/// Cheap motion detection on the small grey frame that decides when the heavy detectors run.
///
/// A running average of the frame is the background; pixels that differ from it by more than the threshold
/// are dilated into blobs, and blobs above the minimum area become motion boxes. When most of the frame
/// changes at once (lights, camera moved, exposure jump) the background is reset and no motion is reported.
/// One detector per camera; calls are serialised.
public final class MotionDetector: @unchecked Sendable {
    // Invariant: `handle` is created in init, freed only in deinit, and used only while `lock` is held;
    // the background image it owns is mutated on every update.
    private let handle: OpaquePointer
    private let lock = NSLock()

    /// Creates a detector.
    /// - Parameters:
    ///   - alpha: The running-average weight of each new frame.
    ///   - threshold: The grey-level difference that counts as change.
    ///   - minAreaFraction: The smallest blob, as a fraction of the small frame's area.
    ///   - recalibrateFraction: The changed fraction above which the background is reset.
    /// - Throws: ``VisionError`` when the native call fails.
    public init(
        alpha: Double = 0.05,
        threshold: Int = 25,
        minAreaFraction: Double = 0.002,
        recalibrateFraction: Double = 0.6
    ) throws {
        var created: OpaquePointer?
        // The area is resolved per frame below; the native side gets 0 and the filter happens here.
        try NativeCall.run("motion detector") {
            sv_motion_detector_create(Float(alpha), Int32(threshold), 0, Float(recalibrateFraction), &created, $0)
        }
        guard let created else { throw VisionError(.internalError, "motion detector was not created") }
        handle = created
        self.minAreaFraction = minAreaFraction
    }

    deinit { sv_motion_detector_destroy(handle) }

    /// The smallest blob, as a fraction of the small frame's area.
    public let minAreaFraction: Double

    /// Feeds the next frame.
    /// - Parameters:
    ///   - image: The small grey (or BGR) frame.
    ///   - frameSize: The full frame's size; boxes are scaled to it.
    /// - Returns: The moving regions in full-frame pixels, largest first.
    /// - Throws: ``VisionError`` when the native call fails.
    public func update(_ image: ImageBuffer, frameSize: PixelSize) throws -> MotionResult {
        var boxes: UnsafeMutablePointer<sv_motion_box>?
        var count: Int32 = 0
        var fraction: Float = 0
        var recalibrated: Int32 = 0
        try lock.withLock {
            try image.withNativeView { view in
                try NativeCall.run("motion detection") {
                    sv_motion_detector_update(handle, view, &boxes, &count, &fraction, &recalibrated, $0)
                }
            }
        }
        let sx = Double(frameSize.width) / Double(image.width)
        let sy = Double(frameSize.height) / Double(image.height)
        let minArea = minAreaFraction * Double(image.width * image.height)
        let regions = adoptArray(boxes, count: count)
            .filter { Double($0.area) >= minArea }
            .map { box in
                MotionRegion(
                    box: BoundingBox(
                        x1: Double(box.x),
                        y1: Double(box.y),
                        x2: Double(box.x + box.width),
                        y2: Double(box.y + box.height)
                    )
                    .scaled(x: sx, y: sy),
                    area: Double(box.area) * sx * sy
                )
            }
            .sorted { $0.area > $1.area }
        return MotionResult(regions: regions, changedFraction: Double(fraction), recalibrated: recalibrated != 0)
    }
}
