// SPDX-License-Identifier: Apache-2.0

public import SecureVisionCore

/// One frame's identity vote for a face track: who the gallery thinks it is, and how much to trust it.
public struct FaceCandidate: Sendable, Hashable {
    /// The matched person, or `nil` for an unknown face.
    public var personID: String?
    /// The similarity to the nearest enrolled face, 0...1.
    public var similarity: Double
    /// The nearest person even when below the threshold, for diagnostics.
    public var nearestPersonID: String?
    /// The face's shorter side in full-frame pixels; larger faces give better embeddings.
    public var faceSize: Double
    /// The face detector's confidence, 0...1, used as the quality of the embedding.
    public var quality: Double

    /// Makes a candidate.
    /// - Parameters:
    ///   - personID: The matched person, or `nil` when unknown.
    ///   - similarity: The similarity to the nearest enrolled face.
    ///   - nearestPersonID: The nearest person, for diagnostics.
    ///   - faceSize: The face's shorter side in pixels.
    ///   - quality: The detector's confidence.
    public init(
        personID: String?,
        similarity: Double,
        nearestPersonID: String? = nil,
        faceSize: Double,
        quality: Double
    ) {
        self.personID = personID
        self.similarity = similarity
        self.nearestPersonID = nearestPersonID
        self.faceSize = faceSize
        self.quality = quality
    }

    /// Makes the candidate for a recognised face.
    /// - Parameter face: The detection and the gallery's answer.
    public init(_ face: RecognizedFace) {
        self.init(
            personID: face.match.personID,
            similarity: face.match.similarity,
            nearestPersonID: face.match.nearestPersonID,
            faceSize: face.detection.size,
            quality: face.detection.score
        )
    }

    /// How much this vote counts: face size times detection quality, never negative.
    public var weight: Double { max(0, faceSize) * max(0, quality) }
}
