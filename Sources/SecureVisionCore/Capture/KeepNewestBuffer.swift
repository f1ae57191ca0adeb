// SPDX-License-Identifier: Apache-2.0

internal import Synchronization

/// A bounded hand-over from one producer thread to async consumers that keeps only the newest values.
///
/// ``push(_:)`` never blocks and never grows memory past ``capacity``: when the buffer is full the
/// oldest value is discarded and counted in ``droppedCount``. Consumers iterate it as an
/// `AsyncSequence`, which ends after ``finish()`` once the remaining values are taken.
///
/// ```swift
/// let buffer = KeepNewestBuffer<Frame>(capacity: 2)
/// for await frame in buffer { analyse(frame) }
/// ```
public final class KeepNewestBuffer<Element: Sendable>: Sendable {
    /// What ``push(_:)`` did with a value.
    public enum PushResult: Sendable, Equatable {
        /// Stored; nothing was discarded.
        case enqueued
        /// Stored after discarding the oldest value.
        case droppedOldest
        /// Discarded: the buffer was finished.
        case finished
    }

    private struct Waiter {
        let id: UInt64
        let continuation: CheckedContinuation<Element?, Never>
    }

    private enum TakeAction {
        case resume(Element?)
        case wait
    }

    private struct State {
        var items: [Element] = []
        var waiters: [Waiter] = []
        var nextWaiterID: UInt64 = 0
        var finished = false
        var dropped: UInt64 = 0
        var highWaterMark = 0
    }

    /// The most values held at once (at least 1).
    public let capacity: Int
    private let state = Mutex(State())

    /// Makes an empty buffer.
    /// - Parameter capacity: The most values held at once; values below 1 mean 1.
    public init(capacity: Int) {
        self.capacity = Swift.max(1, capacity)
    }

    /// Hands a value to a waiting consumer, or stores it, discarding the oldest when full.
    /// - Parameter element: The new value.
    /// - Returns: Whether a value was discarded to make room, or the buffer was already finished.
    @discardableResult
    public func push(_ element: Element) -> PushResult {
        let (waiter, result): (Waiter?, PushResult) = state.withLock { state in
            if state.finished { return (nil, .finished) }
            if !state.waiters.isEmpty { return (state.waiters.removeFirst(), .enqueued) }
            var result = PushResult.enqueued
            if state.items.count >= capacity {
                state.items.removeFirst()
                state.dropped += 1
                result = .droppedOldest
            }
            state.items.append(element)
            state.highWaterMark = Swift.max(state.highWaterMark, state.items.count)
            return (nil, result)
        }
        waiter?.continuation.resume(returning: element)
        return result
    }

    /// Ends the sequence; later pushes are discarded.
    ///
    /// Consumers take what is left, then see `nil`.
    public func finish() {
        let waiters = state.withLock { state in
            state.finished = true
            defer { state.waiters.removeAll() }
            return state.waiters
        }
        for waiter in waiters { waiter.continuation.resume(returning: nil) }
    }

    /// Values waiting to be taken now (never more than ``capacity``).
    public var count: Int { state.withLock { $0.items.count } }

    /// Values discarded because the consumer did not take them in time.
    public var droppedCount: UInt64 { state.withLock { $0.dropped } }

    /// The most values ever held at once.
    public var highWaterMark: Int { state.withLock { $0.highWaterMark } }

    /// Whether ``finish()`` was called.
    public var isFinished: Bool { state.withLock { $0.finished } }

    /// Takes the oldest stored value, waiting for one; `nil` once finished and empty, or on cancellation.
    /// - Returns: The next value, or `nil` at the end.
    public func next() async -> Element? {
        let id = state.withLock { state in
            defer { state.nextWaiterID &+= 1 }
            return state.nextWaiterID
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Element?, Never>) in
                let action: TakeAction = state.withLock { state in
                    if !state.items.isEmpty { return .resume(state.items.removeFirst()) }
                    if state.finished || Task.isCancelled { return .resume(nil) }
                    state.waiters.append(Waiter(id: id, continuation: continuation))
                    return .wait
                }
                if case .resume(let value) = action { continuation.resume(returning: value) }
            }
        } onCancel: {
            let waiter = state.withLock { state -> Waiter? in
                guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
                return state.waiters.remove(at: index)
            }
            waiter?.continuation.resume(returning: nil)
        }
    }
}

extension KeepNewestBuffer: AsyncSequence {
    public typealias Failure = Never

    /// Iterates the buffer; several iterators share the values.
    public struct AsyncIterator: AsyncIteratorProtocol {
        let buffer: KeepNewestBuffer<Element>

        /// The next value, or `nil` at the end.
        public mutating func next() async -> Element? {
            await buffer.next()
        }
    }

    /// Makes an iterator over the buffer.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(buffer: self)
    }
}
