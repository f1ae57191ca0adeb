// SPDX-License-Identifier: Apache-2.0

import Dispatch
import SecureVisionPipeline
import Synchronization
import Testing

@Suite("Inference scheduler")
struct InferenceSchedulerTests {
    /// A job that holds its worker until released, so the queue behind it can be observed.
    private final class Gate: Sendable {
        let started = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)

        func job() -> @Sendable () -> Void {
            { [self] in
                started.signal()
                release.wait()
            }
        }
    }

    private static func waitUntil(_ condition: () -> Bool) -> Bool {
        for _ in 0..<2_000 {
            if condition() { return true }
            usleepMs(1)
        }
        return condition()
    }

    private static func usleepMs(_ ms: Int) {
        _ = DispatchSemaphore(value: 0).wait(timeout: .now() + .milliseconds(ms))
    }

    @Test("overload drops the oldest pending job, counts it per camera, and never grows past capacity")
    func overloadDropsOldest() {
        let scheduler = InferenceScheduler(workerCount: 1, capacity: 4)
        defer { scheduler.stop() }
        let gate = Gate()
        scheduler.submit(cameraID: "busy", work: gate.job())
        #expect(gate.started.wait(timeout: .now() + 5) == .success)
        let ran = Mutex<[Int]>([])
        let skippedJobs = Mutex<[Int]>([])
        var results: [InferenceScheduler.SubmitResult] = []
        for index in 0..<10 {
            let camera = index.isMultiple(of: 2) ? "door" : "yard"
            results.append(
                scheduler.submit(
                    cameraID: camera,
                    work: { ran.withLock { $0.append(index) } },
                    onSkip: { skippedJobs.withLock { $0.append(index) } }
                )
            )
            #expect(scheduler.statistics.pending <= 4)
        }
        #expect(results.prefix(4).allSatisfy { $0 == .accepted })
        #expect(results[4] == .acceptedDroppingOldest(cameraID: "door"))
        #expect(results[5] == .acceptedDroppingOldest(cameraID: "yard"))
        #expect(skippedJobs.withLock { $0 } == [0, 1, 2, 3, 4, 5])
        gate.release.signal()
        #expect(Self.waitUntil { scheduler.statistics.completed == 5 })
        #expect(ran.withLock { $0 } == [6, 7, 8, 9])
        let statistics = scheduler.statistics
        #expect(statistics.highWaterMark == 4)
        #expect(statistics[camera: "door"] == counters(submitted: 5, completed: 2, skipped: 3))
        #expect(statistics[camera: "yard"] == counters(submitted: 5, completed: 2, skipped: 3))
        #expect(statistics[camera: "busy"].completed == 1)
        #expect(statistics.skipped == 6)
    }

    @Test("when full, the camera served most recently gives way, so a waiting camera is never starved")
    func fairOverload() {
        let scheduler = InferenceScheduler(workerCount: 1, capacity: 1)
        defer { scheduler.stop() }
        scheduler.submit(cameraID: "busy", work: {})
        #expect(Self.waitUntil { scheduler.statistics[camera: "busy"].completed == 1 })
        let gate = Gate()
        scheduler.submit(cameraID: "other", work: gate.job())
        #expect(gate.started.wait(timeout: .now() + 5) == .success)

        let skipped = Mutex<[String]>([])
        func submit(_ camera: String) -> InferenceScheduler.SubmitResult {
            scheduler.submit(cameraID: camera, work: {}, onSkip: { skipped.withLock { $0.append(camera) } })
        }
        #expect(submit("quiet") == .accepted)
        // "busy" was served recently and "quiet" never: busy's new job gives way, not quiet's.
        #expect(submit("busy") == .skippedForFairness)
        // Between equals it is plain drop-oldest.
        #expect(submit("quiet") == .acceptedDroppingOldest(cameraID: "quiet"))
        #expect(skipped.withLock { $0 } == ["busy", "quiet"])
        #expect(scheduler.statistics.pending == 1)
        gate.release.signal()
        #expect(Self.waitUntil { scheduler.statistics[camera: "quiet"].completed == 1 })
        #expect(scheduler.statistics[camera: "busy"].skipped == 1)
    }

    @Test("submit never blocks, even with every worker stuck")
    func submitNeverBlocks() {
        let scheduler = InferenceScheduler(workerCount: 2, capacity: 8)
        let gate = Gate()
        scheduler.submit(cameraID: "a", work: gate.job())
        scheduler.submit(cameraID: "a", work: gate.job())
        #expect(gate.started.wait(timeout: .now() + 5) == .success)
        #expect(gate.started.wait(timeout: .now() + 5) == .success)
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<20_000 { scheduler.submit(cameraID: "a") {} }
        let elapsedMs = (DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
        #expect(elapsedMs < 2_000)
        let statistics = scheduler.statistics
        #expect(statistics.pending == 8)
        #expect(statistics.highWaterMark == 8)
        #expect(statistics[camera: "a"].skipped == 20_000 - 8)
        gate.release.signal()
        gate.release.signal()
        scheduler.stop()
    }

    @Test("stop drops pending work, joins the workers, and refuses new work")
    func stopTerminates() {
        let scheduler = InferenceScheduler(workerCount: 2, capacity: 16)
        let gate = Gate()
        scheduler.submit(cameraID: "a", work: gate.job())
        #expect(gate.started.wait(timeout: .now() + 5) == .success)
        let blocker = InferenceScheduler.SubmitResult.accepted
        #expect(scheduler.submit(cameraID: "a", work: gate.job()) == blocker)
        #expect(gate.started.wait(timeout: .now() + 5) == .success)
        for _ in 0..<5 { scheduler.submit(cameraID: "b") {} }
        let stopped = DispatchSemaphore(value: 0)
        let stopper = InferenceScheduler(workerCount: 1, capacity: 1)
        // Stop from another thread: it must wait for the running jobs, then return.
        stopper.submit(cameraID: "stop") {
            scheduler.stop()
            stopped.signal()
        }
        #expect(stopped.wait(timeout: .now() + .milliseconds(100)) == .timedOut)
        gate.release.signal()
        gate.release.signal()
        #expect(stopped.wait(timeout: .now() + 5) == .success)
        stopper.stop()
        #expect(scheduler.isStopped)
        #expect(scheduler.submit(cameraID: "b") {} == .rejected)
        let statistics = scheduler.statistics
        #expect(statistics[camera: "b"].skipped == 5)
        #expect(statistics[camera: "a"].completed == 2)
        #expect(statistics.running == 0)
        #expect(statistics.rejected == 1)
        scheduler.stop()
    }

    @Test("an idle scheduler stops at once")
    func idleStop() {
        let scheduler = InferenceScheduler()
        #expect(scheduler.workerCount >= 1)
        #expect(scheduler.capacity == scheduler.workerCount * 2)
        scheduler.stop()
        #expect(scheduler.statistics.submitted == 0)
    }

    @Test("many jobs from several cameras all run or are counted")
    func accounting() {
        let scheduler = InferenceScheduler(workerCount: 2, capacity: 4)
        let total = Atomic<Int>(0)
        for index in 0..<2_000 {
            scheduler.submit(cameraID: "cam\(index % 3)") { total.add(1, ordering: .relaxed) }
        }
        #expect(Self.waitUntil { scheduler.statistics.pending == 0 && scheduler.statistics.running == 0 })
        scheduler.stop()
        let statistics = scheduler.statistics
        #expect(statistics.submitted == 2_000)
        #expect(statistics.completed + statistics.skipped == 2_000)
        #expect(Int(statistics.completed) == total.load(ordering: .relaxed))
        #expect(statistics.highWaterMark <= 4)
    }

    @Test("run returns the job's value, or nil when the job is skipped")
    func asyncRun() async throws {
        let scheduler = InferenceScheduler(workerCount: 1, capacity: 1)
        defer { scheduler.stop() }
        let value = try await scheduler.run(cameraID: "door") { 6 * 7 }
        #expect(value == 42)
        let gate = Gate()
        scheduler.submit(cameraID: "door", work: gate.job())
        #expect(gate.started.wait(timeout: .now() + 5) == .success)
        async let first = scheduler.run(cameraID: "door") { "first" }
        for _ in 0..<500 where scheduler.statistics.pending == 0 {
            try await Task.sleep(for: .milliseconds(5))
        }
        #expect(scheduler.submit(cameraID: "door") {} == .acceptedDroppingOldest(cameraID: "door"))
        #expect(try await first == nil)
        gate.release.signal()
    }

    private func counters(submitted: UInt64, completed: UInt64, skipped: UInt64) -> CameraSchedulerCounters {
        var counters = CameraSchedulerCounters()
        counters.submitted = submitted
        counters.completed = completed
        counters.skipped = skipped
        return counters
    }
}
