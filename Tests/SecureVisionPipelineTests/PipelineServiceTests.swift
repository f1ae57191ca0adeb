// SPDX-License-Identifier: Apache-2.0

import Logging
import SecureVisionCore
import SecureVisionPipeline
import ServiceLifecycle
import ServiceLifecycleTestKit
import Synchronization
import Testing

/// The service over several scripted cameras: supervision, reload and shutdown.
@Suite("Pipeline service")
struct PipelineServiceTests {
    static func waitUntil(_ condition: () -> Bool) async throws -> Bool {
        // Generous: in CI other suites share the two cores and may hold the cooperative pool for a while.
        let deadline = ContinuousClock.now + .seconds(90)
        while !condition() {
            if ContinuousClock.now > deadline { return false }
            try await Task.sleep(for: .milliseconds(20))
        }
        return true
    }

    @Test("a failing camera is restarted while a healthy one still gives its event; reload and shutdown retire cameras")
    func supervisionReloadShutdown() async throws {
        let good = ScriptedSource(cameraID: "good")
        let bad = ScriptedSource(cameraID: "bad")
        let sources = ScriptedSources([good, bad])
        let repository = RecordingRepository()
        let counters = PipelineCounters()
        var settings = CameraRunnerTests.settings()
        settings.pipeline.workers = 1
        let service = PipelineService(
            cameras: [CameraSettings(id: "good"), CameraSettings(id: "bad")],
            sources: sources,
            engine: ScriptedEngine(),
            events: repository,
            counters: counters,
            settings: settings,
            logger: Logger(label: "test"),
            nowMs: { 1_800_000_100_000 }
        )
        bad.push(CameraRunner.failureLimit + 5, scene: 3)
        bad.report(.offline, reason: "connection refused")
        good.push(8, scene: 1)
        good.push(5, scene: 0)

        try await testGracefulShutdown { trigger in
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await service.run() }
                #expect(try await Self.waitUntil { counters.statistics(for: "bad")?.restarts ?? 0 >= 1 })
                #expect(try await Self.waitUntil { counters.statistics(for: "good")?.eventsStored == 1 })
                #expect(repository.events.contains { $0.type == .cameraOffline && $0.cameraID == "bad" })

                // A reload that drops one camera retires only that one.
                service.reload([CameraSettings(id: "good")])
                #expect(try await Self.waitUntil { sources.retired.withLock { $0 } == ["bad"] })

                trigger.triggerGracefulShutdown()
                try await group.waitForAll()
            }
        }
        #expect(sources.retired.withLock { $0 }.sorted() == ["bad", "good"])
        #expect(repository.events.filter { $0.type == .faceMatch }.map(\.cameraID) == ["good"])
        // Stopping a camera on purpose is not an outage.
        #expect(repository.events.filter { $0.type == .cameraOffline }.count == 1)
    }

    @Test(
        "overload: four cameras on one slow inference thread skip and count frames, and every camera is still analysed"
    )
    func overload() async throws {
        let cameras = (1...4).map { ScriptedSource(cameraID: "cam\($0)") }
        let sources = ScriptedSources(cameras)
        let counters = PipelineCounters()
        var settings = CameraRunnerTests.settings()
        settings.pipeline.workers = 1
        settings.pipeline.queueCapacity = 1
        let service = PipelineService(
            cameras: cameras.map { CameraSettings(id: $0.cameraID) },
            sources: sources,
            engine: ScriptedEngine(delayMicroseconds: 20_000),
            events: RecordingRepository(),
            counters: counters,
            settings: settings,
            logger: Logger(label: "test"),
            nowMs: { 1_800_000_100_000 }
        )
        try await testGracefulShutdown { trigger in
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await service.run() }
                // Frames arrive as from live cameras, 100 a second each, faster than one thread can analyse.
                for _ in 0..<40 {
                    for camera in cameras { camera.push(1, scene: 0) }
                    try await Task.sleep(for: .milliseconds(10))
                }
                let settled = try await Self.waitUntil {
                    let all = counters.allPipelineStatistics()
                    return all.count == 4 && all.allSatisfy { $0.framesAnalysed + $0.framesSkipped == 40 }
                }
                #expect(settled)
                trigger.triggerGracefulShutdown()
                try await group.waitForAll()
            }
        }
        let all = counters.allPipelineStatistics()
        #expect(all.reduce(0) { $0 + $1.framesSkipped } > 0)
        #expect(all.allSatisfy { $0.framesAnalysed > 0 })
    }
}
