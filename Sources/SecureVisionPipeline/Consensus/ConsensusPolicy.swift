// SPDX-License-Identifier: Apache-2.0

public import SecureVisionCore

/// When a confirmed track has shown enough to decide what it is.
public struct ConsensusPolicy: Sendable, Hashable {
    /// The share of the OCR weight the winning plate text needs (`TRACKING__OCR_AGREEMENT_THRESHOLD`).
    public var ocrAgreementThreshold: Double
    /// The best similarity a winning person needs (`FACE__SIMILARITY_THRESHOLD`).
    public var faceSimilarityThreshold: Double
    /// The share of the face weight a person must exceed; 0.5 is a strict majority.
    public var faceMajority: Double
    /// The fewest votes to decide on while the track is live; when it ends, any number will do.
    ///
    /// Waiting for a few reads keeps one lucky early read from deciding for the whole track.
    public var minimumVotesWhileLive: Int

    /// Makes a policy.
    /// - Parameters:
    ///   - ocrAgreementThreshold: The plate text share needed.
    ///   - faceSimilarityThreshold: The best similarity a person needs.
    ///   - faceMajority: The face weight share a person must exceed.
    ///   - minimumVotesWhileLive: The fewest votes to decide on while the track is live.
    public init(
        ocrAgreementThreshold: Double = 0.6,
        faceSimilarityThreshold: Double = 0.4,
        faceMajority: Double = 0.5,
        minimumVotesWhileLive: Int = 3
    ) {
        self.ocrAgreementThreshold = ocrAgreementThreshold
        self.faceSimilarityThreshold = faceSimilarityThreshold
        self.faceMajority = faceMajority
        self.minimumVotesWhileLive = minimumVotesWhileLive
    }

    /// The policy the configuration asks for; tracks wait for `FRAMES_REQUIRED` votes while live.
    /// - Parameters:
    ///   - tracking: The `TRACKING` section.
    ///   - face: The `FACE` section.
    public init(tracking: TrackingSettings, face: FaceSettings) {
        self.init(
            ocrAgreementThreshold: tracking.ocrAgreementThreshold,
            faceSimilarityThreshold: face.similarityThreshold,
            minimumVotesWhileLive: max(1, tracking.framesRequired)
        )
    }
}
