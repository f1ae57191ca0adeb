// SPDX-License-Identifier: Apache-2.0

/// A point in pixel coordinates of the full camera frame.
public struct ImagePoint: Sendable, Hashable, Codable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    /// This point scaled by `sx` horizontally and `sy` vertically (from analysis size to full frame).
    public func scaled(x sx: Double, y sy: Double) -> ImagePoint {
        ImagePoint(x: x * sx, y: y * sy)
    }
}
