// SPDX-License-Identifier: Apache-2.0

/// The running identity vote of one face track, weighted by face size and detection quality.
///
/// Unknown faces vote too, against every person: a person wins only with a weighted majority of
/// all votes and a best similarity that passes the threshold. A face seen four times as `obama`
/// and once as unknown, at similar sizes, is `obama`.
///
/// Memory is bounded by the number of distinct people voted for.
public struct FaceConsensus: Sendable, Hashable {
    private struct Tally: Sendable, Hashable {
        var weight: Double = 0
        var count = 0
        var bestSimilarity: Double = 0
    }

    private var people: [String: Tally] = [:]
    private var unknown = Tally()
    /// The sum of the weights of every vote, unknown ones included.
    public private(set) var totalWeight: Double = 0
    /// The number of votes counted.
    public private(set) var voteCount = 0

    /// Makes an empty consensus.
    public init() {}

    /// Counts one frame's vote; votes with no weight (a zero-size box or zero score) are ignored.
    /// - Parameter candidate: The frame's identity candidate.
    public mutating func add(_ candidate: FaceCandidate) {
        let weight = candidate.weight
        guard weight > 0 else { return }
        if let person = candidate.personID {
            var tally = people[person] ?? Tally()
            tally.weight += weight
            tally.count += 1
            tally.bestSimilarity = max(tally.bestSimilarity, candidate.similarity)
            people[person] = tally
        } else {
            unknown.weight += weight
            unknown.count += 1
            unknown.bestSimilarity = max(unknown.bestSimilarity, candidate.similarity)
        }
        totalWeight += weight
        voteCount += 1
    }

    /// The person the track shows, if one has a weighted majority and a good enough match.
    /// - Parameters:
    ///   - similarityThreshold: The best similarity the winner needs (`FACE__SIMILARITY_THRESHOLD`).
    ///   - majority: The share of the total weight the winner must exceed; 0.5 is a strict majority.
    ///   - minimumVotes: The fewest votes to decide on.
    /// - Returns: The person's verdict, or `nil` when no person wins (yet).
    public func knownVerdict(similarityThreshold: Double, majority: Double = 0.5, minimumVotes: Int = 1)
        -> FaceVerdict?
    {
        guard voteCount >= max(1, minimumVotes), totalWeight > 0 else { return nil }
        let ranked = people.sorted { lhs, rhs in
            lhs.value.weight != rhs.value.weight ? lhs.value.weight > rhs.value.weight : lhs.key < rhs.key
        }
        guard let (person, tally) = ranked.first else { return nil }
        let share = tally.weight / totalWeight
        guard share > majority, tally.bestSimilarity >= similarityThreshold else { return nil }
        return FaceVerdict(personID: person, similarity: tally.bestSimilarity, agreement: share, votes: tally.count)
    }

    /// The verdict for a track that ends with no person winning: unknown, with the best similarity seen.
    /// - Returns: `nil` when the track had no votes at all.
    public func unknownVerdict() -> FaceVerdict? {
        guard voteCount > 0, totalWeight > 0 else { return nil }
        let bestSimilarity = people.values.reduce(unknown.bestSimilarity) { max($0, $1.bestSimilarity) }
        return FaceVerdict(
            personID: nil,
            similarity: bestSimilarity,
            agreement: unknown.weight / totalWeight,
            votes: unknown.count
        )
    }
}

/// The decided identity of a face track.
public struct FaceVerdict: Sendable, Hashable {
    /// The person, or `nil` for an unknown face.
    public var personID: String?
    /// The best similarity to the person (or, for an unknown face, to anyone) over the track.
    public var similarity: Double
    /// The share of the total weight behind this verdict, 0...1.
    public var agreement: Double
    /// Votes behind this verdict.
    public var votes: Int
}
