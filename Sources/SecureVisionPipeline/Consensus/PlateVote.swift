// SPDX-License-Identifier: Apache-2.0

public import SecureVisionCore

/// The running OCR vote of one plate track: every clean read, weighted by its confidence.
///
/// Noise such as `A8C123` among `ABC123` reads is outvoted rather than reported:
///
/// ```swift
/// var vote = PlateVote()
/// for text in ["ABC123", "A8C123", "ABC123", "ABC123"] {
///     vote.add(PlateTextRead(textRaw: text, textClean: text, confidence: 0.9))
/// }
/// vote.verdict(agreementThreshold: 0.6)?.textClean  // "ABC123" (share 0.75)
/// vote.verdict(agreementThreshold: 0.9)             // nil
/// ```
///
/// Memory is bounded by the number of distinct texts, not by the number of reads.
public struct PlateVote: Sendable, Hashable {
    private struct Tally: Sendable, Hashable {
        var weight: Double = 0
        var count = 0
        var confidenceSum: Double = 0
        var best: PlateTextRead
        var deniedRead: PlateTextRead?
    }

    private var tallies: [String: Tally] = [:]
    /// The sum of the weights of every clean read.
    public private(set) var totalWeight: Double = 0
    /// The number of clean reads counted.
    public private(set) var readCount = 0

    /// Makes an empty vote.
    public init() {}

    /// Counts a read; reads without clean text or with a non-positive confidence do not vote.
    /// - Parameter read: One frame's read.
    public mutating func add(_ read: PlateTextRead) {
        guard let text = read.textClean, !text.isEmpty, read.confidence > 0 else { return }
        var tally = tallies[text] ?? Tally(best: read)
        tally.weight += read.confidence
        tally.count += 1
        tally.confidenceSum += read.confidence
        if read.confidence > tally.best.confidence { tally.best = read }
        if read.matchedList == .deny, tally.deniedRead == nil { tally.deniedRead = read }
        tallies[text] = tally
        totalWeight += read.confidence
        readCount += 1
    }

    /// The winning text if its weighted share reaches the threshold.
    /// - Parameters:
    ///   - agreementThreshold: The share of the total weight the winner needs, 0...1 (`OCR_AGREEMENT_THRESHOLD`).
    ///   - minimumReads: The fewest clean reads to decide on.
    /// - Returns: The verdict, or `nil` when no text has enough agreement yet.
    public func verdict(agreementThreshold: Double, minimumReads: Int = 1) -> PlateVerdict? {
        guard readCount >= max(1, minimumReads), totalWeight > 0 else { return nil }
        // Ties go to the text that sorts first, so the outcome never depends on dictionary order.
        let ranked = tallies.sorted { lhs, rhs in
            lhs.value.weight != rhs.value.weight ? lhs.value.weight > rhs.value.weight : lhs.key < rhs.key
        }
        guard let (text, tally) = ranked.first else { return nil }
        let share = tally.weight / totalWeight
        guard share >= agreementThreshold else { return nil }
        // A deny-list match on any read of the winning text wins over the allow list.
        let listed = tally.deniedRead ?? tally.best
        return PlateVerdict(
            textClean: text,
            textRaw: tally.best.textRaw,
            confidence: tally.best.confidence,
            meanConfidence: tally.confidenceSum / Double(tally.count),
            agreement: share,
            votes: tally.count,
            totalVotes: readCount,
            matchedList: listed.matchedList,
            matchedPlate: listed.matchedPlate
        )
    }
}

/// The decided text of a plate track.
public struct PlateVerdict: Sendable, Hashable {
    /// The winning normalised text.
    public var textClean: String
    /// The raw text of the most confident read of the winning text.
    public var textRaw: String
    /// The confidence of that read.
    public var confidence: Double
    /// The mean confidence of the winning reads.
    public var meanConfidence: Double
    /// The winner's share of the total weight, 0...1.
    public var agreement: Double
    /// Reads that voted for the winner.
    public var votes: Int
    /// Clean reads counted in all.
    public var totalVotes: Int
    /// The list the winning text matched; the deny list wins.
    public var matchedList: PlateList?
    /// The list entry that matched.
    public var matchedPlate: String?
}
