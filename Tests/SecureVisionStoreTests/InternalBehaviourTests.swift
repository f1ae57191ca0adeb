// SPDX-License-Identifier: Apache-2.0

import Foundation
import SecureVisionCore
import Testing

@testable import SecureVisionStore

/// Behaviour that needs a look inside the store: connection settings and a forced insert failure.
@Suite("Store internals")
struct InternalBehaviourTests {
    @Test("the writer is durable: WAL, synchronous FULL, foreign keys on")
    func durabilitySettings() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try EventStore.open(databasePath: directory.file("events.db"), dataDirectory: directory.path)
        let settings = try await store.durabilitySettings()
        #expect(settings.journalMode == "wal")
        #expect(settings.synchronous == 2)
        #expect(settings.foreignKeys)
    }

    @Test("a failed insert removes the files it wrote")
    func failedInsertRemovesFiles() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try EventStore.open(databasePath: directory.file("events.db"), dataDirectory: directory.path)
        try await store.executeForTesting(
            "CREATE TRIGGER refuse_events BEFORE INSERT ON events BEGIN SELECT RAISE(ABORT, 'refused'); END"
        )
        let error = await #expect(throws: StoreError.self) {
            try await store.append(
                Fixtures.plate("GONE", at: 1_700_000_000_000, snapshot: Fixtures.jpeg(size: 64), crop: [1, 2, 3])
            )
        }
        #expect(error?.message.contains("SELECT") == false)
        let day = directory.file("snapshots/2023/11/14")
        #expect(Fixtures.exists(day))
        #expect(try FileManager.default.contentsOfDirectory(atPath: day).isEmpty)
        #expect(try await store.statistics().eventCount == 0)
    }
}
