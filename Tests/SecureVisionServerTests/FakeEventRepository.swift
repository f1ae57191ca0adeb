// SPDX-License-Identifier: Apache-2.0

import SecureVisionCore
import Synchronization

/// An in-memory event repository for route tests; the real store is tested in SecureVisionStoreTests.
final class FakeEventRepository: EventRepository {
    private let state = Mutex<[Event]>([])
    private let queries = Mutex<[EventQuery]>([])
    private let files = Mutex<[Int64: [UInt8]]>([:])
    let failing: Bool

    init(events: [Event] = [], snapshots: [Int64: [UInt8]] = [:], failing: Bool = false) {
        state.withLock { $0 = events }
        files.withLock { $0 = snapshots }
        self.failing = failing
    }

    /// The queries the routes made, to check how they parsed parameters.
    var lastQuery: EventQuery? { queries.withLock { $0.last } }

    private func checkFailure() throws {
        // Carries the kind of detail that must never reach a client.
        if failing { throw StoreError(.unavailable, "SQLite error 14: unable to open /secret/path/events.db") }
    }

    func append(contentsOf events: [NewEvent]) async throws -> [Event] {
        var stored: [Event] = []
        for event in events { stored.append(try await append(event)) }
        return stored
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
        queries.withLock { $0.append(query) }
        let events = state.withLock { $0 }.sorted { $0.timestampMs > $1.timestampMs }
            .filter { query.types.isEmpty || query.types.contains($0.type) }
        let page = Array(events.prefix(query.limit))
        let next =
            events.count > query.limit ? page.last.map { EventCursor(timestampMs: $0.timestampMs, id: $0.id) } : nil
        return EventPage(events: page, nextCursor: next, totalCount: events.count)
    }

    func event(id: Int64) async throws -> Event? {
        try checkFailure()
        return state.withLock { $0.first { $0.id == id } }
    }

    func attachment(_ kind: EventAttachment, ofEvent id: Int64) async throws -> [UInt8]? {
        try checkFailure()
        return kind == .snapshot ? files.withLock { $0[id] } : nil
    }

    func countEvents(since timestampMs: Int64) async throws -> Int {
        try checkFailure()
        return state.withLock { $0.filter { $0.timestampMs >= timestampMs }.count }
    }

    func applyRetention(_ policy: RetentionPolicy, nowMs: Int64) async throws -> RetentionResult {
        try checkFailure()
        let cutoff = nowMs - Int64(policy.maxAgeDays) * 86_400_000
        let removed = state.withLock { events in
            let before = events.count
            events.removeAll { $0.timestampMs < cutoff }
            return before - events.count
        }
        return RetentionResult(deletedByAge: removed)
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
