// SPDX-License-Identifier: Apache-2.0

import SecureVisionCore
import Testing

@Suite("Event broadcaster")
struct EventBroadcasterTests {
    static func event(_ id: Int64) -> Event {
        Event(id: id, type: .object, timestampMs: id, cameraID: "c", createdAtMs: id)
    }

    @Test("a subscriber that stops reading is cut off; publishing never waits, and others keep everything")
    func slowSubscriber() async throws {
        let broadcaster = EventBroadcaster()
        let slow = broadcaster.subscribe(bufferSize: 4)
        let fast = broadcaster.subscribe(bufferSize: 1000)
        #expect(broadcaster.subscriberCount == 2)
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for id in 1...500 { broadcaster.publish(Self.event(Int64(id))) }
        }
        #expect(elapsed < .seconds(2), "publishing must not block on a stalled subscriber")
        #expect(slow.overflowed)
        #expect(!fast.overflowed)
        var slowIDs: [Int64] = []
        for await event in slow.events { slowIDs.append(event.id) }
        #expect(slowIDs == [1, 2, 3, 4], "the slow subscriber keeps only what fitted, then its stream ends")
        var fastIDs: [Int64] = []
        for await event in fast.events {
            fastIDs.append(event.id)
            if fastIDs.count == 500 { break }
        }
        #expect(fastIDs == Array(1...500))
    }

    @Test("a finished subscription is removed")
    func unsubscribe() async {
        let broadcaster = EventBroadcaster()
        do {
            let subscription = broadcaster.subscribe()
            broadcaster.publish(Self.event(1))
            for await _ in subscription.events { break }
        }
        // The stream is released once the loop above ends and the subscription goes out of scope.
        for _ in 0..<100 where broadcaster.subscriberCount > 0 {
            try? await Task.sleep(for: .milliseconds(10))
        }
        #expect(broadcaster.subscriberCount == 0)
    }

    @Test("the publishing repository publishes only what was stored")
    func publishingRepository() async throws {
        struct FailingStore: EventRepository {
            struct Failure: Error {}
            func append(_ event: NewEvent) async throws -> Event { throw Failure() }
            func append(contentsOf events: [NewEvent]) async throws -> [Event] { throw Failure() }
            func events(matching query: EventQuery) async throws -> EventPage {
                EventPage(events: [], nextCursor: nil, totalCount: 0)
            }
            func event(id: Int64) async throws -> Event? { nil }
            func attachment(_ kind: EventAttachment, ofEvent id: Int64) async throws -> [UInt8]? { nil }
            func countEvents(since timestampMs: Int64) async throws -> Int { 0 }
            func applyRetention(_ policy: RetentionPolicy, nowMs: Int64) async throws -> RetentionResult {
                RetentionResult()
            }
            func statistics() async throws -> StoreStatistics {
                StoreStatistics(
                    eventCount: 0,
                    databaseBytes: 0,
                    fileBytes: 0,
                    oldestTimestampMs: nil,
                    newestTimestampMs: nil
                )
            }
        }
        let broadcaster = EventBroadcaster()
        let subscription = broadcaster.subscribe()
        let repository = PublishingEventRepository(base: FailingStore(), broadcaster: broadcaster)
        await #expect(throws: FailingStore.Failure.self) {
            try await repository.append(NewEvent(type: .object, timestampMs: 1, cameraID: "c"))
        }
        broadcaster.publish(Self.event(99))
        for await event in subscription.events {
            #expect(event.id == 99, "the failed append must not have been published")
            break
        }
    }
}
