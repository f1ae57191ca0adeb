// SPDX-License-Identifier: Apache-2.0

internal import Glibc

/// Monotonic and wall-clock time for the capture thread.
enum MediaClock {
    /// Seconds on a monotonic clock with an arbitrary origin.
    static func monotonicSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1_000_000_000
    }

    /// Milliseconds since the Unix epoch.
    static func wallClockMs() -> Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000
    }
}
