// SPDX-License-Identifier: Apache-2.0

import Foundation
import Logging
import SecureVisionCore
import SecureVisionStore
import ServiceLifecycle
import ServiceLifecycleTestKit
import Testing

@testable import SecureVisionApp

@Suite("Retention service")
struct RetentionServiceTests {
    @Test("cleans up at startup, without being asked, and stops on graceful shutdown")
    func runsAndStops() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let data = dir.url.appendingPathComponent("data").path
        let now: Int64 = 1_800_000_000_000
        let day: Int64 = 86_400_000
        let store = try EventStore.open(databasePath: data + "/events.db", dataDirectory: data, nowMs: { now })
        let old = try await store.append(
            NewEvent(type: .object, timestampMs: now - 40 * day, cameraID: "c", snapshotJPEG: [0xFF, 0xD8, 0xFF, 0xD9])
        )
        let recent = try await store.append(NewEvent(type: .object, timestampMs: now - day, cameraID: "c"))
        let oldFile = try #require(old.snapshotPath.map { data + "/" + $0 })
        #expect(FileManager.default.fileExists(atPath: oldFile))

        let service = RetentionService(
            repository: store,
            policy: RetentionPolicy(maxAgeDays: 30, maxBytes: 0),
            interval: .seconds(3600),
            logger: Logger(label: "test"),
            nowMs: { now }
        )
        try await testGracefulShutdown { trigger in
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await service.run() }
                let deadline = ContinuousClock.now + .seconds(10)
                while try await store.event(id: old.id) != nil, ContinuousClock.now < deadline {
                    try await Task.sleep(for: .milliseconds(20))
                }
                trigger.triggerGracefulShutdown()
                // run() must return promptly, not wait out its hour-long interval.
                let stopped = ContinuousClock.now
                try await group.next()
                #expect(ContinuousClock.now - stopped < .seconds(5))
            }
        }
        #expect(try await store.event(id: old.id) == nil)
        #expect(try await store.event(id: recent.id) != nil)
        #expect(!FileManager.default.fileExists(atPath: oldFile))
    }
}
