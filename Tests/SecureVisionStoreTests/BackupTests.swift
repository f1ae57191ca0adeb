// SPDX-License-Identifier: Apache-2.0

import Foundation
import SecureVisionCore
import SecureVisionStore
import Testing

@Suite("Backup")
struct BackupTests {
    @Test("a backup opens as a store with the same events, gallery and mode 0600")
    func backupCopiesEverything() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try EventStore.open(databasePath: directory.file("events.db"), dataDirectory: directory.path)
        for index in 0..<25 {
            _ = try await store.append(Fixtures.plate("BACKUP\(index)", at: Int64(index)))
        }
        _ = try await store.upsertPerson(id: "alice", displayName: "Alice")
        let backupPath = directory.file("backup.db")
        try store.backup(to: backupPath)
        _ = try await store.append(Fixtures.plate("AFTER", at: 100))

        #expect(Fixtures.mode(backupPath) == 0o600)
        let copy = try EventStore.open(databasePath: backupPath, dataDirectory: directory.file("restored"))
        try copy.checkIntegrity()
        #expect(try copy.pendingMigrations.isEmpty)
        let original = try await store.allEvents().filter { $0.plateText != "AFTER" }
        #expect(try await copy.allEvents() == original)
        #expect(try await copy.people().map(\.id) == ["alice"])
    }

    @Test("a backup never overwrites an existing file")
    func refusesExistingDestination() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try EventStore.inMemory(dataDirectory: directory.path)
        let existing = directory.file("existing.db")
        let content = Data("keep me".utf8)
        try content.write(to: URL(fileURLWithPath: existing))
        let error = #expect(throws: StoreError.self) {
            try store.backup(to: existing)
        }
        #expect(error?.code == .conflict)
        #expect(error?.message.contains(existing) == true)
        #expect(try Data(contentsOf: URL(fileURLWithPath: existing)) == content)
    }

    @Test("a backup into a missing directory fails and leaves nothing")
    func missingDirectory() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try EventStore.inMemory(dataDirectory: directory.path)
        #expect(throws: StoreError.self) {
            try store.backup(to: directory.file("missing/backup.db"))
        }
        #expect(!Fixtures.exists(directory.file("missing")))
    }
}
