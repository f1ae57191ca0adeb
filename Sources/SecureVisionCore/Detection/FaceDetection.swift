// SPDX-License-Identifier: Apache-2.0

/// A face found by the face detector.
public struct FaceDetection: Sendable, Hashable {
    /// The face box in full-frame pixels.
    public var box: BoundingBox
    /// The detector's confidence, 0...1.
    public var score: Double
    /// Five landmarks: right eye, left eye, nose tip, right and left mouth corners (as seen in the image).
    public var landmarks: [ImagePoint]

    public init(box: BoundingBox, score: Double, landmarks: [ImagePoint]) {
        self.box = box
        self.score = score
        self.landmarks = landmarks
    }

    /// The shorter side of the box, which the minimum face size is compared with.
    public var size: Double { min(box.width, box.height) }
}
