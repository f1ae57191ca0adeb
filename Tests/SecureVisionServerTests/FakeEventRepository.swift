// SPDX-License-Identifier: Apache-2.0

import SecureVisionCore
import Synchronization

/// An in-memory event repository for route tests; the real store is tested in SecureVisionStoreTests.
final class FakeEventRepository: EventRepository {
    private let state = Mutex<[Event]>([])
    let failing: Bool

    init(events: [Event] = [], failing: Bool = false) {
        state.withLock { $0 = events }
        self.failing = failing
    }

    private func checkFailure() throws {
        // Carries the kind of detail that must never reach a client.
        if failing { throw StoreError(.unavailable, "SQLite error 14: unable to open /secret/path/events.db") }
    }

    func append(_ event: NewEvent) async throws -> Event {
        try checkFailure()
        return state.withLock { events in
            let stored = Event(
                id: Int64(events.count + 1),
                type: event.type,
                timestampMs: event.timestampMs,
                cameraID: event.cameraID,
                createdAtMs: event.timestampMs,
                trackID: event.trackID,
                payload: event.payload
            )
            events.append(stored)
            return stored
        }
    }

    func events(matching query: EventQuery) async throws -> EventPage {
        try checkFailure()
        let events = state.withLock { $0 }.sorted { $0.timestampMs > $1.timestampMs }
        return EventPage(events: Array(events.prefix(query.limit)), nextCursor: nil, totalCount: events.count)
    }

    func event(id: Int64) async throws -> Event? {
        try checkFailure()
        return state.withLock { $0.first { $0.id == id } }
    }

    func countEvents(since timestampMs: Int64) async throws -> Int {
        try checkFailure()
        return state.withLock { $0.filter { $0.timestampMs >= timestampMs }.count }
    }

    func applyRetention(_ policy: RetentionPolicy, nowMs: Int64) async throws -> RetentionResult {
        try checkFailure()
        return RetentionResult()
    }

    func statistics() async throws -> StoreStatistics {
        try checkFailure()
        let count = state.withLock { $0.count }
        return StoreStatistics(
            eventCount: count,
            databaseBytes: 4096,
            fileBytes: 0,
            oldestTimestampMs: nil,
            newestTimestampMs: nil
        )
    }
}
