// SPDX-License-Identifier: Apache-2.0

/// The object classes SecureVision reports, with their COCO class indices.
public enum ObjectLabel: String, Sendable, Hashable, Codable, CaseIterable {
    case person, bicycle, car, motorcycle, bus, truck

    /// The class index in the 80-class COCO list the detector was trained on.
    public var cocoIndex: Int {
        switch self {
        case .person: 0
        case .bicycle: 1
        case .car: 2
        case .motorcycle: 3
        case .bus: 5
        case .truck: 7
        }
    }

    /// The label for a COCO class index, or `nil` for classes SecureVision ignores.
    public init?(cocoIndex: Int) {
        guard let label = Self.allCases.first(where: { $0.cocoIndex == cocoIndex }) else { return nil }
        self = label
    }

    /// Whether the object may carry a licence plate.
    public var isVehicle: Bool {
        switch self {
        case .car, .motorcycle, .bus, .truck: true
        case .person, .bicycle: false
        }
    }
}

/// A person or vehicle found by the object detector.
public struct ObjectDetection: Sendable, Hashable {
    public var label: ObjectLabel
    /// The box in full-frame pixels.
    public var box: BoundingBox
    /// The detector's confidence, 0...1.
    public var score: Double

    public init(label: ObjectLabel, box: BoundingBox, score: Double) {
        self.label = label
        self.box = box
        self.score = score
    }
}
