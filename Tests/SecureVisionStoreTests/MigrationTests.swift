// SPDX-License-Identifier: Apache-2.0

import Foundation
import SecureVisionCore
import SecureVisionStore
import Testing

@Suite("Migrations")
struct MigrationTests {
    private let expected = [
        "v1-events", "v1-gallery", "v1-plate-lists", "v1-tokens", "v1-audit", "v2-event-totals",
        "v2-camera-type-index",
    ]

    @Test("open applies every migration; reopening applies none")
    func openMigrates() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        #expect(EventStore.knownMigrations == expected)
        let path = directory.file("events.db")
        do {
            let store = try EventStore.open(databasePath: path, dataDirectory: directory.path)
            #expect(try store.appliedMigrations == expected)
            #expect(try store.pendingMigrations.isEmpty)
            _ = try await store.append(Fixtures.plate("KEEP", at: 1))
            try store.close()
        }
        let reopened = try EventStore.open(databasePath: path, dataDirectory: directory.path)
        #expect(try reopened.appliedMigrations == expected)
        #expect(try await reopened.statistics().eventCount == 1)
    }

    @Test("a store opened without migrating reports them pending until migrate()")
    func pendingThenMigrate() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try EventStore.open(
            databasePath: directory.file("events.db"),
            dataDirectory: directory.path,
            applyingMigrations: false
        )
        #expect(try store.appliedMigrations.isEmpty)
        #expect(try store.pendingMigrations == expected)
        try store.migrate()
        #expect(try store.pendingMigrations.isEmpty)
        #expect(try await store.statistics().eventCount == 0)
    }
}
