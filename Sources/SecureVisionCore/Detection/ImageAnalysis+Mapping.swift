// SPDX-License-Identifier: Apache-2.0

extension ImageAnalysis {
    /// This analysis with every box and point moved from one image's pixels to another's:
    /// `p' = p * scale + offset`, as from a shrunk crop back to the full frame.
    /// - Parameters:
    ///   - scaleX: The horizontal scale.
    ///   - scaleY: The vertical scale.
    ///   - offsetX: Added horizontally after scaling.
    ///   - offsetY: Added vertically after scaling.
    /// - Returns: The mapped analysis.
    public func mapped(scaleX: Double, scaleY: Double, offsetX: Double = 0, offsetY: Double = 0) -> ImageAnalysis {
        func box(_ box: BoundingBox) -> BoundingBox {
            BoundingBox(
                x1: box.x1 * scaleX + offsetX,
                y1: box.y1 * scaleY + offsetY,
                x2: box.x2 * scaleX + offsetX,
                y2: box.y2 * scaleY + offsetY
            )
        }
        func point(_ point: ImagePoint) -> ImagePoint {
            ImagePoint(x: point.x * scaleX + offsetX, y: point.y * scaleY + offsetY)
        }
        return ImageAnalysis(
            faces: faces.map { face in
                var detection = face.detection
                detection.box = box(detection.box)
                detection.landmarks = detection.landmarks.map(point)
                return RecognizedFace(detection: detection, match: face.match)
            },
            objects: objects.map { ObjectDetection(label: $0.label, box: box($0.box), score: $0.score) },
            plates: plates.map { plate in
                var read = plate
                read.detection.box = box(plate.detection.box)
                read.detection.corners = plate.detection.corners.map(point)
                return read
            }
        )
    }
}
