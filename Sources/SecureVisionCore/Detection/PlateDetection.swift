// SPDX-License-Identifier: Apache-2.0

/// A licence plate found by the plate detector.
public struct PlateDetection: Sendable, Hashable {
    /// The box in full-frame pixels.
    public var box: BoundingBox
    /// The four corners: top-left, top-right, bottom-right, bottom-left.
    public var corners: [ImagePoint]
    /// The detector's confidence, 0...1.
    public var score: Double
    /// Whether the detector thinks the plate has two rows of text.
    public var isTwoRow: Bool

    public init(box: BoundingBox, corners: [ImagePoint], score: Double, isTwoRow: Bool = false) {
        self.box = box
        self.corners = corners
        self.score = score
        self.isTwoRow = isTwoRow
    }
}

/// A read licence plate: the detection, the text and the list it matched.
public struct PlateRead: Sendable, Hashable {
    public var detection: PlateDetection
    /// The recogniser's output limited to A-Z, 0-9 and spaces.
    public var textRaw: String
    /// The normalised text, or `nil` when it failed normalisation (too short, wrong format).
    public var textClean: String?
    /// The recogniser's mean character probability, 0...1.
    public var confidence: Double
    /// The list the clean text matched; the deny list wins over the allow list.
    public var matchedList: PlateList?
    /// The list entry that matched, which differs from `textClean` for a fuzzy match.
    public var matchedPlate: String?

    public init(
        detection: PlateDetection,
        textRaw: String,
        textClean: String?,
        confidence: Double,
        matchedList: PlateList?,
        matchedPlate: String?
    ) {
        self.detection = detection
        self.textRaw = textRaw
        self.textClean = textClean
        self.confidence = confidence
        self.matchedList = matchedList
        self.matchedPlate = matchedPlate
    }
}
