// SPDX-License-Identifier: Apache-2.0

public import SecureVisionCore

/// What a confirmed track turned out to be: given once per track.
public struct TrackDecision: Sendable, Hashable {
    /// What was decided.
    public enum Outcome: Sendable, Hashable {
        /// A known person's face.
        case knownFace(FaceVerdict)
        /// A face that matched nobody, decided when the track ended.
        case unknownFace(FaceVerdict)
        /// A plate whose text the reads agreed on.
        case plate(PlateVerdict)
        /// A person or vehicle.
        case object(ObjectLabel)
    }

    /// The track as it was when decided; its ``Track/best`` observation is the frame to snapshot.
    public var track: Track
    /// What was decided.
    public var outcome: Outcome

    /// Makes a decision.
    /// - Parameters:
    ///   - track: The track as decided.
    ///   - outcome: What it is.
    public init(track: Track, outcome: Outcome) {
        self.track = track
        self.outcome = outcome
    }

    /// The key under which a repeat is suppressed by ``CooldownLedger``, or `nil` when none applies.
    ///
    /// Known people and plates have cooldowns; unknown faces and objects are one event per track.
    public var cooldownKey: CooldownKey? {
        switch outcome {
        case .knownFace(let verdict): verdict.personID.map(CooldownKey.person)
        case .plate(let verdict): .plate(verdict.textClean)
        case .unknownFace, .object: nil
        }
    }
}
