// SPDX-License-Identifier: Apache-2.0

public import SecureVisionCore

/// Runs the detectors on one image: faces (with the gallery), people and vehicles, and plates.
///
/// Faces and objects are found at an analysis size (the image shrunk so its longer side is at most
/// `analysisMaxSide`), then reported in the original pixels; plates are detected and read on the original
/// image, on the full frame and inside vehicle boxes. `detect` uses it for still images and
/// ``DetectionVisionEngine`` for every camera frame.
public struct StillImageAnalyzer: Sendable {
    public let faces: FaceRecognizer?
    public let objects: ObjectDetector
    /// The plate reader; its `lists` are the ones matched.
    public var plates: PlateReader?
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
        self.analysisMaxSide = max(64, analysisMaxSide)
    }

    /// Analyses one image with every detector.
    /// - Parameter image: A BGR image of any size.
    /// - Returns: Faces, objects and plates in the pixels of `image`.
    /// - Throws: ``VisionError`` when the native call fails.
    public func analyze(_ image: ImageBuffer) throws -> ImageAnalysis {
        try analyze(image, detectors: Set(DetectorKind.allCases)).analysis
    }

    /// Analyses one image with some detector families, timing each.
    /// - Parameters:
    ///   - image: A BGR image of any size.
    ///   - detectors: The families to run; the others report nothing.
    /// - Returns: What was found, in the pixels of `image`, and the seconds each family took.
    /// - Throws: ``VisionError`` when the native call fails.
    public func analyze(_ image: ImageBuffer, detectors: Set<DetectorKind>) throws -> FrameAnalysis {
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

        var result = FrameAnalysis()
        if detectors.contains(.faces), let faces {
            let found = try Self.timed(.faces, into: &result) { try faces.recognize(in: small, gallery: gallery) }
            result.analysis.faces = ImageAnalysis(faces: found).mapped(scaleX: sx, scaleY: sy).faces
        }
        // Vehicles narrow the plate search, so objects also run when only plates are wanted.
        var vehicles: [ObjectDetection] = []
        if detectors.contains(.objects) || (detectors.contains(.plates) && plates != nil) {
            let found = try Self.timed(.objects, into: &result) { try objects.detect(in: small) }
            vehicles = ImageAnalysis(objects: found).mapped(scaleX: sx, scaleY: sy).objects
            if detectors.contains(.objects) { result.analysis.objects = vehicles }
        }
        if detectors.contains(.plates), let plates {
            result.analysis.plates = try Self.timed(.plates, into: &result) {
                try plates.read(in: image, vehicles: vehicles)
            }
        }
        return result
    }

    private static func timed<T>(_ kind: DetectorKind, into result: inout FrameAnalysis, _ body: () throws -> T)
        rethrows -> T
    {
        let start = ContinuousClock.now
        defer {
            let elapsed = ContinuousClock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            result.seconds[kind, default: 0] += seconds
        }
        return try body()
    }
}
