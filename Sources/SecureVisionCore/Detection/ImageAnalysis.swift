// SPDX-License-Identifier: Apache-2.0

/// Everything the detectors found on one image, in the image's own pixels.
public struct ImageAnalysis: Sendable, Hashable {
    public var faces: [RecognizedFace]
    public var objects: [ObjectDetection]
    public var plates: [PlateRead]

    public init(faces: [RecognizedFace] = [], objects: [ObjectDetection] = [], plates: [PlateRead] = []) {
        self.faces = faces
        self.objects = objects
        self.plates = plates
    }
}
