// SPDX-License-Identifier: Apache-2.0

public import SecureVisionCore

/// Tracks one camera's detections and decides each confirmed track exactly once.
///
/// Objects are decided when confirmed. Plates are decided as soon as the OCR vote agrees, while the
/// track lives or when it ends; a plate that never agrees gives nothing. Faces are decided as soon as
/// a person wins the consensus; a confirmed face track that ends with no winner is an unknown face.
/// A track keeps being followed after its decision, so a person lingering in view gives one decision.
///
/// ```swift
/// var confirmer = TrackConfirmer(cameraID: "door", tracking: settings.tracking, face: settings.face)
/// let step = confirmer.update(observations, frameSequence: frame.sequence, timeMs: frame.captureTimeMs)
/// for decision in step.decisions { emit(decision) }
/// ```
public struct TrackConfirmer: Sendable {
    /// The tracker underneath, for inspection.
    public private(set) var tracker: IoUTracker
    /// The rules for deciding.
    public let policy: ConsensusPolicy
    private var decided = Set<Int64>()

    /// Makes a confirmer from a tracker and a policy.
    /// - Parameters:
    ///   - tracker: A tracker, usually empty.
    ///   - policy: The consensus rules.
    public init(tracker: IoUTracker, policy: ConsensusPolicy) {
        self.tracker = tracker
        self.policy = policy
    }

    /// Makes a confirmer from the configuration.
    /// - Parameters:
    ///   - cameraID: The camera.
    ///   - tracking: The `TRACKING` section.
    ///   - face: The `FACE` section.
    ///   - firstTrackID: The first track id to hand out.
    public init(cameraID: String, tracking: TrackingSettings, face: FaceSettings, firstTrackID: Int64 = 1) {
        self.init(
            tracker: IoUTracker(cameraID: cameraID, settings: tracking, firstTrackID: firstTrackID),
            policy: ConsensusPolicy(tracking: tracking, face: face)
        )
    }

    /// Feeds one analysed frame.
    /// - Parameters:
    ///   - observations: The frame's detections.
    ///   - frameSequence: The frame's sequence number.
    ///   - timeMs: The frame's capture time.
    ///   - analysed: The detector families that ran on this frame.
    ///   - coverage: The parts of the frame the detectors looked at, or `nil` for all of it.
    /// - Returns: The tracker's changes and the decisions made on this frame.
    public mutating func update(
        _ observations: [TrackObservation],
        frameSequence: UInt64,
        timeMs: Int64,
        analysed: Set<DetectorKind> = Set(DetectorKind.allCases),
        coverage: [BoundingBox]? = nil
    ) -> ConfirmationStep {
        let changes = tracker.update(
            observations,
            frameSequence: frameSequence,
            timeMs: timeMs,
            analysed: analysed,
            coverage: coverage
        )
        var decisions: [TrackDecision] = []
        for track in tracker.activeTracks where track.isConfirmed && !decided.contains(track.id) {
            if let decision = decide(track, ending: false) { decisions.append(decision) }
        }
        decisions += conclude(changes.ended)
        return ConfirmationStep(tracker: changes, decisions: decisions)
    }

    /// Ends every track, as when the camera stops, and makes the decisions they still owe.
    /// - Returns: The final decisions.
    public mutating func finish() -> [TrackDecision] {
        conclude(tracker.finishAll())
    }

    private mutating func conclude(_ ended: [Track]) -> [TrackDecision] {
        var decisions: [TrackDecision] = []
        for track in ended {
            if track.isConfirmed, !decided.contains(track.id), let decision = decide(track, ending: true) {
                decisions.append(decision)
            }
            decided.remove(track.id)
        }
        return decisions
    }

    private mutating func decide(_ track: Track, ending: Bool) -> TrackDecision? {
        let minimumVotes = ending ? 1 : policy.minimumVotesWhileLive
        let outcome: TrackDecision.Outcome?
        switch track.trackClass {
        case .object(let label):
            outcome = .object(label)
        case .plate:
            outcome = track.plateVote
                .verdict(agreementThreshold: policy.ocrAgreementThreshold, minimumReads: minimumVotes)
                .map(TrackDecision.Outcome.plate)
        case .face:
            if let known = track.faceConsensus.knownVerdict(
                similarityThreshold: policy.faceSimilarityThreshold,
                majority: policy.faceMajority,
                minimumVotes: minimumVotes
            ) {
                outcome = .knownFace(known)
            } else if ending {
                outcome = track.faceConsensus.unknownVerdict().map(TrackDecision.Outcome.unknownFace)
            } else {
                outcome = nil
            }
        }
        guard let outcome else { return nil }
        decided.insert(track.id)
        return TrackDecision(track: track, outcome: outcome)
    }
}

/// What one ``TrackConfirmer/update(_:frameSequence:timeMs:analysed:)`` produced.
public struct ConfirmationStep: Sendable, Hashable {
    /// The tracker's changes, including the tracks whose best frame this is.
    public var tracker: TrackerUpdate
    /// The decisions made on this frame, at most one per track over its life.
    public var decisions: [TrackDecision]
}
