// SPDX-License-Identifier: Apache-2.0

import SecureVisionCore
import SecureVisionPipeline

/// Small builders for the tracker's input, so tests read as scenes rather than struct literals.
enum TestSightings {
    static func box(x: Double, y: Double = 100, width: Double = 100, height: Double = 200) -> BoundingBox {
        BoundingBox(x1: x, y1: y, x2: x + width, y2: y + height)
    }

    static func person(at x: Double, score: Double = 0.9) -> TrackObservation {
        TrackObservation(trackClass: .object(.person), box: box(x: x), score: score, frameSequence: 0, timeMs: 0)
    }

    static func plate(_ text: String, at x: Double = 400, confidence: Double = 0.9, list: PlateList? = nil)
        -> TrackObservation
    {
        TrackObservation(
            trackClass: .plate,
            box: box(x: x, y: 500, width: 120, height: 40),
            score: 0.8,
            frameSequence: 0,
            timeMs: 0,
            plate: PlateTextRead(textRaw: text, textClean: text, confidence: confidence, matchedList: list)
        )
    }

    static func face(_ personID: String?, similarity: Double = 0.6, at x: Double = 200, size: Double = 80)
        -> TrackObservation
    {
        TrackObservation(
            trackClass: .face,
            box: box(x: x, y: 50, width: size, height: size),
            score: 0.95,
            frameSequence: 0,
            timeMs: 0,
            face: FaceCandidate(
                personID: personID,
                similarity: personID == nil ? 0.2 : similarity,
                faceSize: size,
                quality: 0.95
            )
        )
    }

    /// Feeds one observation list per frame at 15 fps from `startMs`, returning every decision.
    static func run(
        _ confirmer: inout TrackConfirmer,
        frames: [[TrackObservation]],
        startSequence: UInt64 = 1,
        startMs: Int64 = 1_700_000_000_000
    ) -> [TrackDecision] {
        var decisions: [TrackDecision] = []
        for (index, observations) in frames.enumerated() {
            let step = confirmer.update(
                observations,
                frameSequence: startSequence + UInt64(index),
                timeMs: startMs + Int64(index) * 66
            )
            decisions += step.decisions
        }
        return decisions
    }
}
