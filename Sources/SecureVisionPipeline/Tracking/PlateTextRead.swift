// SPDX-License-Identifier: Apache-2.0

public import SecureVisionCore

/// One frame's OCR read of a plate track: the text and how sure the recogniser was.
public struct PlateTextRead: Sendable, Hashable {
    /// The recogniser's output limited to A-Z, 0-9 and spaces.
    public var textRaw: String
    /// The normalised text, or `nil` when the read failed normalisation or confidence; such reads do not vote.
    public var textClean: String?
    /// The recogniser's mean character probability, 0...1; the weight of the vote.
    public var confidence: Double
    /// The list the clean text matched, if any.
    public var matchedList: PlateList?
    /// The list entry that matched, which differs from `textClean` for a fuzzy match.
    public var matchedPlate: String?

    /// Makes a read.
    /// - Parameters:
    ///   - textRaw: The raw text.
    ///   - textClean: The normalised text, or `nil` when unusable.
    ///   - confidence: The recogniser's confidence.
    ///   - matchedList: The list the text matched.
    ///   - matchedPlate: The list entry that matched.
    public init(
        textRaw: String,
        textClean: String?,
        confidence: Double,
        matchedList: PlateList? = nil,
        matchedPlate: String? = nil
    ) {
        self.textRaw = textRaw
        self.textClean = textClean
        self.confidence = confidence
        self.matchedList = matchedList
        self.matchedPlate = matchedPlate
    }

    /// Makes the read of a detected plate.
    /// - Parameter plate: The detection module's read.
    public init(_ plate: PlateRead) {
        self.init(
            textRaw: plate.textRaw,
            textClean: plate.textClean,
            confidence: plate.confidence,
            matchedList: plate.matchedList,
            matchedPlate: plate.matchedPlate
        )
    }
}
