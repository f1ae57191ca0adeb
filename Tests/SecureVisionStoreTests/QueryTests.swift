// SPDX-License-Identifier: Apache-2.0

import Foundation
import SecureVisionCore
import SecureVisionStore
import Testing

@Suite("Querying events")
struct QueryTests {
    /// A small, varied set of events in an in-memory store.
    private func makeStore(_ directory: TemporaryDirectory) async throws -> (EventStore, [Event]) {
        let store = try EventStore.inMemory(dataDirectory: directory.path)
        let inputs: [NewEvent] = [
            Fixtures.plate("AB12CD", at: 1000, camera: "gate"),
            Fixtures.plate("XY99ZZ", at: 2000, camera: "gate", list: "blacklist"),
            Fixtures.plate("AB12CD", at: 3000, camera: "yard", list: "whitelist"),
            Fixtures.face("alice", at: 3000, camera: "door"),
            Fixtures.face("bob", at: 4000, camera: "door"),
            Fixtures.face(nil, at: 5000, camera: "yard"),
            Fixtures.face("alice", at: 6000, camera: "gate"),
            NewEvent(type: .cameraOffline, timestampMs: 7000, cameraID: "yard"),
        ]
        var stored: [Event] = []
        for input in inputs { stored.append(try await store.append(input)) }
        return (store, stored)
    }

    private func ids(_ store: EventStore, _ configure: (inout EventQuery) -> Void) async throws -> [Int64] {
        var query = EventQuery()
        configure(&query)
        return try await store.events(matching: query).events.map(\.id)
    }

    @Test("newest first, ties broken by the higher id")
    func order() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (store, stored) = try await makeStore(directory)
        let page = try await store.events(matching: EventQuery())
        #expect(page.events.map(\.id) == [8, 7, 6, 5, 4, 3, 2, 1].map { stored[$0 - 1].id })
        #expect(page.totalCount == 8)
        #expect(page.nextCursor == nil)
    }

    @Test("each filter alone and combined")
    func filters() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (store, stored) = try await makeStore(directory)
        let id = { (index: Int) in stored[index].id }

        #expect(try await ids(store) { $0.types = [.faceMatch] } == [id(6), id(4), id(3)])
        #expect(try await ids(store) { $0.types = [.plateAlert, .cameraOffline] } == [id(7), id(1)])
        #expect(try await ids(store) { $0.cameraID = "yard" } == [id(7), id(5), id(2)])
        #expect(try await ids(store) { $0.personID = "alice" } == [id(6), id(3)])
        #expect(try await ids(store) { $0.plateText = "AB12CD" } == [id(2), id(0)])
        #expect(try await ids(store) { $0.plateText = "AB12C" }.isEmpty)
        #expect(try await ids(store) { $0.matchedList = "blacklist" } == [id(1)])
        #expect(try await ids(store) { $0.matchedList = "whitelist" } == [id(2)])
        #expect(try await ids(store) { $0.since = 3000 } == [id(7), id(6), id(5), id(4), id(3), id(2)])
        #expect(try await ids(store) { $0.until = 3000 } == [id(3), id(2), id(1), id(0)])
        #expect(
            try await ids(store) {
                $0.since = 3000; $0.until = 4000
            } == [id(4), id(3), id(2)]
        )
        #expect(
            try await ids(store) {
                $0.types = [.faceMatch]
                $0.cameraID = "door"
                $0.since = 3500
            } == [id(4)]
        )
        #expect(try await ids(store) { $0.cameraID = "gate' OR '1'='1" }.isEmpty)
        #expect(try await ids(store) { $0.personID = "%" }.isEmpty)

        var query = EventQuery()
        query.types = [.faceMatch, .faceUnknown]
        query.limit = 2
        let page = try await store.events(matching: query)
        #expect(page.totalCount == 4)
        #expect(page.events.map(\.id) == [id(6), id(5)])
        #expect(page.nextCursor == EventCursor(timestampMs: 5000, id: id(5)))
        query.cursor = page.nextCursor
        let second = try await store.events(matching: query)
        #expect(second.events.map(\.id) == [id(4), id(3)])
        #expect(second.totalCount == 4)
        #expect(second.nextCursor == nil)
    }

    @Test("counting events since a time")
    func countSince() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (store, _) = try await makeStore(directory)
        #expect(try await store.countEvents(since: 0) == 8)
        #expect(try await store.countEvents(since: 3000) == 6)
        #expect(try await store.countEvents(since: 7001) == 0)
    }

    @Test("the limit is clamped to 1...1000")
    func limitClamping() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try EventStore.inMemory(dataDirectory: directory.path)
        for index in 0..<1005 {
            _ = try await store.append(NewEvent(type: .object, timestampMs: Int64(index), cameraID: "c"))
        }
        for (limit, expected) in [(0, 1), (-5, 1), (1, 1), (37, 37), (1000, 1000), (1001, 1000), (5000, 1000)] {
            var query = EventQuery()
            query.limit = limit
            let page = try await store.events(matching: query)
            #expect(page.events.count == expected, "limit \(limit)")
            #expect(page.totalCount == 1005)
            #expect(page.nextCursor != nil)
        }
        var query = EventQuery()
        query.limit = 1000
        query.cursor = try await store.events(matching: query).nextCursor
        let last = try await store.events(matching: query)
        #expect(last.events.count == 5)
        #expect(last.nextCursor == nil)
        #expect(last.events.map(\.timestampMs) == [4, 3, 2, 1, 0])
    }

    @Test("a page that ends exactly at the last event has no next cursor")
    func exactLastPage() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (store, _) = try await makeStore(directory)
        var query = EventQuery()
        query.limit = 4
        let first = try await store.events(matching: query)
        #expect(first.nextCursor != nil)
        query.cursor = first.nextCursor
        let second = try await store.events(matching: query)
        #expect(second.events.count == 4)
        #expect(second.nextCursor == nil)
    }

    @Test("payload doubles with an integral value read back as equal numbers")
    func integralDoubles() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try EventStore.inMemory(dataDirectory: directory.path)
        let stored = try await store.append(
            NewEvent(type: .faceMatch, timestampMs: 1, cameraID: "c", payload: ["similarity": .double(1.0)])
        )
        // JSON has one number type: 1.0 is written as `1`, so Core's JSONValue reads it back as `.int(1)`.
        #expect(stored.payload["similarity"]?.doubleValue == 1.0)
    }
}
