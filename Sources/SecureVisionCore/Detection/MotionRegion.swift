// SPDX-License-Identifier: Apache-2.0

/// A region of the frame where motion was seen.
public struct MotionRegion: Sendable, Hashable {
    /// The box in full-frame pixels.
    public var box: BoundingBox
    /// The changed area in full-frame pixels.
    public var area: Double

    public init(box: BoundingBox, area: Double) {
        self.box = box
        self.area = area
    }
}

/// The motion detector's answer for one frame.
public struct MotionResult: Sendable, Hashable {
    /// The moving regions, largest first.
    public var regions: [MotionRegion]
    /// The fraction of the small frame that changed, 0...1.
    public var changedFraction: Double
    /// Whether the background was reset on this frame (first frame, new size, or most of it changed at once).
    public var recalibrated: Bool

    public init(regions: [MotionRegion], changedFraction: Double, recalibrated: Bool) {
        self.regions = regions
        self.changedFraction = changedFraction
        self.recalibrated = recalibrated
    }

    /// Whether there is motion worth running the heavy detectors for.
    public var hasMotion: Bool { !regions.isEmpty }
}
