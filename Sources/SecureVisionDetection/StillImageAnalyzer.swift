// SPDX-License-Identifier: Apache-2.0

public import SecureVisionCore

/// Runs every detector on a still image: faces (with the gallery), people and vehicles, and plates.
///
/// Faces and objects are found at an analysis size (the image shrunk so its longer side is at most
/// `analysisMaxSide`), then reported in the original pixels; plates are detected and read on the original
/// image, on the full frame and inside vehicle boxes.
public struct StillImageAnalyzer: Sendable {
    public let faces: FaceRecognizer?
    public let objects: ObjectDetector
    public let plates: PlateReader?
    public var gallery: FaceGallery
    /// The longer side of the image used for faces and objects.
    public var analysisMaxSide: Int

    /// Loads the detectors that the settings enable.
    /// - Parameters:
    ///   - models: Where the model files are.
    ///   - face: The `FACE` settings; no face detector is loaded when disabled.
    ///   - plates: The `PLATES` settings; no plate reader is loaded when disabled.
    ///   - gallery: The face matcher.
    ///   - lists: The plate lists.
    ///   - analysisMaxSide: The longer side of the analysis image.
    /// - Throws: ``VisionError`` when the native call fails.
    public init(
        models: ModelFiles,
        face: FaceSettings,
        plates: PlateSettings,
        gallery: FaceGallery,
        lists: PlateListMatcher,
        analysisMaxSide: Int = 1280
    ) throws {
        self.faces = face.enabled ? try FaceRecognizer(models: models, settings: face) : nil
        self.objects = try ObjectDetector(modelPath: models.objectDetector)
        self.plates = plates.enabled ? try PlateReader(models: models, settings: plates, lists: lists) : nil
        self.gallery = gallery
        self.analysisMaxSide = analysisMaxSide
    }

    /// Analyses one image.
    /// - Parameter image: A BGR image of any size.
    /// - Returns: Faces, objects and plates in the pixels of `image`.
    /// - Throws: ``VisionError`` when the native call fails.
    public func analyze(_ image: ImageBuffer) throws -> ImageAnalysis {
        let longer = max(image.width, image.height)
        let scale = longer > analysisMaxSide ? Double(longer) / Double(analysisMaxSide) : 1
        let small =
            scale > 1
            ? try ImageCodec.resize(
                image,
                to: PixelSize(
                    width: max(1, Int(Double(image.width) / scale)),
                    height: max(1, Int(Double(image.height) / scale))
                )
            ) : image
        let sx = Double(image.width) / Double(small.width)
        let sy = Double(image.height) / Double(small.height)

        let recognized = try faces?.recognize(in: small, gallery: gallery) ?? []
        let found = try objects.detect(in: small).map { object in
            ObjectDetection(label: object.label, box: object.box.scaled(x: sx, y: sy), score: object.score)
        }
        let reads = try plates?.read(in: image, vehicles: found) ?? []
        return ImageAnalysis(
            faces: recognized.map { face in
                var detection = face.detection
                detection.box = detection.box.scaled(x: sx, y: sy)
                detection.landmarks = detection.landmarks.map { $0.scaled(x: sx, y: sy) }
                return RecognizedFace(detection: detection, match: face.match)
            },
            objects: found,
            plates: reads
        )
    }
}
