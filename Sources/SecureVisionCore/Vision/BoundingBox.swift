// SPDX-License-Identifier: Apache-2.0

/// An axis-aligned box in pixel coordinates of the full camera frame, as the API's `bbox`.
public struct BoundingBox: Sendable, Hashable, Codable {
    public var x1: Double
    public var y1: Double
    public var x2: Double
    public var y2: Double

    public init(x1: Double, y1: Double, x2: Double, y2: Double) {
        self.x1 = x1
        self.y1 = y1
        self.x2 = x2
        self.y2 = y2
    }

    public var width: Double { max(0, x2 - x1) }
    public var height: Double { max(0, y2 - y1) }
    public var area: Double { width * height }

    /// Intersection over union with `other`, 0 when they do not overlap.
    public func iou(_ other: BoundingBox) -> Double {
        let intersection = BoundingBox(
            x1: max(x1, other.x1),
            y1: max(y1, other.y1),
            x2: min(x2, other.x2),
            y2: min(y2, other.y2)
        )
        let overlap = intersection.area
        let union = area + other.area - overlap
        return union > 0 ? overlap / union : 0
    }

    /// This box scaled by `sx` horizontally and `sy` vertically (from analysis size to full frame).
    public func scaled(x sx: Double, y sy: Double) -> BoundingBox {
        BoundingBox(x1: x1 * sx, y1: y1 * sy, x2: x2 * sx, y2: y2 * sy)
    }
}
