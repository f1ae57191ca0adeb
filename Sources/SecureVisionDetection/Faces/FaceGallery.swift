// SPDX-License-Identifier: Apache-2.0

public import SecureVisionCore

/// The in-memory matcher over the gallery's embeddings.
///
/// A face matches the person owning the nearest enrolled embedding when the similarity `1 - distance`
/// reaches the threshold (higher is stricter; 0.4 is dlib's distance 0.6). Otherwise it is unknown.
public struct FaceGallery: Sendable {
    private let entries: [(personID: String, vector: [Float])]
    /// The lowest similarity that still counts as a match.
    public let similarityThreshold: Double

    /// Builds the matcher.
    /// - Parameters:
    ///   - embeddings: Every enrolled embedding; vectors of the wrong length are ignored.
    ///   - similarityThreshold: The lowest similarity that counts as a match, 0...1.
    public init(embeddings: [FaceEmbedding], similarityThreshold: Double) {
        self.entries = embeddings.filter { $0.vector.count == FaceEmbedder.dimensions }.map { ($0.personID, $0.vector) }
        self.similarityThreshold = similarityThreshold
    }

    /// Loads every embedding of a gallery repository.
    /// - Parameters:
    ///   - repository: The gallery, usually the event store.
    ///   - similarityThreshold: The lowest similarity that counts as a match.
    /// - Returns: The matcher.
    /// - Throws: The repository's error.
    public static func load(from repository: any GalleryRepository, similarityThreshold: Double) async throws
        -> FaceGallery
    {
        FaceGallery(embeddings: try await repository.faces(), similarityThreshold: similarityThreshold)
    }

    /// How many embeddings the matcher holds.
    public var count: Int { entries.count }

    /// Finds the best person for a descriptor.
    /// - Parameter vector: A 128-d descriptor from ``FaceEmbedder``.
    /// - Returns: The person when similar enough, otherwise an unknown match carrying the nearest similarity.
    public func match(_ vector: [Float]) -> FaceMatch {
        var best: (personID: String, distance: Double)?
        for entry in entries {
            let distance = Self.distance(entry.vector, vector)
            if distance < (best?.distance ?? .infinity) {
                best = (entry.personID, distance)
            }
        }
        guard let best else { return .unknown }
        let similarity = Self.similarity(distance: best.distance)
        let known = similarity >= similarityThreshold
        return FaceMatch(personID: known ? best.personID : nil, similarity: similarity, nearestPersonID: best.personID)
    }

    /// The Euclidean distance between two descriptors (infinite when their lengths differ).
    /// - Parameters:
    ///   - lhs: A descriptor.
    ///   - rhs: Another descriptor.
    /// - Returns: The distance; dlib considers < 0.6 the same person.
    public static func distance(_ lhs: [Float], _ rhs: [Float]) -> Double {
        guard lhs.count == rhs.count else { return .infinity }
        var sum: Float = 0
        for index in lhs.indices {
            let difference = lhs[index] - rhs[index]
            sum += difference * difference
        }
        return Double(sum).squareRoot()
    }

    /// The similarity for a distance: `1 - distance`, clamped to 0...1.
    /// - Parameter distance: A Euclidean descriptor distance.
    /// - Returns: The similarity.
    public static func similarity(distance: Double) -> Double {
        min(1, max(0, 1 - distance))
    }
}
