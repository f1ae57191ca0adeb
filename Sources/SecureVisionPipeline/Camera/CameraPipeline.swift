// SPDX-License-Identifier: Apache-2.0

public import SecureVisionCore

/// One camera's analysis as a plain state machine: which frames to analyse, and which analysed frames
/// end in a decision, each with the frame that shows it best.
///
/// It does no I/O and starts no threads, so it is tested frame by frame; ``CameraRunner`` feeds it
/// from the camera and runs the detectors it asks for.
///
/// ```swift
/// var pipeline = CameraPipeline(camera: camera, settings: settings)
/// let plan = pipeline.plan(frame, motion: motion)
/// if plan.runsDetectors { for decided in pipeline.track(analysis, of: frame, coverage: plan.coverage) { emit(decided) } }
/// ```
public struct CameraPipeline: Sendable {
    /// A decision and the frame to take its snapshot from.
    public struct Decided: Sendable {
        /// The decided track.
        public var decision: TrackDecision
        /// The frame in which the track looked best.
        public var frame: Frame
    }

    /// The camera.
    public let cameraID: String
    /// The detector families this camera runs.
    public let detectors: Set<DetectorKind>
    /// What turns decisions into events.
    public let builder: EventBuilder
    private let gatesOnMotion: Bool
    private var gate: MotionGate
    private var confirmer: TrackConfirmer
    /// The best frame so far of each undecided track that may give an event.
    private var bestFrames: [Int64: Frame] = [:]
    /// Tracks already decided; they need no more frames.
    private var settled = Set<Int64>()

    /// Makes the pipeline of one camera.
    /// - Parameters:
    ///   - camera: The camera, for its id and detectors.
    ///   - settings: The analysis settings.
    ///   - firstTrackID: The first track id; seed it from the start time to keep ids unique across restarts.
    public init(camera: CameraSettings, settings: PipelineConfiguration, firstTrackID: Int64 = 1) {
        cameraID = camera.id
        detectors = camera.detectors
        builder = settings.eventBuilder
        gatesOnMotion = settings.pipeline.motionGating
        var gateConfiguration = MotionGate.Configuration()
        gateConfiguration.safetyNetIntervalMs = Int64(settings.pipeline.safetyNetSeconds * 1000)
        gateConfiguration.holdMs = Int64(settings.pipeline.motionHoldSeconds * 1000)
        gate = MotionGate(configuration: gateConfiguration)
        var tracking = settings.tracking
        if !tracking.enabled {
            // Without tracking every sighting stands alone; the cooldown still prevents floods.
            tracking.framesRequired = 1
            tracking.maxAgeFrames = 1
        }
        confirmer = TrackConfirmer(
            cameraID: camera.id,
            tracking: tracking,
            face: settings.face,
            firstTrackID: firstTrackID
        )
    }

    /// Whether frames need a motion answer before ``plan(_:motion:)``: only when detectors are gated.
    public var wantsMotion: Bool { gatesOnMotion && !detectors.isEmpty }

    /// Decides whether and where the detectors run on `frame`.
    /// - Parameters:
    ///   - frame: The frame.
    ///   - motion: The motion detector's answer, or `nil` when there is none.
    /// - Returns: The gate's decision; with gating off, always the full frame.
    public mutating func plan(_ frame: Frame, motion: MotionResult?) -> MotionGate.Decision {
        guard gatesOnMotion, !detectors.isEmpty else {
            return detectors.isEmpty ? .skip : .fullFrame(.noMotionData)
        }
        return gate.decide(motion: motion, frameSize: frame.sourceSize, nowMs: frame.captureTimeMs)
    }

    /// Feeds one analysed frame to the tracker.
    /// - Parameters:
    ///   - analysis: The detections, in the frame's source pixels.
    ///   - frame: The frame they were found on.
    ///   - coverage: The regions analysed, in source pixels, or `nil` for the whole frame.
    /// - Returns: The decisions this frame completed that give events, each with its best frame.
    public mutating func track(_ analysis: ImageAnalysis, of frame: Frame, coverage: [BoundingBox]?)
        -> [Decided]
    {
        let observations = TrackObservation.observations(
            from: analysis,
            frameSequence: frame.sequence,
            timeMs: frame.captureTimeMs
        )
        let step = confirmer.update(
            observations,
            frameSequence: frame.sequence,
            timeMs: frame.captureTimeMs,
            analysed: detectors,
            coverage: coverage
        )
        for id in step.tracker.bestImproved where !settled.contains(id) {
            if let track = confirmer.tracker.track(id: id), mayGiveEvent(track.trackClass) {
                bestFrames[id] = frame
            }
        }
        let decided = settle(step.decisions, fallback: frame)
        for track in step.tracker.ended {
            bestFrames[track.id] = nil
            settled.remove(track.id)
        }
        return decided
    }

    /// Ends every track, as when the camera stops, and returns the decisions they still owe.
    /// - Returns: The final decisions that give events.
    public mutating func finish() -> [Decided] {
        let decisions = confirmer.finish()
        let last = bestFrames.values.max { $0.sequence < $1.sequence }
        defer {
            bestFrames.removeAll()
            settled.removeAll()
        }
        guard let last else { return [] }
        return settle(decisions, fallback: last)
    }

    /// The number of frames held for snapshots, for tests and memory accounting.
    public var heldFrameCount: Int { bestFrames.count }

    private mutating func settle(_ decisions: [TrackDecision], fallback: Frame) -> [Decided] {
        var decided: [Decided] = []
        for decision in decisions {
            let id = decision.track.id
            settled.insert(id)
            let frame = bestFrames.removeValue(forKey: id) ?? fallback
            if builder.producesEvents(for: decision) { decided.append(Decided(decision: decision, frame: frame)) }
        }
        return decided
    }

    private func mayGiveEvent(_ trackClass: TrackClass) -> Bool {
        switch trackClass {
        case .face, .plate: true
        case .object(let label): builder.objectLabels.contains(label)
        }
    }
}
