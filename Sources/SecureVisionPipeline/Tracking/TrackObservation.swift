// SPDX-License-Identifier: Apache-2.0

public import SecureVisionCore

/// One detection in one frame: the tracker's input, and what a track remembers of each frame it was seen in.
public struct TrackObservation: Sendable, Hashable {
    /// What was detected.
    public var trackClass: TrackClass
    /// The box in full-frame pixels.
    public var box: BoundingBox
    /// The detector's confidence, 0...1.
    public var score: Double
    /// The frame's ``Frame/sequence``.
    public var frameSequence: UInt64
    /// The frame's capture time in milliseconds since the Unix epoch.
    public var timeMs: Int64
    /// The identity vote, for faces.
    public var face: FaceCandidate?
    /// The OCR read, for plates.
    public var plate: PlateTextRead?

    /// Makes an observation.
    /// - Parameters:
    ///   - trackClass: What was detected.
    ///   - box: The box in full-frame pixels.
    ///   - score: The detector's confidence.
    ///   - frameSequence: The frame's sequence number.
    ///   - timeMs: The frame's capture time.
    ///   - face: The identity vote, for faces.
    ///   - plate: The OCR read, for plates.
    public init(
        trackClass: TrackClass,
        box: BoundingBox,
        score: Double,
        frameSequence: UInt64,
        timeMs: Int64,
        face: FaceCandidate? = nil,
        plate: PlateTextRead? = nil
    ) {
        self.trackClass = trackClass
        self.box = box
        self.score = score
        self.frameSequence = frameSequence
        self.timeMs = timeMs
        self.face = face
        self.plate = plate
    }

    /// How good a snapshot this frame makes: detector score times box area.
    public var snapshotQuality: Double { max(0, score) * box.area }

    /// Every detection of one analysed frame as observations.
    /// - Parameters:
    ///   - analysis: What the detectors found.
    ///   - frameSequence: The frame's sequence number.
    ///   - timeMs: The frame's capture time.
    /// - Returns: Faces, then plates, then objects.
    public static func observations(
        from analysis: ImageAnalysis,
        frameSequence: UInt64,
        timeMs: Int64
    ) -> [TrackObservation] {
        let faces = analysis.faces.map { face in
            TrackObservation(
                trackClass: .face,
                box: face.detection.box,
                score: face.detection.score,
                frameSequence: frameSequence,
                timeMs: timeMs,
                face: FaceCandidate(face)
            )
        }
        let plates = analysis.plates.map { plate in
            TrackObservation(
                trackClass: .plate,
                box: plate.detection.box,
                score: plate.detection.score,
                frameSequence: frameSequence,
                timeMs: timeMs,
                plate: PlateTextRead(plate)
            )
        }
        let objects = analysis.objects.map { object in
            TrackObservation(
                trackClass: .object(object.label),
                box: object.box,
                score: object.score,
                frameSequence: frameSequence,
                timeMs: timeMs
            )
        }
        return faces + plates + objects
    }
}
