// SPDX-License-Identifier: Apache-2.0

internal import Dispatch
internal import Synchronization

/// A one-way stop flag that the capture thread can sleep on (backoff, real-time pacing).
///
/// Only the capture thread waits; ``stop()`` may be called from any thread, any number of times.
final class StopSignal: Sendable {
    private let stopped = Mutex(false)
    private let wakeUp = DispatchSemaphore(value: 0)

    /// Raises the flag and wakes the waiting thread.
    func stop() {
        let first = stopped.withLock { stopped in
            defer { stopped = true }
            return !stopped
        }
        if first { wakeUp.signal() }
    }

    /// Whether ``stop()`` was called.
    var isStopped: Bool { stopped.withLock { $0 } }

    /// Sleeps up to `seconds`, returning early when stopped.
    /// - Parameter seconds: The longest sleep.
    /// - Returns: `true` when stopped.
    @discardableResult
    func wait(seconds: Double) -> Bool {
        if isStopped { return true }
        if wakeUp.wait(timeout: .now() + max(0, seconds)) == .success {
            // Keep the signal for any later wait: a stopped source never sleeps again.
            wakeUp.signal()
        }
        return isStopped
    }
}
