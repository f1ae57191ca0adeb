// SPDX-License-Identifier: Apache-2.0

/// The gallery's answer for one face embedding.
///
/// `similarity` is `1 - d` for the Euclidean distance `d` between 128-d dlib embeddings, clamped to 0...1, so
/// a higher similarity threshold is stricter: the default 0.4 accepts `d <= 0.6`, dlib's own threshold.
public struct FaceMatch: Sendable, Hashable {
    /// The matched person, or `nil` when the face is unknown.
    public var personID: String?
    /// The similarity to the nearest enrolled face (even when unknown), 0...1.
    public var similarity: Double
    /// The nearest person, reported for diagnostics even when below the threshold.
    public var nearestPersonID: String?

    public init(personID: String?, similarity: Double, nearestPersonID: String?) {
        self.personID = personID
        self.similarity = similarity
        self.nearestPersonID = nearestPersonID
    }

    /// A face that matched nobody, with no enrolled face to compare with.
    public static let unknown = FaceMatch(personID: nil, similarity: 0, nearestPersonID: nil)

    /// Whether the face matched an enrolled person.
    public var isKnown: Bool { personID != nil }
}

/// A detected face with its identity.
public struct RecognizedFace: Sendable, Hashable {
    public var detection: FaceDetection
    public var match: FaceMatch

    public init(detection: FaceDetection, match: FaceMatch) {
        self.detection = detection
        self.match = match
    }
}
