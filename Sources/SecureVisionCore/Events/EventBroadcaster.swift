// SPDX-License-Identifier: Apache-2.0

import Synchronization

/// Hands every stored event to in-process live subscribers (the WebSocket stream, webhooks, MQTT)
/// without ever blocking the publisher.
///
/// Each subscriber has a bounded buffer. A subscriber that falls that far behind is cut off and
/// told so (``EventSubscription/overflowed``) rather than slowing the pipeline or other subscribers.
public final class EventBroadcaster: Sendable {
    private struct Subscriber {
        let continuation: AsyncStream<Event>.Continuation
        let state: EventSubscription.State
    }

    private let subscribers = Mutex<[UInt64: Subscriber]>([:])
    private let nextID = Atomic<UInt64>(0)

    public init() {}

    /// The number of live subscribers, for metrics.
    public var subscriberCount: Int { subscribers.withLock { $0.count } }

    /// Starts a subscription; it ends when the consumer stops iterating or falls behind.
    /// - Parameter bufferSize: How many events may wait for the consumer before it is cut off.
    /// - Returns: The subscription, whose `events` yields every event published from now on.
    public func subscribe(bufferSize: Int = 256) -> EventSubscription {
        let id = nextID.add(1, ordering: .relaxed).newValue
        let state = EventSubscription.State()
        let (stream, continuation) = AsyncStream.makeStream(
            of: Event.self,
            bufferingPolicy: .bufferingOldest(max(1, bufferSize))
        )
        continuation.onTermination = { [weak self] _ in
            self?.subscribers.withLock { _ = $0.removeValue(forKey: id) }
        }
        subscribers.withLock { $0[id] = Subscriber(continuation: continuation, state: state) }
        return EventSubscription(events: stream, state: state)
    }

    /// Offers `event` to every subscriber; returns at once.
    public func publish(_ event: Event) {
        let current = subscribers.withLock { Array($0.values) }
        for subscriber in current {
            if case .dropped = subscriber.continuation.yield(event) {
                subscriber.state.markOverflowed()
                subscriber.continuation.finish()
            }
        }
    }
}

/// One live subscription to an ``EventBroadcaster``.
public struct EventSubscription: Sendable {
    /// Every event published after the subscription started, in order.
    public let events: AsyncStream<Event>
    let state: State

    /// Whether the subscription ended because its consumer fell too far behind.
    public var overflowed: Bool { state.overflowed }

    final class State: Sendable {
        private let flag = Atomic<Bool>(false)
        var overflowed: Bool { flag.load(ordering: .acquiring) }
        func markOverflowed() { flag.store(true, ordering: .releasing) }
    }
}
