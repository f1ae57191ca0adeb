// SPDX-License-Identifier: Apache-2.0

internal import Synchronization

/// Counts events per key in fixed one-minute windows and says when a key is over its limit.
///
/// Used for failed authentications per client address and for requests per token. Memory is
/// bounded: when more than `maximumKeys` keys are tracked, expired windows are dropped, and if that
/// is not enough the oldest windows go.
final class SlidingWindowLimiter: Sendable {
    private struct Window {
        var start: Int64
        var count: Int
    }

    private let limit: Int
    private let windowMs: Int64
    private let maximumKeys: Int
    private let windows = Mutex<[String: Window]>([:])

    init(limit: Int, windowMs: Int64 = 60_000, maximumKeys: Int = 10_000) {
        self.limit = limit
        self.windowMs = windowMs
        self.maximumKeys = maximumKeys
    }

    /// Seconds until `key` may try again, or `nil` when it is under its limit.
    ///
    /// Asking does not count as an event.
    func retryAfter(_ key: String, nowMs: Int64) -> Int? {
        windows.withLock { windows in
            guard let window = windows[key], nowMs - window.start < windowMs, window.count >= limit else { return nil }
            return Int((window.start + windowMs - nowMs + 999) / 1000)
        }
    }

    /// Counts one event for `key`; returns the seconds to wait when this puts it over the limit.
    @discardableResult
    func record(_ key: String, nowMs: Int64) -> Int? {
        windows.withLock { windows in
            var window = windows[key] ?? Window(start: nowMs, count: 0)
            if nowMs - window.start >= windowMs { window = Window(start: nowMs, count: 0) }
            window.count += 1
            windows[key] = window
            if windows.count > maximumKeys { Self.evict(&windows, nowMs: nowMs, windowMs: windowMs, keep: maximumKeys) }
            return window.count > limit ? Int((window.start + windowMs - nowMs + 999) / 1000) : nil
        }
    }

    private static func evict(_ windows: inout [String: Window], nowMs: Int64, windowMs: Int64, keep: Int) {
        windows = windows.filter { nowMs - $0.value.start < windowMs }
        if windows.count > keep {
            let newest = windows.sorted { $0.value.start > $1.value.start }.prefix(keep)
            windows = Dictionary(uniqueKeysWithValues: newest.map { ($0.key, $0.value) })
        }
    }
}
