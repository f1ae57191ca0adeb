// SPDX-License-Identifier: Apache-2.0

public import SecureVisionCore

/// Finds, reads, normalises and list-matches licence plates.
///
/// Plates are searched on the whole frame, inside vehicle boxes, or both (see ``SearchArea``); the 320
/// detector finds small plates only inside vehicle boxes, where they fill more of its input.
public struct PlateReader: Sendable {
    /// Where plates are searched.
    public enum SearchArea: Sendable, Hashable {
        /// The whole frame (or the configured region of interest).
        case fullFrame
        /// Inside each vehicle box given to ``read(in:vehicles:)``.
        case vehicles
        /// Both, merged.
        case fullFrameAndVehicles
    }

    public let detector: PlateDetector
    public let recognizer: TextRecognizer
    public var normalizer: PlateTextNormalizer
    public var lists: PlateListMatcher
    public var settings: PlateSettings
    public var searchArea: SearchArea
    /// The real plate's width-to-height ratio used for rectification.
    public var aspect: Double

    /// Loads the detector (`settings.detector.modelPath`, or the bundled model for
    /// `settings.detector.inputSize`, 320 or 640) and the recogniser.
    /// - Parameters:
    ///   - models: Where the model files are.
    ///   - settings: The `PLATES` settings.
    ///   - lists: The allow and deny lists.
    ///   - searchArea: Where plates are searched.
    ///   - aspect: The real plate's width-to-height ratio (3.1 for a one-row plate).
    /// - Throws: ``VisionError`` when a model does not load or the format regex does not compile.
    public init(
        models: ModelFiles,
        settings: PlateSettings,
        lists: PlateListMatcher,
        searchArea: SearchArea = .fullFrameAndVehicles,
        aspect: Double = 3.1
    ) throws {
        let size = settings.detector.inputSize
        let modelPath = settings.detector.modelPath ?? models.plateDetector(inputSize: size)
        detector = try PlateDetector(modelPath: modelPath, inputSize: size)
        recognizer = try TextRecognizer(modelPath: models.textRecognizer, dictionaryPath: models.textDictionary)
        normalizer = try PlateTextNormalizer(settings: settings)
        self.lists = lists
        self.settings = settings
        self.searchArea = searchArea
        self.aspect = aspect
    }

    /// Finds and reads every plate.
    /// - Parameters:
    ///   - image: A BGR image.
    ///   - vehicles: Vehicle detections in the pixels of `image` (people and bicycles are ignored).
    /// - Returns: One read per plate, best detection first.
    /// - Throws: ``VisionError`` when the native call fails.
    public func read(in image: ImageBuffer, vehicles: [ObjectDetection] = []) throws -> [PlateRead] {
        try detect(in: image, vehicles: vehicles).map { try read($0, in: image) }
    }

    /// Finds plates without reading them.
    /// - Parameters:
    ///   - image: A BGR image.
    ///   - vehicles: Vehicle detections in the pixels of `image`.
    /// - Returns: The plates, overlapping duplicates removed, best score first.
    /// - Throws: ``VisionError`` when the native call fails.
    public func detect(in image: ImageBuffer, vehicles: [ObjectDetection] = []) throws -> [PlateDetection] {
        let detectorSettings = settings.detector
        var found: [PlateDetection] = []
        if searchArea != .vehicles {
            found += try detector.detect(
                in: image,
                region: regionOfInterest(in: image),
                scoreThreshold: detectorSettings.confThreshold,
                nmsThreshold: detectorSettings.iouThreshold
            )
        }
        if searchArea != .fullFrame {
            for vehicle in vehicles where vehicle.label.isVehicle {
                found += try detector.detect(
                    in: image,
                    region: vehicle.box,
                    scoreThreshold: detectorSettings.confThreshold,
                    nmsThreshold: detectorSettings.iouThreshold
                )
            }
        }
        var kept: [PlateDetection] = []
        for plate in found.sorted(by: { $0.score > $1.score }) where kept.allSatisfy({ $0.box.iou(plate.box) < 0.3 }) {
            kept.append(plate)
        }
        return Array(kept.prefix(max(1, detectorSettings.maxDet)))
    }

    /// Reads, normalises and matches one detected plate.
    /// - Parameters:
    ///   - plate: A detection from ``detect(in:vehicles:)``.
    ///   - image: The image it was found in.
    /// - Returns: The read; `textClean` is `nil` below `MIN_CONFIDENCE` or when normalisation rejects the text.
    /// - Throws: ``VisionError`` when the native call fails.
    public func read(_ plate: PlateDetection, in image: ImageBuffer) throws -> PlateRead {
        let reading = try recognizer.read(image, corners: plate.corners, aspect: aspect)
        let raw = String(
            reading.text.unicodeScalars.filter { ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == " " }
        )
        let clean = reading.confidence >= settings.minConfidence ? normalizer.normalize(raw) : nil
        let match = clean.flatMap(lists.match)
        return PlateRead(
            detection: plate,
            textRaw: raw,
            textClean: clean,
            confidence: reading.confidence,
            matchedList: match?.list,
            matchedPlate: match?.plate
        )
    }

    private func regionOfInterest(in image: ImageBuffer) -> BoundingBox? {
        let roi = settings.roi
        guard roi.enabled else { return nil }
        return BoundingBox(
            x1: Double(roi.x1),
            y1: Double(roi.y1),
            x2: Double(roi.x2 > 0 ? roi.x2 : image.width),
            y2: Double(roi.y2 > 0 ? roi.y2 : image.height)
        )
    }
}
