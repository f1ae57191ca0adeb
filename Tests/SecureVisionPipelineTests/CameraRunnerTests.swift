// SPDX-License-Identifier: Apache-2.0

import Logging
import SecureVisionCore
import SecureVisionPipeline
import Synchronization
import Testing

/// The runner and the supervisor over scripted frames and detectors: what reaches the store, and when.
@Suite("Camera runner")
struct CameraRunnerTests {
    static func settings(cooldownSeconds: Int = 30, gating: Bool = false) -> PipelineConfiguration {
        var settings = PipelineConfiguration()
        settings.pipeline.motionGating = gating
        settings.tracking.framesRequired = 3
        settings.tracking.maxAgeFrames = 3
        settings.tracking.cooldownSeconds = cooldownSeconds
        return settings
    }

    static func context(
        _ repository: RecordingRepository,
        engine: ScriptedEngine = ScriptedEngine(),
        settings: PipelineConfiguration = settings(),
        counters: PipelineCounters = PipelineCounters(),
        scheduler: InferenceScheduler
    ) -> PipelineContext {
        PipelineContext(
            engine: engine,
            scheduler: scheduler,
            events: repository,
            cooldown: SharedCooldown(cooldownSeconds: settings.tracking.cooldownSeconds),
            counters: counters,
            settings: settings,
            logger: Logger(label: "test"),
            nowMs: { 1_800_000_100_000 }
        )
    }

    @Test("a known face over several frames gives exactly one face_match, with a snapshot and a crop")
    func oneFaceMatch() async throws {
        let scheduler = InferenceScheduler(workerCount: 1, capacity: 64)
        defer { scheduler.stop() }
        let repository = RecordingRepository()
        let counters = PipelineCounters()
        let source = ScriptedSource(cameraID: "door")
        source.push(8, scene: 1)
        source.push(5, scene: 0)
        source.stop()
        let runner = CameraRunner(
            camera: CameraSettings(id: "door"),
            source: source,
            context: Self.context(repository, counters: counters, scheduler: scheduler)
        )
        try await runner.run()

        let events = repository.events
        #expect(events.map(\.type) == [.faceMatch])
        let event = try #require(events.first)
        #expect(event.payload["person_id"] == .string("alice"))
        #expect(event.cameraID == "door")
        // The snapshot is the whole analysed frame; the crop is the face with a margin, inside the frame.
        #expect(event.snapshotJPEG == [0xFF, 160, 120, 85])
        let crop = try #require(event.cropJPEG)
        #expect(crop[1] == 56 && crop[2] == 56)
        let statistics = try #require(counters.statistics(for: "door"))
        #expect(statistics.framesReceived == 13)
        #expect(statistics.framesAnalysed == 13)
        #expect(statistics.eventsStored == 1)
        #expect(statistics.recentEventLatenciesMs.count == 1)
    }

    @Test("a deny-listed plate gives plate_read and plate_alert, written together")
    func plateAlert() async throws {
        let scheduler = InferenceScheduler(workerCount: 1, capacity: 64)
        defer { scheduler.stop() }
        let repository = RecordingRepository()
        let source = ScriptedSource(cameraID: "gate")
        source.push(6, scene: 2)
        source.stop()
        try await CameraRunner(
            camera: CameraSettings(id: "gate"),
            source: source,
            context: Self.context(repository, scheduler: scheduler)
        ).run()

        let batches = repository.batches.withLock { $0 }
        #expect(batches.count == 1)
        #expect(batches.first?.map(\.type) == [.plateRead, .plateAlert])
        #expect(batches.first?.first?.payload["matched_list"] == .string(PlateList.deny.rawValue))
        #expect(batches.first?.first?.payload["text_clean"] == .string("KX19ABC"))
    }

    @Test("a second visit within the cooldown is no event; after it, one more")
    func cooldown() async throws {
        let scheduler = InferenceScheduler(workerCount: 1, capacity: 64)
        defer { scheduler.stop() }
        let repository = RecordingRepository()
        let counters = PipelineCounters()
        let source = ScriptedSource(cameraID: "door")
        // Frames are 100 ms apart: visit one, a gap, visit two 2 s later, a gap, visit three 6 s after that.
        source.push(5, scene: 1)
        source.push(15, scene: 0)
        source.push(5, scene: 1)
        source.push(55, scene: 0)
        source.push(5, scene: 1)
        source.stop()
        try await CameraRunner(
            camera: CameraSettings(id: "door"),
            source: source,
            context: Self.context(
                repository,
                settings: Self.settings(cooldownSeconds: 5),
                counters: counters,
                scheduler: scheduler
            )
        ).run()

        #expect(repository.events.map(\.type) == [.faceMatch, .faceMatch])
        #expect(counters.statistics(for: "door")?.suppressedByCooldown == 1)
    }

    @Test("a quiet scene runs the detectors only at the safety-net interval")
    func motionGate() async throws {
        let scheduler = InferenceScheduler(workerCount: 1, capacity: 64)
        defer { scheduler.stop() }
        let repository = RecordingRepository()
        let counters = PipelineCounters()
        let engine = ScriptedEngine()
        let source = ScriptedSource(cameraID: "yard")
        source.push(50, scene: 0, withMotionImage: true)
        source.stop()
        var settings = Self.settings(gating: true)
        settings.pipeline.safetyNetSeconds = 1
        settings.pipeline.motionHoldSeconds = 0
        try await CameraRunner(
            camera: CameraSettings(id: "yard"),
            source: source,
            context: Self.context(
                repository,
                engine: engine,
                settings: settings,
                counters: counters,
                scheduler: scheduler
            )
        ).run()

        // 50 frames 100 ms apart: the first frame and one every second after it.
        let statistics = try #require(counters.statistics(for: "yard"))
        #expect(statistics.framesAnalysed == 5)
        #expect(statistics.framesQuiet == 45)
        #expect(engine.calls.withLock { $0 } == 5)
    }

    @Test("detectors that keep failing end the run with an error, after storing nothing false")
    func repeatedFailures() async throws {
        let scheduler = InferenceScheduler(workerCount: 1, capacity: 64)
        defer { scheduler.stop() }
        let repository = RecordingRepository()
        let counters = PipelineCounters()
        let source = ScriptedSource(cameraID: "bad")
        source.push(CameraRunner.failureLimit + 5, scene: 3)
        await #expect(throws: PipelineError.self) {
            try await CameraRunner(
                camera: CameraSettings(id: "bad"),
                source: source,
                context: Self.context(repository, counters: counters, scheduler: scheduler)
            ).run()
        }
        #expect(counters.statistics(for: "bad")?.errors == UInt64(CameraRunner.failureLimit))
        #expect(repository.events.isEmpty)
    }
}
