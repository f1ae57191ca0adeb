// SPDX-License-Identifier: Apache-2.0

internal import Logging
public import SecureVisionCore

/// Runs one camera's analysis until its frames end: motion, detectors, tracking, events.
///
/// Every native call happens off the cooperative pool: motion and JPEG encoding on the camera's own
/// thread, detectors on the shared inference threads. The runner awaits each frame's work before it
/// takes the next, so a slow step makes the camera's keep-newest buffer drop frames (counted by the
/// capture), never queue them. Repeated failures end the run with ``PipelineError`` so the supervisor
/// can restart it; the decisions still owed are stored first.
public struct CameraRunner: Sendable {
    /// Consecutive failed frames after which the run gives up.
    public static let failureLimit = 50

    /// The camera.
    public let camera: CameraSettings
    /// Its frames.
    public let source: any FrameSource
    /// What the runner shares with the others.
    public let context: PipelineContext
    /// Turns decisions into events; made once from the settings, not per event.
    private let builder: EventBuilder
    private let renderer: SnapshotRenderer

    /// Makes a runner.
    /// - Parameters:
    ///   - camera: The camera.
    ///   - source: Its frames.
    ///   - context: The shared parts.
    public init(camera: CameraSettings, source: any FrameSource, context: PipelineContext) {
        self.camera = camera
        self.source = source
        self.context = context
        self.builder = context.settings.eventBuilder
        self.renderer = SnapshotRenderer(quality: context.settings.pipeline.snapshotQuality)
    }

    /// Analyses frames until the source ends.
    /// - Throws: ``PipelineError`` after ``failureLimit`` consecutive failures.
    public func run() async throws {
        let cameraID = camera.id
        // One thread of the camera's own for motion and encoding, which must not be skipped under load.
        let worker = InferenceScheduler(workerCount: 1, capacity: 2, name: "sv-camera")
        defer { worker.stop() }
        let engine = context.engine
        var pipeline = CameraPipeline(camera: camera, settings: context.settings, firstTrackID: context.nowMs() * 1000)
        var motion: (any MotionDetecting)?
        if pipeline.wantsMotion {
            motion = try await worker.run(cameraID: cameraID) { try engine.makeMotionDetector() }
        }
        var failures = 0
        do {
            for await frame in source.frames {
                context.counters.update(cameraID) { $0.framesReceived += 1 }
                context.frameObserver?(frame)
                do {
                    let decided = try await analyse(frame, pipeline: &pipeline, motion: motion, worker: worker)
                    failures = 0
                    for item in decided { await emit(item, decidedAtMs: frame.captureTimeMs, worker: worker) }
                } catch {
                    failures += 1
                    context.counters.update(cameraID) { $0.errors += 1 }
                    context.logger.warning(
                        "frame skipped",
                        metadata: ["camera": "\(cameraID)", "frame": "\(frame.sequence)", "error": "\(error)"]
                    )
                    if failures >= Self.failureLimit {
                        throw PipelineError("\(failures) frames in a row failed; the last error: \(error)")
                    }
                }
            }
        } catch {
            await flush(&pipeline, worker: worker)
            throw error
        }
        await flush(&pipeline, worker: worker)
    }

    /// Motion, gate and detectors for one frame; returns the decisions it completed.
    private func analyse(
        _ frame: Frame,
        pipeline: inout CameraPipeline,
        motion: (any MotionDetecting)?,
        worker: InferenceScheduler
    ) async throws -> [CameraPipeline.Decided] {
        let cameraID = camera.id
        var motionResult: MotionResult?
        if let motion, let small = frame.motionImage {
            let size = frame.sourceSize
            motionResult = try await worker.run(cameraID: cameraID) { try motion.update(small, frameSize: size) }
        }
        let decision = pipeline.plan(frame, motion: motionResult)
        guard let job = FrameAnalysisJob(frame: frame, detectors: pipeline.detectors, decision: decision) else {
            context.counters.update(cameraID) { $0.framesQuiet += 1 }
            return []
        }
        let engine = context.engine
        guard let result = try await context.scheduler.run(cameraID: cameraID, { try job.run(on: engine) }) else {
            context.counters.update(cameraID) { $0.framesSkipped += 1 }
            return []
        }
        let analysis = result.analysis
        context.counters.update(cameraID) { statistics in
            statistics.framesAnalysed += 1
            statistics.detections += UInt64(analysis.faces.count + analysis.plates.count + analysis.objects.count)
            statistics.inferenceSeconds.merge(result.seconds, uniquingKeysWith: +)
        }
        return pipeline.track(analysis, of: frame, coverage: job.regions)
    }

    /// Stores the decisions the camera's tracks still owe.
    private func flush(_ pipeline: inout CameraPipeline, worker: InferenceScheduler) async {
        for item in pipeline.finish() {
            await emit(item, decidedAtMs: item.decision.track.latest.timeMs, worker: worker)
        }
    }

    /// Applies the cooldown, renders the JPEGs and stores the decision's events in one transaction.
    private func emit(_ decided: CameraPipeline.Decided, decidedAtMs: Int64, worker: InferenceScheduler) async {
        let cameraID = camera.id
        let decision = decided.decision
        context.counters.update(cameraID) { $0.decisions += 1 }
        if let key = decision.cooldownKey, !context.cooldown.admit(key, cameraID: cameraID, atMs: decidedAtMs) {
            context.counters.update(cameraID) { $0.suppressedByCooldown += 1 }
            context.logger.debug("repeat within the cooldown", metadata: ["camera": "\(cameraID)", "key": "\(key)"])
            return
        }
        let renderer = self.renderer
        let wantsCrop = builder.wantsCrop(for: decision)
        let engine = context.engine
        var images: (snapshot: [UInt8], crop: [UInt8]?)?
        do {
            images = try await worker.run(cameraID: cameraID) {
                try renderer.render(decided, wantsCrop: wantsCrop, engine: engine)
            }
        } catch {
            // An event without a picture is still an event; never drop it for want of a JPEG.
            context.counters.update(cameraID) { $0.errors += 1 }
            context.logger.error("snapshot not encoded", metadata: ["camera": "\(cameraID)", "error": "\(error)"])
        }
        let events = builder.events(for: decision, snapshotJPEG: images?.snapshot, cropJPEG: images?.crop)
        guard let stored = await store(events) else { return }
        let latency = context.nowMs() - decidedAtMs
        context.counters.update(cameraID) { $0.eventsStored += UInt64(stored.count) }
        context.counters.recordLatency(cameraID, milliseconds: latency)
        for event in stored {
            context.logger.notice(
                "event \(event.type.rawValue)",
                metadata: [
                    "camera": "\(cameraID)", "id": "\(event.id)", "track": "\(decision.track.id)",
                    "summary": "\(EventSummary(event))",
                ]
            )
        }
    }

    /// Appends with a few retries, since a busy or briefly failing disk should not cost an event.
    private func store(_ events: [NewEvent]) async -> [Event]? {
        guard !events.isEmpty else { return [] }
        var delayMs = 100
        for attempt in 1...4 {
            do {
                return try await context.events.append(contentsOf: events)
            } catch {
                context.logger.error(
                    "event not stored",
                    metadata: ["camera": "\(camera.id)", "attempt": "\(attempt)", "error": "\(error)"]
                )
                if attempt < 4 {
                    try? await Task.sleep(for: .milliseconds(delayMs))
                    delayMs *= 4
                }
            }
        }
        context.counters.update(camera.id) { $0.eventsFailed += UInt64(events.count) }
        return nil
    }
}

/// A short description of an event for the log: who or what, never a secret.
private struct EventSummary: CustomStringConvertible {
    let event: Event

    init(_ event: Event) {
        self.event = event
    }

    var description: String {
        let payload = event.payload
        for key in ["person_id", "text_clean", "label"] {
            if case .string(let value)? = payload[key] { return "\(key)=\(value)" }
        }
        return event.type.rawValue
    }
}
