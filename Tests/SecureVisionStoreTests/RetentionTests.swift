// SPDX-License-Identifier: Apache-2.0

import Foundation
import SecureVisionCore
import SecureVisionStore
import Testing

@Suite("Retention")
struct RetentionTests {
    private let now: Int64 = 1_750_000_000_000

    @Test("events older than the age limit are deleted with their files; newer ones stay")
    func byAge() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try EventStore.open(databasePath: directory.file("events.db"), dataDirectory: directory.path)
        var kept: [Event] = []
        var old: [Event] = []
        for daysAgo: Int64 in [0, 1, 29, 40, 31, 365] {
            let event = try await store.append(
                Fixtures.plate(
                    "AGE\(daysAgo)",
                    at: now - daysAgo * Fixtures.day - 1,
                    snapshot: Fixtures.jpeg(size: 300),
                    crop: Fixtures.jpeg(size: 100)
                )
            )
            if daysAgo < 30 { kept.append(event) } else { old.append(event) }
        }
        // Lose one file by hand: retention must not mind.
        try FileManager.default.removeItem(atPath: directory.file(try #require(old[0].cropPath)))

        let result = try await store.applyRetention(RetentionPolicy(maxAgeDays: 30, maxBytes: 0), nowMs: now)
        #expect(result.deletedByAge == 3)
        #expect(result.deletedBySize == 0)
        #expect(result.deletedFiles == 5)
        for event in old {
            #expect(try await store.event(id: event.id) == nil)
            for path in [event.snapshotPath, event.cropPath].compactMap(\.self) {
                #expect(!Fixtures.exists(directory.file(path)))
            }
        }
        for event in kept {
            #expect(try await store.event(id: event.id) != nil)
            for path in [event.snapshotPath, event.cropPath].compactMap(\.self) {
                #expect(Fixtures.exists(directory.file(path)))
            }
        }
        let again = try await store.applyRetention(RetentionPolicy(maxAgeDays: 30, maxBytes: 0), nowMs: now)
        #expect(again.deletedEvents == 0)
    }

    @Test("the running totals behind /health and /stats equal a recount through appends, batches and retention")
    func runningTotals() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try EventStore.open(databasePath: directory.file("events.db"), dataDirectory: directory.path)
        for daysAgo: Int64 in [0, 2, 40, 50] {
            _ = try await store.append(
                Fixtures.plate("T\(daysAgo)", at: now - daysAgo * Fixtures.day, snapshot: Fixtures.jpeg(size: 300))
            )
        }
        _ = try await store.append(contentsOf: [
            Fixtures.face("ann", at: now - 45 * Fixtures.day), Fixtures.face(nil, at: now - 1),
        ])
        var statistics = try await store.statistics()
        #expect(statistics.eventCount == 6)
        #expect(statistics.countsByType[.plateRead] == 4)
        #expect(statistics.fileBytes == 1200)
        #expect(statistics.oldestTimestampMs == now - 50 * Fixtures.day)
        #expect(try await store.events(matching: EventQuery()).totalCount == 6)
        var plates = EventQuery()
        plates.types = [.plateRead]
        #expect(try await store.events(matching: plates).totalCount == 4)

        _ = try await store.applyRetention(RetentionPolicy(maxAgeDays: 30, maxBytes: 0), nowMs: now)
        statistics = try await store.statistics()
        #expect(statistics.eventCount == 3)
        #expect(statistics.countsByType[.plateRead] == 2)
        #expect(statistics.fileBytes == 600)
        #expect(try await store.allEvents().count == 3)
        #expect(try await store.events(matching: plates).totalCount == 2)
    }

    @Test("age retention works through more events than one batch")
    func byAgeManyBatches() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try EventStore.inMemory(dataDirectory: directory.path)
        for index in 0..<1203 {
            _ = try await store.append(NewEvent(type: .object, timestampMs: Int64(index), cameraID: "c"))
        }
        _ = try await store.append(NewEvent(type: .object, timestampMs: now, cameraID: "c"))
        let result = try await store.applyRetention(RetentionPolicy(maxAgeDays: 1, maxBytes: 0), nowMs: now)
        #expect(result.deletedByAge == 1203)
        #expect(try await store.statistics().eventCount == 1)
    }

    @Test("a zero policy deletes nothing")
    func zeroPolicy() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try EventStore.inMemory(dataDirectory: directory.path)
        _ = try await store.append(NewEvent(type: .object, timestampMs: 0, cameraID: "c"))
        let result = try await store.applyRetention(RetentionPolicy(maxAgeDays: 0, maxBytes: 0), nowMs: now)
        #expect(result == RetentionResult())
        let huge = try await store.applyRetention(RetentionPolicy(maxAgeDays: Int.max, maxBytes: 0), nowMs: now)
        #expect(huge.deletedEvents == 0)
    }

    @Test("the size cap deletes the oldest events until the store fits, with their files")
    func bySize() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try EventStore.open(databasePath: directory.file("events.db"), dataDirectory: directory.path)
        var events: [Event] = []
        for index in 0..<60 {
            events.append(
                try await store.append(
                    Fixtures.plate(
                        "SIZE\(index)",
                        at: now + Int64(index) * 1000,
                        snapshot: Fixtures.jpeg(size: 8192),
                        crop: Fixtures.jpeg(size: 1024)
                    )
                )
            )
        }
        let before = try await store.statistics()
        #expect(before.fileBytes == 60 * 9216)
        let cap = before.totalBytes - 200 * 1024

        let result = try await store.applyRetention(RetentionPolicy(maxAgeDays: 0, maxBytes: cap), nowMs: now)
        let after = try await store.statistics()
        #expect(after.totalBytes <= cap)
        #expect(result.deletedByAge == 0)
        // 200 KiB over the cap is about 22 events of 9 KiB plus their rows; deleting many more would be waste.
        #expect((20...26).contains(result.deletedBySize))
        #expect(result.deletedFiles == 2 * result.deletedBySize)
        #expect(after.eventCount == 60 - result.deletedBySize)

        let remaining = Set(try await store.allEvents().map(\.id))
        for (index, event) in events.enumerated() {
            let shouldRemain = index >= result.deletedBySize
            #expect(remaining.contains(event.id) == shouldRemain, "event \(index)")
            for path in [event.snapshotPath, event.cropPath].compactMap(\.self) {
                #expect(Fixtures.exists(directory.file(path)) == shouldRemain, "file of event \(index)")
            }
        }
    }

    @Test("a cap smaller than the empty database deletes every event and stops")
    func capBelowDatabase() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try EventStore.inMemory(dataDirectory: directory.path)
        for index in 0..<10 {
            _ = try await store.append(Fixtures.plate("TINY\(index)", at: Int64(index), snapshot: [0xFF, 0xD8]))
        }
        let result = try await store.applyRetention(RetentionPolicy(maxAgeDays: 0, maxBytes: 1), nowMs: now)
        #expect(result.deletedBySize == 10)
        #expect(try await store.statistics().eventCount == 0)
    }
}
