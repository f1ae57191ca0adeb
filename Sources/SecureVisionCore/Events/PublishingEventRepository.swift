// SPDX-License-Identifier: Apache-2.0

/// An event repository that publishes every event to live subscribers once it is committed.
///
/// Whoever appends (the pipeline, camera status changes) goes through this, so no event reaches
/// the store without reaching the live stream, and none reaches the stream before it is stored.
public struct PublishingEventRepository: EventRepository {
    public let base: any EventRepository
    public let broadcaster: EventBroadcaster

    public init(base: any EventRepository, broadcaster: EventBroadcaster) {
        self.base = base
        self.broadcaster = broadcaster
    }

    public func append(_ event: NewEvent) async throws -> Event {
        let stored = try await base.append(event)
        broadcaster.publish(stored)
        return stored
    }

    public func append(contentsOf events: [NewEvent]) async throws -> [Event] {
        let stored = try await base.append(contentsOf: events)
        for event in stored { broadcaster.publish(event) }
        return stored
    }

    public func events(matching query: EventQuery) async throws -> EventPage {
        try await base.events(matching: query)
    }

    public func event(id: Int64) async throws -> Event? {
        try await base.event(id: id)
    }

    public func attachment(_ kind: EventAttachment, ofEvent id: Int64) async throws -> [UInt8]? {
        try await base.attachment(kind, ofEvent: id)
    }

    public func countEvents(since timestampMs: Int64) async throws -> Int {
        try await base.countEvents(since: timestampMs)
    }

    public func applyRetention(_ policy: RetentionPolicy, nowMs: Int64) async throws -> RetentionResult {
        try await base.applyRetention(policy, nowMs: nowMs)
    }

    public func statistics() async throws -> StoreStatistics {
        try await base.statistics()
    }
}
