// SPDX-License-Identifier: Apache-2.0

import Foundation
import SecureVisionCore
import SecureVisionStore
import Testing

@Suite("Appending and reading events")
struct AppendTests {
    @Test("an appended event reads back with every field and its exact payload")
    func roundTrip() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let clock = ManualClock(1_700_000_123_456)
        let store = try EventStore.open(
            databasePath: directory.file("data/events.db"),
            dataDirectory: directory.file("data"),
            nowMs: clock.closure
        )
        let payload: [String: JSONValue] = [
            "text_raw": "ab 12 cd", "text_clean": "AB12CD", "ocr_confidence": 0.8731, "detector_score": 0.55,
            "matched_list": "blacklist", "track_id": 42,
            "bbox": .object(["x1": 10, "y1": 20.5, "x2": 300, "y2": 400]),
            "tags": .array(["night", "rain", .null, true, false]), "note": "Zürich 🚗 \"quoted\" \\ slash",
            "nested": .object(["deeper": .object(["deepest": -12_345_678_901])]),
        ]
        let snapshot = Fixtures.jpeg(size: 5000, fill: 1)
        let crop = Fixtures.jpeg(size: 700, fill: 2)
        let new = NewEvent(
            type: .plateAlert,
            timestampMs: 1_700_000_000_000,
            cameraID: "gate-1",
            trackID: 42,
            payload: payload,
            snapshotJPEG: snapshot,
            cropJPEG: crop
        )
        let stored = try await store.append(new)

        #expect(stored.id > 0)
        #expect(stored.type == .plateAlert)
        #expect(stored.timestampMs == 1_700_000_000_000)
        #expect(stored.cameraID == "gate-1")
        #expect(stored.createdAtMs == 1_700_000_123_456)
        #expect(stored.trackID == 42)
        #expect(stored.payload == payload)
        #expect(stored.plateText == "AB12CD")
        #expect(stored.matchedList == "blacklist")
        let snapshotPath = try #require(stored.snapshotPath)
        let cropPath = try #require(stored.cropPath)
        #expect(snapshotPath.hasPrefix("snapshots/2023/11/14/"))
        #expect(snapshotPath.hasSuffix("-snapshot.jpg"))
        #expect(cropPath.hasSuffix("-crop.jpg"))
        #expect(!snapshotPath.hasPrefix("/"))

        let read = try #require(try await store.event(id: stored.id))
        #expect(read == stored)
        #expect(try await store.event(id: stored.id + 1000) == nil)
        #expect(try Data(contentsOf: URL(fileURLWithPath: directory.file("data/" + snapshotPath))) == Data(snapshot))
        #expect(try Data(contentsOf: URL(fileURLWithPath: directory.file("data/" + cropPath))) == Data(crop))

        let statistics = try await store.statistics()
        #expect(statistics.eventCount == 1)
        #expect(statistics.fileBytes == Int64(snapshot.count + crop.count))
        #expect(statistics.oldestTimestampMs == 1_700_000_000_000)
        #expect(statistics.databaseBytes > 0)
    }

    @Test("an event without files stores no paths")
    func noFiles() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try EventStore.inMemory(dataDirectory: directory.path)
        let stored = try await store.append(Fixtures.face("alice", at: 1000))
        #expect(stored.snapshotPath == nil)
        #expect(stored.cropPath == nil)
        #expect(stored.personID == "alice")
        #expect(try await store.statistics().fileBytes == 0)
    }

    @Test("files, directories and the database are owner-only")
    func permissions() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let data = directory.file("data")
        let store = try EventStore.open(databasePath: data + "/events.db", dataDirectory: data)
        let stored = try await store.append(
            Fixtures.plate(
                "PERM1",
                at: 1_700_000_000_000,
                snapshot: Fixtures.jpeg(size: 100),
                crop: Fixtures.jpeg(size: 50)
            )
        )
        #expect(Fixtures.mode(data) == 0o700)
        #expect(Fixtures.mode(data + "/snapshots") == 0o700)
        #expect(Fixtures.mode(data + "/snapshots/2023") == 0o700)
        #expect(Fixtures.mode(data + "/snapshots/2023/11") == 0o700)
        #expect(Fixtures.mode(data + "/snapshots/2023/11/14") == 0o700)
        #expect(Fixtures.mode(data + "/" + (stored.snapshotPath ?? "")) == 0o600)
        #expect(Fixtures.mode(data + "/" + (stored.cropPath ?? "")) == 0o600)
        #expect(Fixtures.mode(data + "/events.db") == 0o600)
        #expect(Fixtures.exists(data + "/events.db-wal"))
        #expect(Fixtures.mode(data + "/events.db-wal") == 0o600)
        #expect(Fixtures.mode(data + "/events.db-shm") == 0o600)
    }

    @Test("an existing data directory keeps its mode")
    func existingDirectoryUntouched() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.path)
        _ = try EventStore.open(databasePath: directory.file("events.db"), dataDirectory: directory.path)
        #expect(Fixtures.mode(directory.path) == 0o755)
        #expect(Fixtures.mode(directory.file("snapshots")) == 0o700)
    }

    @Test("many concurrent appends all land with distinct ids")
    func concurrentAppends() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try EventStore.open(databasePath: directory.file("events.db"), dataDirectory: directory.path)
        let ids = try await withThrowingTaskGroup(of: Int64.self) { group in
            for index in 0..<40 {
                group.addTask {
                    try await store.append(Fixtures.plate("C\(index)", at: Int64(index), snapshot: [0xFF, 0xD8])).id
                }
            }
            return try await group.reduce(into: Set<Int64>()) { $0.insert($1) }
        }
        #expect(ids.count == 40)
        #expect(try await store.statistics().eventCount == 40)
    }
}
